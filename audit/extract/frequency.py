"""Facet ``frequency``: how common a source says a type or the condition is.

Values: ``most_common`` (a rank among the types: "A is the most common type",
"The most common form, A, ...", "A occurs most frequently", "the most
frequently seen variety", "A accounts for most cases", "the more common type";
"Types A and B are the most common forms" names both), and the occurrence
words ``common``, ``uncommon``, ``rare``, ``very_rare`` ("A is a very rare
subtype", "In this rare form", "generally considered rare", "is rarely seen",
"is not common" (uncommon), "is not rare" (common), a table row "A | Very
rare"). ``object`` holds the population when the statement is limited to one
("common in systemic sclerosis"); ``hedge`` keeps the softening words.

A rank is only about the whole condition when nothing narrows it: "the most
common type of juvenile X" or "the most common form in children" carries the
restriction in ``scope`` ("juvenile", "children"), a narrower scope of the
condition the lexicon names carries that scope. "The second most common
form", "one of the most common", "the most common form after A" are not
ranks of A first.

Adverbs ("occurs very rarely in the scrotum") and "in rare cases" are not
frequency claims about a type.
"""
from __future__ import annotations

import re
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence
from audit.extract.claim import Claim
from audit.extract.cues import CONDITIONAL_BEFORE_PATTERN, COUNT_MODIFIER_PATTERN, HEDGE_PATTERN, TYPE_NOUN_PATTERN
from audit.extract.type_named import GENERIC_CONDITION

FACET = "frequency"

_MOST_ADJ = (r"(?:(?:by\s+far\s+)?(?:most\s+(?:common|frequent|prevalent|widespread|(?:frequently|commonly|often)\s+"
             r"(?:seen|encountered|diagnosed|reported|observed|found|occurring|described))|commonest)|"
             r"more\s+common)")
_MOST_COMMON_NOUN = re.compile(
    rf"\b(?:the\s+)?(?P<adj>{_MOST_ADJ})\s+(?:\w+\s+){{0,2}}?{TYPE_NOUN_PATTERN}\b")
# "Hep A is the most common one": "one" stands for the type noun ("one of the most common" is no first rank).
_MOST_COMMON_ONE = re.compile(rf"\b(?:the\s+)?(?P<adj>{_MOST_ADJ})\s+one\b(?!\s+of\b)")
_MOST_COMMON_VERB = re.compile(r"\b(?:occurs?|is seen|are seen|develops?|appears?|is found|presents?|is diagnosed)\s+"
                               r"most\s+(?:frequently|commonly|often)\s*(?=[.,;]|$)")
# "The A and B forms are most common." (a predicate that ends the clause; "is most common in patients with Y"
# says where a type occurs, not that it ranks first)
_MOST_COMMON_PREDICATE = re.compile(r"\b(?:is|are)\s+(?:(?:by\s+far|easily|probably|still)\s+)?(?:the\s+)?(?:by\s+far\s+)?"
                                    r"most\s+(?:common|frequent|prevalent)"
                                    r"\s*(?=[.;,]|$)")
# "A - the form we see most often", "the type doctors diagnose most frequently".
_MOST_SEEN = re.compile(rf"\b(?:the\s+)?{TYPE_NOUN_PATTERN}\s+(?:that\s+)?(?:we|doctors|clinicians|physicians|you|people|i)\s+"
                        r"(?:see|diagnose|treat|encounter|meet|get)\s+(?:the\s+)?most\s*(?:often|frequently|commonly)?\b")
# "The A and B forms": two types sharing one noun.
_SHARED_NOUN = re.compile(rf"\b(?P<a>[a-z][\w-]*)\s+and\s+(?P<b>[a-z][\w-]*)\s+(?P<noun>{TYPE_NOUN_PATTERN})\s*$")
# "Types I and IV": a plural type noun before the first label.
_PLURAL_LABELS = re.compile(r"^(?:types|forms|subtypes|kinds)\s")
# "A accounts for most cases", "makes up the majority of cases", "is responsible for most cases".
_ACCOUNTS_FOR = re.compile(
    r"\b(?:accounts?|accounting|accounted|makes?\s+up|making\s+up|made\s+up|(?:is|are)\s+responsible)\s+for\s+"
    r"(?:the\s+)?(?:(?:vast|great|overwhelming)\s+)?(?:majority|most|bulk|largest\s+(?:share|proportion|number|part))"
    r"(?:\s+of)?(?:\s+(?:all|the))?\s+(?:cases|patients|diagnoses|people|individuals|instances|attacks)\b|"
    r"\b(?:accounts?|accounting|accounted)\s+for\s+most\b")
