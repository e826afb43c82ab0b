"""What a run returns: the extracted tables of a corpus, and everything one audit produced."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from audit.errors import InputError
from audit.ingest import Corpus
from audit.severity import at_or_above

if TYPE_CHECKING:
    from audit.compare.model import ComparisonResult
    from audit.validate import DataQualityReport


@dataclass
class ExtractResult:
    """Tables of one corpus, plus where they were written."""

    corpus: Corpus
    sources: pd.DataFrame
    claims: pd.DataFrame
    extracted_dir: Path | None
    texts_dir: Path | None
    warnings: list[str] = field(default_factory=list)
    texts: dict[str, str] | None = None  # the cleaned texts when none were written (write=False)
    # Where a text not staged is: the published folder, when the run reused its unchanged file.
    reused_texts_dir: Path | None = None
    # Per source, the document cache key its claims were extracted under (the rows are a function of it);
    # None when the run had no cache. The comparison tells changed sources by it without hashing rows.
    claim_digests: dict[str, str] | None = None

    def moved_to(self, folder: Path) -> None:
        """Point at the published folder once the staged one has been published there."""
        self.extracted_dir, self.texts_dir, self.reused_texts_dir = folder, folder / "text", None

    def text_of(self, source_id: str) -> str:
        """The cleaned text a source's claim offsets point into."""
        if self.texts is not None and source_id in self.texts:
            return self.texts[source_id]
        if self.texts_dir is None:
            raise InputError(f"no cleaned text was written for {source_id!r}")
        try:
            return (self.texts_dir / f"{source_id}.txt").read_text("utf-8")
        except FileNotFoundError:
            if self.reused_texts_dir is None:
                raise
            return (self.reused_texts_dir / f"{source_id}.txt").read_text("utf-8")


@dataclass
class AuditResult:
    """Everything one audit produced; the CLI and reports read from here."""

    extract: ExtractResult
    comparison: "ComparisonResult"
    data_quality: "DataQualityReport | None"
    document: dict
    reports_dir: Path | None

    @property
    def findings(self):
        return self.comparison.findings

    def failing(self, fail_on: str) -> list:
        """Findings (not waived) at or above ``fail_on``; 'never' fails nothing."""
        return [f for f in self.comparison.findings if not f.waived and at_or_above(f.severity, fail_on)]

    def exit_code(self, fail_on: str) -> int:
        return 1 if self.failing(fail_on) else 0


class LazyTexts(Mapping):
    """Cleaned texts read on demand (a corpus of 100,000 articles does not fit in a dict of strings)."""

    def __init__(self, result: ExtractResult):
        self._result = result
        self._ids = tuple(result.sources["source_id"])
        self._known = frozenset(self._ids)  # a lookup per quote: a tuple would cost O(sources) each

    @lru_cache(maxsize=256)
    def __getitem__(self, source_id: str) -> str:
        if source_id not in self._known:
            raise KeyError(source_id)
        try:
            return self._result.text_of(source_id)
        except (FileNotFoundError, InputError):
            return ""

    def __iter__(self):
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __hash__(self) -> int:
        return id(self)
