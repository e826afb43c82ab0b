"""Shared by NUM001 and NUM002 (and SRC001): which figures are comparable, and the questions they make.

Like is compared with like only: one question per (subject, measure, unit,
object) -- the prevalence of one condition in one population, the share of
one type among one condition's cases, ... -- and, for counts of people, per
place too (a count of people in one country says nothing of another).
Figures that measure a risk, a body area or something else are context, never
compared.

A source takes one position per question: when it gives several figures for
the same quantity, its most specific one (the narrowest interval, a stated
figure before a bound, then the first in reading order) speaks for it, so a
finding never sets a source against itself.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from audit.compare.context import QUOTE_FIELDS, Context, position
from audit.compare.model import Question

# Measures whose figures sources can agree or disagree on.
COMPARABLE_MEASURES = ("prevalence", "incidence", "share_of_cases", "share_with_feature", "count", "carrier_frequency")
# The object of a lifetime risk (prevalence extractor)
LIFETIME = "lifetime"
# Measures where the place is part of the quantity, not a cause of difference.
PLACE_BOUND_MEASURES = ("count",)
# Scopes that name no particular place
_ANY_PLACE = ("", "worldwide")


def _number(value: float) -> str:
    if value >= 1000 and float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:g}"


def interval_label(low: float, high: float | None, unit: str = "%") -> str:
    """'25–40%', '40 per 100,000', 'more than 150,000 people'."""
    open_high = high is None or (isinstance(high, float) and math.isnan(high))
    if unit == "%":
        text = f"{_number(low)}%" if low == high else f"{_number(low)}–{_number(high)}%"
        return text if not open_high else f"at least {_number(low)}%"
    suffix = {"per 100000": "per 100,000"}.get(unit, unit)
    if open_high:
        return f"at least {_number(low)} {suffix}"
    number = _number(low) if low == high else f"{_number(low)}–{_number(high)}"
    return f"{number} {suffix}"


def quantity_label(measure: str, subject: str, obj: str) -> str:
    """What the figures measure, in words, for messages."""
    among = f" among {obj}" if obj else ""
    return {
        "prevalence": f"the prevalence of {subject}{among}",
        "incidence": f"the incidence of {subject}{among}",
        "share_of_cases": f"{subject} as a share of {obj or 'cases'}",
        "share_with_feature": f"the share of {obj or 'patients'} who have {subject}",
        "count": f"the number of {obj or 'people'} with {subject}",
        "carrier_frequency": f"the share of people who carry a gene change for {subject}",
    }.get(measure, f"the share of people who have {subject} at some point in their lives" if obj == LIFETIME
          else f"{subject}{among}")


def comparable_figures(ctx: Context) -> pd.DataFrame:
    """Prevalence-facet claims whose measure can be compared across sources, proportions on one scale.

    Computed once per comparison and shared by the rules that read figures.
    """
    return ctx.shared("comparable_figures", _comparable_figures)


def _comparable_figures(ctx: Context) -> pd.DataFrame:
    figures = ctx.facet("prevalence")
    if "measure" in figures.columns:
        # a lifetime risk ("1 in 10 people develop it at some point") is how many ever have it: compared with other
        # lifetime figures (its object keeps them apart), unlike the odds of inheriting or passing something on
        figures = figures[figures["measure"].isin(COMPARABLE_MEASURES)
                          | ((figures["measure"] == "risk") & (figures["object"] == LIFETIME))]
    return one_scale(figures)


# Proportions, as a factor to "per 100000".
_PER_100000 = {"%": 1000.0, "per 100000": 1.0}


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def one_scale(figures: pd.DataFrame) -> pd.DataFrame:
    """"1 in 80" and "1.25%" are one quantity: a proportion's unit is chosen per quantity, not per sentence.

    Per (subject, measure, object): percent when any source states it in
    percent, else per 100,000. The stated words stay in ``value``.
    """
    proportion = figures["unit"].isin(list(_PER_100000))
    if not proportion.any() or figures.loc[proportion, "unit"].nunique() < 2:
        return figures
    keys = list(zip(figures["subject"].tolist(), figures["measure"].tolist(), figures["object"].tolist()))
    units = figures["unit"].tolist()
    in_percent = {key for key, unit in zip(keys, units) if unit == "%"}
    lows, highs = figures["value_low"].tolist(), figures["value_high"].tolist()
    # Column lists, converted in one pass and written back whole: per-cell .at/.loc writes cost a pandas call each.
    for row, (key, unit) in enumerate(zip(keys, units)):
        if unit not in _PER_100000:
            continue
        target = "%" if key in in_percent else "per 100000"
        if unit == target:
            continue
        factor = _PER_100000[unit] / _PER_100000[target]
        for column in (lows, highs):
            if not _missing(column[row]):
                column[row] = round(float(column[row]) * factor, 6)
        units[row] = target
    return figures.assign(value_low=pd.Series(lows, index=figures.index, dtype=figures["value_low"].dtype),
                          value_high=pd.Series(highs, index=figures.index, dtype=figures["value_high"].dtype),
                          unit=pd.Series(units, index=figures.index, dtype=figures["unit"].dtype))


# What makes two figures the same quantity.
QUANTITY_COLUMNS = ["subject", "measure", "unit", "object"]
_BOUNDS = ("up to", "less than", "at least", "more than")
# A figure as the rules read it: its quote record, then what they choose and group by.
_FIGURE_FIELDS = [*QUOTE_FIELDS, "value", "value_low", "value_high", "qualifier"]


@dataclass(frozen=True)
class Figure:
    record: tuple  # the claim in QUOTE_FIELDS order, for positions
    value: str     # the words as stated
    low: float
    high: float    # math.inf when open above

    @property
    def source_id(self) -> str:
        return self.record[0]

    @property
    def scope(self) -> str:
        return self.record[7]


@dataclass(frozen=True)
class Interval:
    """A figure as an interval on its quantity's scale, with the label readers see."""

    label: str
    low: float
    high: float  # math.inf when open above


