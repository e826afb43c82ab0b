"""The accuracy evaluator: name alignment, figure matching, scoring, and the recorded floor."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from audit import evaluate
from audit.topic import load_topic
from conftest import MIGRAINE, ROOT

DEVSET = ROOT.parent / "shared" / "devset"
FLOOR = ROOT / "eval" / "scores.json"


@pytest.fixture(scope="module")
def aligner():
    return evaluate.NameAligner(load_topic(MIGRAINE / "topic.yaml"))


def test_names_align_through_the_lexicon(aligner):
    kinds = ("type", "entity")
    assert aligner.same("migraine with aura", "classic migraine (with aura)", kinds)  # a form inside the gold name
    assert aligner.same("ocular migraine", "Ocular Migraine", kinds)
    assert not aligner.same("migraine with aura", "migraine without aura", kinds)
    assert not aligner.same("chronic migraine", "vestibular migraine", kinds)


def _gold(tmp_path: Path, text: str) -> evaluate.Gold:
    path = tmp_path / "gold.yaml"
    path.write_text(text, "utf-8")
    return evaluate.load_gold(path)


def test_scores_count_hits_misses_and_false_claims(tmp_path, aligner):
    gold = _gold(tmp_path, """
topic: migraine
sources:
  a.txt:
    stated_type_count: 4
    types_named: [migraine with aura, chronic migraine]
    prevalence:
      - {subject: migraine, low: 40, high: 40, unit: "per 100000", measure: prevalence, quote: "1 in 2,500"}
    treatments: [triptans]
    symptoms:
      - {name: nausea, polarity: asserted, typicality: often}
disagreements: []
""")
    claims = pd.DataFrame([
        dict(source_id="a", facet="type_count", subject="migraine", value="4", qualifier="stated", polarity="asserted", quote="q"),
        dict(source_id="a", facet="type", subject="migraine with aura", polarity="asserted", quote="q"),
        dict(source_id="a", facet="type", subject="vestibular migraine", polarity="asserted", quote="q"),
        dict(source_id="a", facet="prevalence", subject="migraine", value_low=0.04, value_high=0.04, unit="%", quote="q"),
        dict(source_id="a", facet="symptom", subject="nausea", polarity="negated", quote="q"),
    ])
    predicted = evaluate.predictions(claims, {"a": "a.txt"}, aligner.topic)
    scores, _ = evaluate.score_facts(gold, predicted, aligner, "migraine")
    assert (scores["type_count"].found, scores["type_count"].false_positives) == (1, 0)
    assert (scores["type"].found, scores["type"].false_positives) == (1, 1)      # chronic missed, vestibular false
    assert scores["prevalence"].found == 1                                         # 0.04% is 40 per 100,000
    assert (scores["treatment"].found, scores["treatment"].gold) == (0, 1)
    assert (scores["symptom"].found, scores["symptom"].false_positives) == (0, 1)  # wrong polarity is no hit
    assert [m["fact"] for m in scores["type"].misses] == ["chronic migraine"]


def test_a_negated_form_in_the_gold_name_is_the_term_denied(aligner):
    # The lexicon's negated form "painless headache" is "headache pain" denied, whichever way each side words it.
    claim = evaluate.Predicted("a.txt", "symptom", "headache pain", value="negated")
    assert evaluate.fact_matches(claim, evaluate.GoldFact("a.txt", "symptom", "painless headache", value="asserted"), aligner)
    assert not evaluate.fact_matches(claim, evaluate.GoldFact("a.txt", "symptom", "painless headache", value="negated"), aligner)
    assert not evaluate.fact_matches(claim, evaluate.GoldFact("a.txt", "symptom", "headache pain", value="asserted"), aligner)


def test_a_long_gold_name_inside_a_form_names_that_term(tmp_path):
    (tmp_path / "topic.yaml").write_text("""
topic: tremor
condition: {name: tremor, forms: [tremor]}
types:
  essential tremor: [essential tremor]
symptoms:
  iris growths: [two or more growths on the iris of the eye]
  shaking: [rhythmic shaking of the hands]
