"""JSON: the documents as they are written to disk (sorted keys, stable)."""
from __future__ import annotations

import json

NAME = "json"


def _dump(document: dict) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


audit = diff = check = _dump
