"""Facet ``prevalence``: percentages and fractions, with the population they apply to.

Understands ranges with any dash or "to" ("25-40%", "25–40 percent", "25 to
40%"), bounds ("up to 70%", "at least 10%", "more than a third"), single
figures ("about 30%") and fractions ("around a third", "one in five").
``value_low``/``value_high`` hold the interval in percent ("up to 70%" is
0-70), ``qualifier`` says how it was stated, ``subject`` is the population
(a population term nearest the figure, narrowed by cue words such as
"pediatric" when the lexicon defines a refinement), else the type or the
condition the sentence is about.
"""
from __future__ import annotations

import re
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence
from audit.extract.claim import Claim
from audit.extract.cues import HEDGE_PATTERN
from audit.textfold import lower_same_length

FACET = "prevalence"

_NUMBER = r"\d{1,3}(?:\.\d+)?"
_PERCENT = r"\s*(?:%|percent\b|per cent\b)"
_DASH = r"\s*(?:-|–|—|‒|to|and)\s*"
_BOUND_WORDS = {
    "up to": "up to", "as many as": "up to", "as much as": "up to", "no more than": "up to", "at most": "up to",
    "less than": "less than", "under": "less than", "fewer than": "less than",
    "at least": "at least", "more than": "more than", "over": "more than", "above": "more than",
    "approximately": "approximately", "about": "approximately", "around": "approximately",
    "roughly": "approximately", "nearly": "approximately", "almost": "approximately", "some": "approximately",
}
_BOUND = r"(?P<bound>" + "|".join(sorted(map(re.escape, _BOUND_WORDS), key=len, reverse=True)) + r")\s+"
_RANGE = re.compile(rf"(?:{_BOUND})?(?:between\s+)?(?P<low>{_NUMBER})(?:{_PERCENT})?{_DASH}(?P<high>{_NUMBER}){_PERCENT}")
_SINGLE = re.compile(rf"(?:{_BOUND})?(?P<value>{_NUMBER}){_PERCENT}")
_FRACTIONS = {
    "a half": 50.0, "half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3,
    "two thirds": 200 / 3, "two-thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "one fourth": 25.0,
    "three quarters": 75.0, "a fifth": 20.0, "one fifth": 20.0, "a tenth": 10.0, "one tenth": 10.0,
}
_FRACTION = re.compile(rf"(?:{_BOUND})?(?P<fraction>" + "|".join(sorted(map(re.escape, _FRACTIONS), key=len, reverse=True))
                       + r")\s+of\b")
_ONE_IN = re.compile(rf"(?:{_BOUND})?(?P<one>one|1)\s+(?:in|out of)\s+(?P<every>\d{{1,4}}|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|a hundred)\b")
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "twenty": 20, "hundred": 100, "a hundred": 100}


def _interval(bound: str | None, low: float, high: float) -> tuple[float, float, str]:
    kind = _BOUND_WORDS.get(bound or "", "")
    if kind in ("up to", "less than"):
        return 0.0, high, kind
    if kind in ("at least", "more than"):
        return low, 100.0, kind
    return low, high, kind or ("range" if low != high else "point")


def _figures(folded: str) -> list[tuple[int, int, float, float, str]]:
    """(start, end, low, high, qualifier) for each figure in a folded sentence."""
    figures = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _RANGE.finditer(folded):
        low, high = float(match.group("low")), float(match.group("high"))
        if low <= high <= 100:
            lo, hi, qualifier = _interval(match.group("bound"), low, high)
            figures.append((match.start(), match.end(), lo, hi, qualifier if qualifier != "point" else "range"))
            taken.append(match.span())
    for match in _SINGLE.finditer(folded):
        value = float(match.group("value"))
        if value <= 100 and free(*match.span()):
            figures.append((match.start(), match.end(), *_interval(match.group("bound"), value, value)))
            taken.append(match.span())
    for match in _FRACTION.finditer(folded):
        value = round(_FRACTIONS[match.group("fraction")], 2)
        bound = match.group("bound") or "approximately"
        figures.append((match.start(), match.end(), *_interval(bound, value, value)))
    for match in _ONE_IN.finditer(folded):
        every = match.group("every")
        denominator = int(every) if every.isdigit() else _WORD_NUMBERS[every]
        if denominator >= 1:
            value = round(100 / denominator, 2)
            figures.append((match.start(), match.end(), *_interval(match.group("bound"), value, value)))
    return sorted(figures)


def _population(analysis: DocumentAnalysis, sentence: Sentence, figure_start: int, figure_end: int) -> str:
    """Nearest population term to the figure; narrowed by a refinement's cue words."""
    populations = sentence.mentions_of("population")
    if not populations:
        about = sentence.mentions_of(*TYPE_LIKE, "scope", "condition")
        return about[0].name if about else (sentence.context_type or analysis.topic.condition.name)
    nearest = min(populations, key=lambda m: min(abs(m.start - figure_end), abs(figure_start - m.end)))
    for refinement in analysis.topic.populations:
        if refinement.refines == nearest.name and any(
                re.search(rf"\b{re.escape(cue.lower())}\b", sentence.folded) for cue in refinement.cues):
            return refinement.name
    return nearest.name


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    for sentence in analysis.sentences:
        if sentence.is_question:
            continue
        for start, end, low, high, qualifier in _figures(lower_same_length(sentence.text)):
            hedge = HEDGE_PATTERN.search(sentence.folded)
            yield Claim(
                source_id=analysis.document.source_id, facet=FACET,
                subject=_population(analysis, sentence, sentence.start + start, sentence.start + end),
                object=analysis.topic.condition.name,
                value=re.sub(r"\s+of$", "", sentence.text[start:end].strip()), value_low=round(low, 2), value_high=round(high, 2),
                unit="%", measure="prevalence", qualifier=qualifier, hedge=hedge.group(0) if hedge else "",
                quote=sentence.text, start=sentence.start, end=sentence.end, extractor="prevalence.figure")
