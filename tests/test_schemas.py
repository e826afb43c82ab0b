"""The pandera schemas: each check with a table that passes and one that fails."""
from __future__ import annotations

import pandas as pd
import pytest

from audit.errors import SchemaValidationError
from audit.schemas import read_table, validate_table


def _claim(**overrides) -> dict:
    row = {"claim_id": "src:prevalence:0123456789", "source_id": "src", "facet": "prevalence", "subject": "lupus",
           "object": "x", "value": "25-40%", "value_low": 25.0, "value_high": 40.0, "unit": "%",
           "measure": "prevalence", "qualifier": "range", "scope": "", "polarity": "asserted", "hedge": "", "typicality": "", "quote": "abc",
           "start": 10, "end": 13, "extractor": "prevalence.figure"}
    row.update(overrides)
    return row


def test_valid_claims_pass():
    frame = pd.DataFrame([_claim()])
    assert len(validate_table(frame, "claims")) == 1


@pytest.mark.parametrize("overrides, reason", [
    ({"value_low": 50.0}, "value_low <= value_high"),
    ({"value_high": 140.0}, "percentages"),
    ({"quote": "", "end": 10}, "str_length"),
    ({"start": 13}, "start < end"),
    ({"facet": "mood"}, "isin"),
    ({"polarity": "maybe"}, "isin"),
    ({"facet": "type_relation", "value": "cousin_of", "unit": ""}, "type_relation"),
])
def test_invalid_claims_fail(overrides, reason, tmp_path):
    frame = pd.DataFrame([_claim(**overrides)])
    with pytest.raises(SchemaValidationError) as caught:
        validate_table(frame, "claims", tmp_path)
    assert reason in str(caught.value) or reason in (tmp_path / "schema_failures_claims.csv").read_text()
    assert "\n" not in str(caught.value)


def test_duplicate_ids_and_all_failures_at_once(tmp_path):
    frame = pd.DataFrame([_claim(), _claim(value_low=90.0)])
    with pytest.raises(SchemaValidationError) as caught:
        validate_table(frame, "claims", tmp_path)
    failures = pd.read_csv(tmp_path / "schema_failures_claims.csv")
    assert {"field_uniqueness", "value_low <= value_high"} <= set(failures["check"])
    assert "2 failure" in str(caught.value) or "failure(s)" in str(caught.value)


def test_read_table_round_trip(tmp_path):
    path = tmp_path / "claims.csv"
    pd.DataFrame([_claim(hedge="", value_low=None, value_high=None, unit="", value="")]).to_csv(path, index=False)
    frame = read_table(path, "claims")
    assert frame.loc[0, "hedge"] == "" and pd.isna(frame.loc[0, "value_low"])


def test_claims_suite_knows_every_measure():
    import json

    from audit.extract.claim import MEASURES

    from pathlib import Path

    suite = json.loads((Path(__file__).parent.parent / "audit" / "validate" / "suites" / "claims.json").read_text())
    sets = [e["kwargs"]["value_set"] for e in suite["expectations"] if e["kwargs"].get("column") == "measure"]
    assert sets == [["", *MEASURES]]


def test_prevalence_claim_needs_a_measure():
    with pytest.raises(SchemaValidationError):
        validate_table(pd.DataFrame([_claim(measure="")]), "claims")


def test_claims_suite_knows_every_typicality():
    import json
    from pathlib import Path

    from audit.extract.claim import TYPICALITIES

    suite = json.loads((Path(__file__).parent.parent / "audit" / "validate" / "suites" / "claims.json").read_text())
    sets = [e["kwargs"]["value_set"] for e in suite["expectations"] if e["kwargs"].get("column") == "typicality"]
    assert sets == [["", *TYPICALITIES]]


def test_unknown_typicality_is_rejected():
    with pytest.raises(SchemaValidationError):
        validate_table(pd.DataFrame([_claim(typicality="mostly")]), "claims")
