"""Hostile source text is shown as text in every report, never run."""
from __future__ import annotations

import re

import pytest

from audit.api import run_audit, write_check, check_draft, write_diff
from audit.diff import diff_audits, load_tables
from audit.report.formatters import render
from conftest import ROOT

HOSTILE = ROOT / "tests" / "corpora" / "hostile"
PAYLOADS = ("<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "<svg onload=alert(4)>",
            '<a href="javascript:alert(5)">', "<script>alert('title')</script>")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    result = run_audit(HOSTILE, tmp / "x", tmp / "r", cache_dir=None, progress=False, data_quality=False)
    draft = tmp / "draft.txt"
    draft.write_text("There are four types of calcinosis <script>alert(9)</script> in this draft.\n")
    write_check(check_draft(draft, HOSTILE), tmp / "check")
    write_diff(diff_audits(load_tables(tmp / "x"), load_tables(tmp / "x")), tmp / "diff")
    return tmp, result


def test_payloads_reach_the_claims(hostile):
    _, result = hostile
    quotes = " ".join(result.extract.claims["quote"])
    assert "<script>alert(1)</script>" in quotes and "onerror=alert(2)" in quotes


@pytest.mark.parametrize("page", ["r/report.html", "check/check.html", "diff/diff.html"])
def test_html_pages_escape_every_payload(hostile, page):
    html = (hostile[0] / page).read_text()
    for payload in PAYLOADS + ("<script>alert(9)</script>",):
        assert payload not in html
    # the only script element is our own, allowed by hash in the CSP
    assert len(re.findall(r"<script\b", html)) == 1
    assert "script-src 'sha256-" in html and "default-src 'none'" in html
    assert not re.search(r"<[^>]+\son\w+\s*=", html), "an inline event handler attribute made it into the page"


def test_report_shows_the_payload_as_text(hostile):
    html = (hostile[0] / "r" / "report.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("name", ["markdown", "junit", "sarif", "github", "text", "json"])
def test_ci_formats_do_not_emit_raw_markup(hostile, name):
    output = render(name, "audit", hostile[1].document)
    if name in ("markdown", "junit"):
        assert "<script>" not in output and "<img" not in output
