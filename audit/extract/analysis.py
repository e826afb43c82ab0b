"""One pass over a cleaned document that every facet extractor shares.

Splits blocks into sentences (nupunkt), finds lexicon mentions once, tracks the
section each sentence is in (from headings) and the type in context, so that
"This is the most common type" under a "Migraine without aura" heading is
about migraine without aura. Blocks that cannot hold a claim (see
:mod:`audit.extract.regions`) are not split into sentences.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

import nupunkt

from audit.extract.cues import SECTION_PATTERNS
from audit.extract.lexicon import Mention, matcher_for
from audit.extract.regions import regions_for
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
        """Questions ask; they assert nothing, so no claim comes from them. A statement with a hedge that ends in
        "?" ("there are like 8 types, i think?", "about 1 in 1,000 kids maybe?") states something, unsure of it:
        a question opens with a question word or a verb."""
        if self.block.kind == "heading":
            return "?" in self.text
        if not self.text.rstrip().endswith("?"):
            return False
        return bool(QUESTION_OPENING.match(self.folded)) or not HEDGED_STATEMENT.search(self.folded)

    @property
    def is_table_like(self) -> bool:
        """A whole block with no sentence ending: a heading or a table row."""
        return (self.start == self.block.start and self.end == self.block.end
                and not self.text.rstrip().endswith((".", "!", "?")))


@lru_cache(maxsize=1)
def _segmenter() -> nupunkt.PunktSentenceTokenizer:
    """nupunkt's pre-trained English model (shipped inside the package: nothing is downloaded).

    Chosen by measurement over pysbd (used before), blingfire, sentencex and
    syntok, on the 275 paragraphs of the development set, the bundled corpus
    and the test corpora (one pass each, this 2-core machine):

    ==========  ==========  ================================  =====================================
    segmenter   MB/s        paragraphs split as pysbd splits  ``make eval``; bundled ``extracted/``
    ==========  ==========  ================================  =====================================
    pysbd       0.09        275 / 275                         the reference
    nupunkt     2.4 (27x)   273 / 275                         same scores; same claims
    blingfire   1.8         268 / 275                         same scores; 2 more claims
    syntok      0.44        264 / 275                         not run (slower than nupunkt)
    sentencex   17          255 / 275                         type recall 96% -> 80%
    ==========  ==========  ================================  =====================================

    nupunkt's two differences from pysbd: a reference-mark run ("... best
    practices 12 13 14 16.") is not split from the sentence before it, and
    "neuromas.." ends one sentence instead of leaving "." as a sentence of its
    own (2 of the development set's ~760 claims quote that one more dot; every
    score is the same, and so is every other claim).
    """
    return nupunkt.load_default_model()


# Segmenters can grow faster than linearly with the length of what they are given (pysbd, used before,
# took 30 s on a 200 KB unpunctuated block), so one never sees more than this many characters at once.
# Article paragraphs are far shorter, so they are segmented whole.
_SEGMENT_WINDOW = 2000


def _segment(text: str) -> list[tuple[int, int]]:
    """Sentence spans of one bounded piece, in order, whitespace trimmed.

    A line break ends a sentence (as pysbd, used before, had it: a draft's heading is not the start of its
    first sentence); nupunkt segments each line.
    """
    spans = []
    offset = 0
    for line in text.split("\n"):
        for start, end in _segmenter().span_tokenize(line):
            piece = line[start:end]
            stripped = piece.strip()
            if stripped:
                first = offset + start + piece.index(stripped)
                spans.extend(_missed_ends(text, first, first + len(stripped)))
        offset += len(line) + 1
    return spans


# nupunkt's model learned thousands of "abbreviations" from its training text, many of them words ("bed",
# "arteritis", "aloud"), after which it never ends a sentence. A period after a word of three or more letters, or
# after an acronym ("AL."), followed by a capitalised word, ends a sentence unless the word is a common abbreviation.
_MISSED_END = re.compile(r"(?<![\w.])(?P<word>[A-Za-z][a-z]{2,}|[A-Z]{2,}|[a-z]{2})\.(?=\s+[A-Z][a-z])|"
                         # "... chronic hepatitis B. In the ...": one capital letter after a lower-case word (see
                         # _missed_ends)
                         r"(?<=[a-z] )(?P<letter>[A-Z])\.(?=\s+[A-Z][a-z])")
# Words before a person's initial: "by J. Smith", "and M. Jones".
_BEFORE_INITIAL = frozenset({"by", "and", "with", "from", "to", "dr", "prof"})
_COMMON_ABBREVIATIONS = frozenset(
    "approx apr aug dec feb jan jul jun mar nov oct sep sept mon tue wed thu fri sat sun etc incl viz cf fig figs vol "
    "vols dept est min max avg ave inc ltd corp univ assoc govt prof mrs sen rep gen col capt sgt lt jr sr "
    # two lower-case letters: "nerves look ok. From ..." ends a sentence, "et al. Smith" does not
    "dr mr ms st vs al eg ie ca co pp ed no op cf mt ft lb oz pt ch vi ii iv".split())


def _missed_ends(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence ``text[start:end]`` cut where the segmenter missed a sentence end (see above)."""
    spans = []
    for found in _MISSED_END.finditer(text, start, end):
        if found.group("word") and found.group("word").lower() in _COMMON_ABBREVIATIONS:
            continue
        if found.group("letter"):
            # a type's letter ("hepatitis B.") follows a lower-case word; an initial follows a capitalised name
            # ("John F. Kennedy") or a word such as "by"
            before = text[max(start, found.start() - 30):found.start()].split()
            if not before or not before[-1].islower() or before[-1] in _BEFORE_INITIAL:
                continue
        cut = found.end()
        spans.append((start, cut))
        start = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
    spans.append((start, end))
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


