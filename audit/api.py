"""The library API. The CLI, notebooks and tests all call these functions.

>>> from audit import extract_corpus
>>> result = extract_corpus("sources/<topic>")
>>> result.claims.query("facet == 'type_count'")[["source_id", "value", "quote"]]
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from collections.abc import Mapping
from typing import TYPE_CHECKING

import pandas as pd
from tqdm import tqdm

from audit.atomic import write_csv, write_text
from audit.errors import InputError
from audit.extract import CLAIM_COLUMNS, extract_document
from audit.extract.cache import DocumentCache, cache_key
from audit.ingest import Corpus, load_corpus
from audit.ingest.clean import sha256_of
from audit.ingest.readers import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS  # noqa: F401 - the CLI's defaults
from audit.schemas import ClaimsTable, empty_frame, validate_table
from audit.severity import at_or_above

if TYPE_CHECKING:
    from audit.compare.model import ComparisonResult
    from audit.validate import DataQualityReport

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
    texts: dict[str, str] | None = None  # the cleaned texts when none were written (write=False)

    def moved_to(self, folder: Path) -> None:
        """Point at the published folder once the staged one has been published there."""
        self.extracted_dir, self.texts_dir = folder, folder / "text"

    def text_of(self, source_id: str) -> str:
        """The cleaned text a source's claim offsets point into."""
        if self.texts is not None and source_id in self.texts:
            return self.texts[source_id]
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
    data = corpus.read_bytes(entry)  # read once: hashed for the cache, then cleaned
    key = cache_key(sha256_of(data), corpus.topic.digest, entry.path.suffix, entry.id)
    cached = cache.get(key)
    if cached is not None:
        corpus.check_cached(entry, data, cached["text"])  # the limit may be lower than when it was cached
        return cached
    document = corpus.read(entry, data)
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


