from __future__ import annotations

import pandas as pd

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
    neither side, unless its only naming is the writer's own use ("had me on X")
    beside a general denial ("X isn't used anymore"): then it denies. "X is
    rarely used" is no position: it agrees with a use and with a denial. A source that names the treatment only as research ("X is still
    experimental", "studied only in animals", "only given in trials") holds a
    position of its own, which clashes with a plain use in the same scope (one
    source says it is a treatment, the other that it is not one yet); research
    in a source that also names it plainly is no position.

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
        if not len(treatments):
            return
        # what a claim says of the treatment: used, denied, or (asserted as) research only
        treatments = treatments.assign(stance=treatments["polarity"].where(
            (treatments["qualifier"] != "investigational") | (treatments["polarity"] != "asserted"), "investigational"))
        # a writer's own use ("had me on X") yields to the same source's general denial ("X isn't used anymore")
        denying = set(treatments.loc[treatments["polarity"] == "negated", ["source_id", "subject"]].itertuples(index=False))
        personal = (treatments["qualifier"] == "personal") & pd.Series(
            [(source, subject) in denying for source, subject in zip(treatments["source_id"], treatments["subject"])],
            index=treatments.index, dtype=bool)
        # "X is rarely used today" sides with neither a use nor a denial
        treatments = treatments[~personal & (treatments["qualifier"] != "rarely used")]
        for subject, rows in treatments.groupby("subject", sort=True):
            values = set(rows["stance"])
            if "negated" not in values and not {"asserted", "investigational"} <= values:
                continue  # nothing denied or called research: coverage is SRC001's question
            # a source's position: its plain use or denial; research only when it names the treatment no other way
            polarities = rows.groupby("source_id")["stance"].agg(
                lambda found: "/".join(sorted(set(found) - {"investigational"})) or "investigational")
            positions = []
            scopes = {}
            for value, label in (("asserted", "named as a treatment"), ("negated", "said not to be used"),
                                 ("investigational", "said to be research only")):
                sources = sorted(s for s, p in polarities.items() if p == value)
                if sources:
                    chosen = rows[rows["source_id"].isin(sources) & (rows["stance"] == value)]
                    positions.append(position(value, label, records_of(chosen)))
                    scopes[value] = sorted(set(chosen["scope"]))
            speaking = tuple(sorted(polarities.index))
            yield Question(self.code, self.facet, subject, "", tuple(positions), speaking, ctx.silent(speaking),
                           details=tuple((f"scopes:{value}", "|".join(found)) for value, found in scopes.items()))

    def judge(self, question: Question, ctx: Context):
        by_value = {p.value: p for p in question.positions}
        named = by_value.get("asserted")
        if named is None:
            return None
        named_for = set(question.detail("scopes:asserted").split("|"))
        clauses = []
        for value, says in (("negated", "it is not used"), ("investigational", "it is research only")):
            other = by_value.get(value)
            if other is None:
                continue
            other_for = set(question.detail(f"scopes:{value}").split("|"))
            # "not used in children" and "used in adults" are both true, and so are "not recommended for children"
            # and "sometimes performed": only a shared scope, or a denial for everyone, clashes.
            if named_for & other_for or "" in other_for:
                clauses.append(f"{join_names(other.sources)} say{'s' if len(other.sources) == 1 else ''} {says}")
        if not clauses:
            return None
        message = (f"{join_names(named.sources)} name{'s' if len(named.sources) == 1 else ''} {question.subject} "
                   f"as a treatment; {'; '.join(clauses)}.")
        return self.finding(question, message, classify(question, ctx, hedges=True))
