"""Atomic file writes: write to a temporary file beside the target, then rename.

A crash or a validation failure half-way never leaves a half-written table or
report behind; readers see the old file or the new one, nothing in between.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Iterator
from contextlib import contextmanager

import orjson


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[Any]:
    """Open a temporary file for writing that replaces ``path`` on success."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else "") as handle:
            yield handle
        # mkstemp creates 0600 files; published tables and reports get the usual umask.
        os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


def write_text(path: str | Path, text: str) -> None:
    with atomic_open(path) as handle:
        handle.write(text)


# A number orjson writes unlike the standard library: below 1e-4 it may write 0.00001 or 1e-6 where json writes
# 1e-05 and 1e-06. In indented output a number starts a line or follows '": ' (in a string a quote is escaped, so
# a match there is a false alarm at worst: the slow path then writes the same bytes).
_SMALL_FLOAT = re.compile(rb'(?:": |^ *)-?(?:0\.0000|\d(?:\.\d+)?e-)', re.MULTILINE)


def _may_differ(encoded: bytes) -> bool:
    """Whether orjson's output may hold a number json writes otherwise (see ``_SMALL_FLOAT``).

    Literal searches first: the regular expression takes a second over a 20 MB document, ``in`` a hundredth.
    """
    candidate = b"0.0000" in encoded
    at = encoded.find(b"e-")
    while not candidate and at != -1:
        candidate = at > 0 and encoded[at - 1:at].isdigit()
        at = encoded.find(b"e-", at + 2)
    return candidate and _SMALL_FLOAT.search(encoded) is not None


def json_bytes(payload: Any) -> bytes:
    """``payload`` as deterministic JSON: sorted keys, indented by 2, UTF-8, trailing newline.

    The bytes of ``json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False)``. orjson
    writes them about 20x faster (with ``indent`` the standard library falls back to its pure-Python
    encoder, the largest cost of writing a large findings.json); where orjson could differ (a float
    below 1e-4, a type it does not take) the standard library writes them.
    """
    try:
        encoded = orjson.dumps(payload, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
    except TypeError:
        encoded = None
    if encoded is None or _may_differ(encoded):
        encoded = json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return encoded + b"\n"


def write_json(path: str | Path, payload: Any) -> None:
    """Write JSON deterministically: sorted keys, fixed indentation, trailing newline."""
    with atomic_open(path, "wb") as handle:
        handle.write(json_bytes(payload))


def write_csv(path: str | Path, frame) -> None:
    """Write a DataFrame as CSV with fixed options so the bytes are reproducible."""
    with atomic_open(path) as handle:
        frame.to_csv(handle, index=False, lineterminator="\n")
