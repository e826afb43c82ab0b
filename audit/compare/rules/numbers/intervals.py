"""Shared by NUM001 and NUM002: prevalence figures grouped by population."""
from __future__ import annotations

from audit.compare.context import Context, position
from audit.compare.model import Question


def interval_label(low: float, high: float) -> str:
    return f"{low:g}%" if low == high else f"{low:g}–{high:g}%"


def prevalence_questions(ctx: Context, code: str, for_truth: bool):
    """One question per population; one position per distinct interval."""
    figures = ctx.facet("prevalence")
    for subject, rows in figures.groupby("subject", sort=True):
        keyed = rows.assign(_interval=[interval_label(lo, hi) for lo, hi in zip(rows["value_low"], rows["value_high"])])
        positions = []
        for label, group in keyed.groupby("_interval", sort=True):
            stated = "; ".join(sorted(set(group["value"])))
            positions.append(position(label, f"{label} (stated as: {stated})", group.drop(columns="_interval")))
        if len(positions) < 2:
            continue
        speaking = tuple(sorted(set(rows["source_id"])))
        bounds = tuple((label, str(lo), str(hi)) for label, lo, hi in
                       sorted({(interval_label(lo, hi), lo, hi) for lo, hi in zip(rows["value_low"], rows["value_high"])}))
        yield Question(code, "prevalence", subject, "", tuple(positions), speaking,
                       ctx.silent(speaking),
                       for_truth=for_truth and len(speaking) >= 2,
                       details=(("intervals", "|".join(",".join(b) for b in bounds)),))


def intervals_of(question: Question) -> list[tuple[str, float, float]]:
    return [(label, float(lo), float(hi)) for label, lo, hi in
            (item.split(",") for item in question.detail("intervals").split("|"))]


def all_overlap(intervals: list[tuple[str, float, float]]) -> bool:
    """On a line, intervals overlap pairwise exactly when they share a point (Helly, 1-D)."""
    return max(lo for _, lo, _ in intervals) <= min(hi for _, _, hi in intervals)
