"""End-to-end comparison on the bundled corpus and the second topic."""
from __future__ import annotations

import json

import jsonschema
import pytest

from audit.api import run_audit
from audit.compare.serialize import findings_schema
from conftest import CALCINOSIS, MIGRAINE


@pytest.fixture(scope="module")
def calcinosis(tmp_path_factory):
    base = tmp_path_factory.mktemp("audit")
    return run_audit(CALCINOSIS, base / "extracted", base / "reports", cache_dir=None, progress=False)


def _find(result, code, subject=None):
    return [f for f in result.document["findings"] if f["code"] == code and (subject is None or f["subject"] == subject)]


def test_findings_json_is_valid_against_its_schema(calcinosis):
    written = json.loads((calcinosis.reports_dir / "findings.json").read_text())
    jsonschema.validate(written, findings_schema())
    assert written == calcinosis.document


def test_four_vs_five_and_six_listed(calcinosis):
    (finding,) = _find(calcinosis, "TYPE001")
    values = {p["value"]: p["sources"] for p in finding["positions"]}
    assert values == {"4": ["healthboard", "medindia"], "5": ["healthgrades", "rarity-explainer"],
                      "6 (listed)": ["consensus"]}
    assert finding["severity"] == "error"
    assert {c["kind"] for c in finding["causes"]} >= {"scope", "scheme"}
    for position in finding["positions"]:
        for quote in position["quotes"]:
            text = (calcinosis.extract.texts_dir / f"{quote['source_id']}.txt").read_text()
            assert text[quote["start"]:quote["end"]] == quote["quote"]


def test_calciphylaxis_membership(calcinosis):
    (finding,) = _find(calcinosis, "TYPE002", "calciphylaxis")
    named = next(p for p in finding["positions"] if p["value"] == "named")
    absent = next(p for p in finding["positions"] if p["value"] == "absent")
    assert named["sources"] == ["consensus", "healthgrades", "rarity-explainer"]
    assert absent["sources"] == ["healthboard", "medindia"]


def test_tumoral_calcinosis_placed_three_ways(calcinosis):
    (finding,) = _find(calcinosis, "TYPE003", "tumoral calcinosis")
    assert {p["value"] for p in finding["positions"]} == {"alias_of:metastatic", "separate_type:calcinosis",
                                                          "subtype_of:idiopathic"}


def test_five_stated_four_named(calcinosis):
    (finding,) = _find(calcinosis, "TYPE004")
    assert "healthgrades" in finding["message"] and "names 4" in finding["message"]


def test_pain_denied_vs_asserted_with_hedges(calcinosis):
    (finding,) = _find(calcinosis, "POL001", "pain")
    by_value = {p["value"]: p for p in finding["positions"]}
    assert by_value["usually absent"]["sources"] == ["healthboard"]
    assert by_value["usually absent"]["quotes"][0]["hedge"] == "usually"
    assert by_value["usually present"]["sources"] == ["consensus"]
    # "can cause pain" fits both, and no source stands on two sides
    assert by_value["possibly present"]["sources"] == ["rarity-explainer"]
    sources = [s for p in finding["positions"] for s in p["sources"]]
    assert len(sources) == len(set(sources))


def test_warfarin_single_source(calcinosis):
    (finding,) = _find(calcinosis, "SRC001", "warfarin")
    assert finding["sources"] == ["healthboard"] and finding["severity"] == "info"


def test_dystrophic_most_common_is_an_agreement_of_all_five(calcinosis):
    (agreement,) = [a for a in calcinosis.document["agreements"] if a["code"] == "FREQ001"]
    assert agreement["consensus"]["value"] == "dystrophic"
    assert agreement["positions"][0]["sources"] == ["consensus", "healthboard", "healthgrades", "medindia",
                                                    "rarity-explainer"]
    assert agreement["silent"] == []


def test_reliability_reported_with_interval_and_evidence(calcinosis):
    for source in calcinosis.document["sources"]:
        low, high = source["interval"]
        assert 0 <= low <= source["reliability"] <= high <= 1
        assert source["n_questions"] > 0


def test_raw_support_and_weighted_confidence_side_by_side(calcinosis):
    (finding,) = _find(calcinosis, "TYPE001")
    for position in finding["positions"]:
        assert position["support"] == len(position["sources"])
        assert 0 < position["confidence"] < 1


def test_data_quality_passes_on_the_bundled_corpus(calcinosis):
    quality = calcinosis.document["data_quality"]
    assert quality["failed"] == []
    assert quality["suites"]["claims"]["success"] and quality["suites"]["findings"]["success"]
    assert (calcinosis.reports_dir / "data_quality" / "gx_claims_validation.json").is_file()
    page = (calcinosis.reports_dir / "data_quality" / "index.html").read_text()
    assert "quote == text[start:end] for every claim" in page and "failed</span>" not in page


def test_committed_findings_are_current(calcinosis):
    """extracted/calcinosis/findings.csv and reports/calcinosis/findings.json are what the code produces."""
    from conftest import ROOT

    produced = calcinosis.extract.extracted_dir / "findings.csv"
    assert produced.read_bytes() == (ROOT / "extracted" / "calcinosis" / "findings.csv").read_bytes(), \
        "extracted/calcinosis/findings.csv is stale: run make audit"
    committed = json.loads((ROOT / "reports" / "calcinosis" / "findings.json").read_text())
    assert committed["findings"] == calcinosis.document["findings"], "reports/calcinosis/findings.json is stale"


def test_second_topic(tmp_path):
    result = run_audit(MIGRAINE, tmp_path / "x", tmp_path / "r", cache_dir=None, progress=False)
    codes = {(f["code"], f["subject"]) for f in result.document["findings"]}
    assert ("TYPE001", "migraine") in codes
    assert ("TYPE003", "ocular migraine") in codes
    assert ("FREQ001", "migraine") in codes
    assert ("NUM001", "aura") in codes  # the share of people with migraine who have aura
    assert ("POL001", "nausea") in codes
