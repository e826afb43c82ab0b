"""How typical a stated symptom is: ``usually``, ``often``, ``sometimes``, ``rarely`` or ``""`` (plain).

Read from the words that govern the symptom in its clause, most telling first:

0. figures and phenotype-table bands: "in 90% of patients", a table cell
   "Blue sclerae 90%", a band heading "Very frequent (80-99% of patients)"
   (80% and above -> usually, 30-79% -> often, 5-29% -> sometimes, below 5% -> rarely);
1. quantifiers over the people who have it: "most people with X", "in most
   attacks", "many children", "some affected individuals", "a small
   percentage of patients", "in rare cases"; "not all", "not always" (the
   symptom may be absent: negated, sometimes);
2. frequency words: "usually", "typically", "the main symptom", "is
   characteristic" (usually); "often", "frequently", "common symptoms", "is a
   common complication" (often); "sometimes", "occasionally", "less
   frequently" (sometimes); "rarely", "seldom", "is uncommon", "is not common"
   (rarely: the "not" belongs to the cue, so the symptom stays asserted);
3. modals: "may", "might", "can", "could" (sometimes).

A cue counts before the symptom anywhere in its clause, and after it only as
its predicate ("Nausea is frequently reported", "Pain and swelling are
common") or as an attribution to people ("... develops in most individuals").
Lexicon mentions are masked first, so a name such as "common migraine" is not
a cue. Within a tier the cue nearest the symptom wins.

Hand-written rules, not a library: the negation libraries measured (see audit/extract/symptom.py) read
negation and possibility, not how typical a symptom is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from audit.literal_gate import gate_for

TYPICALITY_RANK = {"usually": 4, "often": 3, "sometimes": 2, "rarely": 1}

# Who or what a quantifier counts: "most people", "some affected individuals", "in most attacks".
PEOPLE = (r"(?:people|persons|person|individuals|individual|patients|patient|cases|children|adults|infants|babies|"
          r"newborns|men|women|males|females|boys|girls|sufferers|those|subjects|families|attacks|episodes|"
          r"instances|carriers|teenagers|adolescents|kids|them|these|sufferers|others|members|folks|us)")
# Up to two words between a quantifier and whom it counts ("most affected individuals"), never a preposition,
# verb or frequency word ("most common in patients" is a superlative, not a quantifier).
_GAP = (r"(?:(?!(?:in|with|for|among|to|at|on|by|from|of|common|commonly|frequent|frequently|often|likely|severe|"
        r"serious|mild|important|is|are|have|has|had|who|that|which)\b)\w+\s+){0,2}?")
_FEATURE = (r"(?:(?:symptoms?|signs?|features?|findings?|complaints?|manifestations?|characteristics?|presentations?|"
            r"complications?|problems?|traits?)(?!\w))")


_NOT_TYPES = r"(?!\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:types|forms|kinds|subtypes|variants|varieties)\b)"
_NOT_AFTER_FREQUENCY = r"(?<!rare\s)(?<!common\s)(?<!usual\s)(?<!frequent\s)(?<!typical\s)"


def _band(percent: float) -> str:
    if percent >= 80:
        return "usually"
    if percent >= 30:
        return "often"
    if percent >= 5:
        return "sometimes"
    return "rarely"


@dataclass(frozen=True)
class Cue:
    typicality: str
    start: int          # in clause coordinates
    end: int
    tier: int           # 0 figures, 1 quantifiers, 2 frequency words, 3 modals
    negates: bool = False   # "not always", "not all": the symptom may be absent
    cancels: bool = False   # "not common": the "not" is the cue's, not a denial of the symptom
    attributive: bool = False  # "in most cases": counts wherever it stands in the clause
    local: bool = False  # "the characteristic nodules": governs only the mention right after it


_PERCENT = r"(?P<pct>\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)"
# (pattern, typicality or None for a figure, tier, negates, cancels, attributive)
_RULES: list[tuple[re.Pattern[str], str | None, int, bool, bool, bool]] = [
    # 0: figures over people; a table cell right after the symptom is handled in read()
    (re.compile(rf"\b(?:in\s+)?(?:about|approximately|around|nearly|almost|roughly|over|more\s+than|up\s+to|"
                rf"an\s+estimated|some|at\s+least|between\s+\d{{1,3}}(?:\.\d+)?\s*(?:%|percent|per\s+cent)?\s+and)?\s*"
                rf"{_PERCENT}\s+of\s+(?:all\s+|the\s+)?(?:\w+\s+){{0,2}}?{PEOPLE}\b"), None, 0, False, False, True),
    # 1: quantifiers
    # "No nausea for most of us"; not "rare for most of us", where the frequency word says how often
    (re.compile(rf"{_NOT_AFTER_FREQUENCY}\bfor\s+(?:most|nearly\s+all|almost\s+all|the\s+(?:vast\s+)?majority)\s+"
                rf"(?:of\s+)?(?:the\s+)?{_GAP}{PEOPLE}\b"), "usually", 1, False, False, True),
    (re.compile(rf"{_NOT_AFTER_FREQUENCY}\bfor\s+many\s+(?:of\s+)?(?:the\s+)?{_GAP}{PEOPLE}\b"), "often", 1, False, False,
     True),
    # not "in most types of X": a count of types, not of the people who have the symptom
    (re.compile(rf"\bin\s+(?:most|nearly\s+all|almost\s+all|the\s+(?:vast\s+)?majority)\b{_NOT_TYPES}(?:\s+(?:of\s+)?(?:the\s+)?"
                rf"{_GAP}{PEOPLE}\b)?"), "usually", 1, False, False, True),
    (re.compile(rf"\bin\s+many\b{_NOT_TYPES}(?:\s+(?:of\s+)?(?:the\s+)?{_GAP}{PEOPLE}\b)?"), "often", 1, False, False, True),
    (re.compile(r"\bin\s+(?:very\s+)?(?:rare|few|exceptional|isolated)\s+(?:cases|instances|patients|people|individuals)\b"),
     "rarely", 1, False, False, True),
    (re.compile(r"\bin\s+(?:some|certain|a\s+few|several|other|selected)\s+(?:\w+\s+)?(?:cases|instances|patients|"
                r"people|individuals|situations)\b"), "sometimes", 1, False, False, True),
    # "most have", "many will develop", "some experience": the quantifier stands for the people
    (re.compile(r"\b(?P<q>(?<!the\s)most|many|some|few|a\s+few)\s+(?:of\s+(?:them|these|those)\s+)?(?=(?:will\s+|also\s+|"
                r"eventually\s+|later\s+|go\s+on\s+to\s+)?(?:have|develop|experience|show|get|need|become|suffer|"
                r"report|notice|present|lose)\b)"), "", 1, False, False, False),
    (re.compile(r"\b(?:some|certain)\s+(?:\w+\s+)?(?:types|forms|kinds|variants|subtypes)\b"), "sometimes", 1, False,
     False, False),
    (re.compile(r"\bnot\s+(?:always|necessarily|all|every|everyone|everybody|in\s+all)\b"), "sometimes", 1, True, False,
     False),
    (re.compile(rf"\b(?:(?<!the\s)most|nearly\s+all|almost\s+all|virtually\s+all|the\s+(?:vast\s+|great\s+)?majority\s+of)\s+"
                rf"(?:of\s+)?(?:the\s+)?{_GAP}{PEOPLE}\b"), "usually", 1, False, False, True),
    # forum voice: "almost everyone", "nearly everybody" (usually); "a lot of the kids", "lots of people" (often)
    (re.compile(r"\b(?:almost|nearly|virtually|just\s+about)\s+(?:everyone|everybody|every\s+one)\b"), "usually", 1,
     False, False, True),
    (re.compile(rf"\b(?:in\s+)?(?:a\s+lot|lots|plenty)\s+of\s+(?:the\s+)?{_GAP}{PEOPLE}\b"), "often", 1, False, False,
     True),
    (re.compile(rf"\b(?:many|a\s+(?:large|high|great|significant)\s+(?:number|proportion|percentage|share)\s+of)\s+"
                rf"(?:of\s+)?(?:the\s+)?{_GAP}{PEOPLE}\b"), "often", 1, False, False, True),
    (re.compile(rf"\b(?:(?<!a\s)(?<!very\s)few|very\s+few|only\s+a\s+few|a\s+(?:small|tiny|minor)\s+(?:number|"
                rf"percentage|proportion|fraction|minority|subset)\s+of|a\s+minority\s+of)\s+(?:of\s+)?(?:the\s+)?"
                rf"{_GAP}{PEOPLE}\b"), "rarely", 1, False, False, True),
    (re.compile(rf"\b(?:some|certain|a\s+few|several|a\s+subset\s+of|a\s+proportion\s+of)\s+(?:of\s+)?(?:the\s+)?"
                rf"{_GAP}{PEOPLE}\b"), "sometimes", 1, False, False, True),
    # 2: frequency words
    # ("isn't common" read from the auxiliary, so the cue stands right after its subject; forum spelling without the
    # apostrophe: "blisters arent usual")
    (re.compile(r"(?:\bnot|\b(?:is|are|was|were)n'?t|(?<!\b(?:is|ar|wa))(?<!\bwere)n't)\s+"
                r"(?:very\s+|particularly\s+|especially\s+|that\s+|so\s+)?(?:common|commonly|"
                r"frequent|frequently|often|usual|typical|prominent)\b"), "rarely", 2, False, True, False),
    # "bone pain is less frequent", "less common symptoms include": not "common" (often), a minority
    (re.compile(r"\bless\s+(?:common|commonly|frequent|frequently|often)\b"), "sometimes", 2, False, False, False),
    # "X, which is usually the most troubling symptom": the symptom that weighs most is a main one (read before
    # "usually" alone, so that the hedge names it)
    (re.compile(rf"\b(?:(?:usually|often|typically|generally)\s+)?(?:the\s+)?most\s+(?:troubling|disabling|"
                rf"bothersome|distressing|debilitating|burdensome|limiting)\s+{_FEATURE}"), "usually", 2, False, False,
     False),
    (re.compile(r"\b(?:usually|typically|generally|normally|nearly\s+always|almost\s+always|always|invariably|"
                r"characteristically|mostly|as\s+a\s+rule|more\s+often\s+than\s+not)\b"), "usually", 2, False, False,
     False),
    (re.compile(rf"\b(?:the\s+)?(?:main|chief|primary|principal|dominant|predominant|hallmark|cardinal|classic|classical|"
                rf"typical|characteristic|defining|major|key|most\s+common|most\s+frequent|commonest|universal|"
                rf"constant|leading)\s+(?:\w+\s+){{0,2}}?{_FEATURE}"), "usually", 2, False, False, False),
    # "# is a skin condition characterized by A and B": what defines the condition
    (re.compile(r"(?:#|\b(?:conditions?|diseases?|disorders?|syndromes?|illness|forms?|types?))(?:\s+(?:is|are|was|"
                r"were|that\s+is|which\s+is|mainly|mostly|primarily|usually))?\s+(?P<at>characteri[sz]ed|defined)\s+by\b"),
     "usually", 2, False, False, False),
    (re.compile(r"\b(?:the\s+|a\s+)?(?:characteristic|typical|hallmark|cardinal|classic|classical)\s+(?:\w+\s+)?(?=§)"),
     "usually", 2, False, False, False),
    (re.compile(r"\b(?:a\s+)?(?:common|frequent)\s+(?:\w+\s+)?(?=§)"), "often", 2, False, False, False),
    # "Fatigue and irritability are frequent early symptoms", "Nausea is a common complaint"
    (re.compile(rf"\b(?:is|are|was|were)\s+(?:also\s+)?(?:a\s+|an\s+)?(?:very\s+)?(?:common|frequent)\s+(?:[\w-]+\s+){{0,2}}?"
                rf"{_FEATURE}"), "often", 2, False, False, False),
    (re.compile(r"\b(?:an\s+)?(?:occasional)\s+(?:\w+\s+)?(?=§)"), "sometimes", 2, False, False, False),
    (re.compile(r"\b(?:a\s+)?(?:rare|uncommon|unusual)\s+(?:\w+\s+)?(?=§)"), "rarely", 2, False, False, False),
    (re.compile(r"\b(?:(?<!a\s)few|very\s+few|little)\s+(?=§)"), "rarely", 2, False, False, False),
    (re.compile(r"\b(?:is|are|was|were|be|being)\s+(?:also\s+|very\s+|quite\s+|highly\s+)?(?:characteristic|typical|"
                r"usual|universal|constant|invariable|a\s+hallmark|the\s+hallmark|present\s+in\s+all)\b"), "usually",
     2, False, False, False),
    (re.compile(r"\b(?:often|frequently|commonly|regularly|tends?\s+to|very\s+often)\b"), "often", 2, False, False,
     False),
    (re.compile(rf"\b(?:one\s+of\s+the\s+most\s+common|common|frequent|prominent)\s+(?:\w+\s+){{0,2}}?{_FEATURE}"),
     "often", 2, False, False, False),
    (re.compile(r"\b(?:is|are|was|were|be|being|remains?)\s+(?:also\s+|very\s+|quite\s+|fairly\s+|relatively\s+|"
                r"particularly\s+|especially\s+)?(?:a\s+)?(?:common|frequent)\b"), "often", 2, False, False, False),
    (re.compile(r"\b(?:sometimes|occasionally|at\s+times|from\s+time\s+to\s+time|now\s+and\s+then|less\s+"
                r"(?:frequently|often|commonly)|occasional|on\s+occasion)\b"), "sometimes", 2, False, False, False),
    (re.compile(r"\b(?:rarely|seldom|infrequently|uncommonly|hardly\s+ever|only\s+rarely|very\s+rarely|"
                r"(?:almost|virtually|nearly)\s+never)\b"), "rarely", 2,
     False, False, False),
    (re.compile(rf"\b(?:rare|uncommon|unusual|infrequent)\s+(?:\w+\s+){{0,2}}?{_FEATURE}"), "rarely", 2, False, False,
     False),
    # "itching is rare", "is an uncommon finding", "is rare in #" (in the condition); not "X is a rare genetic
    # disorder that causes Y", "is a rare # that ...", "a rare group of ... diseases" (the rarity is the condition's:
    # its noun follows the adjective)
    (re.compile(r"\b(?:is|are|was|were|be|being|remains?)\s+(?:(?:also|very|quite|extremely|relatively|now|today|"
                r"nowadays|fairly|pretty|increasingly|generally|considered)\s+)*"
                r"(?:a\s+|an\s+)?(?:rare|uncommon|unusual|infrequent)\b(?!\s+(?:(?!(?:in|among|with|for|at|of|on|to|by|"
                r"during|after|before)\b)[\w-]+\s+){0,3}?(?:disorders?|diseases?|conditions?|syndromes?|forms?|types?|"
                r"variants?|subtypes?|kinds?|groups?|famil(?:y|ies)|spectrum|class|#))"), "rarely", 2, False, False, False),
    # a list line's comment after a dash: "Jaundice - rare for most of us", "Fatigue - very common"
    # (folding turns a spaced dash into three spaces)
    (re.compile(r"(?:(?<=\s[-\u2013\u2014 ]\s))(?:very\s+|quite\s+|pretty\s+|super\s+)?"
                r"(?:rare|uncommon|unusual)\b"), "rarely", 2, False, False, False),
    (re.compile(r"(?:(?<=\s[-\u2013\u2014 ]\s))(?:very\s+|quite\s+|pretty\s+|super\s+)?"
                r"(?:common|frequent)\b"), "often", 2, False, False, False),
    # forum comments after the term: "Joint pain, super common", "Fatigue: constant", "Hair loss - all the time"
    (re.compile(r"\b(?:super|really|pretty|very|quite|so)\s+(?:common|frequent)\b"), "often", 2, False, False, False),
    (re.compile(r"\b(?:constant|constantly|all\s+the\s+time|every\s+(?:single\s+)?(?:time|attack|day))\b"), "usually", 2,
     False, False, False),
    # 3: modals
    (re.compile(r"\b(?:may|might|could|can(?!'t|not))\b"), "sometimes", 3, False, False, False),
]

# Words that look like a negation but deny nothing about the symptom.
NOT_A_DENIAL = re.compile(r"\b(?:with\s+or\s+without|more\s+often\s+than\s+not|not\s+only|not\s+just|whether\s+or\s+not|no\s+matter|"
                          r"not\s+(?:yet\s+)?(?:known|clear|understood|certain|sure|fully\s+understood))\b")

# GARD-style phenotype bands: "Very frequent (80-99% of patients)", "80%-99% of people have these symptoms".
BAND_PATTERN = re.compile(
    r"\b(?:very\s+frequent|frequent|occasional|very\s+rare|obligate|rare)\s*\(\s*(?:<\s*)?(?P<low>\d{1,3})\s*%?\s*"
    r"(?:\s+|to\s+)?(?P<high>\d{1,3})?\s*%|\b(?P<low2>\d{1,3})\s*%\s+(?:\s+|to\s+)?(?P<high2>\d{1,3})\s*%\s+of\s+"
    r"(?:people|patients|individuals)\s+(?:have|show|with)\b")

# What may stand between a symptom and a cue in its predicate: coordinated mentions, a copula or auxiliary,
# light adverbs and articles ("Pain and swelling are common", "Nausea is not usually a feature").
_PREDICATE_LEAD = re.compile(
    r"^(?:\s*(?:,|and|or|§|[-\u2013\u2014](?=\s)))*\s*(?:(?:is|are|was|were|be|been|becomes?|became|has|have|had|does|do|did|can|may|"
    r"might|could|will|would|also|not|still|a|an|the|very|quite|seen|reported|present|found|noted|observed|one\s+of|"
    r"occurs?|develops?|appears?|happens?|arises?)\s+){0,4}$")
# After a list ("lumps, tenderness and sometimes ulcers") a cue is the predicate of the list only through a verb.
_LIST = re.compile(r"[§,]|\b(?:and|or)\b")
# (a verb of occurring too: "A and B occur rarely")
_VERB = re.compile(r"\b(?:is|are|was|were|be|been|becomes?|became|has|have|had|does|do|did|can|may|might|could|will|"
                   r"would|seen|reported|found|noted|observed|occurs?|develops?|appears?|happens?|arises?)\b")
_PARENTHESES = re.compile(r"\([^()]*\)")
# "Eye problems are rarely the only sign": how often a sign comes alone, not how often it comes.
_NOT_A_FREQUENCY = re.compile(r"\b(?:rarely|seldom|never|usually|often|sometimes|typically|not)\s+the\s+"
                              r"(?:only|sole|first|single)\b")
# "more often painful than itchy": a comparison between two symptoms says how often neither occurs ("more often than
# not" is a frequency word)
_COMPARATIVE = re.compile(r"\bmore\s+(?:often|commonly|frequently)\b(?!\s+than\s+not\b)(?=[^.;]{0,80}\bthan\b)")
# "always painful, not just itchy": a hedge before a contrast is said of what stands before it
_CONTRAST_BETWEEN = re.compile(r",\s*(?:not|rather\s+than|instead\s+of)\b")
# "a form characterized by deposits in the vessels, leading to X": what characterizes the condition is the list
# right after "by", not a consequence or a clause after it
_CHARACTERIZED = re.compile(r"(?:characteri[sz]ed|defined)\s+by$")
_BEYOND_CHARACTERIZED = re.compile(r"\b(?:lead\w*|caus\w*|result\w*|which|that|who|where|when|because|due|in|of|"
                                   r"with|from|within)\b|[;:]")
_NEXT_ITEM = re.compile(r",\s*(?:and|or|but)\b|\b(?:and|or|but)\s*,|;")
_DASH = re.compile(r"\s[-\u2013\u2014 ]\s")  # folding turns a spaced dash into three spaces
_TABLE_CELL = re.compile(rf"\s*(?:[:|]\s*)?{_PERCENT}(?!\s*of\b)")


def band_typicality(match: re.Match[str]) -> str:
    low = match.group("low") or match.group("low2")
    high = match.group("high") or match.group("high2") or low
    return _band((float(low) + float(high)) / 2)


_PRONOMINAL = {"most": "usually", "many": "often", "some": "sometimes", "a few": "sometimes", "few": "rarely"}


_RULE_PATTERNS = tuple(rule[0] for rule in _RULES)
# "i dont itch much, mostly flushing and fatigue": a writer's own main complaints, not how typical they are
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|we|my|me|our)\b")
_MOSTLY_BEFORE_MENTION = re.compile(r"(?:mostly|mainly)\s*§")


def clause_cues(masked: str) -> list[Cue]:
    """Every typicality cue in a clause whose lexicon mentions are masked with '§'."""
    cues: list[Cue] = []
    taken: list[tuple[int, int]] = [m.span() for m in _NOT_A_FREQUENCY.finditer(masked)]
    taken += [m.span() for m in _COMPARATIVE.finditer(masked)]
    # In rule order, only the rules whose words the clause holds (a rule without them finds nothing).
    for rule in gate_for(_RULE_PATTERNS).candidates_in(masked):
        pattern, typicality, tier, negates, cancels, attributive = _RULES[rule]
        for match in pattern.finditer(masked):
            start, end = match.span()
            if "at" in pattern.groupindex:
                start = match.start("at")  # the cue's words start here; what stands before only licenses them
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue  # a longer, earlier rule already read these words ("not common" before "common")
            if _MOSTLY_BEFORE_MENTION.match(masked, start) and _FIRST_PERSON.search(masked, 0, start):
                continue
            if typicality == "":
                value = _PRONOMINAL[" ".join(match.group("q").split())]
            else:
                value = typicality if typicality is not None else _band(float(match.group("pct")))
            # Only "in ..." / "for ..." attributions ("in most cases", "for most of us") reach back to a symptom before them.
            attributes = attributive and masked.startswith(("in ", "for "), start)
            local = pattern.pattern.endswith("(?=§)")
            cues.append(Cue(value, start, end, tier, negates, cancels, attributes, local))
            taken.append((start, end))
    return cues


# "Itching affects some patients", "pain is reported by most": the quantifier after the verb counts the holders.
_HOLDER_VERB = re.compile(r"\b(?:affects?|affecting|affected|involves?|involving|troubles?|(?:is|are)\s+(?:\w+\s+)?"
                          r"(?:by|in)|reported\s+by|experienced\s+by|seen\s+in|found\s+in|present\s+in|occurs?\s+in|"
                          r"develops?\s+in|appears?\s+in)\s+$")


# After "<symptom> usually|often|rarely", the verb must be about the symptom occurring: "fractures often occur",
# not "foot problems rarely require a wheelchair".
_PRESENCE_AFTER = re.compile(r"^\s*,?\s*(?:\w+ly\s+)?(?:occurs?|occurring|develops?|appears?|presents?|happens?|arises?|"
                             r"starts?|begins?|affects?|accompan\w+|comes?|shows?|is|are|was|were|persists?|recurs?|"
                             r"results?|manifests?|exists?|precedes?|follows?|seen|found|reported|present|[.;,]|$)")


_OTHER_PARTICIPLE = re.compile(r"\s+(?!(?:seen|reported|found|noted|observed|associated|accompanied|present|"
                               r"experienced|described|encountered|affected|involved|noticed|diagnosed)\b)"
                               r"(?:mistaken|confused|misdiagnosed|misread|treated|given|used|prescribed|managed|"
                               r"relieved|controlled|missed|overlooked|ignored|dismissed|blamed|attributed)\b")
# "..., super common in kids", "..., a common sign in #": a comment may end with whom it is said of, not with
# what the symptom is about ("thirst, often for very cold water")
_COMMENT_END = re.compile(rf"(?:\s*(?:for|in|among|with)\s+(?:[\w'#]+\s+){{0,4}}?(?:{PEOPLE}\b|#+|me\b))?[\s.!;)]*$")
_ARTICLE_END = re.compile(r"\s*\b(?:a|an)$")
# ", especially in the morning,": an aside between a symptom and its predicate
_ASIDE = re.compile(r",\s*(?:especially|particularly|notably|mostly|mainly|even)\b[^,]{0,40},")
_APPOSITIVE_PRESENCE = re.compile(r"^\s*(?:present|seen|reported|found|noted|observed)\s*(?:[,.;)]|$)")


def _predicate(between: str, cue_text: str, after: str) -> bool:
    if not _PREDICATE_LEAD.match(between):
        return False
    if _OTHER_PARTICIPLE.match(after):
        return False  # "..., diarrhoea, and are frequently mistaken for X": the adverb is of another predicate
    if _DASH.search(between):
        return True  # "Nausea - rare for most of us": a list line's comment on the term
    if _LIST.search(between) and not _VERB.search(between + cue_text):
        # "Severe pain, nearly always present, ...": an apposition that says how often the term is present;
        # "Joint pain, super common.": a comment that ends the line
        # "Macroglossia, a common sign in #": an apposition naming the term a common sign
        return _ARTICLE_END.sub("", between.strip()) in (",", ":") and (
            _APPOSITIVE_PRESENCE.match(after) is not None or _COMMENT_END.match(after) is not None)
    if not _VERB.search(between + cue_text) and not _PRESENCE_AFTER.match(after):
        return False
    return True


@lru_cache(maxsize=1024)
def _first_after(pattern: re.Pattern[str], masked: str, position: int) -> int:
    """Where ``pattern`` first matches at or after ``position`` (len(masked) when nowhere): looked up once per cue,
    not once per cue and mention."""
    found = pattern.search(masked, position)
    return found.start() if found else len(masked)


def read(masked: str, cues: list[Cue], start: int, end: int) -> Cue | None:
    """The cue that governs the mention at [start, end) of the clause, or None for a plain statement."""
    cell = _TABLE_CELL.match(masked, end)
    if cell:
        return Cue(_band(float(cell.group("pct"))), cell.start("pct"), cell.end(), 0)
    best: tuple | None = None
    # A cue before the symptom is cut off by a comma between it and a nearer cue ("Symptoms, which are nearly
    # always seen by age ten, may include X": "may" governs X), unless it attributes ("In most cases, ... may")
    # or is a figure ("affects 25 percent of people, usually as ...").
    nearest = max((cue.end for cue in cues if cue.end <= start and not (cue.local and cue.end != start)), default=-1)
    cutoff = masked.rfind(",", 0, max((c.start for c in cues if c.end == nearest), default=0)) if nearest >= 0 else -1
    for cue in cues:
        if cue.local and cue.end != start:
            continue
        if cue.end <= start:
            if cue.end <= cutoff and cue.tier > 0 and not cue.attributive and not cue.negates:
                continue
            if not cue.attributive and _first_after(_CONTRAST_BETWEEN, masked, cue.end) < start:
                continue
            if _CHARACTERIZED.search(masked[cue.start:cue.end]) \
                    and _first_after(_BEYOND_CHARACTERIZED, masked, cue.end) < start:
                continue
            distance, side = start - cue.end, 0
        elif cue.start >= end and cue.attributive and _NEXT_ITEM.search(masked, end, cue.start):
            continue  # "A may occur, and B develops in most patients": "most" is B's
        elif cue.start >= end and (cue.attributive or _predicate(_ASIDE.sub("", _PARENTHESES.sub("", masked[end:cue.start])),
                                                                 masked[cue.start:cue.end], masked[cue.end:])
                                   or (cue.tier <= 1 and _HOLDER_VERB.search(masked[end:cue.start]))):
            distance, side = cue.start - end, 1
        else:
            continue
        key = (cue.tier, side if not cue.attributive else 0, distance)
        if best is None or key < best[0]:
            best = (key, cue)
    return best[1] if best else None
