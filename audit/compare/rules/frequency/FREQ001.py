from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import Context, position
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names


class FREQ001(Rule):
    """Sources call different types the most common.

    Compares which type each source ranks as the most common ("X is the most
    common type", "X occurs most frequently"). When every source that ranks
    the types names the same one, it is an agreement.

    **Anti-pattern**: one article calls chronic migraine the most common type,
    another migraine without aura.

    **Best practice**: say in which population the type is most common.
    """

    code = "FREQ001"
    name = "most-common-differs"
    severity = "warning"
    facet = "frequency"

    def questions(self, ctx: Context):
        frequency = ctx.facet("frequency")
        ranked = frequency[frequency["value"] == "most_common"]
        for obj, rows in ranked.groupby("object", sort=True):
            positions = tuple(position(subject, f"{subject} is the most common", group)
                              for subject, group in rows.groupby("subject", sort=True))
            speaking = tuple(sorted(set(rows["source_id"])))
            yield Question(self.code, self.facet, obj, "most_common", positions, speaking,
                           ctx.silent(speaking))

    def judge(self, question: Question, ctx: Context):
        if len(question.positions) > 1:
            parts = [f"{p.value} ({join_names(p.sources)})" for p in question.positions]
            return self.finding(question, f"Sources call different types of {question.subject} the most common: "
                                          f"{'; '.join(parts)}.", classify(question, ctx))
        only = question.positions[0]
        if len(only.sources) >= 2:
            every = "All" if not question.silent else "All"
            return self.agreement(question, f"{every} {len(only.sources)} sources that rank the types call "
                                            f"{only.value} the most common type of {question.subject}.")
        return None
