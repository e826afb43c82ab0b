from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import Context, position
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names
from audit.words import words

_CLASS = {"common": "common", "uncommon": "rare", "rare": "rare", "very_rare": "rare"}


class FREQ002(Rule):
    """One source calls something common, another rare.

    Compares how common sources say a type or the condition is, for the same
    population. "Rare", "very rare" and "uncommon" are one side; "common" the
    other. "Not common" counts as uncommon and "not rare" as common; hedges
    ("generally considered rare") are shown as a possible cause. Rank
    statements ("the most common type") are FREQ001's.

    **Anti-pattern**: "The condition is common" against "it is a rare
    disease", both about the general population.

    **Best practice**: say in which population it is common or rare.
    """

    code = "FREQ002"
    name = "common-vs-rare"
    severity = "warning"
    facet = "frequency"
    groups_by = "subject"

    def questions(self, ctx: Context):
        frequency = ctx.facet("frequency")
        occurrence = frequency[frequency["value"] != "most_common"]
        occurrence = occurrence.assign(_class=occurrence["value"].map(_CLASS))
        for (subject, population), rows in occurrence.groupby(["subject", "object"], sort=True):
            positions = tuple(position(cls, "called " + "/".join(words(v) for v in sorted(set(group["value"]))),
                                       group.drop(columns="_class"))
                              for cls, group in rows.groupby("_class", sort=True))
            speaking = tuple(sorted(set(rows["source_id"])))
            key = population or "general"
            yield Question(self.code, self.facet, subject, key, positions, speaking,
                           ctx.silent(speaking),
                           details=(("population", population),))

    def judge(self, question: Question, ctx: Context):
        where = f" in {question.detail('population')}" if question.detail("population") else ""
        if len(question.positions) > 1 and len(question.speaking) >= 2:
            parts = [f"{p.label} by {join_names(p.sources)}" for p in question.positions]
            return self.finding(question, f"{question.subject}{where} is {'; '.join(parts)}.",
                                classify(question, ctx, hedges=True))
        if len(question.positions) == 1 and len(question.speaking) >= 2:
            only = question.positions[0]
            return self.agreement(question, f"{len(only.sources)} sources agree that {question.subject}{where} "
                                            f"is {only.value}.")
        return None
