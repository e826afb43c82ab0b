"""The cheap first pass: which blocks of a document can hold a claim at all.

A facet extractor finds a claim only in a sentence that holds a lexicon
mention of certain kinds (a symptom for the symptom facet, a type for a named
type) or one of its cue words (a type noun, a figure, "called", "most
common", an onset verb). A paragraph with neither cannot hold a claim of that
facet, so it is not split into sentences: it stays one piece that every
extractor passes over at once. In the blocks that can, each extractor reads
only the sentences its own gate lets through (``DocumentAnalysis.sentences_for``).
The claims are the same (``tests/test_regions.py``
checks it on every extractor case and test corpus, with the pass on and off).

:data:`GATES` is a superset of what each extractor's rules need: cue words
are matched as word starts (``classif`` covers "classified") on the folded
block. When a rule starts reading a new word, add the word here. A facet with
no gate turns the pass off (every block analysed): a new extractor is correct
before it is fast.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from audit.extract.cues import TYPE_NOUN_PATTERN
from audit.extract.lexicon import Mention

if TYPE_CHECKING:
    from audit.extract.analysis import Sentence as _Sentence

_TYPE_LIKE = ("type", "entity")


@dataclass(frozen=True)
class Gate:
    """What a sentence needs before one facet's rules can find a claim in it: a mention of ``kinds`` or ``cue``."""

    kinds: tuple[str, ...]
    cue: str = ""   # a regular expression; empty when a mention is always needed


_TYPE_NOUN = rf"\b{TYPE_NOUN_PATTERN}|\b(?:sub|classif|variet|variant|kind)"
_FIGURE = (r"\d|percent|half|third|quarter|fourth|fifth|tenth|dozen|\b(?:one|two|three|four|five|six|seven|eight|"
           r"nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
           r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|a\s+dozen)")

GATES: dict[str, Gate] = {
    # "five main types", "several forms", "the type of X (I, II, or III)"
    "type_count": Gate(_TYPE_LIKE, _TYPE_NOUN),
    # a type's name, or a list after a type noun ("types including ...", "types I through IV")
    "type": Gate(_TYPE_LIKE, _TYPE_NOUN),
    # "also called", "formerly", "another name for", "subtypes such as", "a variant of", "classified as"
    "type_relation": Gate(_TYPE_LIKE, rf"{_TYPE_NOUN}|\b(?:call|known|term|refer|name|formerly|previously|simply|"
                                      r"aka|subgroup|subset|subclass|classed|categori|grouped|counted|regarded|"
                                      r"considered)"),
    # "the most common form", "accounts for most cases", "is rare", "is seldom seen", a table's "common"
    "frequency": Gate(_TYPE_LIKE, r"\b(?:most|more|common|commonest|uncommon|rare|rarely|seldom|infrequent|"
                                  r"frequen|prevalen|majority|bulk|largest|account|make|making|made|responsible)"),
    # every figure has a digit or a number word (prevalence's own _CANDIDATE test, and more)
    "prevalence": Gate((), _FIGURE),
    "treatment": Gate(("treatment",)),
    "symptom": Gate(("symptom",)),
    # an onset verb ("starts", "is present", "develops") before a life stage
    "onset": Gate((), r"\b(?:start|begin|began|beginn|appear|develop|aris|arose|emerg|occur|first|notic|seen|"
                      r"onset|show|present|evident|apparent|obvious|diagnos|recogni|detect|visible|born)"),
}


class ClaimRegions:
    """Decides which blocks, and which sentences, any (or one) of the given facets could find a claim in."""

    def __init__(self, facets: Iterable[str]):
        facets = tuple(facets)
        self.enabled = bool(facets) and all(facet in GATES for facet in facets)
        self.gates: dict[str, tuple[frozenset[str], re.Pattern[str] | None]] = {}
        if self.enabled:
            for facet in facets:
                gate = GATES[facet]
                self.gates[facet] = (frozenset(gate.kinds), re.compile(gate.cue) if gate.cue else None)
        gates = [GATES[facet] for facet in self.gates]
        self.kinds = frozenset(kind for gate in gates for kind in gate.kinds)
        cues = [gate.cue for gate in gates if gate.cue]
        self.cue = re.compile("|".join(f"(?:{cue})" for cue in cues)) if cues else None

    def may_hold_claim(self, folded_block: str, mentions: Sequence[Mention]) -> bool:
        """False only when no facet can find a claim in the block (then it need not be split into sentences)."""
        if not self.enabled:
            return True
        if any(mention.kind in self.kinds for mention in mentions):
            return True
        return self.cue is not None and self.cue.search(folded_block) is not None

    def sentences_for(self, facet: str, sentences: Sequence[_Sentence], folded: str) -> Sequence[_Sentence]:
        """The sentences (in order) that hold a mention or a cue word ``facet``'s rules need; all when off.

        The facet's cue is scanned once over the whole folded document; a
        sentence qualifies when a match overlaps it (a superset of matching
        inside the sentence alone).
        """
        gate = self.gates.get(facet)
        if gate is None:
            return sentences
        kinds, cue = gate
        hits = [match.span() for match in cue.finditer(folded)] if cue is not None else []
        hit_ends = [end for _start, end in hits]
        chosen = []
        for sentence in sentences:
            first = bisect_right(hit_ends, sentence.start)  # the first hit that ends inside or after the sentence
            if (first < len(hits) and hits[first][0] < sentence.end) or \
                    any(mention.kind in kinds for mention in sentence.mentions):
                chosen.append(sentence)
        return chosen


@lru_cache(maxsize=8)
def regions_for(facets: tuple[str, ...]) -> ClaimRegions:
    return ClaimRegions(facets)
