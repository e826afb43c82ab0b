from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import Context
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names
from audit.compare.rules.numbers.intervals import all_overlap, figure_questions, intervals_of


class NUM001(Rule):
    """Figures for the same quantity do not overlap.

    Compares figures as intervals ("25-40%" is 25 to 40, "up to 70%" is 0 to
    70, "1 in 6,000 to 1 in 10,000" is 10 to 16.67 per 100,000) when they
    measure the same thing: the same subject, measure (prevalence, incidence,
    share of cases, share of patients with a feature, count, carrier
    frequency, and the share of people who have it at some point in their
    lives, never set against how many have it now), unit and population. A
    share of one type among patients is never compared with the
    condition's prevalence, nor a birth prevalence with a prevalence. A point
    figure stated as approximate ("about 12%") reaches a tenth either side.
    When no single value fits every figure, the sources disagree.

    Each source speaks once per quantity: with several figures for it, its
    most specific one counts (one for no particular place before one for a
    country), so a source is never set against itself.

    **Anti-pattern**: "10-20% of patients with systemic sclerosis" in one
    article, "25-40%" in another.

    **Best practice**: give the range the literature supports and cite it.
    """

    code = "NUM001"
    name = "figures-disagree"
    severity = "warning"
    facet = "prevalence"
    groups_by = "subject"

    def questions(self, ctx: Context):
        yield from figure_questions(ctx, self.code, for_truth=True)

    def judge(self, question: Question, ctx: Context):
        intervals = intervals_of(question)
        if all_overlap(intervals):
            return None
        parts = [f"{p.label.split(' (stated as')[0]} ({join_names(p.sources)})" for p in question.positions]
        message = f"Sources give incompatible figures for {question.detail('quantity')}: {'; '.join(parts)}."
        return self.finding(question, message, classify(question, ctx), kind="disagreement")
