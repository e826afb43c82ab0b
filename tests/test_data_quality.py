"""Great Expectations: stored suites load in GX; a failed expectation is a finding, not a crash."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from audit.api import compare_extracted, load_extracted
from audit.cli import main
from audit.validate import load_suite_json
from conftest import CALCINOSIS, ROOT


@pytest.mark.filterwarnings("ignore:.*(row_condition|condition_parser).*:DeprecationWarning")
@pytest.mark.parametrize("name", ["claims", "findings"])
def test_suites_load_as_gx_suites(name):
    import great_expectations as gx
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    spec = load_suite_json(name)
    suite = gx.ExpectationSuite(name=spec["name"])
    for item in spec["expectations"]:
        suite.add_expectation_configuration(ExpectationConfiguration(type=item["type"], kwargs=item["kwargs"],
                                                                     meta=item["meta"]))
        assert item["meta"]["severity"] in ("error", "warning", "info")
    assert len(suite.expectations) == len(spec["expectations"])


@pytest.fixture
def tampered(tmp_path):
    extracted = tmp_path / "extracted"
    shutil.copytree(ROOT / "extracted" / "calcinosis", extracted)
    text = extracted / "text" / "medindia.txt"
    # Shift the cleaned text by one character: every medindia quote now misses its offsets.
    text.write_text("X" + text.read_text())
    return extracted


def test_failed_expectation_becomes_a_finding(tampered, tmp_path):
    result = compare_extracted(load_extracted(tampered, CALCINOSIS), tmp_path / "reports")
    quality = [f for f in result.findings if f.code == "DQ001"]
    assert len(quality) == 1
    finding = quality[0]
    assert finding.severity == "error" and "quote == text[start:end]" in finding.message
    assert finding.positions[0].quotes and all(q.source_id == "medindia" for q in finding.positions[0].quotes)
    assert result.exit_code("error") == 1
    written = json.loads((tmp_path / "reports" / "findings.json").read_text())
    assert written["data_quality"]["failed"][0]["suite"] == "claims"


def test_validate_command_reports_failures_with_exit_code(tampered, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["validate", str(CALCINOSIS), "--extracted", str(tampered),
                                  "--reports", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert "FAIL (error) claims: quote == text[start:end]" in result.output
    page = (tmp_path / "r" / "data_quality" / "index.html").read_text()
    assert "failed</span>" in page
    never = runner.invoke(main, ["validate", str(CALCINOSIS), "--extracted", str(tampered), "--reports",
                                 str(tmp_path / "r"), "--fail-on", "never"])
    assert never.exit_code == 0


def test_validate_checks_findings_json_against_its_schema(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    document = json.loads((ROOT / "reports" / "calcinosis" / "findings.json").read_text())
    del document["summary"]
    (reports / "findings.json").write_text(json.dumps(document))
    result = CliRunner().invoke(main, ["validate", str(CALCINOSIS), "--extracted", str(ROOT / "extracted" / "calcinosis"),
                                       "--reports", str(reports)])
    assert result.exit_code == 2
    assert "findings.json" in result.stderr and "summary" in result.stderr
