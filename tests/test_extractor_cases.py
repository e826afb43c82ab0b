"""Runs every case in tests/cases/extract/*.yaml: adding a case needs no Python.

A case has ``text`` (and optionally ``topic``, ``format``), then ``expect``:
claims that must be among the extracted ones (only the keys given are
compared), and/or ``forbid``: partial claims that must not appear.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import claims_from_text

CASES_DIR = Path(__file__).parent / "cases" / "extract"


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text("utf-8")):
            yield pytest.param(case, id=f"{path.stem}:{case['name']}")


def _matches(claim: dict, partial: dict) -> bool:
    for key, wanted in partial.items():
        got = claim.get(key)
        if isinstance(wanted, float) or key in ("value_low", "value_high"):
            if got is None or abs(float(got) - float(wanted)) > 0.01:
                return False
        elif str(got) != str(wanted):
            return False
    return True


@pytest.mark.parametrize("case", list(_load_cases()))
def test_extractor_case(case):
    claims = claims_from_text(case["text"], case.get("topic", "calcinosis"), case.get("format", ".txt"))
    assert case.get("expect") or case.get("forbid"), "a case must expect or forbid something"
    for partial in case.get("expect", []):
        assert any(_matches(claim, partial) for claim in claims), (
            f"expected {partial} among:\n" + "\n".join(str({k: c[k] for k in ('facet', 'subject', 'object', 'value', 'polarity', 'hedge', 'value_low', 'value_high')}) for c in claims))
    for partial in case.get("forbid", []):
        offending = [claim for claim in claims if _matches(claim, partial)]
        assert not offending, f"forbidden {partial} found: {offending[0]}"
