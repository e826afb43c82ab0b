"""Compare stage: claims of many sources -> findings, agreements and source reliability.

Every rule groups claims by (facet, subject) with lexicon-canonical names,
never by raw strings and never pairwise across sources.
"""
from __future__ import annotations

import pandas as pd

from audit.compare.context import Context
from audit.compare.model import Agreement, ComparisonResult, Finding
from audit.compare.reliability import estimate, weigh
from audit.compare.rules import get_rules
from audit.compare.rules.base import Rule
from audit.topic import Topic


def compare(claims: pd.DataFrame, sources: pd.DataFrame, topic: Topic, rules: list[Rule] | None = None
            ) -> ComparisonResult:
    """Run every rule over the claims; findings sorted most severe first."""
    ctx = Context(claims=claims, sources=sources, topic=topic)
    rules = rules if rules is not None else get_rules()
    questions = [(rule, question) for rule in rules for question in rule.questions(ctx)]
    priors = {row.source_id: float(row.prior) for row in sources.itertuples()}
    reliability, weights = estimate([q for _, q in questions], ctx.source_ids, priors)
    findings: dict[str, Finding] = {}
    agreements: dict[str, Agreement] = {}
    for rule, question in questions:
        outcome = rule.judge(weigh(question, weights), ctx)
        if isinstance(outcome, Finding):
            if outcome.id in findings:
                raise AssertionError(f"rule {rule.code} produced duplicate finding id {outcome.id}")
            findings[outcome.id] = outcome
        elif isinstance(outcome, Agreement):
            agreements[outcome.id] = outcome
    return ComparisonResult(
        findings=sorted(findings.values(), key=Finding.sort_key),
        agreements=sorted(agreements.values(), key=lambda a: (a.facet, a.subject, a.id)),
        reliability=reliability,
        questions=[q for _, q in questions],
    )


__all__ = ["compare", "ComparisonResult", "Finding", "Agreement", "Rule", "get_rules"]
