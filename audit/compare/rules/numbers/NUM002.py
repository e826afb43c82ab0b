from __future__ import annotations

from audit.compare.context import Context
from audit.compare.model import Cause, Question
from audit.compare.rules.base import Rule, join_names
from audit.compare.rules.numbers.intervals import all_overlap, common_label, figure_questions, intervals_of


class NUM002(Rule):
    """Figures for the same quantity differ but are compatible.

    Different figures that share a value ("up to 40%" and "25-40%") do not
    contradict each other; the finding says so, so an editor can pick the
    more precise one. Only like is compared with like, one figure per source
    (see NUM001).

    **Anti-pattern**: none, strictly: this is information for the editor.

    **Best practice**: quote the more precise figure and its source, and the
    population it was measured in.
    """

    code = "NUM002"
    name = "figures-compatible"
    severity = "info"
    facet = "prevalence"
    groups_by = "subject"

    def questions(self, ctx: Context):
        # for_truth=False: NUM001 already feeds these figures to truth discovery.
        yield from figure_questions(ctx, self.code, for_truth=False)

    def judge(self, question: Question, ctx: Context):
        intervals = intervals_of(question)
        if not all_overlap(intervals):
            return None
        parts = [f"{p.label.split(' (stated as')[0]} ({join_names(p.sources)})" for p in question.positions]
        common = common_label(intervals, question.detail("unit"))
        message = (f"Figures for {question.detail('quantity')} differ but are compatible: {'; '.join(parts)} "
                   f"all admit {common}.")
        return self.finding(question, message, (Cause("compatible", f"every figure admits {common}"),),
                            kind="compatible")
