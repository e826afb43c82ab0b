"""Compare stage: claims of many sources -> findings, agreements and source reliability.

Every rule groups claims by (facet, subject) with lexicon-canonical names,
never by raw strings and never pairwise across sources.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager

import pandas as pd

from audit.compare.context import Context
from audit.compare.model import Agreement, ComparisonResult, Finding, Question
from audit.compare.reliability import estimate, weigh
from audit.compare.rules import get_rules
from audit.compare.rules.base import Rule
from audit.topic import Topic


def compare(claims: pd.DataFrame, sources: pd.DataFrame, topic: Topic, rules: list[Rule] | None = None,
            build=None) -> ComparisonResult:
    """Run every rule over the claims; findings sorted most severe first.

    ``build(ctx, rules)``, when given, builds every rule's questions (rule code -> its
    :class:`~audit.compare.incremental.RuleState`) in place of this process: an engine passes
    one that spreads the work (:mod:`audit.compare.partition`). Judging stays here.
    """
    ctx = Context(claims=claims, sources=sources, topic=topic)
    rules = rules if rules is not None else get_rules()
    with without_cyclic_gc():
        if build is None:
            built = {rule.code: list(rule.questions(ctx)) for rule in rules}
        else:
            built = {code: state.questions for code, state in build(ctx, rules).items()}
        return _judge_all(ctx, rules, _sorted_questions(rules, built))


@contextmanager
def without_cyclic_gc():
    """Questions, positions and quotes are many small objects that live to the end of the comparison: the
    cyclic collector's full passes over them cost seconds on large corpora and free nothing."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _sorted_questions(rules: list[Rule], built: dict[str, list[Question]]) -> list[tuple[Rule, Question]]:
    """Rule by rule, each rule's questions by id: the same order however they were built (all, or some anew)."""
    return [(rule, question) for rule in rules for question in sorted(built[rule.code], key=lambda q: q.qid)]


def _judge_all(ctx: Context, rules: list[Rule], questions: list[tuple[Rule, Question]]) -> ComparisonResult:
    """Estimate reliability over the questions, then judge each one with the resulting weights."""
    priors = {row.source_id: float(row.prior) for row in ctx.sources.itertuples()}
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