# A run of capitalised words with an occurrence word inside ("Living Rare X Network", "Rare Diseases Foundation").
_IN_PROPER_NAME = re.compile(r"(?:[A-Z][\w'-]*\s+)*(?:Rare|Common|Uncommon)(?:\s+[A-Z][\w'-]*)+")
_AMONG_OPENING = re.compile(rf"\W*(?:among|of|within|in)\s+(?:the\s+)?(?P<words>(?:[a-z][\w-]*\s+){{1,3}}?)"
                            rf"{TYPE_NOUN_PATTERN}\s*,")
# "In children, ...", "Among people with B, ...", "in developing countries, where ..., ...": a group a clause opens with.
_FRONTED = re.compile(r"[^\w,]*(?:in|among|for)\s+(?:the\s+)?(?P<words>[a-z][\w'-]*(?:\s+[\w'-]+){0,7}?)\s*,")
# Openings that name no group: "In most cases,", "In general,", "In our clinic,".
# Modifiers that do not narrow a group ranked in ("Among the main forms,"); "inherited", "congenital" do.
_RANK_GENERIC = {"main", "major", "primary", "principal", "different", "distinct", "basic", "broad", "general", "key",
                 "separate", "recognized", "recognised", "known", "clinical", "specific", "core", "important", "common",
                 "chief", "leading", "established", "official", "classic", "classical", "various", "several", "many"}
_NOT_A_GROUP_END = {"cases", "instances", "ways", "respects", "situations", "circumstances", "studies", "series",
                    "words", "view", "opinion", "experience", "times", "years", "past", "end", "meantime"}
_NOT_A_GROUP = {"most", "general", "fact", "addition", "short", "summary", "practice", "total", "particular", "contrast",
                "comparison", "brief", "other", "this", "that", "these", "those", "my", "our", "your", "their",
                "many", "all", "any", "each", "both", "recent", "rare", "practice", "theory", "turn", "sum", "one", "such"}
_AMONG_NOUN_THEN = re.compile(rf"\W*(?:among|of|within)\s+(?:the|these|those)\s+(?:\w+\s+)?{TYPE_NOUN_PATTERN}\s+"
                              rf"(?P<words>(?:that|which|outside|inside|in|of|with|without|affecting|seen|found|beyond)\b[^,;:]{{2,50}}),")
_RANKED_IN = re.compile(r"\s+(?:of|among|within)\s+(?:the\s+|all\s+)?")
# "(the most common type) overall is A", "(... of B) in adults is A": what stands between a rank and its subject.
_RANK_VERB = re.compile(r"[\s,]*(?:(?:overall|worldwide|by\s+far|(?:in|among)\s+(?:the\s+)?[a-z]+(?:\s+(?!(?:with|who|having)\b)[a-z]+)?)[\s,]+)?"
                        r"(?:(?:is|are|being|remains|was)\b)?[\s,]*(?:(?:still|probably|likely|usually|generally)\s+)?")
# "A is the most common porphyria": the condition's own name as the rank's noun.
_MOST_BEFORE_NAME = re.compile(r"\b(?:the\s+)?(?:by\s+far\s+)?(?:most\s+(?:common|frequent|prevalent)|commonest)\s+"
                               r"(?P<words>(?:(?!(?:of|in|for|among|cause|causes|reason)\b)[a-z][\w-]*\s+){0,2}?)$")
# Not a first rank: "the second most common", "one of the most common", "among the most frequent".
_NOT_FIRST_BEFORE = re.compile(r"(?:\b(?:second|third|fourth|fifth|sixth|next|2nd|3rd|4th|5th)\s*$|"
                               r"\b(?:one|some|two|three|several)\s+of\s+(?:the\s+)?$|\bamong\s+(?:the\s+)?$)")
