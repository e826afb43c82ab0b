"""Documentation is generated from the code; these fail when it is stale or missing."""
from __future__ import annotations

import pytest

from audit.compare.rules import BUILTIN_RULES
from audit.compare.rules.base import Rule
from audit.docs import DOCS, PAGES


@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_page_is_current(name):
    assert (DOCS / name).read_text("utf-8") == PAGES[name](), f"docs/{name} is stale: run make docs"


def test_every_rule_has_a_code_severity_and_documentation():
    codes = [rule.code for rule in BUILTIN_RULES]
    assert len(codes) == len(set(codes))
    for rule in BUILTIN_RULES:
        assert rule.summary() and "Anti-pattern" in rule.__doc__ and "Best practice" in rule.__doc__


def test_a_rule_without_docstring_is_refused():
    with pytest.raises(TypeError):
        class Undocumented(Rule):  # noqa: F841
            code, name, severity, facet = "X001", "x", "info", "type"
