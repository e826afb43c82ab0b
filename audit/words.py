"""How values read: one function turns internal values into the words readers see, everywhere.

Tables and findings hold machine values (``very_rare``, ``alias_of:type a``,
``named:4``); every page and every text format shows them through
:func:`words`, so no underscore or internal code reaches a reader, and one
value always reads the same way.
"""
from __future__ import annotations

import math
import re
from urllib.parse import urlsplit

# Values whose plain "underscore to space" reading would be wrong or unclear.
_PHRASES = {
    "alias_of": "another name for",
    "subtype_of": "a subtype of",
    "separate_type": "a type of its own",
    "most_common": "the most common",
    "share_of_cases": "share of cases",
    "share_with_feature": "share with the feature",
    "carrier_frequency": "carrier frequency",
    "type_count": "number of types",
    "type_relation": "placement",
    "per 100000": "per 100,000",
}
_COUNT = re.compile(r"^\d+$")


def words(value) -> str:
    """A value as words: ``very_rare`` -> "very rare", ``alias_of:type a`` -> "another name for type a".

    Composite values (``value:object``, ``not:value:object``, ``named:4``) are read part by part.
    Missing values (None, NaN) read as "".
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = str(value)
    if text in _PHRASES:
        return _PHRASES[text]
    if "://" in text:  # an address is shown as it is written
        return text
    parts = text.split(":") if ":" in text else [text]
    if "separate_type" in parts[:2]:  # "separate_type:<condition>": a type of its own, of nothing else
        parts = parts[:parts.index("separate_type") + 1]
    out = []
    for index, part in enumerate(parts):
        if part == "named" and index + 1 < len(parts) and _COUNT.match(parts[index + 1]):
            out.append("names")
        elif part == "not" and index == 0 and len(parts) > 1:
            out.append("not")
        else:
            out.append(_PHRASES.get(part, part.replace("_", " ")))
    return " ".join(piece for piece in out if piece)


def web_url(value) -> str:
    """The URL when it is an http(s) link with a host, else "" (shown as text, never as a link).

    ``javascript:``, ``data:``, ``file:`` and relative or malformed addresses are refused: a source's
    URL comes from its manifest, which the page does not trust.
    """
    if not isinstance(value, str):
        return ""
    url = value.strip()
    if any(char.isspace() or ord(char) < 32 for char in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else ""


def placement_label(value: str, obj: str) -> str:
    """How a placement reads: ``("alias_of", "B")`` -> "another name for B"; a type of its own names nothing else.

    Shared by the placement rules, the per-facet tables and draft checks, so one placement always reads the same.
    """
    if value == "separate_type":
        return "a type of its own"
    return {"alias_of": "another name for", "subtype_of": "a subtype of"}[value] + f" {obj}"
