"""Output formatters behind one interface.

Each formatter module defines ``NAME`` and functions ``audit(document)``,
``diff(document)`` and ``check(document)`` taking the plain dicts that
``findings.json``, ``diff.json`` and ``check.json`` hold, and returning text.
The CLI picks one with ``--format``; it never formats anything itself.
"""
from __future__ import annotations

from importlib import import_module
from types import ModuleType

FORMATS = ("text", "json", "markdown", "junit", "sarif", "github")


def get_formatter(name: str) -> ModuleType:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    return import_module(f"audit.report.formatters.{name}_format")


def render(name: str, kind: str, document: dict) -> str:
    """Render ``document`` (kind: audit | diff | check) in format ``name``."""
    return getattr(get_formatter(name), kind)(document)