_NOT_FIRST_AFTER = re.compile(r"^\s*(?:,\s*)?(?:after|behind|next\s+to|other\s+than|besides|apart\s+from|except)\b")
# "the more common type" is a rank only with the definite article.
_DEFINITE = re.compile(r"\bthe\s+$")
# "of juvenile X", "of inherited X": words narrowing the condition the type is ranked in.
_OF_NARROWED = re.compile(r"^\s+of\s+(?P<words>(?:[a-z][\w'-]*\s+){1,3}?)$")
_OF_TRIVIAL = {"the", "all", "this", "that", "these", "those", "its", "their", "a", "an"}
# "in children", "among adults": a demographic restriction after the rank.
_DEMOGRAPHIC = re.compile(
    r"^\s+(?:seen\s+|found\s+|diagnosed\s+)?(?:in|among)\s+(?:the\s+)?(?P<who>(?:young\s+|older\s+|elderly\s+)?"
    r"(?:children|adults|infants|newborns|babies|adolescents|teenagers|women|men|males|females|boys|girls|"
    r"the\s+elderly|elderly\s+people|older\s+people|young\s+people|young\s+adults|older\s+adults|"
    r"pregnant\s+women|(?:older|younger|young|elderly)\s+folks))\b")
_OCCURRENCE = re.compile(
    r"\b(?P<negation>(?:not|n't|never)\s+(?:a\s+|an\s+|very\s+|particularly\s+|that\s+|so\s+|especially\s+|all\s+that\s+)?)?"
    r"(?P<degree>very|extremely|exceedingly|quite|particularly|relatively|fairly|generally considered|considered|"
    r"thought to be|especially)?\s*(?P<word>rare|uncommon|common)\b(?!ly)")
_RARELY_SEEN = re.compile(r"\b(?:is|are)\s+(?P<degree>very\s+|extremely\s+)?(?:rarely|seldom|infrequently)\s+"
                          r"(?:seen|encountered|diagnosed|reported|observed|found)\b|"
                          r"\b(?:occurs?|develops?|happens?)\s+(?P<degree2>very\s+|extremely\s+)?(?:rarely|seldom)\s*"
                          r"(?=[.,;]|$|\s+in\s+#)")
_NOT_ABOUT_TYPE = re.compile(r"\bin\s+rare\s+cases\b|\brare\s+(?:cases|instances|occasions)\b|\b(?:common|uncommon|rare)\s+(?:cause|complication|finding|symptom|treatment|sign|trigger|consequence)s?\b")
_COMPARATIVE_BEFORE = re.compile(r"\b(?:more|less|most|least)\s+$")
_LISTED_AFTER = re.compile(rf"\s+(?:\w+\s+)?{TYPE_NOUN_PATTERN}\s*,?\s*(?:such as|like|including)\b")
_TABLE_VALUE = re.compile(r"(?:^|\s|\|)(?P<degree>very\s+)?(?P<word>rare|uncommon|common)(?:\s|\||$)")
_COORDINATION = re.compile(r"^[\s,]*(?:and|or|as\s+well\s+as)?[\s,]*$")
_OPPOSITE = {"common": "uncommon", "uncommon": "common", "rare": "common"}


def _value(word: str, degree: str | None) -> str:
    if word == "rare" and degree and degree.strip() in ("very", "extremely", "exceedingly"):
        return "very_rare"
    return word