def _whole(text: str) -> list[tuple[int, int]]:
    """The whole text as one span, whitespace trimmed (none when blank)."""
    stripped = text.strip()
    if not stripped:
        return []
    start = text.index(stripped)
    return [(start, start + len(stripped))]


# Reference marks at the end of a sentence ("... hyperparathyroidism 3 6", "... monitoring 3."): digits
# after a word that takes no number. "1 in 3.", "type 2", "aged 10" keep theirs.
_REFERENCE_MARKS = re.compile(r"(?<=[a-z)\]])(?:\s\[?\d{1,2}\]?)(?:[\s,]+\[?\d{1,2}\]?){0,4}\.?\s*$")
_TAKES_A_NUMBER = re.compile(
    r"\b(?:in|of|to|than|by|type|types|grade|stage|class|form|level|phase|step|and|or|per|under|over|about|"
    r"approximately|nearly|from|between|at|aged?|ages|years?|weeks?|months?|days?|hours?|is|are|was|were|"
    r"after|before|around|until|till|past|beyond|within|roughly|almost|least|most|only|just|some|every|"
    r"chapter|number|score|figure|table|version|trisomy|chromosome|factor|nf|cmt|hla)\s*$", re.IGNORECASE)


def _may_end_in_reference_marks(sentence: str) -> bool:
    """What _REFERENCE_MARKS needs at the end: a digit, then at most ']', '.' and white space (most sentences end
    in a word and a full stop, and the regular expression would try every position of them)."""
    tail = sentence.rstrip()
    tail = tail[:-1] if tail.endswith(".") else tail
    tail = tail[:-1] if tail.endswith("]") else tail
    return tail[-1:].isdecimal()


def _without_reference_marks(sentence: str) -> int:
    """Length of the sentence without trailing reference marks (the quote stops before them)."""
    if not _may_end_in_reference_marks(sentence):
        return len(sentence)
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


# Hedge words that make a sentence ending in "?" an unsure statement, and the openings of a real question.
HEDGED_STATEMENT = re.compile(r"\b(?:i\s+think|i\s+believe|i\s+guess|i\s+read|i\s+heard|i'?ve\s+heard|maybe|perhaps|"
                              r"something\s+like|apparently|or\s+so|iirc|afaik|if\s+i\s+remember)\b")
