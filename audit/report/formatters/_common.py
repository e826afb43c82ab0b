"""Helpers shared by the CI formatters."""
from __future__ import annotations

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
