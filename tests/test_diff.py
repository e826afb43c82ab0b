"""audit diff: claims changed per source and findings new/resolved/changed."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from audit.cli import main
from conftest import CALCINOSIS
from helpers_audit import audited_copy, four_to_seven


@pytest.fixture(scope="module")
def audits(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("diff")
    _, base, _, _ = audited_copy(tmp, "base")
    _, head, _, _ = audited_copy(tmp, "head", four_to_seven)
    return tmp, base, head


def test_four_to_seven_is_one_changed_claim(audits):
    tmp, base, head = audits
    out = tmp / "out"
    result = CliRunner().invoke(main, ["diff", str(base), str(head), "--out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output  # a new warning does not fail --fail-on error
    document = json.loads((out / "diff.json").read_text())
    assert json.loads(result.stdout) == document
    (change,) = document["claims"]["changed"]
    assert change["source_id"] == "healthboard" and change["facet"] == "type_count"
    assert change["changes"]["value"] == ["4", "7"]
    assert document["claims"]["added"] == [] and document["claims"]["removed"] == []
    daff_rows = document["claims_daff"]
    assert daff_rows[0][0] == "@@"
    assert any(row[0] == "->" and "4->7" in row for row in daff_rows)
    new_codes = {f["code"] for f in document["findings"]["new"]}
    assert "TYPE004" in new_codes  # healthboard now says seven but names four
    assert any(c["code"] == "TYPE001" for c in document["findings"]["changed"])
    html = (out / "diff.html").read_text()
    assert "<del>Four</del>" in html and "<ins>Seven</ins>" in html


def test_fail_on_info_fails_on_the_new_count_hint(audits):
    # TYPE004 (stated count differs from the named types) is an info-level hint.
    tmp, base, head = audits
    result = CliRunner().invoke(main, ["diff", str(base), str(head), "--out", str(tmp / "o2"), "--fail-on", "info"])
    assert result.exit_code == 1
    assert "new" in result.output and "TYPE004" in result.output


def test_no_change_no_findings(audits):
    tmp, base, _ = audits
    result = CliRunner().invoke(main, ["diff", str(base), str(base), "--out", str(tmp / "o3")])
    assert result.exit_code == 0
    assert "~0" in result.output


def test_base_ref_compares_a_git_revision_with_the_work_tree(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(CALCINOSIS, repo / "sources" / "calcinosis")
    git = lambda *args: subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)  # noqa: E731
    git("init", "-q")
    git("-c", "user.email=t@t", "-c", "user.name=t", "add", ".")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "corpus")
    four_to_seven(repo / "sources" / "calcinosis")
    result = CliRunner().invoke(main, ["diff", str(repo / "sources" / "calcinosis"), "--base-ref", "HEAD",
                                       "--out", str(tmp_path / "out"), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert [c["changes"]["value"] for c in document["claims"]["changed"]] == [["4", "7"]]


def test_bad_revision_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["diff", str(CALCINOSIS), "--base-ref", "no-such-rev", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "no-such-rev" in result.stderr and "Traceback" not in result.output


def test_default_outputs_of_diff_and_check_are_ignored_and_corpus_reports_are_not():
    """reports/<topic>/diff/ and check/ are per-change artifacts; the corpus's own reports are committed."""
    from conftest import ROOT

    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    ignored = lambda path: subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT).returncode == 0  # noqa: E731
    assert ignored("reports/calcinosis/diff/diff.html") and ignored("reports/migraine/check/check.json")
    assert not ignored("reports/calcinosis/report.html") and not ignored("reports/calcinosis/findings.json")
    assert not ignored("reports/calcinosis/data_quality/index.html")
