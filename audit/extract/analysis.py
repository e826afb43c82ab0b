"""One pass over a cleaned document that every facet extractor shares.

Splits blocks into sentences (pysbd), finds lexicon mentions once, tracks the
section each sentence is in (from headings) and the type in context, so that
"This is the most common type" under a "Migraine without aura" heading is
about migraine without aura.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

import pysbd

from audit.extract.cues import SECTION_PATTERNS
from audit.extract.lexicon import Mention, matcher_for
from audit.ingest.document import Block, CleanDocument
from audit.textfold import fold
from audit.topic import Topic

TYPE_LIKE = ("type", "entity")
_LABEL = re.compile(r"^\W*(?P<label>[^:.!?]{2,60}):\s")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    folded: str
    block: Block
    block_index: int
    sections: frozenset[str]        # what the current section heading is about
    mentions: tuple[Mention, ...]   # absolute offsets
    context_type: str | None        # type named by heading, label or previous sentence

    def rel(self, offset: int) -> int:
        """Absolute offset -> offset inside this sentence."""
        return offset - self.start

    def mentions_of(self, *kinds: str) -> list[Mention]:
        return [mention for mention in self.mentions if mention.kind in kinds]

    @property
    def is_question(self) -> bool:
        """Questions ask; they assert nothing, so no claim comes from them."""
        if self.block.kind == "heading":
            return "?" in self.text
        return self.text.rstrip().endswith("?")

    @property
    def is_table_like(self) -> bool:
        """A whole block with no sentence ending: a heading or a table row."""
        return (self.start == self.block.start and self.end == self.block.end
                and not self.text.rstrip().endswith((".", "!", "?")))


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


# pysbd's time grows faster than linearly with the length of what it is given (a
# 200 KB unpunctuated block took 30 s), so it never sees more than this many
# characters at once. Article paragraphs are far shorter, so they are segmented
# whole, exactly as before.
_SEGMENT_WINDOW = 2000


def _segment(text: str) -> list[tuple[int, int]]:
    """pysbd on one bounded piece: sentence spans located in ``text`` in order.

    pysbd's own char spans can drift on repeated sentences, so we locate each
    returned sentence ourselves, moving forward through the text.
    """
    spans = []
    cursor = 0
    for piece in _segmenter().segment(text):
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, cursor)
        if found < 0:  # pysbd altered the text; fall back to the rest as one sentence
            rest = text[cursor:].strip()
            if rest:
                start = text.find(rest, cursor)
                spans.append((start, start + len(rest)))
            return spans
        spans.append((found, found + len(piece)))
        cursor = found + len(piece)
    return spans


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in ``text``; whitespace trimmed, every span found in order.

    Work is linear in the length of ``text``: a long text is segmented one
    window at a time. Every sentence of a window but the last is kept (the
    last may run past the window) and the next window starts where that last
    sentence starts. A window holding no sentence end is one over-long
    sentence: it is cut at its last space (or, with no space, at the window's
    end) and the rest continues in the next window.
    """
    if len(text) <= _SEGMENT_WINDOW:
        return _segment(text)
    spans: list[tuple[int, int]] = []
    position = 0
    while position < len(text):
        end = position + _SEGMENT_WINDOW
        if end >= len(text):
            spans.extend((position + start, position + stop) for start, stop in _segment(text[position:]))
            break
        found = _segment(text[position:end])
        if len(found) >= 2:
            spans.extend((position + start, position + stop) for start, stop in found[:-1])
            position += found[-1][0]
            continue
        cut = text.rfind(" ", position + 1, end)
        cut = end if cut < 0 else cut
        piece = text[position:cut]
        stripped = piece.strip()
        if stripped:
            start = position + piece.index(stripped)
            spans.append((start, start + len(stripped)))
        position = cut
    return spans


