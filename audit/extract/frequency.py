"""Facet ``frequency``: how common a source says a type or the condition is.

Values: ``most_common`` (a rank among the types: "A is the most common type",
"The most common form, A, ...", "A occurs most frequently"), and the
occurrence words ``common``, ``uncommon``, ``rare``, ``very_rare`` ("A is a
very rare subtype", "In this rare form", "generally considered rare", a
table row "A | Very rare"). ``object`` holds the population when the
statement is limited to one ("common in systemic sclerosis").
Adverbs ("occurs very rarely in the scrotum") and "in rare cases" are not
frequency claims about a type.
"""
from __future__ import annotations

import re
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence
from audit.extract.claim import Claim
from audit.extract.cues import TYPE_NOUN_PATTERN

FACET = "frequency"

_MOST_COMMON_NOUN = re.compile(rf"\b(?:the\s+)?(?:(?:by\s+far\s+)?most\s+(?:common|frequent|prevalent|widespread)|commonest)\s+(?:\w+\s+){{0,2}}?{TYPE_NOUN_PATTERN}\b")
_MOST_COMMON_VERB = re.compile(r"\b(?:occurs?|is seen|are seen|develops?|appears?|is found|presents?)\s+most\s+(?:frequently|commonly|often)\s*(?=[.,;]|$)")
_OCCURRENCE = re.compile(
    r"\b(?P<degree>very|extremely|exceedingly|quite|particularly|relatively|fairly|generally considered|considered|"
    r"thought to be|especially)?\s*(?P<word>rare|uncommon|common)\b(?!ly)")
_NOT_ABOUT_TYPE = re.compile(r"\bin\s+rare\s+cases\b|\brare\s+(?:cases|instances|occasions)\b|\bcommon\s+(?:cause|complication|finding|symptom|treatment|sign)s?\b")
_LISTED_AFTER = re.compile(rf"\s+(?:\w+\s+)?{TYPE_NOUN_PATTERN}\s*,?\s*(?:such as|like|including)\b")
_TABLE_VALUE = re.compile(r"(?:^|\s|\|)(?P<degree>very\s+)?(?P<word>rare|uncommon|common)(?:\s|\||$)")


def _value(word: str, degree: str | None) -> str:
    if word == "rare" and degree and degree.strip() in ("very", "extremely", "exceedingly"):
        return "very_rare"
    return word


def _subject_near(analysis: DocumentAnalysis, sentence: Sentence, cue_start: int, cue_end: int) -> str | None:
    """The type or condition a frequency cue is about."""
    clause_mentions = [m for m in sentence.mentions if m.kind in (*TYPE_LIKE, "condition", "scope")]
    after = [m for m in clause_mentions if m.start >= cue_end
             and re.fullmatch(r"[\s,]*(?:is|are|being)?[\s,]*", analysis.folded[cue_end:m.start])]
    if after:
        return after[0].name
    before = [m for m in clause_mentions if m.end <= cue_start]
    if before:
        between = analysis.folded[before[-1].end:cue_start]
        if re.search(r"\b(?:it|this|they)\b", between):
            return before[0].name  # "A is a subtype of B, and it is rare": "it" is the subject, A
        return before[-1].name
    if re.match(r"^\W*(?:[\w ]{2,60}:\s+)?(?:(?:in|with)\s+)?(?:this|it|that)\b", sentence.folded):
        return sentence.context_type
    return None


def _subject_name(analysis: DocumentAnalysis, name: str) -> tuple[str, str]:
    """Map a scope to (condition, scope); types and the condition stay as they are."""
    topic = analysis.topic
    if any(scope.name == name for scope in topic.scopes):
        return topic.condition.name, name
    return name, ""


def _claim(analysis, sentence, subject, value, extractor, population="") -> Claim:
    subject, scope = _subject_name(analysis, subject)
    obj = analysis.topic.condition.name if value == "most_common" else population
    return Claim(source_id=analysis.document.source_id, facet=FACET, subject=subject, object=obj, value=value,
                 scope=scope, quote=sentence.text, start=sentence.start, end=sentence.end, extractor=extractor)


def _population(sentence: Sentence, cue_end: int) -> str:
    populations = [m for m in sentence.mentions if m.kind == "population" and m.start >= cue_end]
    return populations[0].name if populations else ""


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    for sentence in analysis.sentences:
        if sentence.is_question:
            continue
        ranked = False
        for pattern in (_MOST_COMMON_NOUN, _MOST_COMMON_VERB):
            for cue in pattern.finditer(sentence.folded):
                subject = _subject_near(analysis, sentence, sentence.start + cue.start(), sentence.start + cue.end())
                if subject and subject != analysis.topic.condition.name:
                    ranked = True
                    yield _claim(analysis, sentence, subject, "most_common", "frequency.most_common")
        if sentence.block.kind == "row" or ("types" in sentence.sections and sentence.is_table_like):
            first = sentence.mentions[0] if sentence.mentions else None
            cell = _TABLE_VALUE.search(sentence.folded)
            if first is not None and first.kind in TYPE_LIKE and cell and first.start == sentence.start:
                yield _claim(analysis, sentence, first.name, _value(cell.group("word"), cell.group("degree")),
                             "frequency.table")
            continue
        if ranked or _NOT_ABOUT_TYPE.search(sentence.folded):
            continue
        for cue in _OCCURRENCE.finditer(sentence.folded):
            if re.search(r"\bmost\s+$", sentence.folded[: cue.start("word")]):
                continue
            if _LISTED_AFTER.match(sentence.folded[cue.end():]):
                continue  # "includes rare subtypes such as A": the rarity is A's, not the sentence subject's
            subject = _subject_near(analysis, sentence, sentence.start + cue.start(), sentence.start + cue.end())
            if subject:
                yield _claim(analysis, sentence, subject, _value(cue.group("word"), cue.group("degree")),
                             "frequency.occurrence", _population(sentence, sentence.start + cue.end()))
                break
