"""Facet ``type_count``: how many types of the condition (or of one type) a source says there are.

Finds a number (digits or words) before a type noun, with up to three
modifiers between ("five main types", "4 distinct forms", "covers five
different types"), and reads it as an interval in ``value_low``/``value_high``:

- ``stated``: "five types" (5..5);
- ``range``: "three to five types" (3..5, value "3-5");
- ``at least`` / ``more than`` / ``about``: "at least eight forms" (8..open),
  "over 40 types" (41..open); ``value`` keeps the number as written;
- ``vague``: "several types" (no ``value``; the quantifier's usual span in
  ``value_low``/``value_high`` and the word in ``hedge``), never guessed.

A count belongs to the noun it counts: "three types of A" (A a type) and
"A is divided into four subtypes" are counts *of A* (``subject`` A), never of
the condition. "two types of surgery" is not a count of types of the
condition. ``polarity`` is negated for "does not have five types"; ``hedge``
is ``attributed`` for counts a source reports from others or from the past
("older texts listed five types", "Previously, there were more than 10
types"), which are not the source's own position.
"""
from __future__ import annotations

import re
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence
from audit.extract.claim import Claim
from audit.extract.cues import (ATTRIBUTION_PATTERN, COUNT_MODIFIER_PATTERN, NEGATION_PATTERN, NUMBER_PATTERN,
                                NUMBER_WORDS, TYPE_NOUN_PATTERN, VAGUE_QUANTIFIERS)

FACET = "type_count"

_MODIFIERS = rf"(?:{COUNT_MODIFIER_PATTERN}\s+){{0,3}}"
_BOUND = r"(?P<bound>at least|more than|over|upwards of|in excess of|about|around|approximately|roughly|nearly|almost|some|fewer than|less than|up to)\s+"
_STATED = re.compile(
    # "between 20 and 30 types" is a range like "20 to 30 types"
    rf"\b(?:(?P<between>between)\s+|{_BOUND})?(?P<number>{NUMBER_PATTERN})"
    rf"(?:\s*(?:-|–|to|or|(?(between)and|(?!)))\s*(?P<high>{NUMBER_PATTERN}))?"
    rf"\s+{_MODIFIERS}(?P<noun>{TYPE_NOUN_PATTERN})\b")
# A count told as history: "In the 1940s researchers separated two forms", "in 1967 doctors described three types".
_DATED_PAST = re.compile(r"\bin\s+(?:the\s+)?(?:1[89]\d0s|1[89]\d\d)\b|\b(?:researchers|scientists|doctors|physicians|"
                         r"investigators|authors)\s+(?:first\s+)?(?:separated|described|divided|distinguished|identified|"
                         r"split|classified)\b")
# "how many types there are": an indirect question, no count
_HOW_BEFORE = re.compile(r"\bhow\s+$")
_VAGUE = re.compile(rf"\b(?P<number>{'|'.join(sorted(VAGUE_QUANTIFIERS, key=len, reverse=True))})\s+"
                    rf"{_MODIFIERS}(?P<noun>{TYPE_NOUN_PATTERN})\b")
_DEFINITE_BEFORE = re.compile(r"\b(?:the|its|their|these|those|of|each|all|both)\s+$")
_LIST_FOLLOWS = re.compile(r"^(?:\s+of\s+[^.:;]{1,60}?)?\s*(?:are|include)?\s*:")  # "The four types are: A, B"
_ARE_FOLLOWS = re.compile(r"^(?:\s+of\s+[^.:;]{1,60}?)?\s+(?:are|include)\s+")
_OF = re.compile(r"\s+(?:of|within)\s+(?:the\s+)?")
_COORDINATED_OF = re.compile(r"\s+(?:and|or)\s+[a-z]+\s+(?:of|within)\s+(?:the\s+)?")
_SUBTYPE_NOUN = re.compile(r"^sub\s?types?$|^subgroups?$|^subclass")
# "A is divided into", "A has", "A comes in": the count is of A when A is the clause's subject.
_PREDICATE = re.compile(r"^\W*(?:\([^)]{0,40}\)\s*)?(?:,\s*(?:[^,;:.]{1,50},\s*)?)?(?:itself\s+|themselves\s+|in\s+turn\s+)?"
                        r"(?:can\s+be\s+|is\s+|are\s+|has\s+been\s+)?(?:(?:further|in\s+turn|also)\s+)?"
                        r"(?:(?:does|do|did)\s+|doesn't\s+|don't\s+)?(?:not\s+)?(?:\w+ly\s+)?(?:divided|split|classified|categori[sz]ed|grouped|separated|subdivided|"
                        r"broken\s+down|has|have|comes?|occurs?|includes?|comprises?|consists?|exists?|(?<=is\s)of|(?<=are\s)of)\b"
                        r"|^\s+into\s*$")  # "divide A into four subtypes": A is what is divided