# Reference marks at the end of a sentence ("... hyperparathyroidism 3 6", "... monitoring 3."): digits
# after a word that takes no number. "1 in 3.", "type 2", "aged 10" keep theirs.
_REFERENCE_MARKS = re.compile(r"(?<=[a-z)\]])(?:\s\[?\d{1,2}\]?)(?:[\s,]+\[?\d{1,2}\]?){0,4}\.?\s*$")
_TAKES_A_NUMBER = re.compile(
    r"\b(?:in|of|to|than|by|type|types|grade|stage|class|form|level|phase|step|and|or|per|under|over|about|"
    r"approximately|nearly|from|between|at|aged?|ages|years?|weeks?|months?|days?|hours?|is|are|was|were|"
    r"chapter|number|score|figure|table|version|trisomy|chromosome|factor|nf|cmt|hla)\s*$", re.IGNORECASE)


def _without_reference_marks(sentence: str) -> int:
    """Length of the sentence without trailing reference marks (the quote stops before them)."""
    marks = _REFERENCE_MARKS.search(sentence)
    if marks is None or marks.start() < 1 or _TAKES_A_NUMBER.search(sentence[: marks.start()]):
        return len(sentence)
    return len(sentence[: marks.start()].rstrip())


def _leading_type(mentions: list[Mention], folded_block: str, block_start: int) -> str | None:
    """The type a heading or a 'Label:' block is about, when the block starts with one."""
    if not mentions or mentions[0].kind not in TYPE_LIKE:
        return None
    prefix = folded_block[: mentions[0].start - block_start]
    return None if re.search(r"[a-z]", prefix) else mentions[0].name


class DocumentAnalysis:
    """Sentences with mentions, sections and type context for one document."""

    def __init__(self, document: CleanDocument, topic: Topic):
        self.document = document
        self.topic = topic
        self.text = document.text
        self.folded = fold(document.text)
        self.matcher = matcher_for(topic)
        self.memo: dict[str, object] = {}  # results one extractor computes and another reuses

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        sentences: list[Sentence] = []
        sections: frozenset[str] = frozenset()
        heading_type: str | None = None
        for block_index, block in enumerate(self.document.blocks):
            block_text = self.text[block.start:block.end]
            folded_block = self.folded[block.start:block.end]
            block_mentions = self.matcher.find(folded_block, block.start)
            mention_starts = [mention.start for mention in block_mentions]
            leading = _leading_type(block_mentions, folded_block, block.start)
            label_type = None
            label = _LABEL.match(block_text)
            if label:
                label_type = leading
            if block.kind in ("heading", "row") or (leading and not block_text.rstrip().endswith(".")):
                if leading:
                    # A type's own heading or table row: we stay inside the section around it.
                    heading_type = leading
                else:
                    heading_type = None
                    sections = frozenset(name for name, pattern in SECTION_PATTERNS.items()
                                         if pattern.search(folded_block))
            previous_subject: str | None = None
            spans = [(0, len(block_text))] if block.kind in ("heading", "row") else split_sentences(block_text)
            for start, end in spans:
                end = start + _without_reference_marks(block_text[start:end])
                absolute_start, absolute_end = block.start + start, block.start + end
                # Mentions are sorted and non-overlapping: bisect to this sentence's share
                # (a scan of the whole block per sentence is quadratic on a one-line text).
                first = bisect_left(mention_starts, absolute_start)
                last = bisect_right(mention_starts, absolute_end)
                mentions = tuple(m for m in block_mentions[first:last] if m.end <= absolute_end)
                context = label_type or previous_subject or heading_type
                sentences.append(Sentence(
                    index=len(sentences), start=absolute_start, end=absolute_end,
                    text=self.text[absolute_start:absolute_end], folded=self.folded[absolute_start:absolute_end],
                    block=block, block_index=block_index, sections=sections, mentions=mentions,
                    context_type=context,
                ))
                first_type = next((m for m in mentions if m.kind in TYPE_LIKE), None)
                if first_type is not None and first_type.start - absolute_start <= 3:
                    previous_subject = first_type.name
        return tuple(sentences)

    @cached_property
    def type_count_sentences(self) -> frozenset[int]:
        """Indexes of sentences that state a count of types (filled by the type_count extractor)."""
        from audit.extract.type_count import count_matches

        return frozenset(s.index for s in self.sentences if count_matches(self, s))