""", "utf-8")
    aligner = evaluate.NameAligner(load_topic(tmp_path / "topic.yaml"))
    assert aligner.same("iris growths", "two or more growths on the iris", ("symptom",))
    assert not aligner.same("shaking", "two or more growths on the iris", ("symptom",))
    assert not aligner.same("iris growths", "the iris", ("symptom",))  # too short to name a term by itself


def test_unmatched_predictions_where_the_gold_is_abridged_are_unscored(tmp_path, aligner):
    gold = _gold(tmp_path, """
topic: migraine
sources:
  a.txt:
    symptoms:
      - {name: nausea, polarity: asserted, typicality: null}
disagreements: []
""")
    claims = pd.DataFrame([dict(source_id="a", facet="symptom", subject=name, polarity="asserted", quote="q")
                           for name in ("nausea", "photophobia")])
    predicted = evaluate.predictions(claims, {"a": "a.txt"}, aligner.topic)
    strict, _ = evaluate.score_facts(gold, predicted, aligner, "migraine")
    lenient, _ = evaluate.score_facts(gold, predicted, aligner, "migraine", {"a.txt": {"symptom"}})
    assert (strict["symptom"].false_positives, strict["symptom"].unscored) == (1, 0)
    assert (lenient["symptom"].false_positives, lenient["symptom"].unscored) == (0, 1)
    assert lenient["symptom"].precision == 1.0 and lenient["symptom"].strict_precision == 0.5


def test_an_abridged_gold_list_needs_a_reason(tmp_path):
    (tmp_path / "eval.yaml").write_text("gold_not_exhaustive: {a.txt: [symptom]}\n", "utf-8")
    with pytest.raises(evaluate.InputError):
        evaluate.load_not_exhaustive(tmp_path)
    (tmp_path / "eval.yaml").write_text("reason: abridged\ngold_not_exhaustive: {a.txt: [symptom]}\n", "utf-8")
    assert evaluate.load_not_exhaustive(tmp_path) == {"a.txt": {"symptom"}}
    (tmp_path / "sources.yaml").write_text("sources:\n  - {id: a, file: b.txt}\n", "utf-8")
    with pytest.raises(evaluate.InputError):  # a file the manifest does not list: a typo
        evaluate.load_not_exhaustive(tmp_path)
    (tmp_path / "eval.yaml").write_text("reason: x\nnot_exhaustive: {}\n", "utf-8")
    with pytest.raises(evaluate.InputError):
        evaluate.load_not_exhaustive(tmp_path)


def test_open_bounds_and_one_in_n_ranges_match():
    gold = evaluate.GoldFact("a.txt", "prevalence", low=90, high=None, unit="%")
    assert evaluate._figure_matches(evaluate.Predicted("a.txt", "prevalence", "", low=90, high=100, unit="%"), gold)
    assert not evaluate._figure_matches(evaluate.Predicted("a.txt", "prevalence", "", low=9, high=100, unit="%"), gold)
    ranged = evaluate.GoldFact("a.txt", "prevalence", low=10, high=16.7, unit="per 100000")
    assert evaluate._figure_matches(evaluate.Predicted("a.txt", "prevalence", "", low=10, high=16.67, unit="per 100000"), ranged)


def test_floor_reports_drops_only():
    floor = {"type": {"precision": 0.9, "recall": 0.8}}
    assert evaluate.below_floor({"type": {"precision": 0.92, "recall": 0.8}}, floor) == []
    assert evaluate.below_floor({"type": {"precision": 0.85, "recall": 0.8}}, floor) == ["type precision 0.85 < recorded 0.9"]


@pytest.mark.skipif(not DEVSET.is_dir(), reason=f"development set not found at {DEVSET}")
def test_development_set_scores_do_not_drop_below_the_recorded_floor():
    corpora = sorted(p for p in (ROOT / "eval").iterdir() if (p / "topic.yaml").is_file())
    result = evaluate.evaluate_devset(corpora, DEVSET)
    drops = evaluate.below_floor(result.summary(), json.loads(FLOOR.read_text("utf-8")))
    assert not drops, "accuracy dropped on the development set (make eval lists every miss):\n" + "\n".join(drops)