# "two classification schemes", "three typing systems": the type noun modifies another noun, which is counted.
_NOUN_AS_MODIFIER = re.compile(r"\s+(?:schemes?|systems?|criteria|methods?|approaches|codes?|scales?|tables?|"
                               r"guidelines?|frameworks?|labels?|names?|models?|tests?)\b")
_REFERRING_BEFORE = re.compile(r"(?<!comes\s)(?<!come\s)(?<!exists\s)(?<!exist\s)(?<!occurs\s)(?<!occur\s)"
                               r"\b(?:in|across|among|for|with|of)\s+$")
_CLAUSE_STOP = re.compile(r"[.;:]|\b(?:which|that|while|whereas|but)\b|,\s+and\b")


def _count_value(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _parent_of_clause(analysis: DocumentAnalysis, sentence: Sentence, count_start: int) -> tuple[str, str] | None:
    """(subject, scope) from the clause's subject: "A is divided into four subtypes"."""
    topic = analysis.topic
    before_text = sentence.folded[:count_start]
    clause_start = 0
    for stop in _CLAUSE_STOP.finditer(before_text):
        clause_start = stop.end()
    candidates = [m for m in sentence.mentions
                  if clause_start <= m.start - sentence.start < count_start and m.kind in (*TYPE_LIKE, "condition", "scope")]
    if candidates:
        subject = candidates[0]
        # "Type I SMA": a type named together with the condition is the type.
        if subject.kind in ("condition", "scope") and len(candidates) > 1 and candidates[1].kind in TYPE_LIKE \
                and candidates[1].start - subject.end <= 1:
            subject = candidates[1]
        between = sentence.folded[subject.end - sentence.start:count_start]
        if subject.kind in TYPE_LIKE and _PREDICATE.match(between):
            return subject.name, ""
        if subject.kind == "scope":
            return topic.condition.name, subject.name
        return topic.condition.name, ""
    if sentence.context_type and re.match(r"^\W*(?:it|this|that|the latter)\b", sentence.folded[clause_start:]):
        return sentence.context_type, ""
    return None


def _what_it_counts(analysis: DocumentAnalysis, sentence: Sentence, match: re.Match) -> tuple[str, str] | None:
    """(subject, scope) the count is of, or None when it counts something else."""
    topic = analysis.topic
    noun_end = match.end("noun")
    rest = sentence.folded[noun_end:]
    # "many types and levels of disability": the noun coordinated with another shares its "of"
    of_match = _OF.match(rest) or _COORDINATED_OF.match(rest)
    if of_match:
        target_start = sentence.start + noun_end + of_match.end()
        mention = next((m for m in sentence.mentions if m.start == target_start), None)
        if mention is None:
            return None
        if mention.kind == "condition":
            following = next((m for m in sentence.mentions if m.start > mention.start), None)
            if following is not None and following.kind in TYPE_LIKE and following.start - mention.end <= 1:
                return following.name, ""  # "three forms of SMA type II"
            return topic.condition.name, ""
        if mention.kind == "scope":
            return topic.condition.name, mention.name
        if mention.kind in TYPE_LIKE:
            return mention.name, ""
        return None
    # A type named between the number and the noun: "four juvenile subtypes".
    inside = [m for m in sentence.mentions if match.start() <= m.start - sentence.start and m.end - sentence.start <= match.start("noun")
              and m.kind in TYPE_LIKE]
    if inside:
        return inside[-1].name, ""
    parent = _parent_of_clause(analysis, sentence, match.start())
    if parent is not None and (parent[0] != topic.condition.name or parent[1]
                               or not _SUBTYPE_NOUN.match(match.group("noun"))):
        return parent  # a type's or a scope's own subtypes ("Paediatric X itself has two subtypes")
    if _SUBTYPE_NOUN.match(match.group("noun")) and sentence.context_type:
        return sentence.context_type, ""  # "Doctors recognise four subtypes" under a type's heading
    return topic.condition.name, ""


def _names_follow(sentence: Sentence, noun_end: int) -> bool:
    """"The two principal forms are A and B": a definite count whose types are named right after it counts them."""
    are = _ARE_FOLLOWS.match(sentence.folded[noun_end:])
    if are is None:
        return False
    at = sentence.start + noun_end + are.end()
    return any(m.kind in TYPE_LIKE and at <= m.start <= at + 4 for m in sentence.mentions)


_NAMED_ARE_THE = re.compile(r"\b(?:are|were|remain|represent|constitute|form|make\s+up)\s+(?:the|its|their)\s+$")
# "Of the five kinds of X, A is ...", "one of the three forms": a definite count the sentence presupposes.
_OF_THE = re.compile(r"(?:^|[^\w\s]\s*|\b(?:one|each|any|either|all|none|two|three|most|some|most\s+\w+|\w+est)\s+)"
                     r"(?:of|among|out\s+of|across)\s+the\s+$")
# "... of the two types that affect children": a restrictive clause picks some types, it does not count them all.
_RESTRICTED_AFTER = re.compile(r"\s+(?:that|which|who|we|i|you|seen|found|described|listed|mentioned|discussed|shown|"
                               r"affecting|causing|involving|treated|in\s+(?:this|these|our|children|adults))\b")


def _names_precede(sentence: Sentence, match: re.Match) -> bool:
    """"A and B are the two main types": a definite count after a copula whose subject names exactly that many
    types counts them."""
    before = sentence.folded[:match.start()]
    copula = _NAMED_ARE_THE.search(before)
    if copula is None or match.group("high") or match.group("bound"):
        return False
    clause_start = max((stop.end() for stop in _CLAUSE_STOP.finditer(before, 0, copula.start())), default=0)
    named = {m.name for m in sentence.mentions
             if m.kind in TYPE_LIKE and clause_start <= m.start - sentence.start < copula.start()}
    return len(named) >= 2 and len(named) == _count_value(match.group("number"))


def _presupposed(sentence: Sentence, match: re.Match) -> bool:
    """"Of the five kinds of X, A is the most disabling": the count is stated in passing, but stated."""
    return bool(_OF_THE.search(sentence.folded[:match.start()])) and not match.group("bound") \
        and not _RESTRICTED_AFTER.match(sentence.folded, match.end("noun"))


def count_matches(analysis: DocumentAnalysis, sentence: Sentence) -> tuple[tuple[re.Match, str, str, bool], ...]:
    """Count phrases in a sentence as (match, subject, scope, vague).

    Read once per sentence: this extractor, the type list reader and the document's count sentences ask.
    """
    read: dict[int, tuple] = analysis.memo.setdefault("type_count.count_matches", {})  # type: ignore[assignment]
    found = read.get(sentence.index)
    if found is None:
        found = read[sentence.index] = tuple(_count_matches(analysis, sentence))
    return found


def _count_matches(analysis: DocumentAnalysis, sentence: Sentence) -> list[tuple[re.Match, str, str, bool]]:
    found = []
    if sentence.is_question:
        return found
    for pattern, vague in ((_STATED, False), (_VAGUE, True)):
        for match in pattern.finditer(sentence.folded):
            if not vague:
                if _count_value(match.group("number")) < 2 and not match.group("high"):
                    continue
            if _DEFINITE_BEFORE.search(sentence.folded[: match.start()]) and not _LIST_FOLLOWS.match(
                    sentence.folded[match.end("noun"):]) and not _names_follow(sentence, match.end("noun")) \
                    and (vague or not (_names_precede(sentence, match) or _presupposed(sentence, match))):
                continue  # "the various types", "the two types have": refers to types, does not count them
            if _NOUN_AS_MODIFIER.match(sentence.folded, match.end("noun")) or _counts_groupings(sentence, match):
                continue
            if vague and _REFERRING_BEFORE.search(sentence.folded, 0, match.start()):
                continue  # "which can happen in several types of X": names where, counts nothing
            if vague and _HOW_BEFORE.search(sentence.folded, max(0, match.start() - 8), match.start()):
                continue  # "argue about how many types there are": asks, counts nothing
            target = _what_it_counts(analysis, sentence, match)
            if target is not None:
                found.append((match, target[0], target[1], vague))
    return found


def _counts_groupings(sentence: Sentence, match: re.Match) -> bool:
    """"two main categories: acute porphyrias and cutaneous porphyrias": the members listed are groupings of the
    condition (its lexicon scopes), not types, so the number counts groupings, not types."""
    listed = _LIST_FOLLOWS.match(sentence.folded[match.end("noun"):]) or _ARE_FOLLOWS.match(sentence.folded[match.end("noun"):])
    if listed is None:
        return False
    at = sentence.start + match.end("noun") + listed.end()
    members = [m for m in sentence.mentions if at <= m.start and m.kind in (*TYPE_LIKE, "scope")]
    return bool(members) and all(m.kind == "scope" for m in members)


def _interval(match: re.Match) -> tuple[str, float, float | None, str]:
    """(value, low, high, qualifier) of a stated count."""
    low = _count_value(match.group("number"))
    if match.group("high"):
        high = _count_value(match.group("high"))
        if high > low:
            return f"{low}-{high}", float(low), float(high), "range"
    bound = (match.group("bound") or "").strip()
    if bound in ("at least", "upwards of"):
        return str(low), float(low), None, "at least"
    if bound in ("more than", "over", "in excess of"):
        return str(low), float(low + 1), None, "more than"
    if bound in ("fewer than", "less than"):
        return str(low), 0.0, float(low - 1), "less than"
    if bound == "up to":
        return str(low), 0.0, float(low), "up to"
    if bound:
        return str(low), float(low), float(low), "approximately"
    return str(low), float(low), float(low), "stated"


def _unnamed(sentence: Sentence, clause: str, clause_end: int) -> str:
    """``clause`` (the sentence's folded text up to ``clause_end``, relative) with every lexicon name in it
    replaced by spaces."""
    offset = sentence.start + clause_end - len(clause)
    chars = list(clause)
    for mention in sentence.mentions:
        for position in range(max(mention.start, offset), min(mention.end, offset + len(clause))):
            chars[position - offset] = " "
    return "".join(chars)


def _clause_before(sentence: Sentence, position: int) -> str:
    before = sentence.folded[:position]
    cut = max((m.end() for m in re.finditer(r"[;:]|,\s+(?:but|while|whereas)\b", before)), default=0)
    return before[cut:]


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    from audit.extract.type_named import closed_alternatives

    for sentence in analysis.sentences_for(FACET):
        if not sentence.is_question:
            for _match, labels in closed_alternatives(analysis, sentence):
                # "The type of X (I, II, or III) is determined by ...": a closed list states its number.
                yield Claim(source_id=analysis.document.source_id, facet=FACET, subject=analysis.topic.condition.name,
                            quote=sentence.text, start=sentence.start, end=sentence.end, unit="types",
                            value=str(len(labels)), value_low=float(len(labels)), value_high=float(len(labels)),
                            qualifier="stated", extractor="type_count.closed_alternatives")
        for match, subject, scope, vague in count_matches(analysis, sentence):
            clause = _clause_before(sentence, match.start())
            # the words before the count, lexicon names left out ("migraine without aura" denies nothing)
            negated = bool(NEGATION_PATTERN.search(" ".join(_unnamed(sentence, clause, match.start()).split()[-5:])))
            attributed = bool(ATTRIBUTION_PATTERN.search(clause) or _DATED_PAST.search(clause))
            common = dict(source_id=analysis.document.source_id, facet=FACET, subject=subject, scope=scope,
                          quote=sentence.text, start=sentence.start, end=sentence.end, unit="types",
                          polarity="negated" if negated else "asserted")
            if vague:
                word = match.group("number")
                low, high = VAGUE_QUANTIFIERS[word]
                yield Claim(**common, qualifier="vague", value_low=low, value_high=high,
                            hedge="attributed" if attributed else word, extractor="type_count.vague")
            else:
                value, low, high, qualifier = _interval(match)
                yield Claim(**common, value=value, value_low=low, value_high=high, qualifier=qualifier,
                            hedge="attributed" if attributed else "", extractor="type_count.stated")
