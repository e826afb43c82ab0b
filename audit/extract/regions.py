"""The cheap first pass: which blocks, and which sentences, can hold a claim at all.

A facet extractor finds a claim only in a sentence that holds a lexicon
mention of certain kinds (a symptom for the symptom facet, a type for a named
type) or one of its cue words (a type noun, a figure, "called", "most
common", an onset verb). The cue words of every facet are found in one
Aho-Corasick pass over the folded document (beside the lexicon's own pass).
A paragraph with neither a mention nor a cue of any facet cannot hold a claim,
so it is not split into sentences: it stays one piece that the extractors pass
over at once. In the other blocks, each extractor that reads sentences one by
one reads only those its own gate lets through
(``DocumentAnalysis.sentences_for``). The claims are the same
(``tests/test_regions.py`` checks it on every extractor case and test corpus,
with the pass on and off).

:data:`GATES` is a superset of what each extractor's rules need. A cue is a
word start (``classif`` covers "classified", "classification"), or for
``inside`` cues any substring. When a rule starts reading a new word, add it
here. A facet with no gate turns the pass off (every block and sentence
analysed): a new extractor is correct before it is fast.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import ahocorasick

from audit.extract.lexicon import Mention

if TYPE_CHECKING:
    from audit.extract.analysis import Sentence

_TYPE_LIKE = ("type", "entity")


@dataclass(frozen=True)
class Gate:
    """What a sentence needs before one facet's rules can find a claim in it: a mention of ``kinds``, a word
    starting with one of ``words``, one of ``inside`` anywhere, or (``digits``) a decimal digit."""

    kinds: tuple[str, ...]
    words: tuple[str, ...] = ()
    inside: tuple[str, ...] = ()
    digits: bool = False


# Every alternative of cues.TYPE_NOUN_PATTERN starts with one of these (tests/test_regions.py checks it).
TYPE_NOUN_STEMS = ("type", "form", "kind", "sub", "categor", "class", "variant", "variet", "genotype", "phenotype")
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
                 "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
                 "million", "billion")

GATES: dict[str, Gate] = {
    # "five main types", "several forms", "the type of X (I, II, or III)"
    "type_count": Gate(_TYPE_LIKE, TYPE_NOUN_STEMS),
    # a type's name, or a list after a type noun ("types including ...", "types I through IV")
    "type": Gate(_TYPE_LIKE, TYPE_NOUN_STEMS),
    # "also called", "formerly", "another name for", "subtypes such as", "a variant of", "classified as"
    "type_relation": Gate(_TYPE_LIKE, (*TYPE_NOUN_STEMS, "call", "known", "term", "refer", "name", "formerly",
                                       "previously", "simply", "aka", "subgroup", "subset", "subclass", "classed",
                                       "categori", "grouped", "counted", "regarded", "considered")),
    # "the most common form", "accounts for most cases", "is rare", "is seldom seen", a table's "common"
    "frequency": Gate(_TYPE_LIKE, ("most", "more", "common", "uncommon", "rare", "seldom", "infrequent", "frequen",
                                   "prevalen", "majority", "bulk", "largest", "account", "make", "making", "made",
                                   "responsible")),
    # every figure has a digit or a number word (prevalence's own first test, and more)
    "prevalence": Gate((), _NUMBER_WORDS, inside=("percent", "half", "third", "quarter", "fourth", "fifth",
                                                  "tenth", "dozen"), digits=True),
    "treatment": Gate(("treatment",)),
    "symptom": Gate(("symptom",)),
    # an onset verb ("starts", "is present", "develops") before a life stage
    "onset": Gate((), ("start", "begin", "began", "appear", "develop", "aris", "arose", "emerg", "occur", "first",
                       "notic", "seen", "onset", "show", "present", "evident", "apparent", "obvious", "diagnos",
                       "recogni", "detect", "visible", "born", "symptomatic", "early", "caus")),
}

_DIGITS = re.compile(r"\d+")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # what \w means in a regular expression


class CueHits:
    """Where each facet's cue words are in one folded document: sorted, per facet, as (start, end) spans."""

    def __init__(self, spans: dict[str, list[tuple[int, int]]]):
        self._starts = {facet: [start for start, _end in found] for facet, found in spans.items()}
        self._ends = {facet: [end for _start, end in found] for facet, found in spans.items()}

    def spans_of(self, facet: str) -> tuple[list[int], list[int]]:
        """(starts, ends) of ``facet``'s cues, both sorted."""
        return self._starts.get(facet, []), self._ends.get(facet, [])

    def overlaps(self, facet: str, start: int, end: int) -> bool:
        """Whether a cue of ``facet`` overlaps ``[start, end)``."""
        ends = self._ends.get(facet)
        if not ends:
            return False
        first = bisect_right(ends, start)  # the first cue that ends after ``start``
        return first < len(ends) and self._starts[facet][first] < end


