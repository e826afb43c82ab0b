from __future__ import annotations

from audit.compare.context import Context, position
from audit.compare.model import Cause, Question
from audit.compare.rules.base import Rule, join_names
from audit.compare.rules.numbers.intervals import QUANTITY_COLUMNS, comparable_figures, quantity_label
from audit.words import placement_label


class SRC001(Rule):
    """A claim only one source makes.

    Treatments, prevalence figures and placements of an entity that a single
    source states, while other sources are silent. Not an error: an editor
    should check it against a reference before repeating it. Treatments named
    by two or more sources are reported as agreements.

    **Anti-pattern**: a drug named as a treatment by one article only.

    **Best practice**: confirm single-source claims with a primary reference.
    """

    code = "SRC001"
    name = "single-source-claim"
    severity = "info"
    facet = "treatment"
    groups_by = "subject"

    def questions(self, ctx: Context):
        for subject, rows in ctx.facet("treatment").groupby("subject", sort=True):
            cls = rows["object"].iloc[0]
            yield self._question(ctx, "treatment", subject, "",
                                 [("treatment", f"a treatment ({cls})" if cls else "a treatment", rows)])
        figures = comparable_figures(ctx)
        # Rates and counts only: a sign's frequency among patients (a table row) is the symptom facet's matter.
        figures = figures[figures["measure"] != "share_with_feature"]
        for (subject, measure, unit, obj), rows in figures.groupby(QUANTITY_COLUMNS, sort=True):
            if rows["source_id"].nunique() == 1:
                values = "; ".join(sorted(set(rows["value"])))
                key = f"{measure}|{unit}|{obj}"  # the quantity asked about, not the figure given
                yield self._question(ctx, "prevalence", subject, key,
                                     [(key, f"{values} for {quantity_label(measure, subject, obj)}", rows)])
        relations = ctx.facet("type_relation")
        # A denial ("X is not a subtype of Y") places nothing: it is TYPE003's when others place X.
        relations = relations[relations["polarity"] == "asserted"]
        placed_by = relations.groupby("subject")["source_id"].nunique()
        # An entity several sources place is TYPE003's; only a lone placement is single-source.
        relations = relations[relations["subject"].map(placed_by) == 1]
        # One question per entity ("how is it placed?"), whatever the lone source answers: a finding's id
        # must not change when the placement it reports is edited.
        for subject, rows in relations.groupby("subject", sort=True):
            placements = [(f"{value}:{obj}", placement_label(value, obj), group)
                          for (value, obj), group in rows.groupby(["value", "object"], sort=True)]
            yield self._question(ctx, "type_relation", subject, "", placements)

    def _question(self, ctx, facet, subject, key, triples) -> Question:
        """A question with one position per (value, label, rows) triple."""
        positions = tuple(position(value, label, group) for value, label, group in triples)
        speaking = tuple(sorted({s for _, _, group in triples for s in group["source_id"]}))
        label = " and ".join(label for _, label, _ in triples)
        return Question(self.code, facet, subject, key, positions, speaking, ctx.silent(speaking), for_truth=False,
                        details=(("label", label),))

    def judge(self, question: Question, ctx: Context):
        only = question.positions[0]
        if len(ctx.source_ids) < 2:
            return None
        if len(question.speaking) == 1:
            what = {"treatment": f"names {question.subject} as {question.detail('label')}",
                    "prevalence": f"gives {question.detail('label')}",
                    "type_relation": f"calls {question.subject} {question.detail('label')}"}[question.facet]
            return self.finding(question, f"Only {question.speaking[0]} {what}; the other sources are silent.",
                                (Cause("single_source", "no other source says this"),), kind="single_source")
        if question.facet == "treatment":
            return self.agreement(question, f"{len(only.sources)} sources name {question.subject} as a treatment: "
                                            f"{join_names(only.sources)}.")
        return None