_WORKER_STATE: dict = {}


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when its parent dies.

    Without it a kill -9 of the parent leaves workers running their current
    chunk for seconds. Linux only (prctl PR_SET_PDEATHSIG); elsewhere workers
    still exit once they find the pool's pipe closed.
    """
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _init_worker(corpus: Corpus, cache_folder, parent: int) -> None:
    _die_with_parent(parent)
    # Sent once per worker process: pickling the corpus (with its list of every source)
    # for each task would cost O(N) per document, O(N^2) per run.
    _WORKER_STATE["corpus"] = corpus
    _WORKER_STATE["cache"] = DocumentCache(cache_folder)


def _process_in_worker(entry):
    return _process(_WORKER_STATE["corpus"], entry, _WORKER_STATE["cache"])


def _payloads(corpus: Corpus, cache: DocumentCache, jobs: int):
    """(entry, payload) in source-id order; with jobs > 1, documents are processed in parallel.

    Per-document work is pure, so a process pool changes speed, never output:
    ``map`` returns results in input order.
    """
    if jobs <= 1 or len(corpus.sources) < 2 * jobs:
        for entry in corpus.sources:
            yield entry, _process(corpus, entry, cache)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(corpus, cache.folder, os.getpid())) as pool:
        yield from zip(corpus.sources, pool.map(_process_in_worker, corpus.sources, chunksize=32))


def _source_row(entry, payload: dict) -> dict:
    return {
        # Relative to the corpus: where the corpus lives is nobody's business, and the table stays the same anywhere.
        "source_id": entry.id, "path": entry.file, "title": entry.title,
        "publisher": entry.publisher, "url": entry.url, "author": entry.author, "reviewer": entry.reviewer,
        "date": entry.date, "date_kind": entry.date_kind, "prior": entry.prior, "sha256": payload["sha256"],
        "n_chars": len(payload["text"]), "n_blocks": payload["n_blocks"],
        "n_furniture_blocks": payload["n_furniture_blocks"],
    }


def extract_corpus(corpus_dir: str | Path, extracted_dir: str | Path | None = None, *,
                   write: bool = True, cache_dir: str | Path | None = DEFAULT_CACHE_DIR,
                   max_bytes: int = DEFAULT_MAX_BYTES, progress: bool | None = None,
                   failures_dir: str | Path | None = None, jobs: int = 1,
                   max_chars: int = DEFAULT_MAX_CHARS) -> ExtractResult:
    """Ingest and extract a corpus folder into the sources and claims tables.

    Documents are streamed one at a time; every file is staged and the folder
    is published as one new generation only after the whole corpus succeeded
    (:mod:`audit.publish`), so a failure or a kill never leaves a half-updated
    ``extracted/`` folder. A previous ``findings.csv`` no longer matches the new
    claims and is removed; the reports keep naming their older generation.
    """
    from audit.publish import Publication

    target = Path(extracted_dir) if extracted_dir else default_extracted_dir(corpus_dir)
    corpus = load_corpus(corpus_dir, max_bytes=max_bytes, max_chars=max_chars)
    if not write:
        return _extract(corpus, None, DocumentCache(cache_dir), progress, failures_dir, jobs)
    with Publication(corpus.folder, extracted=target) as publication:
        result = _extract(corpus, publication.staging("extracted"), DocumentCache(cache_dir), progress,
                          failures_dir, jobs)
        publication.publish()
    result.moved_to(target)
    return result


def _extract(corpus: Corpus, out: Path | None, cache: DocumentCache, progress: bool | None,
             failures_dir: str | Path | None, jobs: int) -> ExtractResult:
    """Extract every source; with ``out``, write the texts and tables there (a staging folder)."""
    if out is not None:
        (out / "text").mkdir(parents=True, exist_ok=True)
    source_rows: list[dict] = []
    texts: dict[str, str] = {}
    # Column lists, not a dict per row: a fraction of the memory for millions of claims.
    claim_columns: dict[str, list] = {column: [] for column in CLAIM_COLUMNS}
    # disable=None: tqdm shows the bar only on a terminal, so logs and CI stay clean.
    for entry, payload in tqdm(_payloads(corpus, cache, jobs), total=len(corpus.sources), desc="extract",
                               unit="doc", leave=False, disable=None if progress is None else not progress):
        if payload is None:
            continue
        source_rows.append(_source_row(entry, payload))
        for row in payload["rows"]:
            for column in CLAIM_COLUMNS:
                claim_columns[column].append(row[column])
        if out is not None:
            (out / "text" / f"{entry.id}.txt").write_text(payload["text"], encoding="utf-8", newline="")
        else:  # nothing written: keep the texts for callers that read quotes' context (audit check)
            texts[entry.id] = payload["text"]
    sources = validate_table(pd.DataFrame(source_rows, columns=list(_SOURCE_COLUMNS)), "sources", failures_dir)
    claims_frame = pd.DataFrame(claim_columns) if claim_columns["claim_id"] else empty_frame(ClaimsTable)
    claims = validate_table(claims_frame, "claims", failures_dir)
    if out is not None:
        write_csv(out / "sources.csv", sources)
        write_csv(out / "claims.csv", claims)
    return ExtractResult(corpus=corpus, sources=sources, claims=claims, extracted_dir=out,
                         texts_dir=(out / "text") if out is not None else None,
                         texts=texts if out is None else None)


_SOURCE_COLUMNS = ("source_id", "path", "title", "publisher", "url", "author", "reviewer", "date", "date_kind",
                   "prior", "sha256", "n_chars", "n_blocks", "n_furniture_blocks")


# --------------------------------------------------------------------------- compare, validate, run

DATA_QUALITY_CODES = {"claims": "DQ001", "findings": "DQ002"}


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


def load_extracted(extracted_dir: str | Path, corpus_dir: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractResult:
    """Read tables a previous ``extract`` wrote (validated by their schemas)."""
    from audit.schemas import read_table

    from audit.publish import open_outputs

    extracted_dir = Path(extracted_dir)
    corpus = load_corpus(corpus_dir, max_bytes=max_bytes)
    open_outputs(extracted_dir)  # an interrupted publication is finished or discarded first
    sources = read_table(extracted_dir / "sources.csv", "sources")
    claims = read_table(extracted_dir / "claims.csv", "claims")
    return ExtractResult(corpus=corpus, sources=sources, claims=claims, extracted_dir=extracted_dir,
                         texts_dir=extracted_dir / "text")


class LazyTexts(Mapping):
    """Cleaned texts read on demand (a corpus of 100,000 articles does not fit in a dict of strings)."""

    def __init__(self, result: ExtractResult):
        self._result = result
        self._ids = tuple(result.sources["source_id"])

    @lru_cache(maxsize=256)
    def __getitem__(self, source_id: str) -> str:
        if source_id not in self._ids:
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


def _texts(result: ExtractResult) -> LazyTexts:
    return LazyTexts(result)


def _data_quality_findings(report, claims: pd.DataFrame) -> list:
    """Each failed expectation becomes a finding, with failing claims quoted where GX names them."""
    from audit.compare.model import Finding, Position, Quote, stable_id

    findings = []
    for outcome in report.failed:
        quotes: list[Quote] = []
        if outcome.suite == "claims":
            for index in outcome.row_indexes:
                if 0 <= index < len(claims):
                    row = claims.iloc[index]
                    quotes.append(Quote(row.source_id, row.claim_id, row.quote, int(row.start), int(row.end)))
        code = DATA_QUALITY_CODES[outcome.suite]
        sample = f" (e.g. {', '.join(outcome.sample[:3])})" if outcome.sample else ""
        message = (f"Data quality: expectation '{outcome.description}' failed on {outcome.suite}.{outcome.column}: "
                   f"{outcome.unexpected_count} row(s){sample}.")
        position = Position(value="failed", label=outcome.expectation, quotes=tuple(quotes),
                            support=len({q.source_id for q in quotes}))
        findings.append(Finding(id=stable_id(code, outcome.suite, outcome.expectation, outcome.column,
                                             outcome.description),
                                code=code, severity=outcome.severity, facet="data_quality",
                                subject=f"{outcome.suite}.{outcome.column}", message=message,
                                positions=(position,), silent=(), kind="internal", rule_name="gx-expectation"))
    return findings


def compare_extracted(result: ExtractResult, reports_dir: str | Path | None = None, *, write: bool = True,
                      data_quality: bool = True, baseline=None) -> AuditResult:
    """Compare the sources of an extracted corpus; validate; write findings.

    With ``write``, ``findings.csv`` (beside the tables) and the reports are
    published together as one generation (:mod:`audit.publish`).
    """
    from audit.publish import EXTRACTED_FILES, Publication

    reports = Path(reports_dir) if reports_dir else default_reports_dir(result.corpus.folder)
    texts_shown = display_path(result.texts_dir) if result.texts_dir else ""
    if not write:
        return _compare(result, None, None, texts_shown, data_quality, baseline, None)
    extracted = result.extracted_dir
    replace = {"extracted": tuple(name for name in EXTRACTED_FILES if name == "findings.csv")}
    with Publication(result.corpus.folder, extracted=extracted, reports=reports, replace=replace) as publication:
        audit_result = _compare(result, publication.staging("extracted") if extracted else None,
                                publication.staging("reports"), texts_shown, data_quality, baseline, reports)
        publication.publish()
    audit_result.reports_dir = reports
    return audit_result


def _compare(result: ExtractResult, extracted_out: Path | None, reports_out: Path | None, texts_shown: str,
             data_quality: bool, baseline, failures_dir: Path | None) -> AuditResult:
    """Compare, run the GX suites, and write findings.csv and the reports into the given (staging) folders."""
    from audit.compare import compare
    from audit.compare.model import Finding
    from audit.compare.rules import rule_codes
    from audit.compare.serialize import findings_document, findings_frame
    from audit.extract.claim import FACETS

    topic = result.corpus.topic
    texts = _texts(result)  # one lazy reader for GX, line numbers and the report
    comparison = compare(result.claims, result.sources, topic)
    if baseline is not None:
        comparison.findings = baseline.apply(comparison.findings)
    frame = validate_table(findings_frame(comparison), "findings", failures_dir)
    report = None
    if data_quality:
        from audit.validate import run_expectations

        kinds = {finding.id: finding.kind for finding in comparison.findings}
        report = run_expectations(result.claims, frame, texts, list(result.sources["source_id"]),
                                  list(FACETS), rule_codes() + sorted(DATA_QUALITY_CODES.values()), kinds)
        extra = _data_quality_findings(report, result.claims)
        if baseline is not None:
            extra = baseline.apply(extra)
        comparison.findings = sorted([*comparison.findings, *extra], key=Finding.sort_key)
        frame = validate_table(findings_frame(comparison), "findings", failures_dir)
    from audit.locate import corpus_locator, path_shown

    locator = corpus_locator(result.corpus, result.sources, texts, texts_shown, path_shown)  # quotes in source files
    document = findings_document(comparison, result.sources, topic.name, result.corpus.name, len(result.claims),
                                 report.summary() if report else None, texts=texts, texts_dir=texts_shown,
                                 locator=locator)
    if baseline is not None:
        document["baseline"] = baseline.report()
    audit_result = AuditResult(extract=result, comparison=comparison, data_quality=report, document=document,
                               reports_dir=reports_out)
    if reports_out is not None:
        from audit.atomic import write_json
        from audit.report.report import build_report, write_report

        if extracted_out is not None:
            write_csv(extracted_out / "findings.csv", frame)
        write_json(reports_out / "findings.json", document)
        if report is not None:
            _write_data_quality(report, reports_out, result.corpus.name)
        html = build_report(document, result.claims, result.sources, texts, topic.condition.name,
                            report.outcomes if report else None, topic.condition_names())
        write_report(reports_out / "report.html", html)
    return audit_result


def _write_data_quality(report, reports: Path, corpus_name: str) -> None:
    """GX results as JSON (byte-stable) and as a self-contained page, under reports/<topic>/data_quality/."""
    from audit.atomic import write_json
    from audit.report.report import build_data_quality_page

    for suite, raw in report.raw_results.items():
        write_json(reports / "data_quality" / f"gx_{suite}_validation.json", raw)
    write_text(reports / "data_quality" / "index.html", build_data_quality_page(corpus_name, report.outcomes))


def check_contract(document: dict) -> list[str]:
    """Where findings.json breaks its published JSON Schema (empty when it conforms).

    Run by ``audit validate`` and the tests rather than on every run: on a large
    corpus the full schema validation costs more than the comparison.
    """
    import jsonschema

    from audit.compare.serialize import findings_schema

    errors = sorted(jsonschema.Draft202012Validator(findings_schema()).iter_errors(document),
                    key=lambda e: list(e.path))
    return [f"{'/'.join(map(str, error.path)) or '(top)'}: {error.message}" for error in errors]


def find_baseline(corpus_dir: str | Path, explicit: str | Path | None, today=None):
    """The baseline to apply: an explicit file, else <corpus>/audit-baseline.yaml when present."""
    from audit.baseline import load_baseline

    if explicit is not None:
        if not Path(explicit).is_file():
            raise InputError("baseline file not found", explicit)
        return load_baseline(explicit, today)
    default = Path(corpus_dir) / "audit-baseline.yaml"
    if not default.exists() and not default.is_symlink():
        return None
    from audit.ingest.readers import resolve_inside

    try:  # it comes with the corpus: it may not lead out of it either
        resolve_inside(Path(corpus_dir), default.name)
    except InputError as error:
        raise InputError(error.message, default) from None
    return load_baseline(default, today)


def write_baseline_for(corpus_dir: str | Path, extracted_dir: str | Path | None, out: str | Path, reason: str,
                       who: str, date: str, expires: str) -> int:
    """Waive every current finding of an extracted corpus into a baseline file."""
    from audit.baseline import write_baseline

    extracted = load_extracted(extracted_dir or default_extracted_dir(corpus_dir), corpus_dir)
    result = compare_extracted(extracted, write=False, data_quality=False)
    return write_baseline(result.findings, out, reason, who, date, expires)


def run_audit(corpus_dir: str | Path, extracted_dir: str | Path | None = None, reports_dir: str | Path | None = None,
              *, cache_dir: str | Path | None = DEFAULT_CACHE_DIR, max_bytes: int = DEFAULT_MAX_BYTES,
              progress: bool | None = None, data_quality: bool = True, baseline=None, jobs: int = 1,
              max_chars: int = DEFAULT_MAX_CHARS) -> AuditResult:
    """Every stage: extract, compare, validate; tables, findings and reports are published as one generation."""
    from audit.publish import Publication

    extracted = Path(extracted_dir) if extracted_dir else default_extracted_dir(corpus_dir)
    reports = Path(reports_dir) if reports_dir else default_reports_dir(corpus_dir)
    corpus = load_corpus(corpus_dir, max_bytes=max_bytes, max_chars=max_chars)
    with Publication(corpus.folder, extracted=extracted, reports=reports) as publication:
        staged = publication.staging("extracted")
        result = _extract(corpus, staged, DocumentCache(cache_dir), progress, reports, jobs)
        audit_result = _compare(result, staged, publication.staging("reports"), display_path(extracted / "text"),
                                data_quality, baseline, reports)
        publication.publish()
    result.moved_to(extracted)
    audit_result.reports_dir = reports
    return audit_result


def validate_extracted(result: ExtractResult, reports_dir: str | Path | None = None):
    """Run the GX suites on an extracted corpus (claims, and findings.csv when present)."""
    from audit.compare.rules import rule_codes
    from audit.extract.claim import FACETS
    from audit.publish import Publication, open_outputs
    from audit.schemas import read_table
    from audit.validate import run_expectations

    reports = Path(reports_dir) if reports_dir else default_reports_dir(result.corpus.folder)
    open_outputs(reports)
    _check_reports_describe(result.extracted_dir, reports)
    findings_path = result.extracted_dir / "findings.csv" if result.extracted_dir else None
    findings = read_table(findings_path, "findings") if findings_path and findings_path.is_file() else None
    kinds = {}
    findings_json = reports / "findings.json"
    if findings_json.is_file():
        import json

        kinds = {f["id"]: f["kind"] for f in json.loads(findings_json.read_text("utf-8")).get("findings", [])}
    report = run_expectations(result.claims, findings, _texts(result), list(result.sources["source_id"]),
                              list(FACETS), rule_codes() + sorted(DATA_QUALITY_CODES.values()), kinds)
    replace = {"reports": ("data_quality/gx_*_validation.json", "data_quality/index.html")}
    with Publication(result.corpus.folder, reports=reports, replace=replace,
                     data_folder=result.extracted_dir) as publication:
        _write_data_quality(report, publication.staging("reports"), result.corpus.name)
        publication.publish()
    if findings_json.is_file():
        import json

        problems = check_contract(json.loads(findings_json.read_text("utf-8")))
        if problems:
            raise InputError(f"does not match its JSON Schema ({len(problems)} problem(s), first: {problems[0]})",
                             findings_json)
    return report


def _check_reports_describe(extracted: Path | None, reports: Path) -> None:
    """``audit validate`` adds to the reports: refuse when they were made from other tables."""
    from audit.publish import read_generation

    if extracted is None:
        return
    ours, theirs = read_generation(extracted), read_generation(reports)
    if ours and theirs and ours.get("generation") != theirs.get("generation"):
        raise InputError(f"these reports were made from other tables than {extracted} (an `audit extract` "
                         "since?); run `audit compare` or `audit run` first", reports)


# --------------------------------------------------------------------------- diff

def diff_command(base: str | Path, head: str | Path | None, base_ref: str | None) -> tuple[dict, str]:
    """Diff two extracted folders, or a corpus at ``base_ref`` against the work tree."""
    from audit.diff import diff_audits, diff_revision, load_tables

    if base_ref:
        if head is not None:
            raise InputError("with --base-ref give one corpus folder, not two", head)
        return diff_revision(base, base_ref), Path(base).resolve().name
    if head is None:
        raise InputError("give BASE and HEAD extracted folders, or a corpus folder with --base-ref", base)
    return diff_audits(load_tables(base, str(base)), load_tables(head, str(head))), Path(head).resolve().name


def write_diff(document: dict, out_dir: str | Path) -> None:
    from audit.atomic import write_json
    from audit.publish import prepare_folder
    from audit.report.report import build_diff_page

    out = Path(out_dir)
    prepare_folder(out, "--out")
    write_json(out / "diff.json", document)
    write_text(out / "diff.html", build_diff_page(document))


def diff_introduced(document: dict, fail_on: str) -> list[dict]:
    from audit.diff import introduced

    return introduced(document, fail_on)


# --------------------------------------------------------------------------- draft check

def check_draft(draft: str | Path, corpus_dir: str | Path) -> dict:
    from audit.check import check_draft as _check

    return _check(draft, corpus_dir)


def write_check(document: dict, out_dir: str | Path) -> None:
    from audit.atomic import write_json
    from audit.publish import prepare_folder
    from audit.report.report import build_check_page

    out = Path(out_dir)
    prepare_folder(out, "--out")
    write_json(out / "check.json", document)
    write_text(out / "check.html", build_check_page(document))


def check_failing(document: dict, fail_on: str) -> list[dict]:
    from audit.check import failing

    return failing(document, fail_on)
