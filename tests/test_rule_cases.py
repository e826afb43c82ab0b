"""Runs every case in tests/cases/rules/<CODE>.yaml against its rule.

A case gives ``sources`` ({source_id: text}), optionally ``topic`` and
``dates``, and any of: ``fires`` (a finding of the file's rule code, with the
given keys: subject, severity, cause, kind, message_contains), ``silent``
(true: no finding of that code), ``agrees`` (an agreement of that code with
``subject`` / ``message_contains``).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from audit.compare.rules import rule_codes
from conftest import compare_texts

CASES_DIR = Path(__file__).parent / "cases" / "rules"


def _cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text("utf-8")):
            yield pytest.param(path.stem, case, id=f"{path.stem}:{case['name']}")


def test_every_rule_has_a_case_file_with_firing_and_silent_cases():
    for code in rule_codes():
        cases = yaml.safe_load((CASES_DIR / f"{code}.yaml").read_text("utf-8"))
        assert any("fires" in case for case in cases), f"{code} has no case that fires"
        assert any(case.get("silent") for case in cases), f"{code} has no case that must not fire"


def _matches(item, wanted: dict) -> bool:
    data = item.to_dict()
    for key, value in wanted.items():
        if key == "message_contains":
            if value not in data["message"]:
                return False
        elif key == "cause":
            if value not in {cause["kind"] for cause in data.get("causes", [])}:
                return False
        elif str(data.get(key)) != str(value):
            return False
    return True


@pytest.mark.parametrize("code, case", list(_cases()))
def test_rule_case(code, case):
    result = compare_texts(case["sources"], case.get("topic", "calcinosis"), case.get("dates"))
    mine = [f for f in result.findings if f.code == code]
    if "fires" in case:
        assert any(_matches(f, case["fires"]) for f in mine), \
            f"{code} did not fire with {case['fires']}; got: {[f.message for f in mine]}"
    if case.get("silent"):
        assert not mine, f"{code} fired: {[f.message for f in mine]}"
    if "agrees" in case:
        agreements = [a for a in result.agreements if a.code == code]
        assert any(_matches(a, case["agrees"]) for a in agreements), \
            f"no agreement {case['agrees']}; got: {[a.message for a in agreements]}"
