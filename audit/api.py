"""The library API. The CLI, notebooks and tests all call these functions.

>>> from audit import extract_corpus
>>> result = extract_corpus("sources/calcinosis")
>>> result.claims.query("facet == 'type_count'")[["source_id", "value", "quote"]]
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from audit.atomic import write_csv, write_text
from audit.errors import InputError
from audit.extract import CLAIM_COLUMNS, extract_document
from audit.extract.cache import DocumentCache, cache_key
from audit.ingest import Corpus, load_corpus
from audit.ingest.clean import sha256_of
from audit.ingest.readers import DEFAULT_MAX_BYTES
from audit.schemas import empty_frame, ClaimsTable, validate_table

DEFAULT_CACHE_DIR = Path(".audit-cache")


@dataclass
class ExtractResult:
    """Tables of one corpus, plus where they were written."""

    corpus: Corpus
    sources: pd.DataFrame
    claims: pd.DataFrame
    extracted_dir: Path | None
    texts_dir: Path | None
    warnings: list[str] = field(default_factory=list)

    def text_of(self, source_id: str) -> str:
        """The cleaned text a source's claim offsets point into."""
        if self.texts_dir is None:
            raise InputError(f"no cleaned text was written for {source_id!r}")
        return (self.texts_dir / f"{source_id}.txt").read_text("utf-8")


@lru_cache(maxsize=1)
def _repository_root() -> Path:
    try:
        out = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True)
        return Path(out.stdout.strip()).resolve()
    except (OSError, subprocess.CalledProcessError):
        return Path.cwd().resolve()


def display_path(path: Path) -> str:
    """A path relative to the repository root when inside it (stable across clones)."""
    resolved = path.resolve()
    for base in (_repository_root(), Path.cwd().resolve()):
        try:
            return resolved.relative_to(base).as_posix()
        except ValueError:
            continue
    return resolved.as_posix()


def default_extracted_dir(corpus_dir: str | Path) -> Path:
    return Path("extracted") / Path(corpus_dir).resolve().name


def default_reports_dir(corpus_dir: str | Path) -> Path:
    return Path("reports") / Path(corpus_dir).resolve().name


def _process(corpus: Corpus, entry, cache: DocumentCache) -> dict | None:
    """Clean and extract one source; cached by content hash."""
    raw_sha = sha256_of(entry.path.read_bytes()) if entry.path.stat().st_size <= corpus.max_bytes else ""
    key = cache_key(raw_sha, corpus.topic.digest, entry.path.suffix, entry.id) if raw_sha else ""
    cached = cache.get(key) if key else None
    if cached is not None:
        return cached
    document = corpus.read(entry)
    if document is None:
        return None
    rows = extract_document(document, corpus.topic)
    for row in rows:  # provenance is a hard invariant, checked where it is made
        if document.text[row["start"]:row["end"]] != row["quote"]:
            raise AssertionError(f"{entry.id}: quote does not match offsets for {row['claim_id']}")
    payload = {"text": document.text, "sha256": document.sha256, "rows": rows,
               "n_blocks": len(document.blocks), "n_furniture_blocks": document.dropped_blocks}
    cache.put(key, payload)
    return payload


def _source_row(entry, payload: dict) -> dict:
    return {
        "source_id": entry.id, "path": display_path(entry.path), "title": entry.title,
        "publisher": entry.publisher, "url": entry.url, "author": entry.author, "reviewer": entry.reviewer,
        "date": entry.date, "date_kind": entry.date_kind, "prior": entry.prior, "sha256": payload["sha256"],
        "n_chars": len(payload["text"]), "n_blocks": payload["n_blocks"],
        "n_furniture_blocks": payload["n_furniture_blocks"],
    }


def extract_corpus(corpus_dir: str | Path, extracted_dir: str | Path | None = None, *,
                   write: bool = True, cache_dir: str | Path | None = DEFAULT_CACHE_DIR,
                   max_bytes: int = DEFAULT_MAX_BYTES, progress: bool | None = None,
                   failures_dir: str | Path | None = None) -> ExtractResult:
    """Ingest and extract a corpus folder into the sources and claims tables.

    Documents are streamed one at a time; cleaned texts go to a staging folder
    and every file is moved into place only after the whole corpus succeeded,
    so a failure never leaves a half-updated ``extracted/`` folder.
    """
    corpus = load_corpus(corpus_dir, max_bytes=max_bytes)
    target = Path(extracted_dir) if extracted_dir else default_extracted_dir(corpus_dir)
    cache = DocumentCache(cache_dir)
    staging = None
    if write:
        target.mkdir(parents=True, exist_ok=True)
        staging = Path(target / ".staging")
        shutil.rmtree(staging, ignore_errors=True)
        (staging / "text").mkdir(parents=True)
    source_rows: list[dict] = []
    claim_rows: list[dict] = []
    try:
        # disable=None: tqdm shows the bar only on a terminal, so logs and CI stay clean.
        for entry in tqdm(corpus.sources, desc="extract", unit="doc", leave=False,
                          disable=None if progress is None else not progress):
            payload = _process(corpus, entry, cache)
            if payload is None:
                continue
            source_rows.append(_source_row(entry, payload))
            claim_rows.extend(payload["rows"])
            if staging is not None:
                (staging / "text" / f"{entry.id}.txt").write_text(payload["text"], encoding="utf-8", newline="")
        sources = validate_table(pd.DataFrame(source_rows, columns=list(_SOURCE_COLUMNS)), "sources", failures_dir)
        claims_frame = pd.DataFrame(claim_rows, columns=list(CLAIM_COLUMNS)) if claim_rows else empty_frame(ClaimsTable)
        claims = validate_table(claims_frame, "claims", failures_dir)
        if staging is not None:
            _publish(staging, target, sources, claims)
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return ExtractResult(corpus=corpus, sources=sources, claims=claims,
                         extracted_dir=target if write else None, texts_dir=(target / "text") if write else None)


_SOURCE_COLUMNS = ("source_id", "path", "title", "publisher", "url", "author", "reviewer", "date", "date_kind",
                   "prior", "sha256", "n_chars", "n_blocks", "n_furniture_blocks")


def _publish(staging: Path, target: Path, sources: pd.DataFrame, claims: pd.DataFrame) -> None:
    """Move staged texts into place, drop texts of removed sources, then write the tables."""
    text_dir = target / "text"
    text_dir.mkdir(parents=True, exist_ok=True)
    staged = {path.name for path in (staging / "text").iterdir()}
    for name in sorted(staged):
        (staging / "text" / name).replace(text_dir / name)
    for old in text_dir.glob("*.txt"):
        if old.name not in staged:
            old.unlink()
    write_csv(target / "sources.csv", sources)
    write_csv(target / "claims.csv", claims)