def _subjects_near(analysis: DocumentAnalysis, sentence: Sentence, cue_start: int, cue_end: int) -> list[str]:
    """The types or the condition a frequency cue is about ("Types A and B are ...": both)."""
    clause_mentions = [m for m in sentence.mentions if m.kind in (*TYPE_LIKE, "condition", "scope")
                       and not _bare_adjective(analysis, sentence, m)]
    ranked_in = next((m for m in sentence.mentions if m.start >= cue_end), None)
    if ranked_in is not None and _RANKED_IN.fullmatch(analysis.folded[cue_end:ranked_in.start]):
        cue_end = ranked_in.end  # "the most common type of B is A": the rank is within B, its subject after
        verb = _RANK_VERB.match(analysis.folded, cue_end)
        after = [m for m in clause_mentions if verb and m.start == verb.end() and m.kind in TYPE_LIKE]
        if after:
            return [after[0].name]
    after = [m for m in clause_mentions if m.start >= cue_end
             and _RANK_VERB.fullmatch(analysis.folded[cue_end:m.start])]
    if after:
        return [after[0].name]
    apposed = _APPOSITION_BEFORE.match(analysis.folded, sentence.start, cue_start)
    if apposed:  # "A, another variant of B, is rare": the rarity is A's
        subjects = [m for m in clause_mentions if m.end <= apposed.end("subject")]
        if subjects:
            return [subjects[-1].name]
    before = [m for m in clause_mentions if m.end <= cue_start]
    if before:
        between = analysis.folded[before[-1].end:cue_start]
        if re.search(r"\b(?:it|this|they)\b", between):
            return [before[0].name]  # "A is a subtype of B, and it is rare": "it" is the subject, A
        chosen = [before[-1]]
        for previous in reversed(before[:-1]):
            if not _COORDINATION.match(analysis.folded[previous.end:chosen[-1].start]):
                break
            chosen.append(previous)
        return [m.name for m in reversed(chosen)]
    if re.match(r"^\W*(?:[\w ]{2,60}:\s+)?(?:(?:in|with)\s+)?(?:this|it|that)\b", sentence.folded):
        return [sentence.context_type] if sentence.context_type else []
    return []


# Words after a bare adjective that show it stands for the type ("Hereditary is the most common", "hereditary or ...").
_APPOSITION_BEFORE = re.compile(r"(?P<subject>[^,;:]*?),[^,;:]{3,120},\s*(?:is|are|was|were|remains)\b(?:\s+\w+)?(?:\s+an?)?\s*$")
_NOT_A_NOUN = {"is", "are", "was", "were", "has", "have", "had", "and", "or", "nor", "but", "remains", "accounts",
               "makes", "can", "may", "might", "will", "would", "tends", "seems", "appears", "occurs", "being", "then",
               "also", "still", "which", "that", "in", "of", "among", "at", "on", "for", "with", "by", "as"}


def _bare_adjective(analysis: DocumentAnalysis, sentence: Sentence, mention) -> bool:
    """A type's bare adjective ("acquired" for "acquired X") before a noun that is no type noun: "rare,
    acquired growths", "the common acquired process" describe something else."""
    written = analysis.folded[mention.start:mention.end]
    if mention.kind not in TYPE_LIKE or " " in written or mention.start == sentence.start or sentence.is_table_like:
        return False  # a line's or a row's label names the type
    term = analysis.topic.term(mention.kind, mention.name)
    if term is None or not any(" ".join(form.lower().split()).startswith(written + " ") for form in term.forms):
        return False
    following = re.match(r"\s+([a-z][\w-]*)", analysis.folded[mention.end:sentence.end])
    return following is not None and following.group(1) not in _NOT_A_NOUN \
        and not re.fullmatch(TYPE_NOUN_PATTERN, following.group(1)) \
        and not any(m.start == mention.end + following.start(1) for m in sentence.mentions)


def _shared_noun_types(analysis: DocumentAnalysis, sentence: Sentence, cue_start: int) -> list[str]:
    """ "The A and B forms are ...": A and B when the lexicon knows "A form"/"A type" (or A) as types."""
    match = _SHARED_NOUN.search(sentence.folded[: cue_start - sentence.start])
    if not match:
        return []
    names = []
    for word in (match.group("a"), match.group("b")):
        for written in (f"{word} type", f"{word} form", word):
            found = [m for m in analysis.matcher.find(written) if m.kind in TYPE_LIKE and m.end - m.start == len(written)]
            if found:
                names.append(found[0].name)
                break
        else:
            return []
    return names


