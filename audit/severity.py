"""Severities and the one rule for ``--fail-on``, shared by every command."""
from __future__ import annotations

SEVERITIES = ("error", "warning", "info")  # most severe first
FAIL_ON_CHOICES = (*SEVERITIES, "never")


def rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for info: lower is more severe."""
    return SEVERITIES.index(severity)


def at_or_above(severity: str, fail_on: str) -> bool:
    """Whether a finding of ``severity`` fails a run with ``--fail-on fail_on`` ('never' fails nothing)."""
    return fail_on != "never" and rank(severity) <= rank(fail_on)
