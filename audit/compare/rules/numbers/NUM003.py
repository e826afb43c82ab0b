from __future__ import annotations

from audit.compare.context import Context
from audit.compare.model import Cause, Question
from audit.compare.rules.base import Rule, join_names
from audit.compare.rules.numbers.intervals import place_questions


class NUM003(Rule):
    """The same figure is given for different places.

    When sources give one figure for the same quantity but say it holds in
    different places ("1 in 2,500 people worldwide" in one article, "1 in
    2,500 people in the United States" in another), at most one of them
    usually repeats the place where it was measured: a figure often travels
    from one population to another as articles restate each other. Sources
    that name no place are left out: they contradict neither.

    **Anti-pattern**: a worldwide estimate restated as a national one.

    **Best practice**: give the population the figure was measured in, as the
    cited study states it.
    """

    code = "NUM003"
    name = "figure-place-differs"
    severity = "warning"
    facet = "prevalence"
    groups_by = "subject"

    def questions(self, ctx: Context):
        yield from place_questions(ctx, self.code)

    def judge(self, question: Question, ctx: Context):
        parts = [f"{p.value} ({join_names(p.sources)})" for p in question.positions]
        message = (f"Sources give {question.detail('figure')} for {question.detail('quantity')} but for different "
                   f"places: {'; '.join(parts)}.")
        detail = "different places: " + "; ".join(
            f"{join_names(p.sources)} speak{'s' if len(p.sources) == 1 else ''} of {p.value}"
            for p in question.positions)
        return self.finding(question, message, (Cause("scope", detail),), kind="disagreement")