class ClaimRegions:
    """Decides which blocks, and which sentences, any (or one) of the given facets could find a claim in."""

    def __init__(self, facets: Iterable[str]):
        facets = tuple(dict.fromkeys(facets))
        self.enabled = bool(facets) and all(facet in GATES for facet in facets)
        self.gates = {facet: GATES[facet] for facet in facets} if self.enabled else {}
        self.kinds = frozenset(kind for gate in self.gates.values() for kind in gate.kinds)
        self._digit_facets = tuple(facet for facet, gate in self.gates.items() if gate.digits)
        self._automaton = self._build()

    def _build(self) -> ahocorasick.Automaton | None:
        """One automaton of every cue; each cue carries the facets it opens as a word start and anywhere."""
        cues: dict[str, tuple[set[str], set[str]]] = {}
        for facet, gate in self.gates.items():
            for word in gate.words:
                cues.setdefault(word, (set(), set()))[0].add(facet)
            for word in gate.inside:
                cues.setdefault(word, (set(), set()))[1].add(facet)
        if not cues:
            return None
        automaton = ahocorasick.Automaton()
        for word, (at_word_start, anywhere) in cues.items():
            automaton.add_word(word, (len(word), tuple(sorted(at_word_start)), tuple(sorted(anywhere))))
        automaton.make_automaton()
        return automaton

    def cue_hits(self, folded: str) -> CueHits:
        """Every facet's cues in a folded document, in one pass."""
        spans: dict[str, list[tuple[int, int]]] = {facet: [] for facet in self.gates}
        if self._automaton is not None:
            for end_index, (length, at_word_start, anywhere) in self._automaton.iter(folded):
                start, end = end_index - length + 1, end_index + 1
                for facet in anywhere:
                    spans[facet].append((start, end))
                if at_word_start and (start == 0 or not _is_word_char(folded[start - 1])):
                    for facet in at_word_start:
                        spans[facet].append((start, end))
        if self._digit_facets:
            for match in _DIGITS.finditer(folded):
                for facet in self._digit_facets:
                    spans[facet].append(match.span())
        for found in spans.values():
            found.sort()
        return CueHits(spans)

    def may_hold_claim(self, cues: CueHits, start: int, end: int, mentions: Sequence[Mention]) -> bool:
        """False only when no facet can find a claim in ``[start, end)`` (a block that need not be split)."""
        if not self.enabled:
            return True
        if any(mention.kind in self.kinds for mention in mentions):
            return True
        return any(cues.overlaps(facet, start, end) for facet in self.gates)

    def sentences_for(self, facet: str, sentences: Sequence[Sentence], with_kind: Mapping[str, Iterable[int]],
                      cues: CueHits) -> Sequence[Sentence]:
        """The sentences (in order) holding a mention or a cue ``facet``'s rules need; all of them when off.

        ``with_kind[kind]`` are the indexes of the sentences holding a mention
        of ``kind``. A cue counts when it overlaps the sentence: a superset of
        the cues found in the sentence alone.
        """
        gate = self.gates.get(facet)
        if gate is None:
            return sentences
        chosen: set[int] = set()
        for kind in gate.kinds:
            chosen.update(with_kind.get(kind, ()))
        sentence_ends = [sentence.end for sentence in sentences]
        count = len(sentences)
        first = 0
        for start, end in zip(*cues.spans_of(facet)):  # cues in order of their starts
            # The first sentence ending after the cue starts (never before the previous cue's).
            first = index = bisect_right(sentence_ends, start, first)
            while index < count and sentences[index].start < end:
                chosen.add(index)
                index += 1
        return [sentences[index] for index in sorted(chosen)]


@lru_cache(maxsize=8)
def regions_for(facets: tuple[str, ...]) -> ClaimRegions:
    return ClaimRegions(facets)