def _most_specific(figures: list[tuple[tuple, Figure]]) -> list[Figure]:
    """One figure per source: one with no particular place before one for a place (a source that gives the
    overall figure and one country's speaks for the whole through the first), then its narrowest, a stated value
    before a bound, then reading order.

    ``figures`` pairs each figure with its qualifier; the result is in source order.
    """
    def rank(item):
        qualifier, figure = item
        width = figure.high - figure.low
        return (figure.source_id, figure.scope not in _ANY_PLACE, math.isnan(width), 0.0 if math.isnan(width) else width,
                qualifier in _BOUNDS, int(figure.record[3]), figure.record[1])

    chosen: dict[str, Figure] = {}
    for _, figure in sorted(figures, key=rank):
        chosen.setdefault(figure.source_id, figure)
    return list(chosen.values())


@dataclass(frozen=True)
class Quantity:
    subject: str
    measure: str
    unit: str
    obj: str
    scope: str = ""

    @property
    def key(self) -> str:
        return "|".join(part for part in (self.measure, self.unit, self.obj, self.scope))

    @property
    def label(self) -> str:
        text = quantity_label(self.measure, self.subject, self.obj)
        return f"{text} in {self.scope}" if self.scope else text


def _quantities(ctx: Context) -> list[tuple[Quantity, list[Figure]]]:
    """(quantity, each source's most specific figure) for every quantity two or more sources give.

    One pass over the figures into plain tuples, grouped in a dict: a pandas
    group-by and a frame per group cost more than the work they hold.
    """
    figures = comparable_figures(ctx)
    if not len(figures):
        return []
    columns = [figures[column].tolist() for column in (*QUANTITY_COLUMNS, *_FIGURE_FIELDS)]
    groups: dict[tuple, list] = {}
    for row in zip(*columns):
        key, rest = row[:len(QUANTITY_COLUMNS)], row[len(QUANTITY_COLUMNS):]
        if any(_missing(part) for part in key):  # as pandas' group-by: no group for a missing key
            continue
        record = rest[:len(QUOTE_FIELDS)]
        value, low, high, qualifier = rest[len(QUOTE_FIELDS):]
        groups.setdefault(key, []).append((qualifier, Figure(record, value, float(low), _high(high))))
    result = []
    for (subject, measure, unit, obj), rows in sorted(groups.items()):
        if len({figure.source_id for _, figure in rows}) < 2:
            continue
        if measure in PLACE_BOUND_MEASURES:
            by_scope: dict[str, list] = {}
            for item in rows:
                by_scope.setdefault(item[1].scope, []).append(item)
            parts = sorted(by_scope.items())
        else:
            parts = [("", rows)]
        for scope, part in parts:
            chosen = _most_specific(part)
            if len(chosen) >= 2:
                result.append((Quantity(subject, measure, unit, obj, scope), chosen))
    return result


def _label(figure: Figure, unit: str) -> str:
    return interval_label(figure.low, None if math.isinf(figure.high) else figure.high, unit)


