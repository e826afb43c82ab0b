"""audit check: a draft against the references."""
from __future__ import annotations

import json

from click.testing import CliRunner

from audit.cli import main
from conftest import CALCINOSIS
from helpers_audit import SEVEN_TYPES_DRAFT


def test_seven_types_draft_fails_with_the_references_quotes(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(SEVEN_TYPES_DRAFT)
    result = CliRunner().invoke(main, ["check", str(draft), "--against", str(CALCINOSIS), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "contradicted type_count calcinosis: draft says 7" in result.output
    document = json.loads((tmp_path / "out" / "check.json").read_text())
    (count,) = [c for c in document["claims"] if c["facet"] == "type_count"]
    assert count["verdict"] == "contradicted" and count["severity"] == "error"
    quotes = {ref["quote"] for ref in count["contradicting"]}
    assert "Four main forms exist." in quotes and "There are five main types of calcinosis cutis." in quotes
    assert count["draft_quote"]["line"] == 3
    most_common = [c for c in document["claims"] if c["facet"] == "frequency"]
    assert most_common and most_common[0]["verdict"] == "supported"
    html = (tmp_path / "out" / "check.html").read_text()
    assert "Four main forms exist." in html


def test_agreeing_html_draft_passes_and_lists_omissions(tmp_path):
    draft = tmp_path / "draft.html"
    draft.write_text("<html><body><article><h1>Calcinosis</h1>"
                     "<p>Dystrophic calcinosis is the most common type of calcinosis, doctors agree.</p>"
                     "<p>Surgical removal is used to treat large deposits of calcinosis.</p>"
                     "</article></body></html>")
    result = CliRunner().invoke(main, ["check", str(draft), "--against", str(CALCINOSIS), "--out", str(tmp_path / "o"),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["summary"]["contradicted"] == 0 and document["summary"]["supported"] >= 2
    assert any(o["subject"] == "metastatic" for o in document["omitted"])


def test_missing_draft_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope.md"), "--against", str(CALCINOSIS)])
    assert result.exit_code == 2 and "draft not found" in result.stderr


def test_draft_figures_are_checked_like_with_like(tmp_path):
    """A share of the skin is no prevalence: only the prevalence figure meets the references' figures."""
    draft = tmp_path / "draft.md"
    draft.write_text("# Calcinosis\n\nDeposits form in 70–80% of people with systemic sclerosis.\n\n"
                     "Extensive deposits can cover more than 70 percent of the skin.\n")
    result = CliRunner().invoke(main, ["check", str(draft), "--against", str(CALCINOSIS), "--out", str(tmp_path / "o"),
                                       "--format", "json"])
    document = json.loads(result.stdout)
    figures = {c["draft_value"]: c for c in document["claims"] if c["facet"] == "prevalence"}
    assert figures["70–80%"]["verdict"] == "contradicted"
    assert {r["source_id"] for r in figures["70–80%"]["contradicting"]} == {"rarity-explainer"}
    assert figures["more than 70 percent"]["verdict"] == "unsupported"


def test_symptom_typicality_is_checked_by_each_reference_position(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Calcinosis\n\nLarge deposits can cause pain.\n\nThe deposits are never painful.\n")
    result = CliRunner().invoke(main, ["check", str(draft), "--against", str(CALCINOSIS), "--out", str(tmp_path / "o"),
                                       "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    pain = {c["draft_quote"]["quote"]: c for c in json.loads(result.stdout)["claims"] if c["subject"] == "pain"}
    # "can cause pain" fits every reference's position, even "usually not painful"
    assert pain["Large deposits can cause pain."]["verdict"] == "supported"
    never = pain["The deposits are never painful."]
    assert never["verdict"] == "disputed"
    assert {r["source_id"] for r in never["supporting"]} == {"healthboard"}