def _with_listed_labels(analysis: DocumentAnalysis, sentence: Sentence, subjects: list[str]) -> list[str]:
    """ "Types I and IV are ...": every label the plural noun lists, not only the first."""
    from audit.extract.type_named import numeral_list_members

    first = next((m for m in sentence.mentions if m.kind in TYPE_LIKE and m.name in subjects), None)
    if first is None or not _PLURAL_LABELS.match(analysis.folded[first.start:first.end]):
        return subjects
    members = numeral_list_members(analysis, sentence)
    return members if first.name in members else subjects


def _subject_name(analysis: DocumentAnalysis, name: str) -> tuple[str, str]:
    """Map a scope to (condition, scope); types and the condition stay as they are."""
    topic = analysis.topic
    if any(scope.name == name for scope in topic.scopes):
        return topic.condition.name, name
    return name, ""


def _hedge(sentence: Sentence, cue_start: int) -> str:
    """Softening words in the clause of the cue ("generally considered", "may be")."""
    folded = sentence.folded
    left = max(folded.rfind(mark, 0, cue_start) for mark in (";", ",", ":"))
    words = [m.group(0) for m in HEDGE_PATTERN.finditer(folded[left + 1:cue_start])]
    words += [m.group(0) for m in re.finditer(r"\bconsidered\b",
                                               folded[left + 1:cue_start])]
    return "; ".join(dict.fromkeys(words))


def _claim(analysis, sentence, subject, value, extractor, population="", scope="", hedge="") -> Claim:
    subject, subject_scope = _subject_name(analysis, subject)
    obj = analysis.topic.condition.name if value == "most_common" else population
    return Claim(source_id=analysis.document.source_id, facet=FACET, subject=subject, object=obj, value=value,
                 scope=scope or subject_scope, hedge=hedge, quote=sentence.text, start=sentence.start,
                 end=sentence.end, extractor=extractor)


def _population(sentence: Sentence, cue_end: int) -> str:
    populations = [m for m in sentence.mentions if m.kind == "population" and m.start >= cue_end]
    return populations[0].name if populations else ""


def _clause_start(sentence: Sentence, cue_end: int) -> int:
    return max((m.end() for m in re.finditer(r";", sentence.folded[:cue_end - sentence.start])), default=0)


def _among_scope(sentence: Sentence, cue_end: int) -> str:
    """"Among the congenital forms, A is the most common": the words that narrow the group ranked in."""
    relative_end = cue_end - sentence.start
    among = _AMONG_OPENING.match(sentence.folded, _clause_start(sentence, cue_end))
    if among is not None and among.end() <= relative_end:
        words = [w for w in among.group("words").split() if w not in _OF_TRIVIAL and w not in _RANK_GENERIC]
        return " ".join(words)
    among = _AMONG_NOUN_THEN.match(sentence.folded, _clause_start(sentence, cue_end))
    if among is not None and among.end() <= relative_end:  # "Of the forms outside the lungs, A is the most common"
        return " ".join(among.group("words").split())
    return ""


def _fronted_scope(sentence: Sentence, cue_end: int) -> str:
    """"In children, A is ...; in developing countries, B is ...": a group the rank's own clause opens with."""
    relative_end = cue_end - sentence.start
    if _AMONG_OPENING.match(sentence.folded, _clause_start(sentence, cue_end)):
        return ""  # "Among the main forms,": a group of types, read by _among_scope
    fronted = _FRONTED.match(sentence.folded, _clause_start(sentence, cue_end))
    if fronted is None or fronted.end() > relative_end or fronted.group("words").split()[0] in _NOT_A_GROUP \
            or fronted.group("words").split()[-1] in _NOT_A_GROUP_END:
        return ""
    start, end = sentence.start + fronted.start("words"), sentence.start + fronted.end("words")
    populations = [m for m in sentence.mentions if start <= m.start and m.end <= end and m.kind == "population"]
    if populations and populations[0].end - populations[0].start == end - start:
        return populations[0].name
    return " ".join(fronted.group("words").split())


