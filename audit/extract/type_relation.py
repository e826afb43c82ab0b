"""Facet ``type_relation``: how a source places an entity relative to the types.

Values:

- ``alias_of``: "B, also called A", "B, also known as A or C", "A is another
  name for B" -> subject A, object B;
- ``subtype_of``: "B includes rare subtypes such as A", "subtypes like A",
  "A is a specific subtype within B" -> subject A, object B (the type in
  context, else the condition);
- ``separate_type``: an entity the source names as a type of its own
  (from the ``type`` facet) -> object is the condition.
"""
from __future__ import annotations

import re
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence
from audit.extract.claim import Claim
from audit.extract.lexicon import Mention
from audit.extract.type_named import named_types

FACET = "type_relation"

_ALIAS_AFTER = re.compile(r"\b(?:also\s+)?(?:called|known as|termed|referred to as|named)(?:\s+as)?\b")
_ALIAS_BEFORE = re.compile(r"\bis\s+(?:also\s+)?(?:another|an alternative|an older|a different|an alternate)\s+(?:name|term)\s+for\b")
_SUBTYPE_SUCH_AS = re.compile(r"\bsub\s?types?\b(?:\s+\w+){0,2}?\s*,?\s*(?:such as|like|including|e\.g\.|namely)\b")
_SUBTYPE_OF = re.compile(r"\bsub\s?type\s+(?:of|within|in)\b")
_PRONOUN_START = re.compile(r"^\W*(?:it|this|this condition|this disorder)\b")


def _row(analysis: DocumentAnalysis, sentence: Sentence, subject: str, value: str, obj: str, extractor: str) -> Claim:
    return Claim(source_id=analysis.document.source_id, facet=FACET, subject=subject, object=obj, value=value,
                 quote=sentence.text, start=sentence.start, end=sentence.end, extractor=extractor)


def _list_after(sentence: Sentence, position: int) -> list[Mention]:
    """Type-like mentions right after ``position`` joined by 'or', 'and' or commas."""
    found = []
    cursor = position
    for mention in sentence.mentions:
        if mention.start < cursor:
            continue
        gap = sentence.folded[cursor - sentence.start: mention.start - sentence.start]
        if mention.kind not in TYPE_LIKE or not re.fullmatch(r"[\s,]*(?:(?:or|and|as|the)\s+)*", gap):
            break
        found.append(mention)
        cursor = mention.end
    return found


def _aliases(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    for cue in _ALIAS_AFTER.finditer(sentence.folded):
        cue_start = sentence.start + cue.start()
        before = [m for m in sentence.mentions if m.end <= cue_start]
        if not before or before[-1].kind not in TYPE_LIKE:
            continue
        target = before[-1]
        for alias in _list_after(sentence, sentence.start + cue.end()):
            if alias.name != target.name:
                yield _row(analysis, sentence, alias.name, "alias_of", target.name, "type_relation.alias")
    for cue in _ALIAS_BEFORE.finditer(sentence.folded):
        cue_start = sentence.start + cue.start()
        before = [m for m in sentence.mentions if m.end <= cue_start and m.kind in TYPE_LIKE]
        after = _list_after(sentence, sentence.start + cue.end())
        if before and after and before[-1].name != after[0].name:
            yield _row(analysis, sentence, before[-1].name, "alias_of", after[0].name, "type_relation.alias")


def _subject_before(analysis: DocumentAnalysis, sentence: Sentence, position: int) -> str | None:
    before = [m for m in sentence.mentions if m.end <= position and m.kind in TYPE_LIKE]
    if before:
        return before[-1].name
    if _PRONOUN_START.match(sentence.folded) and sentence.index > 0:
        previous = analysis.sentences[sentence.index - 1]
        if previous.block_index == sentence.block_index:
            first = next((m for m in previous.mentions if m.kind in TYPE_LIKE), None)
            if first is not None:
                return first.name
    return None


def _subtypes(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    condition = analysis.topic.condition.name
    for cue in _SUBTYPE_SUCH_AS.finditer(sentence.folded):
        cue_start = sentence.start + cue.start()
        before = [m for m in sentence.mentions if m.end <= cue_start and m.kind in TYPE_LIKE]
        parent = before[-1].name if before else (sentence.context_type or condition)
        for child in _list_after(sentence, sentence.start + cue.end()):
            if child.name != parent:
                yield _row(analysis, sentence, child.name, "subtype_of", parent, "type_relation.subtype_list")
    for cue in _SUBTYPE_OF.finditer(sentence.folded):
        after = [m for m in sentence.mentions if m.start >= sentence.start + cue.end()]
        parent_mention = next((m for m in after[:1] if m.kind in (*TYPE_LIKE, "condition", "scope")), None)
        parent = condition if parent_mention is None or parent_mention.kind in ("condition", "scope") else parent_mention.name
        child = _subject_before(analysis, sentence, sentence.start + cue.start())
        if child and child != parent:
            yield _row(analysis, sentence, child, "subtype_of", parent, "type_relation.subtype_of")


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    entity_names = {entity.name for entity in analysis.topic.entities}
    for sentence in analysis.sentences:
        yield from _aliases(analysis, sentence)
        yield from _subtypes(analysis, sentence)
    for named in named_types(analysis):
        if named.subject in entity_names:
            yield Claim(source_id=named.source_id, facet=FACET, subject=named.subject, object=named.object,
                        value="separate_type", quote=named.quote, start=named.start, end=named.end,
                        extractor="type_relation.separate_type")
