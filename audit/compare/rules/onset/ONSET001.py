from __future__ import annotations

import pandas as pd

from audit.compare.causes import classify
from audit.compare.context import Context, position, records_of
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names

# Statements that say when the condition typically begins; "sometimes at birth", "may start in adulthood"
# say what is possible and fit any typical age.
TYPICAL = ("usually", "often", "")
# Neighbouring stages ("in childhood", "in the teen years") meet rather than clash: two typical ages clash only
# when a year lies between them, or a quarter of a year in the first two years of life ("at birth" against
# "at 5 to 6 months").
MIN_GAP_YEARS = 1.0
MIN_GAP_INFANCY_YEARS = 0.25
_LEAD = {"birth": "at ", "any age": "at ", "teen years": "in the ", "later life": "in ", "ages": "at "}


def onset_phrase(value: str) -> str:
    """'birth' -> 'at birth', 'childhood' -> 'in childhood', 'by age 10' stays: how a stage reads in a sentence."""
    if value.startswith(("by ", "before ", "after ", "in the ", "at ", "early in ")):
        return value
    for start, lead in _LEAD.items():
        if value.startswith(start):
            return lead + value
    return "in " + value


def typical_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The statements of when the condition typically begins (asserted; usually, often or plainly).

    A sentence that gives a stage and, inside it, a narrower span ("usually begins in adulthood, most often
    between 20 and 50") says when it typically begins with the narrower one: the stage it refines is left out.
    """
    typical = rows[rows["typicality"].isin(TYPICAL) & (rows["polarity"] == "asserted")]
    if len(typical) < 2:
        return typical
    refined = set()
    for _key, same in typical.groupby(["source_id", "scope", "start"], sort=False):
        spans = list(zip(same.index, same["value_low"].astype(float), same["value_high"].astype(float)))
        for index, low, high in spans:
            if any(other != index and low <= o_low and o_high <= high and (o_low, o_high) != (low, high)
                   for other, o_low, o_high in spans):
                refined.add(index)
    return typical.drop(index=sorted(refined)) if refined else typical


def typical_spans(rows: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """source -> the ages (years) its typical-onset statements span; sources that state none are left out."""
    typical = typical_rows(rows)
    spans = typical.groupby("source_id", sort=True).agg(low=("value_low", "min"), high=("value_high", "max"))
    return {source_id: (float(row.low), float(row.high)) for source_id, row in spans.iterrows()}


def spans_clash(a: tuple[float, float], b: tuple[float, float], stated: bool = False) -> bool:
    """Whether two typical-onset spans are apart (see MIN_GAP_YEARS). Two ranges stated in years ("between 50
    and 60", "between 30 and 50") are apart when they merely touch: the writers chose different decades."""
    (first, second) = sorted((a, b))
    gap = second[0] - first[1]
    if stated and gap >= 0 and second[1] > second[0] and first[1] > first[0]:
        return True
    return gap >= MIN_GAP_YEARS or (gap >= MIN_GAP_INFANCY_YEARS and second[0] < 2.0)


def stated_range_sources(rows: pd.DataFrame) -> set[str]:
    """Sources whose typical onset is given only as ranges of years ("ages 30-50"), not as stages."""
    typical = typical_rows(rows)
    by_source = typical.groupby("source_id")["value"].agg(lambda values: all(v.startswith("ages ") for v in values))
    return set(by_source[by_source].index)


def stage_labels(rows: pd.DataFrame) -> str:
    """'in childhood / in the teen years': a source's typical stages in age order."""
    ordered = typical_rows(rows).sort_values(["value_low", "value_high", "value"], kind="stable")
    return " / ".join(dict.fromkeys(onset_phrase(value) for value in ordered["value"]))


class ONSET001(Rule):
    """Sources give typical ages of onset that do not meet.

    For the condition and for each type, each source's typical onset is the
    span of the ages it says the condition usually, often or plainly begins at
    ("usually present at birth", "starts in childhood", "between the ages of
    15 and 44"). Two sources disagree when those spans are apart by a year or
    more (a quarter of a year in the first two years of life): "at birth"
    against "in childhood", "in the teen years" against "after age 30".
    Neighbouring stages ("in childhood", "in the teen years") meet; "by age
    10" overlaps birth and childhood; two ranges stated in years that only
    touch ("between 50 and 60" against "between 30 and 50") do not. "Can start at any age", denials ("not
    present at birth") and statements of what is possible ("sometimes present
    at birth", "may begin in adulthood") are never a side.

    **Anti-pattern**: one article says signs are usually present at birth,
    another that the condition usually starts in childhood.

    **Best practice**: give the usual age of onset with its range, and say
    which type it is for.
    """

    code = "ONSET001"
    name = "onset-age-conflict"
    severity = "warning"
    facet = "onset"

    def questions(self, ctx: Context):
        onsets = ctx.facet("onset")
        if not len(onsets):
            return
        for scope, rows in onsets.groupby("scope", sort=True):
            spans = typical_spans(rows)
            if len(spans) < 2:
                continue
            positions = []
            for span in sorted(set(spans.values())):
                sources = sorted(s for s, s_span in spans.items() if s_span == span)
                chosen = rows[rows["source_id"].isin(sources)]
                positions.append(position(f"{span[0]:g}-{span[1]:g}", f"usually begins: {stage_labels(chosen)}",
                                          records_of(typical_rows(chosen))))
            speaking = tuple(sorted(set(rows["source_id"])))
            subject = scope or ctx.topic.condition.name
            yield Question(self.code, self.facet, subject, scope, tuple(positions), speaking, ctx.silent(speaking))

    def judge(self, question: Question, ctx: Context):
        onsets = ctx.facet("onset")
        spans = typical_spans(onsets[onsets["scope"] == question.key])
        span_of = {held.value: spans[held.sources[0]] for held in question.positions}
        stated = stated_range_sources(onsets[onsets["scope"] == question.key])
        clashing = any(spans_clash(span_of[a.value], span_of[b.value],
                                   stated=set(a.sources) <= stated and set(b.sources) <= stated)
                       for i, a in enumerate(question.positions) for b in question.positions[i + 1:])
        if not clashing:
            if len(question.positions) == 1:
                return self.agreement(question, f"Sources agree on when {question.subject} usually begins.")
            return None
        sides = "; ".join(f"{held.label.removeprefix('usually begins: ')} ({join_names(held.sources)})"
                          for held in question.positions)
        message = f"Sources differ on when {question.subject} usually begins: {sides}."
        return self.finding(question, message, classify(question, ctx))  # "usually" is the claim here, not a hedge