def _rank_scope(analysis: DocumentAnalysis, sentence: Sentence, cue_end: int) -> str:
    """What narrows a rank: a named scope of the condition, words before the condition, a population or group,
    or an opening "Among the congenital forms,"."""
    among = _among_scope(sentence, cue_end)
    if among:
        return among
    rest = sentence.folded[cue_end - sentence.start:]
    following = [m for m in sentence.mentions if m.start >= cue_end]
    if following and re.fullmatch(r"\s+of\s+(?:the\s+|all\s+)?", analysis.folded[cue_end:following[0].start]):
        nxt = following[0]
        if nxt.kind == "scope":
            return nxt.name
        if nxt.kind == "population":
            return nxt.name
        if nxt.kind in TYPE_LIKE:  # "the commonest subtype of B": a rank among B's subtypes
            return nxt.name
    if following and following[0].kind in ("condition", "scope"):
        narrowed = _OF_NARROWED.match(analysis.folded[cue_end:following[0].start])
        if narrowed:
            words = [w for w in narrowed.group("words").split() if w not in _OF_TRIVIAL]
            if words:
                return " ".join(words)
    demographic = _population_after(analysis, sentence, cue_end)
    if demographic:
        return demographic
    place = _IN_PLACE.match(sentence.text, cue_end - sentence.start)  # "the most common form in Mediterranean countries"
    if place:
        return " ".join(place.group("place").lower().split())
    within = re.match(r"^\s+(?:\w+\s+){0,3}?(?:in|among)\s+(?:(?:people|patients|those|individuals)\s+(?:with|who\s+have)\s+)?$",
                      analysis.folded[cue_end:following[0].start]) if following else None
    if within and following[0].kind == "population":
        return following[0].name
    return _fronted_scope(sentence, cue_end)


def _population_after(analysis: DocumentAnalysis, sentence: Sentence, at: int) -> str:
    """"in children", "among kids": a demographic word or a lexicon population right after a rank."""
    demographic = _DEMOGRAPHIC.match(analysis.folded[at:sentence.end])
    if demographic:
        return " ".join(demographic.group("who").split())
    population = next((m for m in sentence.mentions if m.start >= at and m.kind == "population"), None)
    if population is not None and re.fullmatch(r"\s+(?:seen\s+|found\s+|diagnosed\s+)?(?:in|among)\s+(?:the\s+)?",
                                               analysis.folded[at:population.start]):
        return population.name
    return ""


# A place named right after a rank (capitalised, as written): "in Europe", "in Mediterranean countries".
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|of|countries|regions|"
                       r"populations))*)")
# Words between the rank and its noun that do not narrow it: "the most common clinical form".
_GENERIC_MODIFIERS = set(COUNT_MODIFIER_PATTERN.strip("(?:)").split("|")) | {"type", "form", "kind", "variety"}


def _modifier_scope(sentence: Sentence, cue: re.Match) -> str:
    """"the most common adult form": a word between the rank and its noun narrows it (scope "adult")."""
    between = sentence.folded[cue.end("adj"):cue.end()].split()[:-1]
    words = [word for word in between if word not in _GENERIC_MODIFIERS and word not in _OF_TRIVIAL]
    return " ".join(words)


