"""Source reliability by truth discovery, not by majority counting.

Majority counting treats an error copied by three sites as truth. We use CRH
(Q. Li, Y. Li, J. Gao, B. Zhao, W. Fan, J. Han, "Resolving Conflicts in
Heterogeneous Data by Truth Discovery and Source Reliability Estimation",
SIGMOD 2014) with its categorical 0-1 loss: the truth of each question is the
value with the largest total source weight, and a source's weight is
``-log(loss_s / sum of losses)``, so sources that often disagree with the
weighted truths count less. We iterate until the truths stop changing. The
manifest's ``prior`` multiplies a source's weight (e.g. 2.0 for a
peer-reviewed review).

With a handful of sources these estimates are weak. As CATD (Q. Li et al.,
"A Confidence-Aware Approach for Truth Discovery on Long-Tail Data", VLDB
2014) argues for sources with few claims, we report each source's agreement
with the estimated truths together with the number of questions behind it
and a 95% Wilson interval, never a bare number.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from audit.compare.model import Question, SourceReliability

MAX_ITERATIONS = 50
# Added to every loss: a source that was never wrong on 3 questions is not infinitely reliable.
LOSS_SMOOTHING = 0.5
_Z = 1.96


@dataclass(frozen=True)
class TruthSummary:
    """What truth discovery needs of one question: its values, who holds each, who speaks.

    Small and independent of the other questions, so it can be kept per
    question and a changed question's summary replaced alone.
    """

    qid: str
    positions: tuple[tuple[str, int, tuple[str, ...]], ...]  # (value, support, sources), in the question's order
    speaking: tuple[str, ...]                                 # every source holding some value, sorted


def summarize(question: Question) -> TruthSummary | None:
    """The question's summary; None when it carries no information (not for truth, or fewer than two sources)."""
    if not question.for_truth:
        return None
    speaking = tuple(sorted({s for p in question.positions for s in p.sources}))
    if len(speaking) < 2:
        return None
    return TruthSummary(question.qid, tuple((p.value, p.support, tuple(p.sources)) for p in question.positions),
                        speaking)


def _truths(summaries: list[TruthSummary], weights: dict[str, float]) -> dict[str, str]:
    truths = {}
    for summary in summaries:
        scored = [(math.fsum(weights[s] for s in sources), support, value)
                  for value, support, sources in summary.positions]
        truths[summary.qid] = max(scored)[2]
    return truths


def _spoken(summaries: list[TruthSummary], source_ids) -> dict[str, int]:
    """Per source: the questions it speaks on (fixed while truths change)."""
    spoken = {s: 0 for s in source_ids}
    for summary in summaries:
        for source_id in summary.speaking:
            spoken[source_id] += 1
    return spoken


def _wrong(summaries: list[TruthSummary], truths: dict[str, str], spoken: dict[str, int]) -> dict[str, int]:
    """Per source: questions where none of its values is the truth (those it speaks on minus those it gets right)."""
    right = {s: 0 for s in spoken}
    for summary in summaries:
        truth = truths[summary.qid]
        holding: set[str] = set()
        for value, _, sources in summary.positions:
            if value == truth:
                holding.update(sources)
        for source_id in holding:
            right[source_id] += 1
    return {s: spoken[s] - right[s] for s in spoken}


def _weights(wrong: dict[str, int], priors: dict[str, float]) -> dict[str, float]:
    total = math.fsum(loss + LOSS_SMOOTHING for loss in wrong.values())
    return {s: priors.get(s, 1.0) * -math.log((loss + LOSS_SMOOTHING) / (total + LOSS_SMOOTHING))
            for s, loss in wrong.items()}


def wilson_interval(correct: int, n: int) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    p = correct / n
    centre = (p + _Z * _Z / (2 * n)) / (1 + _Z * _Z / n)
    half = _Z * math.sqrt(p * (1 - p) / n + _Z * _Z / (4 * n * n)) / (1 + _Z * _Z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def confidences(question: Question, weights: dict[str, float]) -> dict[str, float]:
    """Share of the speaking sources' weight behind each value, in [0, 1]."""
    speaking = {s for p in question.positions for s in p.sources}
    total = math.fsum(weights.get(s, 1.0) for s in speaking) or 1.0
    return {p.value: math.fsum(weights.get(s, 1.0) for s in p.sources) / total for p in question.positions}


def estimate(questions: list[Question], source_ids: tuple[str, ...], priors: dict[str, float]
             ) -> tuple[dict[str, SourceReliability], dict[str, float]]:
    """Iterate truths and source weights (CRH) to a fixed point.

    Returns (reliability per source, weight per source).
    """
    summaries = [summary for summary in map(summarize, questions) if summary is not None]
    return estimate_from_summaries(summaries, source_ids, priors)


def estimate_from_summaries(summaries: list[TruthSummary], source_ids: tuple[str, ...], priors: dict[str, float]
                            ) -> tuple[dict[str, SourceReliability], dict[str, float]]:
    """:func:`estimate` from the questions' summaries alone (kept between runs, re-read after a change)."""
    usable = sorted(summaries, key=lambda summary: summary.qid)
    spoken = _spoken(usable, source_ids)
    weights = {s: priors.get(s, 1.0) for s in source_ids}
    truths: dict[str, str] = {}
    for _ in range(MAX_ITERATIONS):
        new_truths = _truths(usable, weights)
        wrong = _wrong(usable, new_truths, spoken)
        weights = _weights(wrong, priors)
        if new_truths == truths:
            break
        truths = new_truths
    wrong = _wrong(usable, truths, spoken)
    reliability = {}
    for source_id in source_ids:
        n, correct = spoken[source_id], spoken[source_id] - wrong[source_id]
        low, high = wilson_interval(correct, n)
        reliability[source_id] = SourceReliability(source_id, (correct + 1) / (n + 2), low, high, n,
                                                   priors.get(source_id, 1.0), weights[source_id])
    return reliability, weights


def weigh(question: Question, weights: dict[str, float]) -> Question:
    """The question with each position's weighted confidence filled in."""
    values = confidences(question, weights)
    return replace(question, positions=tuple(replace(p, confidence=values[p.value]) for p in question.positions))
