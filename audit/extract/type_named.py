"""Facet ``type``: each entity a source names as a type of the condition.

A type is named when:

- ``type.compound``: a type's full name that contains the condition's name
  ("migraine with aura") appears anywhere;
- ``type.enumeration``: it is listed after a count or a type noun
  ("Three forms exist. These are chronic, vestibular and ...",
  "types including A, B and C", "covers five types—A, B, C");
- ``type.heading``: it heads a block (heading, list label "A: ...", table row)
  inside a section about types;
- ``type.copula``: "A is a rare subtype", "A is the most common form".

A type that is described but never named ("This rare and severe type ...") is
not a named type. Entities named as types also get a ``type_relation``
``separate_type`` row (see :mod:`audit.extract.type_relation`).
"""
from __future__ import annotations

import re
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence
from audit.extract.claim import Claim
from audit.extract.cues import TYPE_NOUN_PATTERN

FACET = "type"

_LIST_TRIGGER = re.compile(rf"\b{TYPE_NOUN_PATTERN}\b\W*(?:\s+(?:exist|are))?\W*(?:,|:|—|-|–|\(|including|include|includes|such as|like|namely|are|exist)")
_FOLLOW_UP_LIST = re.compile(r"^\W*(?:these|they|the types|the forms|those)\s+(?:are|include|being)\b")
_SUBTYPE_TRIGGER = re.compile(r"\bsub\s?types?\b")
_COPULA = re.compile(rf"^\W*(?:is|are|was|remains)\s+(?:also\s+)?(?:a|an|the|one)\s+(?:[\w,]+\s+){{0,5}}?{TYPE_NOUN_PATTERN}\b")
_OF_OTHER = re.compile(rf"^\s+(?:of|within)\s+(?:the\s+)?")


def _claim(analysis: DocumentAnalysis, sentence: Sentence, subject: str, extractor: str, scope: str = "") -> Claim:
    return Claim(source_id=analysis.document.source_id, facet=FACET, subject=subject,
                 object=analysis.topic.condition.name, scope=scope, quote=sentence.text,
                 start=sentence.start, end=sentence.end, extractor=extractor)


def _enumerated(analysis: DocumentAnalysis, sentence: Sentence, previous: Sentence | None) -> list[str]:
    type_mentions = sentence.mentions_of(*TYPE_LIKE)
    if len(type_mentions) < 2:
        return []
    follows_count = (previous is not None and previous.index in analysis.type_count_sentences
                     and _FOLLOW_UP_LIST.match(sentence.folded))
    trigger = _LIST_TRIGGER.search(sentence.folded)
    if not follows_count and not (sentence.index in analysis.type_count_sentences or trigger):
        return []
    if trigger and not follows_count and _SUBTYPE_TRIGGER.search(trigger.group(0)):
        return []  # "subtypes such as A": a placement under something, see type_relation
    after = trigger.start() if (trigger and not follows_count) else 0
    return [m.name for m in type_mentions if m.start - sentence.start >= after]


def _copula_subject(analysis: DocumentAnalysis, sentence: Sentence) -> str | None:
    """"A is a (rare) subtype", or "This is the most common type" with A in context."""
    type_mentions = sentence.mentions_of(*TYPE_LIKE)
    candidates = []
    if type_mentions:
        first = type_mentions[0]
        candidates.append((first.name, first.end))
    if sentence.context_type:
        anaphor = re.match(r"^\W*(?:[\w ]{2,60}:\s+)?(?:this|it)\b", sentence.folded)
        if anaphor:
            candidates.append((sentence.context_type, sentence.start + anaphor.end()))
    for name, end in candidates:
        rest = sentence.folded[end - sentence.start:]
        copula = _COPULA.match(rest)
        if not copula:
            continue
        after_noun = rest[copula.end():]
        of_match = _OF_OTHER.match(after_noun)
        if of_match:
            target_start = end + copula.end() + of_match.end()
            target = next((m for m in sentence.mentions if m.start == target_start), None)
            if target is not None and target.kind in TYPE_LIKE:
                return None  # "A is a subtype of B": a relation, not a type of the condition
        return name
    return None


def named_types(analysis: DocumentAnalysis) -> list[Claim]:
    """Named-type claims of a document, computed once (type_relation reuses them)."""
    cached = analysis.memo.get(FACET)
    if cached is None:
        cached = analysis.memo[FACET] = _find_named_types(analysis)
    return cached


def _find_named_types(analysis: DocumentAnalysis) -> list[Claim]:
    claims: list[Claim] = []
    previous: Sentence | None = None
    for sentence in analysis.sentences:
        for mention in sentence.mentions_of("type"):
            if mention.compound:
                claims.append(_claim(analysis, sentence, mention.name, "type.compound"))
        for name in _enumerated(analysis, sentence, previous):
            claims.append(_claim(analysis, sentence, name, "type.enumeration"))
        if "types" in sentence.sections and sentence.block.kind in ("heading", "item", "row"):
            first = sentence.mentions[0] if sentence.mentions else None
            at_start = first is not None and not re.search(r"[a-z]", sentence.folded[: first.start - sentence.start])
            if first is not None and first.kind in TYPE_LIKE and at_start:
                claims.append(_claim(analysis, sentence, first.name, "type.heading"))
        copula_subject = _copula_subject(analysis, sentence)
        if copula_subject:
            claims.append(_claim(analysis, sentence, copula_subject, "type.copula"))
        previous = sentence
    return claims


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    yield from named_types(analysis)
