from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import Context, position, records_of
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names


class TREAT001(Rule):
    """One source names a treatment that another says is not used.

    For each treatment (and the type or population it is for, when a source
    names one), compares the sources that name it as a treatment with those
    that deny it ("X is not used to treat", "X has not been shown to help",
    "avoid X"). A source that both names and denies it (for different
    patients, say) is shown on neither side; treatments under investigation
    are not positions.

    **Anti-pattern**: "Warfarin can shrink deposits" against "Warfarin is not
    used to treat calcinosis".

    **Best practice**: say for whom the treatment is used, and on what
    evidence.
    """

    code = "TREAT001"
    name = "treatment-use-conflict"
    severity = "warning"
    facet = "treatment"

    def questions(self, ctx: Context):
        treatments = ctx.facet("treatment")
        treatments = treatments[treatments["qualifier"] != "investigational"]
        if not len(treatments):
            return
        for (subject, scope), rows in treatments.groupby(["subject", "scope"], sort=True):
            polarities = rows.groupby("source_id")["polarity"].agg(lambda values: "/".join(sorted(set(values))))
            if "negated" not in set(rows["polarity"]):
                continue  # nothing denied: coverage is SRC001's question
            positions = []
            for value, label in (("asserted", "named as a treatment"), ("negated", "said not to be used")):
                sources = sorted(s for s, p in polarities.items() if p == value)
                if sources:
                    chosen = rows[rows["source_id"].isin(sources) & (rows["polarity"] == value)]
                    positions.append(position(value, label, records_of(chosen)))
            speaking = tuple(sorted(polarities.index))
            yield Question(self.code, self.facet, subject, scope, tuple(positions), speaking, ctx.silent(speaking),
                           details=(("scope", scope),))

    def judge(self, question: Question, ctx: Context):
        by_value = {p.value: p for p in question.positions}
        named, denied = by_value.get("asserted"), by_value.get("negated")
        if named is None or denied is None:
            return None
        about = question.subject + (f" for {question.detail('scope')}" if question.detail("scope") else "")
        message = (f"{join_names(named.sources)} name{'s' if len(named.sources) == 1 else ''} {about} as a treatment; "
                   f"{join_names(denied.sources)} say{'s' if len(denied.sources) == 1 else ''} it is not used.")
        return self.finding(question, message, classify(question, ctx, hedges=True))
