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
    assert ("E contradicted number of types calcinosis (line 3): The draft says there are 7 types of calcinosis; "
            "but healthboard and medindia say there are 4 types; healthgrades and rarity-explainer say there are "
            "5 types.") in result.output
    document = json.loads((tmp_path / "out" / "check.json").read_text())
    (count,) = [c for c in document["claims"] if c["facet"] == "type_count"]
    assert count["verdict"] == "contradicted" and count["severity"] == "error"
    quotes = {ref["quote"] for ref in count["contradicting"]}
    assert "Four main forms exist." in quotes and "There are five main types of calcinosis cutis." in quotes
    assert count["draft_quote"]["line"] == 3
    location = count["draft_quote"]["location"]
    line = SEVEN_TYPES_DRAFT.split("\n")[2]
    assert location["found"] and location["path"].endswith("draft.md")
    assert line[location["start_column"] - 1:location["end_column"] - 1] == "There are seven types of calcinosis."
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


UNKNOWN = """# Calcinosis

Calcinosis is treated with zorbafen, a new cream.

Deposits shrink by 37 percent after a month of moonwater baths.

Dystrophic calcinosis is the most common type.
"""


def test_unknown_treatment_and_figure_are_listed_as_unsupported_with_their_quotes(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(UNKNOWN)
    result = CliRunner().invoke(main, ["check", str(draft), "--against", str(CALCINOSIS), "--out", str(tmp_path / "o"),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output  # unsupported is not contradicted: --fail-on error passes
    document = json.loads(result.stdout)
    unsupported = {c["subject"]: c for c in document["claims"] if c["verdict"] == "unsupported"}
    zorbafen = unsupported["zorbafen"]
    assert zorbafen["facet"] == "treatment" and zorbafen["severity"] == "warning" and not zorbafen["in_lexicon"]
    assert zorbafen["draft_quote"]["quote"] == "Calcinosis is treated with zorbafen, a new cream."
    assert zorbafen["draft_quote"]["location"]["start_line"] == 3
    assert zorbafen["message"] == "The draft says zorbafen is a treatment; no reference says this."
    (figure,) = [c for c in unsupported.values() if "37 percent" in c["draft_quote"]["quote"]]
    assert figure["facet"] == "prevalence" and figure["draft_quote"]["location"]["start_line"] == 5
    assert "moonwater baths" not in unsupported  # a figure's words are not a treatment
    assert document["summary"]["unsupported"] == len(unsupported) >= 2
    assert document["summary"]["contradicted"] == 0
    # what the references do say stays supported
    assert any(c["verdict"] == "supported" and c["facet"] == "frequency" for c in document["claims"])
    # --fail-on warning fails on them; the text output lists both with their lines
    text = CliRunner().invoke(main, ["check", str(draft), "--against", str(CALCINOSIS), "--out", str(tmp_path / "o2"),
                                     "--fail-on", "warning"])
    assert text.exit_code == 1
    assert "W unsupported treatment zorbafen (line 3)" in text.output and "(line 5)" in text.output


def test_a_treatment_outside_the_lexicon_that_a_reference_names_is_supported(tmp_path, corpus_copy):
    # Without rituximab in the lexicon, the references' own sentences still name it as a treatment.
    corpus = corpus_copy("calcinosis")
    topic = corpus / "topic.yaml"
    lines = topic.read_text().splitlines(keepends=True)
    topic.write_text("".join(line for line in lines if not line.strip().startswith("rituximab:")))
    draft = tmp_path / "draft.txt"
    draft.write_text("Calcinosis\n\nIt is sometimes treated with rituximab.\n")
    result = CliRunner().invoke(main, ["check", str(draft), "--against", str(corpus), "--out", str(tmp_path / "o"),
                                       "--format", "json"])
    document = json.loads(result.stdout)
    (item,) = [c for c in document["claims"] if c["subject"] == "rituximab"]
    assert not item["in_lexicon"] and item["verdict"] == "supported" and item["supporting"]
    assert all("rituximab" in ref["quote"].lower() for ref in item["supporting"])


def test_the_same_reference_quote_is_never_on_both_sides(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("# Calcinosis\n\nTumoral calcinosis is a type of calcinosis. There are five types of calcinosis.\n")
    result = CliRunner().invoke(main, ["check", str(draft), "--against", str(CALCINOSIS), "--out", str(tmp_path / "o"),
                                       "--format", "json", "--fail-on", "never"])
    document = json.loads(result.stdout)
    for item in document["claims"]:
        agree = {(r["source_id"], r["start"], r["end"]) for r in item["supporting"]}
        otherwise = {(r["source_id"], r["start"], r["end"]) for r in item["contradicting"]}
        assert not agree & otherwise, item["message"]
        assert "_" not in item["message"], item["message"]  # words, never internal values
    (typed,) = [c for c in document["claims"] if c["facet"] == "type" and c["subject"] == "tumoral calcinosis"]
    assert typed["message"].startswith("The draft says tumoral calcinosis is a type of calcinosis; ")
    assert "says it is another name for metastatic" in typed["message"]


def test_onset_is_checked_against_the_references_typical_ages(tmp_path, corpus_copy):
    corpus = corpus_copy("migraine")
    for name in list(corpus.iterdir()):
        if name.suffix in (".txt", ".md", ".html"):
            name.unlink()
    (corpus / "sources.yaml").write_text(
        "sources:\n  - {id: a, file: a.txt, title: A}\n  - {id: b, file: b.txt, title: B}\n", "utf-8")
    (corpus / "a.txt").write_text("Migraine usually begins in the teen years.\n", "utf-8")
    (corpus / "b.txt").write_text("Migraine often starts between the ages of 15 and 30.\n", "utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Migraine\n\nMigraine usually starts in early childhood.\n\nIt can sometimes begin in adulthood.\n")
    result = CliRunner().invoke(main, ["check", str(draft), "--against", str(corpus), "--out", str(tmp_path / "o"),
                                       "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    onset = {c["draft_quote"]["quote"]: c for c in json.loads(result.stdout)["claims"] if c["facet"] == "onset"}
    childhood = onset["Migraine usually starts in early childhood."]
    assert childhood["verdict"] == "contradicted"
    assert "a says it usually begins in the teen years" in childhood["message"]
    assert onset["It can sometimes begin in adulthood."]["verdict"] == "supported"  # b's 15-30 reaches adulthood