QUESTION_OPENING = re.compile(r"\W*(?:(?:so|ok|okay|and|but|also|hi|hey|quick\s+question)\W+)*(?:what|how|why|when|where|"
                              r"who|whom|which|whose|is|are|was|were|am|do|does|did|can|could|should|shall|would|will|"
                              r"has|have|had|may|might|must|anyone|anybody|any|isn'?t|aren'?t|doesn'?t|don'?t)\b")


def table_cells(text: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row written "a | b | c", whitespace trimmed."""
    spans, cursor = [], 0
    for part in text.split("|"):
        start = cursor + len(part) - len(part.lstrip())
        spans.append((start, max(start, cursor + len(part.rstrip()))))
        cursor += len(part) + 1
    return spans


class DocumentAnalysis:
    """Sentences with mentions, sections and type context for one document."""

    def __init__(self, document: CleanDocument, topic: Topic, facets: tuple[str, ...] = ()):
        """``facets``: the facets that will be extracted; blocks none of them can find a claim in are not
        split into sentences. Empty: every block is."""
        self.document = document
        self.topic = topic
        self.text = document.text
        self.folded = fold(document.text)
        self.matcher = matcher_for(topic)
        self.regions = regions_for(facets)
        self.cues = self.regions.cue_hits(self.folded)
        self.memo: dict[str, object] = {}  # results one extractor computes and another reuses
        self._sentences_for: dict[str, tuple[Sentence, ...]] = {}

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        sentences: list[Sentence] = []
        sections: frozenset[str] = frozenset()
        heading_type: str | None = None
        # One lexicon pass over the whole text: no form holds a line break, and the blank lines between
        # blocks are word boundaries like a block's own ends, so it finds what a pass per block finds.
        all_mentions = self.matcher.with_defined_abbreviations(
            self.text, self.matcher.find(self.folded, text=self.text))
        all_starts = [mention.start for mention in all_mentions]
        for block_index, block in enumerate(self.document.blocks):
            block_text = self.text[block.start:block.end]
            folded_block = self.folded[block.start:block.end]
            first_mention = bisect_left(all_starts, block.start)
            last_mention = bisect_left(all_starts, block.end, first_mention)
            block_mentions = all_mentions[first_mention:last_mention]
            mention_starts = all_starts[first_mention:last_mention]
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
                    found = frozenset(name for name, pattern in SECTION_PATTERNS.items() if pattern.search(folded_block))
                    # a table's rows add to the section they sit in ("Medicine | Main target" under "Treatment
                    # options" is still about treatment); a heading starts a section of its own
                    sections = sections | found if block.kind == "row" else found
            previous_subject: str | None = None
            if block.kind in ("heading", "row"):
                spans = [(0, len(block_text))]
            elif self.regions.may_hold_claim(self.cues, block.start, block.end, block_mentions):
                spans = split_sentences(block_text)
            else:  # no claim can be found here: one piece, as the block's first sentence would start
                spans = _whole(block_text)
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

    def sentences_for(self, facet: str) -> tuple[Sentence, ...]:
        """The sentences ``facet``'s rules can find a claim in, in order: those holding one of its mentions or
        cue words (:mod:`audit.extract.regions`). For extractors that read each sentence on its own; one that
        carries state from sentence to sentence reads :attr:`sentences`."""
        chosen = self._sentences_for.get(facet)
        if chosen is None:
            chosen = self._sentences_for[facet] = tuple(self.regions.sentences_for(
                facet, self.sentences, self._sentences_with_kind, self.cues))
        return chosen

    @cached_property
    def _sentences_with_kind(self) -> dict[str, list[int]]:
        """Per mention kind, the indexes (ascending) of the sentences holding one."""
        found: dict[str, list[int]] = {}
        for index, sentence in enumerate(self.sentences):
            for kind in {mention.kind for mention in sentence.mentions}:
                found.setdefault(kind, []).append(index)
        return found

    @cached_property
    def type_count_sentences(self) -> frozenset[int]:
        """Indexes of sentences that state a count of types (filled by the type_count extractor)."""
        from audit.extract.type_count import FACET, count_matches

        return frozenset(s.index for s in self.sentences_for(FACET) if count_matches(self, s))
