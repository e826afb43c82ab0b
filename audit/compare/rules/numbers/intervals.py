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
from dataclasses import dataclass

import pandas as pd

from audit.compare.context import Context, position
from audit.compare.model import Question

# Measures whose figures sources can agree or disagree on.
COMPARABLE_MEASURES = ("prevalence", "incidence", "share_of_cases", "share_with_feature", "count")
# Measures where the place is part of the quantity, not a cause of difference.
PLACE_BOUND_MEASURES = ("count",)


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
    }.get(measure, f"{subject}{among}")


def comparable_figures(ctx: Context) -> pd.DataFrame:
    """Prevalence-facet claims whose measure can be compared across sources, proportions on one scale."""
    figures = ctx.facet("prevalence")
    if "measure" in figures.columns:
        figures = figures[figures["measure"].isin(COMPARABLE_MEASURES)]
    return one_scale(figures)


# Proportions, as a factor to "per 100000".
_PER_100000 = {"%": 1000.0, "per 100000": 1.0}


def one_scale(figures: pd.DataFrame) -> pd.DataFrame:
    """"1 in 80" and "1.25%" are one quantity: a proportion's unit is chosen per quantity, not per sentence.

    Per (subject, measure, object): percent when any source states it in
    percent, else per 100,000. The stated words stay in ``value``.
    """
    proportion = figures["unit"].isin(list(_PER_100000))
    if not proportion.any() or figures.loc[proportion, "unit"].nunique() < 2:
        return figures
    keys = ["subject", "measure", "object"]
    in_percent = {tuple(row) for row in figures.loc[proportion & (figures["unit"] == "%"), keys].itertuples(index=False)}
    figures = figures.copy()
    for index in figures.index[proportion]:
        target = "%" if tuple(figures.loc[index, keys]) in in_percent else "per 100000"
        unit = figures.at[index, "unit"]
        if unit == target:
            continue
        factor = _PER_100000[unit] / _PER_100000[target]
        for column in ("value_low", "value_high"):
            value = figures.at[index, column]
            if value is not None and not (isinstance(value, float) and math.isnan(value)):
                figures.at[index, column] = round(float(value) * factor, 6)
        figures.at[index, "unit"] = target
    return figures


# What makes two figures the same quantity.
QUANTITY_COLUMNS = ["subject", "measure", "unit", "object"]


def _most_specific(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per source: its narrowest figure, a stated value before a bound, then reading order."""
    high = rows["value_high"].astype(float).fillna(math.inf)
    ranked = rows.assign(_width=high - rows["value_low"].astype(float),
                         _bound=rows["qualifier"].isin(("up to", "less than", "at least", "more than")).astype(int))
    ranked = ranked.sort_values(["source_id", "_width", "_bound", "start", "claim_id"], kind="stable")
    return ranked.drop_duplicates("source_id").drop(columns=["_width", "_bound"])


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


def _quantities(ctx: Context):
    """(quantity, each source's most specific figure) for every quantity two or more sources give."""
    figures = comparable_figures(ctx)
    if not len(figures):
        return
    for (subject, measure, unit, obj), rows in figures.groupby(QUANTITY_COLUMNS, sort=True):
        if rows["source_id"].nunique() < 2:
            continue
        groups = ([(scope, part) for scope, part in rows.groupby("scope", sort=True)]
                  if measure in PLACE_BOUND_MEASURES else [("", rows)])
        for scope, part in groups:
            chosen = _most_specific(part)
            if len(chosen) >= 2:
                yield Quantity(subject, measure, unit, obj, scope), chosen


def _positions(keyed: pd.DataFrame) -> list:
    positions = []
    for label, group in keyed.groupby("_label", sort=True):
        stated = "; ".join(sorted(set(group["value"])))
        positions.append(position(label, f"{label} (stated as: {stated})", group.drop(columns="_label")))
    return positions


def figure_questions(ctx: Context, code: str, for_truth: bool):
    """One question per comparable quantity that two or more sources give different figures for."""
    for quantity, chosen in _quantities(ctx):
        labels = [interval_label(lo, hi, quantity.unit) for lo, hi in zip(chosen["value_low"], chosen["value_high"])]
        positions = _positions(chosen.assign(_label=labels))
        if len(positions) < 2:
            continue
        speaking = tuple(sorted(set(chosen["source_id"])))
        bounds = sorted({(label, lo, hi) for label, lo, hi in zip(labels, chosen["value_low"], chosen["value_high"])})
        intervals = "|".join(f"{label}\x1e{float(lo)!r}\x1e{_high(hi)!r}" for label, lo, hi in bounds)
        yield Question(code, "prevalence", quantity.subject, quantity.key, tuple(positions), speaking,
                       ctx.silent(speaking), for_truth=for_truth,
                       details=(("intervals", intervals), ("quantity", quantity.label), ("unit", quantity.unit)))


def place_questions(ctx: Context, code: str):
    """One question per figure that sources give for two or more different places.

    Sources that state no place for it stay out: they do not contradict either side.
    """
    for quantity, chosen in _quantities(ctx):
        if quantity.measure in PLACE_BOUND_MEASURES:
            continue
        labels = [interval_label(lo, hi, quantity.unit) for lo, hi in zip(chosen["value_low"], chosen["value_high"])]
        for figure, same in chosen.assign(_figure=labels).groupby("_figure", sort=True):
            placed = same[same["scope"] != ""]
            if placed["scope"].nunique() < 2:
                continue
            positions = _positions(placed.drop(columns="_figure").assign(_label=list(placed["scope"])))
            speaking = tuple(sorted(set(placed["source_id"])))
            yield Question(code, "prevalence", quantity.subject, f"{quantity.key}|{figure}", tuple(positions),
                           speaking, ctx.silent(speaking), for_truth=False,
                           details=(("quantity", quantity.label), ("figure", figure)))


def _high(value) -> float:
    return math.inf if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def intervals_of(question: Question) -> list[tuple[str, float, float]]:
    result = []
    for item in question.detail("intervals").split("|"):
        label, low, high = item.split("\x1e")
        result.append((label, float(low), float(high)))
    return result


def all_overlap(intervals: list[tuple[str, float, float]]) -> bool:
    """On a line, intervals overlap pairwise exactly when they share a point (Helly, 1-D)."""
    return max(lo for _, lo, _ in intervals) <= min(hi for _, _, hi in intervals)


def common_label(intervals: list[tuple[str, float, float]], unit: str) -> str:
    low = max(lo for _, lo, _ in intervals)
    high = min(hi for _, _, hi in intervals)
    return interval_label(low, None if math.isinf(high) else high, unit)
