"""The report's agreement matrix: one row per question, each source's value, agreeing cells marked."""
from __future__ import annotations

from audit.report.html import agreement_matrix


def _row(matrix: dict, label: str) -> dict[str, tuple[str, str]]:
    row = next(r for r in matrix["rows"] if r["label"] == label)
    return {source: (cell["text"], cell["state"]) for source, cell in zip(matrix["sources"], row["cells"])}


def _claims(texts: dict[str, str]):
    import pandas as pd

    from conftest import claims_from_text

    return pd.DataFrame([row for source, text in texts.items()
                         for row in claims_from_text(text, "migraine", source_id=source)])


def test_usual_onset_row_marks_spans_that_are_apart():
    claims = _claims({"a": "Migraine usually begins in childhood.",
                      "b": "Migraine usually starts in adulthood.",
                      "c": "Migraine often starts in childhood."})
    row = _row(agreement_matrix(claims, ["a", "b", "c"], "migraine"), "usual onset")
    assert row["a"] == ("in childhood", "agree") and row["c"] == ("in childhood", "agree")
    assert row["b"] == ("in adulthood", "differ")


def test_no_onset_row_when_fewer_than_two_sources_state_one():
    claims = _claims({"a": "Migraine usually begins in childhood.", "b": "Migraine causes nausea."})
    matrix = agreement_matrix(claims, ["a", "b"], "migraine")
    assert not [r for r in matrix["rows"] if r["label"].startswith("usual onset")]