def _positions(keyed: list[tuple[str, Figure]]) -> list:
    """One position per label, in label order; each says the words its sources used."""
    by_label: dict[str, list[Figure]] = {}
    for label, figure in keyed:
        by_label.setdefault(label, []).append(figure)
    positions = []
    for label, figures in sorted(by_label.items()):
        stated = "; ".join(sorted({figure.value for figure in figures}))
        positions.append(position(label, f"{label} (stated as: {stated})", [figure.record for figure in figures]))
    return positions


@dataclass(frozen=True)
class FigureSummary:
    """What NUM001 and NUM002 ask about one quantity, built once for both."""

    quantity: Quantity
    positions: tuple
    speaking: tuple[str, ...]
    silent: tuple[str, ...]
    intervals: tuple[Interval, ...]


# "About 5%" is not 5.46% wrong: a point figure stated as approximate reaches this far either side.
APPROXIMATE = re.compile(r"^\W*(?:about|approximately|around|roughly|nearly|almost|an\s+estimated|estimated|some|"
                         r"close\s+to|~)\b", re.IGNORECASE)
APPROXIMATE_TOLERANCE = 0.10


def _reach(figure: Figure) -> tuple[float, float]:
    """(low, high) a figure allows: its own bounds, widened by APPROXIMATE_TOLERANCE when it is an approximate point."""
    if figure.low == figure.high and APPROXIMATE.match(figure.value):
        return figure.low * (1 - APPROXIMATE_TOLERANCE), figure.high * (1 + APPROXIMATE_TOLERANCE)
    return figure.low, figure.high


def _figure_summaries(ctx: Context) -> list[FigureSummary]:
    summaries = []
    for quantity, chosen in ctx.shared("quantities", _quantities):
        labels = [_label(figure, quantity.unit) for figure in chosen]
        positions = _positions(list(zip(labels, chosen)))
        if len(positions) < 2:
            continue
        speaking = tuple(sorted({figure.source_id for figure in chosen}))
        intervals = tuple(sorted({Interval(label, *_reach(figure)) for label, figure in zip(labels, chosen)},
                                 key=lambda interval: (interval.label, interval.low, interval.high)))
        summaries.append(FigureSummary(quantity, tuple(positions), speaking, ctx.silent(speaking), intervals))
    return summaries


def figure_questions(ctx: Context, code: str, for_truth: bool):
    """One question per comparable quantity that two or more sources give different figures for."""
    for summary in ctx.shared("figure_summaries", _figure_summaries):
        quantity = summary.quantity
        yield Question(code, "prevalence", quantity.subject, quantity.key, summary.positions, summary.speaking,
                       summary.silent, for_truth=for_truth,
                       details=(("intervals", summary.intervals), ("quantity", quantity.label),
                                ("unit", quantity.unit)))


def place_questions(ctx: Context, code: str):
    """One question per figure that sources give for two or more different places.

    Sources that state no place for it stay out: they do not contradict either side.
    """
    for quantity, chosen in ctx.shared("quantities", _quantities):
        if quantity.measure in PLACE_BOUND_MEASURES:
            continue
        by_figure: dict[str, list[Figure]] = {}
        for figure in chosen:
            by_figure.setdefault(_label(figure, quantity.unit), []).append(figure)
        for figure_label, same in sorted(by_figure.items()):
            placed = [figure for figure in same if figure.scope != ""]
            if len({figure.scope for figure in placed}) < 2:
                continue
            positions = _positions([(figure.scope, figure) for figure in placed])
            speaking = tuple(sorted({figure.source_id for figure in placed}))
            yield Question(code, "prevalence", quantity.subject, f"{quantity.key}|{figure_label}", tuple(positions),
                           speaking, ctx.silent(speaking), for_truth=False,
                           details=(("quantity", quantity.label), ("figure", figure_label)))


def _high(value) -> float:
    return math.inf if _missing(value) else float(value)


def intervals_of(question: Question) -> tuple[Interval, ...]:
    return question.detail("intervals", ())


def all_overlap(intervals) -> bool:
    """On a line, intervals overlap pairwise exactly when they share a point (Helly, 1-D)."""
    return max(interval.low for interval in intervals) <= min(interval.high for interval in intervals)


def common_label(intervals, unit: str) -> str:
    low = max(interval.low for interval in intervals)
    high = min(interval.high for interval in intervals)
    return interval_label(low, None if math.isinf(high) else high, unit)
