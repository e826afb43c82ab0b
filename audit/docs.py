"""Generate docs/rules.md from the rule registry, and docs/cli.md from the real --help.

Run ``python -m audit.docs`` (or ``make docs``); ``tests/test_docs.py`` fails
when the committed pages differ from what this produces, so documentation is
written once, in the code.
"""
from __future__ import annotations

import inspect
import sys
from pathlib import Path

from click.testing import CliRunner

from audit.compare.rules import get_rules

DOCS = Path(__file__).resolve().parent.parent / "docs"


def rules_page() -> str:
    lines = ["# Rules", "", "Generated from the rule docstrings by `python -m audit.docs`; do not edit.", "",
             "| code | name | severity | what it finds |", "|---|---|---|---|"]
    rules = get_rules()
    for rule in rules:
        lines.append(f"| [{rule.code}](#{rule.code.lower()}) | {rule.name} | {rule.severity} | {rule.summary()} |")
    lines += ["| DQ001 | gx-expectation | per expectation | A Great Expectations expectation failed on claims.csv |",
              "| DQ002 | gx-expectation | per expectation | A Great Expectations expectation failed on findings.csv |", ""]
    for rule in rules:
        doc = inspect.cleandoc(type(rule).__doc__ or "")
        summary, _, body = doc.partition("\n")
        lines += [f"## {rule.code}", "", f"**{summary}** (`{rule.name}`, severity *{rule.severity}*, facet "
                  f"`{rule.facet}`)", "", body.strip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def cli_page() -> str:
    from audit.cli import main

    runner = CliRunner()
    lines = ["# Command line", "", "Generated from the real `--help` output by `python -m audit.docs`; do not edit.", ""]
    lines += ["## audit", "", "```", runner.invoke(main, ["--help"], terminal_width=100).output.rstrip(), "```", ""]
    for name in sorted(main.commands):
        output = runner.invoke(main, [name, "--help"], terminal_width=100).output.rstrip()
        lines += [f"## audit {name}", "", "```", output, "```", ""]
    return "\n".join(lines).rstrip() + "\n"


PAGES = {"rules.md": rules_page, "cli.md": cli_page}


def main() -> int:
    DOCS.mkdir(exist_ok=True)
    for name, build in PAGES.items():
        (DOCS / name).write_text(build(), encoding="utf-8")
        print(f"wrote docs/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
