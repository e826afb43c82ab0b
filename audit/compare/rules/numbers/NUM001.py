from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import Context
from audit.compare.model import Cause, Question
from audit.compare.rules.base import Rule, join_names
from audit.compare.rules.numbers.intervals import all_overlap, intervals_of, prevalence_questions


class NUM001(Rule):
    """Figures for the same quantity and population do not overlap.

    Compares prevalence figures for one population as intervals ("25-40%" is
    25 to 40, "up to 70%" is 0 to 70). When no single value fits every
    figure, the sources disagree. Within one source it is an internal
    inconsistency.

    **Anti-pattern**: "10-20% of patients with systemic sclerosis" in one
    article, "25-40%" in another.

    **Best practice**: give the range the literature supports and cite it.
    """

    code = "NUM001"
    name = "figures-disagree"
    severity = "warning"
    facet = "prevalence"

    def questions(self, ctx: Context):
        yield from prevalence_questions(ctx, self.code, for_truth=True)

    def judge(self, question: Question, ctx: Context):
        intervals = intervals_of(question)
        if all_overlap(intervals):
            return None
        parts = [f"{p.label.split(' (')[0]} ({join_names(p.sources)})" for p in question.positions]
        internal = len(question.speaking) == 1
        message = (f"{'One source gives' if internal else 'Sources give'} incompatible figures for "
                   f"{question.subject}: {'; '.join(parts)}.")
        causes = (Cause("contradiction", "internal: the source contradicts itself"),) if internal else classify(question, ctx)
        return self.finding(question, message, causes, kind="internal" if internal else "disagreement")
