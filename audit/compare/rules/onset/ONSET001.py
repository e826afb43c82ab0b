from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import Context, position, records_of
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names

# Statements that say when the condition typically begins; "sometimes at birth", "may start in adulthood"
# say what is possible and fit any typical age.
TYPICAL = ("usually", "often", "")


_LEAD = {"birth": "at ", "any age": "at ", "teen years": "in the ", "later life": "in ", "ages": "at "}


def onset_phrase(value: str) -> str:
    """'birth' -> 'at birth', 'childhood' -> 'in childhood', 'by age 10' stays: how a stage reads in a sentence."""
    if value.startswith(("by ", "before ", "after ", "in the ", "at ", "early in ")):
        return value
    for start, lead in _LEAD.items():
        if value.startswith(start):
            return lead + value
    return "in " + value


def typical_interval(rows) -> tuple[float, float] | None:
    """The ages (years) a source's typical-onset statements span, or None when it states none."""
    typical = rows[rows["typicality"].isin(TYPICAL) & (rows["polarity"] == "asserted")]
    if not len(typical):
        return None
    return float(typical["value_low"].min()), float(typical["value_high"].max())


class ONSET001(Rule):
    """Sources give typical ages of onset that do not overlap.

    For the condition and for each type, each source's typical onset is the
    span of the ages it says the condition usually, often or plainly begins at
    ("usually present at birth", "starts in childhood", "between the ages of
    15 and 44"). Two sources disagree when those spans do not overlap: "at
    birth" against "in childhood", "in the teen years" against "after age 30".
    "By age 10" overlaps both birth and childhood; "can start at any age" and
    statements of what is possible ("sometimes present at birth", "may begin in
    adulthood") fit every typical age and are never a side.

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
            by_source = {source_id: typical_interval(source_rows)
                         for source_id, source_rows in rows.groupby("source_id", sort=True)}
            stating = {source_id: span for source_id, span in by_source.items() if span is not None}
            if len(stating) < 2:
                continue
            positions = []
            for span in sorted(set(stating.values())):
                sources = sorted(s for s, s_span in stating.items() if s_span == span)
                chosen = rows[rows["source_id"].isin(sources) & rows["typicality"].isin(TYPICAL)
                              & (rows["polarity"] == "asserted")]
                label = " / ".join(dict.fromkeys(onset_phrase(value) for value
                                                 in chosen.sort_values(["value_low", "value_high"])["value"]))
                positions.append(position(f"{span[0]:g}-{span[1]:g}", f"usually begins: {label}",
                                          records_of(chosen)))
            speaking = tuple(sorted(by_source))
            subject = scope or ctx.topic.condition.name
            yield Question(self.code, self.facet, subject, scope, tuple(positions), speaking, ctx.silent(speaking))

    def judge(self, question: Question, ctx: Context):
        spans = []
        for held in question.positions:
            low, high = (float(part) for part in held.value.split("-"))
            spans.append((low, high, held))
        clashing = [(a, b) for i, a in enumerate(spans) for b in spans[i + 1:] if a[1] < b[0] or b[1] < a[0]]
        if not clashing:
            if len(question.positions) == 1:
                return self.agreement(question, f"Sources agree on when {question.subject} usually begins.")
            return None
        sides = "; ".join(f"{held.label.removeprefix('usually begins: ')} ({join_names(held.sources)})"
                          for _, _, held in spans)
        message = f"Sources differ on when {question.subject} usually begins: {sides}."
        return self.finding(question, message, classify(question, ctx, hedges=True))
