"""Treatments, figures and types a draft states outside its lexicon: one case per entry of
tests/cases/statements.yaml (add a case without Python)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from audit.extract import CLAIM_COLUMNS, extract_document
from audit.ingest.clean import clean_document
from audit.statements import ReferenceText, Statement, open_statements
from audit.topic import load_topic
from conftest import TOPICS

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "statements.yaml").read_text())
TOPIC = load_topic(TOPICS["calcinosis"])


NO_CLAIMS = pd.DataFrame(columns=list(CLAIM_COLUMNS))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_statement_case(case):
    # The patterns alone: the draft's lexicon claims are left out here (see the test below).
    document = clean_document("draft", case["text"], ".txt", "0" * 64)
    found = [[s.kind, s.term] for s in open_statements(document.text, NO_CLAIMS, TOPIC)]
    assert found == case["finds"]


def test_a_figure_a_lexicon_claim_holds_is_not_repeated():
    document = clean_document("draft", "About 2% of people with kidney failure develop calcinosis.", ".txt", "0" * 64)
    claims = pd.DataFrame(extract_document(document, TOPIC), columns=list(CLAIM_COLUMNS))
    assert "prevalence" in set(claims["facet"])
    assert [s.kind for s in open_statements(document.text, NO_CLAIMS, TOPIC)] == ["figure"]
    assert open_statements(document.text, claims, TOPIC) == []


def test_figures_are_judged_by_value_and_subject():
    references = ReferenceText({"a": "Zorbafen cleared deposits in 37% of patients.\n",
                                "b": "In 37 percent of households a cat lives.\n"}, TOPIC)
    judgement = references.judge(Statement("figure", "37 percent", "Deposits shrink by 37 percent with zorbafen.", 0, 40))
    assert [q["source_id"] for q in judgement.supporting] == ["a"]   # same figure, shares "zorbafen", "deposits"
    assert [q["source_id"] for q in judgement.related] == ["b"]      # same figure, about something else
    other = references.judge(Statement("figure", "38%", "Deposits shrink by 38% with zorbafen.", 0, 30))
    assert other.verdict == "unsupported" and not other.supporting and not other.related
