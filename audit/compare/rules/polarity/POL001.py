from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import Context, position
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names


class POL001(Rule):
    """One source asserts what another denies.

    For each symptom, compares the sources that assert it with those that
    negate it. Hedges ("usually", "can") are shown beside each quote: a
    hedged denial against a plain assertion is still worth an editor's look.

    **Anti-pattern**: "Usually, the condition is not painful" against "Pain
    is a dominant symptom".

    **Best practice**: say for whom and when the symptom occurs.
    """

    code = "POL001"
    name = "polarity-conflict"
    severity = "warning"
    facet = "symptom"

    def questions(self, ctx: Context):
        for subject, rows in ctx.facet("symptom").groupby("subject", sort=True):
            positions = tuple(position(polarity, polarity, group)
                              for polarity, group in rows.groupby("polarity", sort=True))
            speaking = tuple(sorted(set(rows["source_id"])))
            yield Question(self.code, self.facet, subject, "", positions, speaking,
                           ctx.silent(speaking))

    def judge(self, question: Question, ctx: Context):
        by_value = {p.value: p for p in question.positions}
        asserted, negated = by_value.get("asserted"), by_value.get("negated")
        if asserted and negated and len(question.speaking) >= 2:
            def hedged(p):
                hedges: dict[str, set[str]] = {}
                for quote in p.quotes:
                    if quote.hedge:
                        hedges.setdefault(quote.source_id, set()).add(quote.hedge)
                return join_names([s + (f" ({'; '.join(sorted(hedges[s]))})" if s in hedges else "")
                                   for s in p.sources])
            message = f"'{question.subject}' is denied by {hedged(negated)} but asserted by {hedged(asserted)}."
            return self.finding(question, message, classify(question, ctx, hedges=True))
        if asserted and not negated and len(asserted.sources) >= 2:
            return self.agreement(question, f"{len(asserted.sources)} sources name {question.subject} as a symptom "
                                            "and none denies it.")
        return None
