from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import Context, position, records_of
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names


class TREAT001(Rule):
    """One source names a treatment that another says is not used.

    For each treatment, compares the sources that name it as a treatment with
    those that deny it ("X is not used to treat", "X has not been shown to help",
    "avoid X"). Statements limited to different types or populations ("not
    used in children", "used in adults") do not clash, nor does a denial limited
    to some ("not recommended for children") with a general use; a general
    denial clashes with any use. A source that both names and denies it is shown on
    neither side; treatments under investigation are not positions.

    **Anti-pattern**: "Drug X can shrink the lesions" against "Drug X is not
    used to treat the condition".

    **Best practice**: say for whom the treatment is used, and on what
    evidence.
    """

    code = "TREAT001"
    name = "treatment-use-conflict"
    severity = "warning"
    facet = "treatment"
    groups_by = "subject"

    def questions(self, ctx: Context):
        treatments = ctx.facet("treatment")
        treatments = treatments[treatments["qualifier"] != "investigational"]
        if not len(treatments):
            return
        for subject, rows in treatments.groupby("subject", sort=True):
            if "negated" not in set(rows["polarity"]):
                continue  # nothing denied: coverage is SRC001's question
            polarities = rows.groupby("source_id")["polarity"].agg(lambda values: "/".join(sorted(set(values))))
            positions = []
            scopes = {}
            for value, label in (("asserted", "named as a treatment"), ("negated", "said not to be used")):
                sources = sorted(s for s, p in polarities.items() if p == value)
                if sources:
                    chosen = rows[rows["source_id"].isin(sources) & (rows["polarity"] == value)]
                    positions.append(position(value, label, records_of(chosen)))
                    scopes[value] = sorted(set(chosen["scope"]))
            speaking = tuple(sorted(polarities.index))
            yield Question(self.code, self.facet, subject, "", tuple(positions), speaking, ctx.silent(speaking),
                           details=tuple((f"scopes:{value}", "|".join(found)) for value, found in scopes.items()))

    def judge(self, question: Question, ctx: Context):
        by_value = {p.value: p for p in question.positions}
        named, denied = by_value.get("asserted"), by_value.get("negated")
        if named is None or denied is None:
            return None
        named_for = set(question.detail("scopes:asserted").split("|"))
        denied_for = set(question.detail("scopes:negated").split("|"))
        # "not used in children" and "used in adults" are both true, and so are "not recommended for children"
        # and "sometimes performed": only a shared scope, or a denial for everyone, clashes.
        if not (named_for & denied_for or "" in denied_for):
            return None
        message = (f"{join_names(named.sources)} name{'s' if len(named.sources) == 1 else ''} {question.subject} "
                   f"as a treatment; {join_names(denied.sources)} say{'s' if len(denied.sources) == 1 else ''} "
                   "it is not used.")
        return self.finding(question, message, classify(question, ctx, hedges=True))
