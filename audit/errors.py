"""Error hierarchy: every expected failure carries its exit code and a one-line message.

The CLI prints ``str(error)`` and exits with ``error.exit_code``; nothing else
reaches the user as a traceback (``--debug`` re-raises for developers).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path


class AuditError(Exception):
    """Base class for errors the user can fix. Exit code 2 (bad input or usage)."""

    exit_code = 2

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(AuditError):
    """A source file, manifest or lexicon cannot be used as it is."""


class TopicError(InputError):
    """The topic lexicon (topic.yaml) is malformed."""


class ManifestError(InputError):
    """The source manifest (sources.yaml) is malformed or disagrees with the folder."""


class SchemaValidationError(AuditError):
    """A table failed its pandera schema at a stage boundary."""

    def __init__(self, message: str, path: str | Path | None = None, failures_path: str | None = None):
        super().__init__(message, path)
        self.failures_path = failures_path


_COLLECTED: ContextVar[list[str] | None] = ContextVar("audit_warnings", default=None)


def warn(message: str) -> None:
    """Print a one-line warning to standard error (warnings never stop the run)."""
    import sys

    collected = _COLLECTED.get()
    if collected is not None:
        collected.append(message)
        return
    print(f"warning: {message}", file=sys.stderr)


@contextmanager
def collecting_warnings() -> Iterator[list[str]]:
    """Keep warnings instead of printing them: a Dask worker's standard error is not the user's terminal,
    so a task hands its warnings back and the client prints them."""
    collected: list[str] = []
    token = _COLLECTED.set(collected)
    try:
        yield collected
    finally:
        _COLLECTED.reset(token)
