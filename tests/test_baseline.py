"""Baselines: waived findings stop failing, stale and expired waivers are reported."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from click.testing import CliRunner

from audit.api import compare_extracted, load_extracted
from audit.baseline import load_baseline
from audit.cli import main
from audit.errors import InputError
from conftest import CALCINOSIS, ROOT

EXTRACTED = ROOT / "extracted" / "calcinosis"


def _result(baseline):
    return compare_extracted(load_extracted(EXTRACTED, CALCINOSIS), write=False, data_quality=False, baseline=baseline)


@pytest.fixture
def baseline_file(tmp_path):
    path = tmp_path / "audit-baseline.yaml"
    result = CliRunner().invoke(main, ["baseline", str(CALCINOSIS), "--extracted", str(EXTRACTED), "--out", str(path),
                                       "--reason", "known differences, explained in the article", "--who", "tester",
                                       "--date", "2026-01-01"])
    assert result.exit_code == 0, result.output
    return path


def test_waived_findings_stop_failing_but_stay_visible(baseline_file):
    result = _result(load_baseline(baseline_file, dt.date(2026, 6, 1)))
    assert result.exit_code("info") == 0
    assert result.findings and all(f.waived for f in result.findings)
    assert result.document["summary"]["waived"] == len(result.findings)
    assert result.document["baseline"]["stale"] == []


def test_changed_finding_keeps_its_waiver_and_is_reported(baseline_file):
    # The id names the question; the fingerprint the answers. Other answers: still waived, flagged for review.
    text = baseline_file.read_text()
    first_fingerprint = text.split("fingerprint: ")[1].split("\n")[0]
    baseline_file.write_text(text.replace(f"fingerprint: {first_fingerprint}", "fingerprint: '000000000000'", 1))
    result = _result(load_baseline(baseline_file, dt.date(2026, 6, 1)))
    stale = result.document["baseline"]["stale"]
    assert [s["status"] for s in stale] == ["changed"] and "still waived" in stale[0]["detail"]
    assert all(f.waived for f in result.findings)


def test_a_finding_more_severe_than_waived_is_no_longer_waived(baseline_file):
    text = baseline_file.read_text()
    assert "severity: error" in text  # `audit baseline` records each finding's severity
    baseline_file.write_text(text.replace("severity: error", "severity: info", 1))
    result = _result(load_baseline(baseline_file, dt.date(2026, 6, 1)))
    assert [s["status"] for s in result.document["baseline"]["stale"]] == ["changed"]
    assert sum(not f.waived for f in result.findings) == 1


def test_unknown_severity_is_refused(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("waivers:\n  - id: TYPE001-0123456789\n    reason: ok\n    severity: fatal\n")
    with pytest.raises(InputError) as caught:
        load_baseline(path)
    assert "b.yaml:4" in str(caught.value) and "severity" in str(caught.value)


def test_expired_and_gone_waivers(baseline_file):
    text = baseline_file.read_text().replace("waivers:\n", "waivers:\n  - id: TYPE009-0000000000\n    reason: old\n", 1)
    text = text.replace("date: '2026-01-01'", "date: '2026-01-01'\n    expires: '2026-02-01'", 1)
    baseline_file.write_text(text)
    result = _result(load_baseline(baseline_file, dt.date(2026, 6, 1)))
    statuses = sorted(s["status"] for s in result.document["baseline"]["stale"])
    assert statuses == ["expired", "gone"]


def test_unquoted_numeric_fingerprint_is_refused(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("waivers:\n  - id: TYPE001-0123456789\n    reason: ok\n    fingerprint: 000123\n")
    with pytest.raises(InputError) as caught:
        load_baseline(path)
    assert "b.yaml:4" in str(caught.value) and "quoted" in str(caught.value)


def test_reason_is_required(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("waivers:\n  - id: TYPE001-0123456789\n    who: someone\n")
    with pytest.raises(InputError) as caught:
        load_baseline(path)
    assert "b.yaml:2" in str(caught.value) and "reason" in str(caught.value)


def test_cli_applies_baseline_and_exits_zero(baseline_file, tmp_path):
    extracted = tmp_path / "extracted"
    shutil.copytree(EXTRACTED, extracted)  # compare writes findings.csv: never into the repository
    result = CliRunner().invoke(main, ["compare", str(CALCINOSIS), "--extracted", str(extracted), "--reports",
                                       str(tmp_path / "r"), "--baseline", str(baseline_file), "--no-data-quality",
                                       "--fail-on", "info"])
    assert result.exit_code == 0, result.output
    assert "[waived]" in result.output
