"""Truth discovery: a copied error repeated by a majority does not win."""
from __future__ import annotations

from audit.compare.model import Position, Question, Quote
from audit.compare.reliability import confidences, estimate


def _question(qid: str, values: dict[str, list[str]]) -> Question:
    positions = tuple(Position(value=value, label=value, support=len(sources),
                               quotes=tuple(Quote(s, f"{s}:{qid}", "q", 0, 1) for s in sources))
                      for value, sources in sorted(values.items()))
    speaking = tuple(sorted({s for sources in values.values() for s in sources}))
    return Question("T", "f", qid, "", positions, speaking, ())


def _scenario():
    reliable, copiers = ["r1", "r2"], ["c1", "c2", "c3"]
    questions = [_question("copied", {"truth": reliable, "copied error": copiers})]
    for index in range(8):
        # the reliable pair agree; each copier goes its own way elsewhere
        values = {"agreed": reliable}
        for copier in copiers:
            values[f"{copier}-own-{index}"] = [copier]
        questions.append(_question(f"q{index}", values))
    return questions, tuple(reliable + copiers)


def test_unreliable_majority_loses_to_reliable_minority():
    questions, sources = _scenario()
    reliability, weights = estimate(questions, sources, {s: 1.0 for s in sources})
    assert min(reliability[s].reliability for s in ("r1", "r2")) > max(reliability[s].reliability for s in ("c1", "c2", "c3"))
    copied = confidences(questions[0], weights)
    assert copied["truth"] > copied["copied error"], copied
    # raw support still says 3 to 2: both are reported side by side
    assert {p.value: p.support for p in questions[0].positions} == {"truth": 2, "copied error": 3}


def test_majority_wins_when_nothing_distinguishes_sources():
    sources = ("a", "b", "c")
    questions = [_question("only", {"x": ["a", "b"], "y": ["c"]})]
    _, weights = estimate(questions, sources, {s: 1.0 for s in sources})
    values = confidences(questions[0], weights)
    assert values["x"] > values["y"]


def test_prior_weight_tips_a_tie():
    sources = ("review", "blog")
    questions = [_question("tie", {"x": ["review"], "y": ["blog"]})]
    _, weights = estimate(questions, sources, {"review": 3.0, "blog": 1.0})
    values = confidences(questions[0], weights)
    assert values["x"] > values["y"]


def test_few_questions_give_wide_intervals():
    questions, sources = _scenario()
    few, _ = estimate(questions[:1], sources, {s: 1.0 for s in sources})
    many, _ = estimate(questions, sources, {s: 1.0 for s in sources})
    for source_id in sources:
        assert few[source_id].n_questions == 1
        assert few[source_id].high - few[source_id].low > 0.5
        assert (many[source_id].high - many[source_id].low) < (few[source_id].high - few[source_id].low)