def _most_common(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    folded = sentence.folded
    for pattern in (_MOST_COMMON_NOUN, _MOST_COMMON_ONE, _MOST_COMMON_VERB, _ACCOUNTS_FOR, _MOST_COMMON_PREDICATE,
                    _MOST_SEEN):
        for cue in pattern.finditer(folded):
            before, after = folded[:cue.start()], folded[cue.end():]
            if _NOT_FIRST_BEFORE.search(before) or _NOT_FIRST_AFTER.match(after):
                continue
            if pattern in (_MOST_COMMON_NOUN, _MOST_COMMON_ONE) and cue.group("adj").startswith("more") \
                    and not _DEFINITE.search(folded[:cue.start("adj")]):
                continue  # "a more common form" compares; "the more common type" ranks
            start, end = sentence.start + cue.start(), sentence.start + cue.end()
            if pattern is _MOST_COMMON_NOUN and _ranked_in_other(analysis, sentence, end):
                continue  # "A is the most common form of occupational skin disease": a rank among other things
            scope = _rank_scope(analysis, sentence, end) if pattern in (_MOST_COMMON_NOUN, _MOST_COMMON_ONE,
                                                                         _MOST_COMMON_VERB) \
                else (_among_scope(sentence, end) or _fronted_scope(sentence, end))
            if pattern is _MOST_SEEN and re.search(r"\b(?:we|i)\s+\w+\s+(?:the\s+)?most\b", cue.group(0)) and not scope:
                scope = "in the writer's practice"  # "the form we see most often": one clinic's patients
            if pattern is _MOST_COMMON_NOUN and not scope:
                scope = _modifier_scope(sentence, cue)
            subjects = _shared_noun_types(analysis, sentence, start) or _with_listed_labels(
                analysis, sentence, _subjects_near(analysis, sentence, start, end))
            for subject in subjects:
                if subject != analysis.topic.condition.name:
                    yield _claim(analysis, sentence, subject, "most_common", "frequency.most_common", scope=scope,
                                 hedge=_hedge(sentence, cue.start()))


def _ranked_in_other(analysis: DocumentAnalysis, sentence: Sentence, cue_end: int) -> bool:
    """"the most common form of <words no lexicon name starts>": ranked among something other than the condition."""
    of = re.match(r"\s+(?:of|among)\s+(?:all\s+)?", analysis.folded[cue_end:sentence.end])
    if of is None:
        return False
    at = cue_end + of.end()
    # a lexicon name within the next few words ("of juvenile X", "of the inherited X") keeps the rank in the condition
    if any(m.start >= at and re.fullmatch(r"(?:[\w-]+\s+){0,3}", analysis.folded[at:m.start]) for m in sentence.mentions):
        return False
    return not GENERIC_CONDITION.match(analysis.folded, at)


def _most_common_named(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """"A is the most common porphyria", "A is the most common acute porphyria in children": the rank's noun is
    the condition (or a scope of it), and the type ranked is the clause's subject."""
    for mention in sentence.mentions:
        if mention.kind not in ("condition", "scope"):
            continue
        cue = _MOST_BEFORE_NAME.search(analysis.folded, sentence.start, mention.start)
        if cue is None or _NOT_FIRST_BEFORE.search(analysis.folded, sentence.start, cue.start()):
            continue
        before = [m for m in sentence.mentions if m.end <= cue.start() and m.kind in TYPE_LIKE]
        if not before or not re.fullmatch(r"[\s,]*(?:\([^()]{1,20}\)[\s,]*)?(?:is|was|remains)\s+(?:\w+\s+)?",
                                          analysis.folded[before[-1].end:cue.start()]):
            continue
        words = [w for w in cue.group("words").split() if w not in _GENERIC_MODIFIERS and w not in _OF_TRIVIAL]
        scope = mention.name if mention.kind == "scope" else " ".join(words)
        # a group the rank is limited to ("... in kids", "In adults over 50, A is ...") narrows it more than a modifier
        group = _population_after(analysis, sentence, mention.end) or _fronted_scope(sentence, cue.end())
        if group and mention.kind != "scope":
            scope = group
        yield _claim(analysis, sentence, before[-1].name, "most_common", "frequency.most_common", scope=scope,
                     hedge=_hedge(sentence, cue.start() - sentence.start))


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    for sentence in analysis.sentences_for(FACET):
        if sentence.is_question:
            continue
        ranked = False
        for claim in _most_common(analysis, sentence):
            ranked = True
            yield claim
        if not ranked:
            for claim in _most_common_named(analysis, sentence):
                ranked = True
                yield claim
        if sentence.block.kind == "row" or ("types" in sentence.sections and sentence.is_table_like):
            first = sentence.mentions[0] if sentence.mentions else None
            cell = _TABLE_VALUE.search(sentence.folded)
            if first is not None and first.kind in TYPE_LIKE and cell and first.start == sentence.start:
                yield _claim(analysis, sentence, first.name, _value(cell.group("word"), cell.group("degree")),
                             "frequency.table")
            continue
        if ranked or _NOT_ABOUT_TYPE.search(sentence.folded):
            continue
        yield from _occurrence(analysis, sentence)


_ATTRIBUTIVE_TYPE_NOUN = re.compile(rf"\s+(?:\w+\s+)?{TYPE_NOUN_PATTERN}\s+of\b")


def _symptom_is_subject(sentence: Sentence, cue_start: int) -> bool:
    """Whether the first name in the clause before an occurrence word is a symptom's."""
    before = sentence.folded[:cue_start]
    clause_start = max((m.end() for m in re.finditer(r"[;:]|,\s+(?:but|while|whereas|and)\b", before)), default=0)
    first = next((m for m in sentence.mentions
                  if clause_start <= m.start - sentence.start < cue_start and m.kind != "population"), None)
    return first is not None and first.kind == "symptom"


def _occurrence(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    folded = sentence.folded
    for cue in _OCCURRENCE.finditer(folded):
        if _COMPARATIVE_BEFORE.search(folded[: cue.start("word")]):
            continue  # "the most common", "less common types": comparisons, not an occurrence word
        if _LISTED_AFTER.match(folded[cue.end():]):
            continue  # "includes rare subtypes such as A": the rarity is A's, not the sentence subject's
        if CONDITIONAL_BEFORE_PATTERN.search(folded, 0, cue.start()):
            continue  # "if rare disorders are counted": a condition, not a frequency claim
        at = sentence.start + cue.start("word")
        if any(m.start <= at < m.end for m in sentence.mentions):
            continue  # "known as common migraine": the word is part of a name
        name = _IN_PROPER_NAME.search(sentence.text, max(0, cue.start("word") - 40), cue.end("word") + 40)
        if name and sentence.text[cue.start("word")].isupper() \
                and (cue.start("word") > 0 or len(name.group(0).split()) >= 3):
            continue  # "the Living Rare Porphyria Circle": a capitalised word inside an organisation's name
        if _symptom_is_subject(sentence, cue.start()):
            continue  # "Nausea is rare in children with X": how typical a symptom is, not how rare X is
        if _ATTRIBUTIVE_TYPE_NOUN.match(folded, cue.end("word")) and re.search(r"\bthe\s+$", folded[:cue.start("word")]):
            before = [m for m in sentence.mentions if m.end <= at]
            if not before or before[-1].kind not in TYPE_LIKE \
                    or not re.fullmatch(r"\s*,?\s*the\s+", analysis.folded[before[-1].end:at]):
                continue  # "X, the common type of C" with X outside the lexicon: said of X, not of C
        subjects = _subjects_near(analysis, sentence, sentence.start + cue.start(), sentence.start + cue.end())
        if subjects:
            value = _value(cue.group("word"), cue.group("degree"))
            if cue.group("negation"):
                if cue.group("word") == "rare" and re.search(r"\b(?:that|so|very|particularly|especially)\s+$",
                                                             cue.group("negation")):
                    return  # "it's not that rare": less rare than one thinks, not common
                value = _OPPOSITE.get(cue.group("word"), value)  # "not common" -> uncommon; "not rare" -> common
            for subject in subjects:
                yield _claim(analysis, sentence, subject, value, "frequency.occurrence",
                             _population(sentence, sentence.start + cue.end()),
                             hedge=_hedge(sentence, cue.start("word")))
            return
    masked = _masked_mentions(sentence)
    for cue in _RARELY_SEEN.finditer(masked):
        subjects = _subjects_near(analysis, sentence, sentence.start + cue.start(), sentence.start + cue.end())
        if subjects:
            degree = cue.group("degree") or cue.group("degree2")
            for subject in subjects:
                yield _claim(analysis, sentence, subject, _value("rare", degree), "frequency.occurrence",
                             _population(sentence, sentence.start + cue.end()), hedge=_hedge(sentence, cue.start()))
            return


def _masked_mentions(sentence: Sentence) -> str:
    """Populations masked with '#' so that "occurs rarely in <population>" reads as a whole."""
    chars = list(sentence.folded)
    for mention in sentence.mentions_of("population"):
        start, end = sentence.rel(mention.start), sentence.rel(mention.end)
        chars[start:end] = "#" * (end - start)
    return "".join(chars)
