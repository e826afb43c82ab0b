"""A finding's id names its question (rule, facet, subject, scope; the source of an internal finding),
never the answers: editing a value changes the finding, keeps its id, and keeps its waiver."""
from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from audit.baseline import load_baseline, write_baseline
from audit.cli import main
from audit.diff import diff_audits, load_tables
from audit.report.formatters import render
from conftest import compare_texts
from helpers_audit import audited_copy

FIVE = ("There are five main types of calcinosis. Dystrophic calcinosis is the most common type. "
        "Metastatic calcinosis follows kidney failure. Idiopathic calcinosis has no cause. "
        "Calciphylaxis is a very rare subtype.")


def _ids(result, code):
    return {f.id: f for f in result.findings if f.code == code}


def test_type004_id_does_not_depend_on_the_stated_count():
    five = _ids(compare_texts({"a": FIVE}), "TYPE004")
    six = _ids(compare_texts({"a": FIVE.replace("five", "six")}), "TYPE004")
    assert len(five) == 1 and five.keys() == six.keys()
    (finding_id,) = five
    assert five[finding_id].fingerprint != six[finding_id].fingerprint  # the answers did change
    assert "5 types" in five[finding_id].message and "6 types" in six[finding_id].message


def test_single_source_placement_id_does_not_depend_on_the_placement():
    other = "Dystrophic calcinosis is the most common type of calcinosis."
    alias = compare_texts({"a": "Tumoral calcinosis is another name for metastatic calcinosis.", "b": other})
    subtype = compare_texts({"a": "Tumoral calcinosis is a subtype of idiopathic calcinosis.", "b": other})
    before = [f for f in alias.findings if f.code == "SRC001" and f.facet == "type_relation"]
    after = [f for f in subtype.findings if f.code == "SRC001" and f.facet == "type_relation"]
    assert len(before) == 1 and [f.id for f in before] == [f.id for f in after]
    assert before[0].message != after[0].message


def _six(folder):
    path = folder / "healthgrades.txt"
    text = path.read_text()
    assert "There are five main types" in text
    path.write_text(text.replace("There are five main types", "There are six main types"))


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """The corpus audited with a baseline of all its findings, then the same after editing a count."""
    tmp = tmp_path_factory.mktemp("identity")
    _, base, _, base_result = audited_copy(tmp, "base")
    baseline_file = tmp / "audit-baseline.yaml"
    write_baseline(base_result.findings, baseline_file, "known; explained in the article", "tester", "2026-01-01")
    baseline = load_baseline(baseline_file, dt.date(2026, 6, 1))
    _, head, _, head_result = audited_copy(tmp, "head", _six)
    # the head is audited again with the waivers, as `audit run` would apply audit-baseline.yaml
    from audit.api import compare_extracted, load_extracted

    waived = compare_extracted(load_extracted(head, tmp / "head" / "corpus" / "calcinosis"), tmp / "head" / "reports",
                               data_quality=False, baseline=baseline)
    return tmp, base, head, base_result, waived


def test_edited_count_is_one_changed_finding_with_the_same_id(edited):
    tmp, base, head, base_result, _ = edited
    document = diff_audits(load_tables(base, "base"), load_tables(head, "head"))
    (type004,) = [f for f in base_result.findings if f.code == "TYPE004" and "healthgrades" in f.message]
    assert [f["id"] for f in document["findings"]["new"] if f["code"] == "TYPE004"] == []
    assert [f["id"] for f in document["findings"]["resolved"] if f["code"] == "TYPE004"] == []
    (change,) = [c for c in document["findings"]["changed"] if c["id"] == type004.id]
    assert change["changes"]["values"]["removed"] == [{"value": "5", "sources": ["healthgrades"]}]
    assert change["changes"]["values"]["added"] == [{"value": "6", "sources": ["healthgrades"]}]
    text = render("text", "diff", document)
    assert f"changed I TYPE004 calcinosis: healthgrades says there are 6 types" in text and type004.id in text
    assert "- 5 (healthgrades)" in text and "+ 6 (healthgrades)" in text
    markdown = render("markdown", "diff", document)
    assert "### Changed findings" in markdown and type004.id in markdown


def test_waiver_on_the_edited_finding_still_applies(edited):
    *_, base_result, waived = edited
    (type004,) = [f for f in base_result.findings if f.code == "TYPE004" and "healthgrades" in f.message]
    (after,) = [f for f in waived.findings if f.id == type004.id]
    assert after.waived and "6 types" in after.message
    stale = {s["id"]: s for s in waived.document["baseline"]["stale"]}
    assert stale[type004.id]["status"] == "changed" and "still waived" in stale[type004.id]["detail"]
    assert waived.exit_code("info") == 0  # every finding, edited or not, is still waived


def test_diff_of_the_waived_head_fails_on_nothing(edited, tmp_path):
    tmp, base, head, *_ = edited
    result = CliRunner().invoke(main, ["diff", str(base), str(head), "--out", str(tmp_path / "d"), "--fail-on", "info"])
    assert result.exit_code == 0, result.output
    assert "changed I TYPE004" in result.output and "[waived]" in result.output


def test_a_waiver_stops_when_the_finding_gets_more_severe(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("waivers:\n  - id: TYPE004-0123456789\n    reason: ok\n    severity: info\n")
    from audit.compare.model import Finding

    finding = Finding(id="TYPE004-0123456789", code="TYPE004", severity="warning", facet="type_count",
                      subject="c", message="m", positions=(), silent=())
    baseline = load_baseline(path)
    (result,) = baseline.apply([finding])
    assert not result.waived
    assert baseline.report()["stale"][0]["status"] == "changed"
