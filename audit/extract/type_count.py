"""Facet ``type_count``: how many types of the condition a source says there are.

Finds a number (digits or words) before a type noun, with up to three
modifiers between ("five main types", "4 distinct forms", "covers five
different types"). The count must be "of" the condition or one of its scopes,
or of nothing ("Four main forms exist."); "two types of surgery" is not a count
of types of the condition. A vague quantity ("several types exist") is kept as
``qualifier=vague`` with no value, never guessed.
"""
from __future__ import annotations

import re
from typing import Iterator

from audit.extract.analysis import DocumentAnalysis, Sentence
from audit.extract.claim import Claim
from audit.extract.cues import (COUNT_MODIFIER_PATTERN, NUMBER_PATTERN, NUMBER_WORDS, TYPE_NOUN_PATTERN,
                                VAGUE_QUANTIFIER_PATTERN)

FACET = "type_count"

_MODIFIERS = rf"(?:{COUNT_MODIFIER_PATTERN}\s+){{0,3}}"
_STATED = re.compile(rf"\b(?P<number>{NUMBER_PATTERN})\s+{_MODIFIERS}(?P<noun>{TYPE_NOUN_PATTERN})\b")
_VAGUE = re.compile(rf"\b(?P<number>{VAGUE_QUANTIFIER_PATTERN})\s+{_MODIFIERS}(?P<noun>{TYPE_NOUN_PATTERN})\b")
_DEFINITE_BEFORE = re.compile(r"\b(?:the|its|their|these|those|of)\s+$")
_OF = re.compile(r"\s+(?:of|within)\s+(?:the\s+)?")
# "type 2", "form 3" are labels, not counts; "2 types of patients" is filtered by the "of" test.


def _count_value(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _what_it_counts(analysis: DocumentAnalysis, sentence: Sentence, noun_end: int) -> tuple[str, str] | None:
    """(subject, scope) the count is of, or None when it counts something else."""
    topic = analysis.topic
    rest = sentence.folded[noun_end:]
    of_match = _OF.match(rest)
    if not of_match:
        return topic.condition.name, ""
    target_start = sentence.start + noun_end + of_match.end()
    mention = next((m for m in sentence.mentions if m.start == target_start), None)
    if mention is None:
        return None
    if mention.kind == "condition":
        return topic.condition.name, ""
    if mention.kind == "scope":
        return topic.condition.name, mention.name
    if mention.kind in ("type", "entity"):
        return mention.name, ""
    return None


def count_matches(analysis: DocumentAnalysis, sentence: Sentence) -> list[tuple[re.Match, str, str, bool]]:
    """Count phrases in a sentence as (match, subject, scope, vague)."""
    found = []
    if sentence.is_question:
        return found
    for pattern, vague in ((_STATED, False), (_VAGUE, True)):
        for match in pattern.finditer(sentence.folded):
            if not vague and _count_value(match.group("number")) < 2:
                continue
            if vague and _DEFINITE_BEFORE.search(sentence.folded[: match.start()]):
                continue  # "the various types" refers to types; it does not count them
            target = _what_it_counts(analysis, sentence, match.end("noun"))
            if target is not None:
                found.append((match, target[0], target[1], vague))
    return found


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    for sentence in analysis.sentences:
        for match, subject, scope, vague in count_matches(analysis, sentence):
            common = dict(source_id=analysis.document.source_id, facet=FACET, subject=subject, scope=scope,
                          quote=sentence.text, start=sentence.start, end=sentence.end, unit="types")
            if vague:
                yield Claim(**common, qualifier="vague", extractor="type_count.vague")
            else:
                count = _count_value(match.group("number"))
                yield Claim(**common, value=str(count), value_low=float(count), value_high=float(count),
                            qualifier="stated", extractor="type_count.stated")
