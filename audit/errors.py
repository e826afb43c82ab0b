"""Error hierarchy: every expected failure carries its exit code and a one-line message.

The CLI prints ``str(error)`` and exits with ``error.exit_code``; nothing else
reaches the user as a traceback (``--debug`` re-raises for developers).
"""
from __future__ import annotations

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


def warn(message: str) -> None:
    """Print a one-line warning to standard error (warnings never stop the run)."""
    import sys

    print(f"warning: {message}", file=sys.stderr)
