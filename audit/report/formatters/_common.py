"""Helpers shared by the CI formatters."""
from __future__ import annotations

from audit.report.words import words

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def text_uri(document: dict, source_id: str) -> str:
    base = document.get("texts_dir") or f"extracted/{document.get('corpus', '')}/text"
    return f"{base}/{source_id}.txt"


def first_quote(finding: dict) -> dict | None:
    for position in finding.get("positions", []):
        for quote in position.get("quotes", []):
            if quote.get("claim_id"):
                return quote
    return None


def check_items(document: dict) -> list[dict]:
    """Draft claims that are worth a CI line: contradicted, disputed, unsupported."""
    return [item for item in document["claims"] if item["verdict"] in ("contradicted", "disputed", "unsupported")]


def changed_lines(change: dict) -> list[str]:
    """What changed in a finding, one short line each (also used by the Markdown format)."""
    changes, lines = change["changes"], []
    if "severity" in changes:
        lines.append(f"severity: {changes['severity'][0]} -> {changes['severity'][1]}")
    if "waived" in changes:
        lines.append("now waived" if changes["waived"][1] else "no longer waived")
    values = changes.get("values", {})
    for item in values.get("removed", []):
        lines.append(f"- {words(item['value'])} ({', '.join(item['sources'])})")
    for item in values.get("added", []):
        lines.append(f"+ {words(item['value'])} ({', '.join(item['sources'])})")
    for item in values.get("moved", []):
        lines.append(f"~ {words(item['value'])}: {', '.join(item['before'])} -> {', '.join(item['after'])}")
    if "message" in changes:
        lines += [f"was: {changes['message'][0]}", f"now: {changes['message'][1]}"]
    return lines

