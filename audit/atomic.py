"""Atomic file writes: write to a temporary file beside the target, then rename.

A crash or a validation failure half-way never leaves a half-written table or
report behind; readers see the old file or the new one, nothing in between.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Iterator
from contextlib import contextmanager


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


def write_json(path: str | Path, payload: Any) -> None:
    """Write JSON deterministically: sorted keys, fixed indentation, trailing newline."""
    write_text(path, json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def write_csv(path: str | Path, frame) -> None:
    """Write a DataFrame as CSV with fixed options so the bytes are reproducible."""
    with atomic_open(path) as handle:
        frame.to_csv(handle, index=False, lineterminator="\n")
