"""Helpers shared by the CI formatters."""
from __future__ import annotations

from audit.words import words

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def text_uri(document: dict, source_id: str) -> str:
    base = document.get("texts_dir") or f"extracted/{document.get('corpus', '')}/text"
    return f"{base}/{source_id}.txt"


def quote_location(document: dict, quote: dict) -> dict:
    """Where an annotation for ``quote`` goes: the source file an author edits, line and column.

    A quote carries its ``location`` (:mod:`audit.locate`); an older document without one falls back to
    the quote's line in the cleaned text.
    """
    if quote.get("location"):
        return quote["location"]
    line = max(int(quote.get("line") or 1), 1)
    return {"path": text_uri(document, quote["source_id"]), "start_line": line, "start_column": 0,
            "end_line": line, "end_column": 0, "found": False}


def draft_location(document: dict, item: dict) -> dict:
    """Where an annotation for a draft claim goes: the draft file, line and column."""
    quote = item["draft_quote"]
    if quote.get("location"):
        return quote["location"]
    line = max(int(quote.get("line") or 1), 1)
    return {"path": document["draft"], "start_line": line, "start_column": 0, "end_line": line, "end_column": 0,
            "found": False}


def item_message(item: dict) -> str:
    """A draft claim's verdict in one sentence (older documents: built from its parts)."""
    return item.get("message") or (f"{item['verdict']}: the draft says {words(item['draft_value'])}; "
                                   f"references say {item['reference_summary']}")


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

