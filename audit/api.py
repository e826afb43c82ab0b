"""The library API. The CLI, notebooks and tests all call these functions.

>>> from audit import extract_corpus
>>> result = extract_corpus("sources/<topic>")
>>> result.claims.query("facet == 'type_count'")[["source_id", "value", "quote"]]
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm import tqdm

from audit import check, diff
from audit.atomic import write_csv, write_json, write_text
from audit.baseline import load_baseline, write_baseline
from audit.claimstore import ClaimStore
from audit.csvchunks import ChunkedCsv, chunks_digest, header_of, index_path
from audit.compare.incremental import code_digest as compare_code_digest, state_path
from audit.compare.model import Finding
from audit.compare.rules import rule_codes
from audit.compare.serialize import FINDING_COLUMNS, findings_document, findings_rows, findings_schema
from audit.engine import ENGINES, Engine, open_engine  # noqa: F401 - ENGINES: the CLI's choices
from audit.engine.documents import extract_source, mark_validated, validated_keys
from audit.engine.publish import EXTRACTED_FILES, Publication, open_outputs, prepare_folder, read_generation
from audit.errors import InputError
from audit.extract import CLAIM_COLUMNS
from audit.extract.cache import DocumentCache, cache_key, texts_key
from audit.extract.claim import FACETS
from audit.ingest import Corpus, load_corpus
from audit.ingest.readers import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, resolve_inside  # noqa: F401 - the CLI's defaults
from audit.locate import corpus_locator, path_shown
from audit.paths import default_extracted_dir, default_reports_dir, display_path  # noqa: F401 - public
from audit.report.fragments import Fragments, fragments_path
from audit.report.report import build_check_page, build_data_quality_page, build_diff_page, build_report, write_report
from audit.results import AuditResult, ExtractResult, LazyTexts  # noqa: F401 - public
from audit.schemas import ClaimsTable, coerce_table, empty_frame, read_table, validate_table
from audit.statefile import StoredMap, corpus_state_path
from audit.validate import run_expectations
from audit.validate.findings import DATA_QUALITY_CODES, data_quality_findings

DEFAULT_CACHE_DIR = Path(".audit-cache")


def _cached_text(corpus: Corpus, entry, cache: DocumentCache, key: str) -> str:
    """A stored document's cleaned text, from its cache entry (cleaned again if the entry was deleted)."""
    payload = cache.get(key)
    if payload is None:
        payload = extract_source(corpus, entry, corpus.read_bytes(entry)) or {"text": ""}
    return payload["text"]


def _source_row(entry, payload: dict, n_chars: int) -> dict:
    return {
        # Relative to the corpus: where the corpus lives is nobody's business, and the table stays the same anywhere.
        "source_id": entry.id, "path": entry.file, "title": entry.title,
        "publisher": entry.publisher, "url": entry.url, "author": entry.author, "reviewer": entry.reviewer,
        "date": entry.date, "date_kind": entry.date_kind, "prior": entry.prior, "sha256": payload["sha256"],
        "n_chars": n_chars, "n_blocks": payload["n_blocks"],
        "n_furniture_blocks": payload["n_furniture_blocks"],
    }


def extract_corpus(corpus_dir: str | Path, extracted_dir: str | Path | None = None, *,
                   write: bool = True, cache_dir: str | Path | None = DEFAULT_CACHE_DIR,
                   max_bytes: int = DEFAULT_MAX_BYTES, progress: bool | None = None,
                   failures_dir: str | Path | None = None, jobs: int = 1,
                   max_chars: int = DEFAULT_MAX_CHARS, engine: str = "local",
                   scheduler: str | None = None) -> ExtractResult:
    """Ingest and extract a corpus folder into the sources and claims tables.

    Documents are streamed one at a time; every file is staged and the folder
    is published as one new generation only after the whole corpus succeeded
    (:mod:`audit.engine.publish`), so a failure or a kill never leaves a half-updated
    ``extracted/`` folder. A previous ``findings.csv`` no longer matches the new
    claims and is removed; the reports keep naming their older generation.

    ``engine`` is where documents are processed (:mod:`audit.engine`): ``"local"``
    (``jobs`` processes on this machine) or ``"dask"`` (the cluster at
    ``scheduler``, else a LocalCluster of ``jobs`` workers); the tables are
    the same either way.
    """
    target = Path(extracted_dir) if extracted_dir else default_extracted_dir(corpus_dir)
    corpus = load_corpus(corpus_dir, max_bytes=max_bytes, max_chars=max_chars)
    with open_engine(engine, jobs=jobs, scheduler=scheduler) as running:
        if not write:
            return _extract(corpus, None, DocumentCache(cache_dir), progress, failures_dir, running)
        with Publication(corpus.folder, extracted=target) as publication:
            result = _extract(corpus, publication, DocumentCache(cache_dir), progress, failures_dir, running)
            publication.publish()
    result.moved_to(target)
    return result


def _extract(corpus: Corpus, publication: Publication | None, cache: DocumentCache, progress: bool | None,
             failures_dir: str | Path | None, engine: Engine) -> ExtractResult:
    """Extract every source; with a ``publication``, stage the texts and tables in its extracted folder."""
    out = publication.staging("extracted") if publication is not None else None
    if out is not None:
        (out / "text").mkdir(parents=True, exist_ok=True)
    source_rows: list[dict] = []
    texts: dict[str, str] = {}
    # Column lists, not a dict per row: a fraction of the memory for millions of claims.
    claim_columns: dict[str, list] = {column: [] for column in CLAIM_COLUMNS}
    unchecked: dict[str, range] = {}  # cache key -> its rows, for documents whose rows were never validated
    chunks: list[tuple[str, range]] = []  # per document, in order: its cache key (its id without a cache) and rows
    keys: list[str | None] = []  # per source row, its cache key
    # Rows extracted before come from the claim store, column by column (audit.claimstore).
    store = ClaimStore(cache.folder, corpus.folder, _claim_dtypes()) if cache.folder is not None else None
    parts: list[tuple[str | None, int]] = []  # per document: its cache key and its number of rows
    n_rows = 0
    validated = validated_keys(cache)
    row_values = itemgetter(*CLAIM_COLUMNS)
    # disable=None: tqdm shows the bar only on a terminal, so logs and CI stay clean.
    metas: dict[str, dict] = {}  # the store's META values of documents it does not hold
    documents = engine.documents(corpus, cache, store.known() if store is not None else None)
    for entry, payload in tqdm(documents, total=len(corpus.sources), desc="extract",
                               unit="doc", leave=False, disable=None if progress is None else not progress):
        if payload is None:
            continue
        stored = payload.get("stored")
        if stored is not None:  # rows, figures and the text's digest from the store; the text only if needed
            key = stored
            meta = store.meta(key)
            source_rows.append(_source_row(entry, meta, meta["n_chars"]))
            count = store.rows(key)
        else:
            source_rows.append(_source_row(entry, payload, len(payload["text"])))
            key = cache_key(payload["sha256"], corpus.topic.digest, entry.path.suffix, entry.id) \
                if cache.folder else None
            count = len(payload["rows"])
            # Column by column: one extend per column rather than an append per cell; none for stored rows.
            if count and (store is None or key not in store):
                for column, values in zip(CLAIM_COLUMNS, zip(*map(row_values, payload["rows"]))):
                    claim_columns[column].extend(values)
        rows = range(n_rows, n_rows + count)
        n_rows += count
        parts.append((key, count))
        keys.append(key)
        chunks.append((key or entry.id, rows))
        if key is None or key not in validated:
            unchecked[key or entry.id] = rows
        if stored is not None:
            if publication is not None:  # a published text with the same bytes is kept, not even read from the cache
                publication.stage_known("extracted", f"text/{entry.id}.txt", meta["text_bytes"], meta["text_sha256"],
                                        lambda: _cached_text(corpus, entry, cache, key).encode("utf-8"))
            else:
                texts[entry.id] = _cached_text(corpus, entry, cache, key)
            continue
        data = payload["text"].encode("utf-8")
        if store is not None and key is not None and key not in store:
            metas[key] = {"sha256": payload["sha256"], "n_chars": len(payload["text"]), "n_blocks": payload["n_blocks"],
                          "n_furniture_blocks": payload["n_furniture_blocks"],
                          "text_sha256": hashlib.sha256(data).hexdigest(), "text_bytes": len(data)}
        if publication is not None:  # a published text with the same bytes is kept, not written again
            publication.stage_bytes("extracted", f"text/{entry.id}.txt", data)
        else:  # nothing written: keep the texts for callers that read quotes' context (audit check)
            texts[entry.id] = payload["text"]
    sources = validate_table(pd.DataFrame(source_rows, columns=list(_SOURCE_COLUMNS)), "sources", failures_dir)
    if not n_rows:
        claims_frame = empty_frame(ClaimsTable)
    elif store is not None:
        claims_frame = store.assemble(parts, claim_columns)
    else:
        claims_frame = pd.DataFrame(claim_columns)
    claims = _validated_claims(claims_frame, unchecked, len(sources), cache, failures_dir)
    if store is not None:
        store.save(claims, parts, metas)
    if out is not None:
        write_csv(out / "sources.csv", sources)
        _write_claims(out / "claims.csv", claims, chunks, publication.folder("extracted") / "claims.csv", cache)
    return ExtractResult(corpus=corpus, sources=sources, claims=claims, extracted_dir=out,
                         texts_dir=(out / "text") if out is not None else None,
                         texts=texts if out is None else None,
                         reused_texts_dir=publication.folder("extracted") / "text" if publication is not None else None,
                         claim_digests={source_id: key for source_id, key in zip(sources["source_id"], keys)}
                         if cache.folder is not None else None)


def _write_claims(path: Path, claims: pd.DataFrame, chunks: list[tuple[str, range]], published: Path,
                  cache: DocumentCache) -> None:
    """claims.csv, each document's rows copied from the published file when it holds them (:mod:`audit.csvchunks`).

    A document's rows are a function of its cache key, so the key names its chunk.
    """
    writer = ChunkedCsv(index_path(cache.folder, published), published, compare_code_digest())

    def frame_of(indexes: list[int]) -> pd.DataFrame:
        if len(indexes) == sum(1 for _, rows in chunks if len(rows)):
            return claims
        return claims.iloc[[row for i in indexes for row in chunks[i][1]]]

    writer.write(path, header_of(claims), [key for key, _ in chunks], [len(rows) for _, rows in chunks], frame_of)


def _validated_claims(frame: pd.DataFrame, unchecked: dict[str, range], n_documents: int, cache: DocumentCache,
                      failures_dir: str | Path | None) -> pd.DataFrame:
    """The claims table, schema-checked where no earlier run checked it.

    A document's rows are a function of its cache key (content, lexicon, code): rows that passed
    the schema once pass it again, so only the documents extracted since are validated (pandera
    over the whole table was 10 s of a one-edit run at 10,000 articles). A claim id must also be
    unique across documents: a duplicate sends the whole table through the schema, which names it.
    """
    if len(unchecked) == n_documents or not len(frame) or frame["claim_id"].duplicated().any():
        claims = validate_table(frame, "claims", failures_dir)
    else:
        rows = [index for span in unchecked.values() for index in span]
        if rows:
            validate_table(frame.iloc[rows], "claims", failures_dir)
        claims = coerce_table(frame, "claims")
    mark_validated(cache, [key for key in unchecked if cache.folder is not None])
    return claims


def _claim_dtypes() -> dict:
    """The claims table's columns and the dtypes its schema gives them."""
    return empty_frame(ClaimsTable).dtypes.to_dict()


_SOURCE_COLUMNS = ("source_id", "path", "title", "publisher", "url", "author", "reviewer", "date", "date_kind",
                   "prior", "sha256", "n_chars", "n_blocks", "n_furniture_blocks")


# --------------------------------------------------------------------------- compare, validate, run

def load_extracted(extracted_dir: str | Path, corpus_dir: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractResult:
    """Read tables a previous ``extract`` wrote (validated by their schemas)."""
    extracted_dir = Path(extracted_dir)
    corpus = load_corpus(corpus_dir, max_bytes=max_bytes)
    open_outputs(extracted_dir)  # an interrupted publication is finished or discarded first
    sources = read_table(extracted_dir / "sources.csv", "sources")
    claims = read_table(extracted_dir / "claims.csv", "claims")
    return ExtractResult(corpus=corpus, sources=sources, claims=claims, extracted_dir=extracted_dir,
                         texts_dir=extracted_dir / "text")


def compare_extracted(result: ExtractResult, reports_dir: str | Path | None = None, *, write: bool = True,
                      data_quality: bool = True, baseline=None, engine: str = "local",
                      scheduler: str | None = None, jobs: int = 1) -> AuditResult:
    """Compare the sources of an extracted corpus; validate; write findings.

    With ``write``, ``findings.csv`` (beside the tables) and the reports are
    published together as one generation (:mod:`audit.engine.publish`).
    ``engine``, ``scheduler`` and ``jobs`` choose where the questions are built, as for :func:`run_audit`.
    """
    reports = Path(reports_dir) if reports_dir else default_reports_dir(result.corpus.folder)
    texts_shown = display_path(result.texts_dir) if result.texts_dir else ""
    if not write:
        with open_engine(engine, jobs=jobs, scheduler=scheduler) as running:
            return _compare(result, None, None, texts_shown, data_quality, baseline, None, running)
    extracted = result.extracted_dir
    replace = {"extracted": tuple(name for name in EXTRACTED_FILES if name == "findings.csv")}
    with open_engine(engine, jobs=jobs, scheduler=scheduler) as running, \
            Publication(result.corpus.folder, extracted=extracted, reports=reports, replace=replace) as publication:
        audit_result = _compare(result, publication.staging("extracted") if extracted else None,
                                publication.staging("reports"), texts_shown, data_quality, baseline, reports,
                                running)
        publication.publish()
    audit_result.reports_dir = reports
    return audit_result


def _compare(result: ExtractResult, extracted_out: Path | None, reports_out: Path | None, texts_shown: str,
             data_quality: bool, baseline, failures_dir: Path | None, engine: Engine,
             cache_dir: str | Path | None = None) -> AuditResult:
    """Compare, run the GX suites, and write findings.csv and the reports into the given (staging) folders.

    With a ``cache_dir``, the comparison rebuilds only what changed since the last run there.
    """
    topic = result.corpus.topic
    texts = LazyTexts(result)  # one lazy reader for GX, line numbers and the report
    state_file = state_path(cache_dir, result.corpus.folder) if cache_dir is not None else None
    comparison = engine.compare(result.claims, result.sources, topic, state_file, result.claim_digests)
    if baseline is not None:
        comparison.findings = baseline.apply(comparison.findings)
    # findings.csv is written from the published one where a finding's rows are unchanged (audit.csvchunks)
    published = extracted_out.parent / "findings.csv" if extracted_out is not None else None  # out of .staging
    writer = ChunkedCsv(index_path(cache_dir, published), published, compare_code_digest()) \
        if published is not None and cache_dir is not None else None
    findings = _findings_table(comparison, writer, data_quality, failures_dir)
    report = None
    if data_quality:
        kinds = {finding.id: finding.kind for finding in comparison.findings}
        report = run_expectations(result.claims, findings.frame, texts, list(result.sources["source_id"]),
                                  list(FACETS), rule_codes() + sorted(DATA_QUALITY_CODES.values()), kinds,
                                  cache_dir=cache_dir,
                                  texts_key=texts_key(result.sources, topic.digest) if cache_dir else None)
        extra = data_quality_findings(report, result.claims)
        if baseline is not None:
            extra = baseline.apply(extra)
        comparison.findings = sorted([*comparison.findings, *extra], key=Finding.sort_key)
        findings = _findings_table(comparison, writer, data_quality, failures_dir)
    # Stored locations only with a cache: then the tables were extracted by this run, from the files as they are.
    locations = StoredMap(corpus_state_path(cache_dir, "locations", result.corpus.folder)) if cache_dir else None
    locator = corpus_locator(result.corpus, result.sources, texts, texts_shown, path_shown,  # quotes in source files
                             locations)
    # A text's newline offsets, kept by its document's cache key (the text is a function of it): the lines of
    # quotes in unchanged texts are found without reading them.
    newlines = StoredMap(corpus_state_path(cache_dir, "newlines", result.corpus.folder)) \
        if cache_dir and result.claim_digests else None

    def newlines_of(source_id: str, compute) -> list[int]:
        key = result.claim_digests.get(source_id)
        return newlines.get(key, compute) if key else compute()

    document = findings_document(comparison, result.sources, topic.name, result.corpus.name, len(result.claims),
                                 report.summary() if report else None, texts=texts, texts_dir=texts_shown,
                                 locator=locator, newlines_of=newlines_of if newlines is not None else None)
    if baseline is not None:
        document["baseline"] = baseline.report()
    audit_result = AuditResult(extract=result, comparison=comparison, data_quality=report, document=document,
                               reports_dir=reports_out)
    if reports_out is not None:
        if extracted_out is not None:
            _write_findings(extracted_out / "findings.csv", findings, writer)
        write_json(reports_out / "findings.json", document)
        if report is not None:
            _write_data_quality(report, reports_out, result.corpus.name)
        fragments = Fragments(fragments_path(cache_dir, result.corpus.folder)) if cache_dir is not None else None
        html = build_report(document, result.claims, result.sources, texts, topic.condition.name,
                            report.outcomes if report else None, topic.condition_names(), fragments)
        write_report(reports_out / "report.html", html)
        if fragments is not None:
            fragments.save()
    if locations is not None:
        locations.save()
    if newlines is not None:
        newlines.save()
    return audit_result


@dataclass
class _FindingsTable:
    """Per finding its rows of findings.csv and their key, and the rows that need formatting, schema-checked
    (``frame``, the findings ``formatted``): every row, or the findings a :class:`ChunkedCsv` has not written
    before (rows that passed the schema once pass it again)."""

    chunks: list[list[tuple]]
    keys: list[str]
    formatted: list[int]
    frame: pd.DataFrame


def _findings_table(comparison, writer: ChunkedCsv | None, whole: bool, failures_dir: Path | None) -> _FindingsTable:
    """``whole``: every row (the data-quality suites read the table); else the rows the writer has not seen."""
    chunks = findings_rows(comparison)
    keys = [chunks_digest(rows) for rows in chunks]
    if whole or writer is None:
        formatted = list(range(len(chunks)))
    else:
        formatted = [i for i, key in enumerate(keys) if chunks[i] and not writer.known(key)]
    rows = [row for i in formatted for row in chunks[i]]
    frame = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    if rows or whole or writer is None:
        frame = validate_table(frame, "findings", failures_dir)
    return _FindingsTable(chunks, keys, formatted, frame)


def _write_findings(path: Path, table: _FindingsTable, writer: ChunkedCsv | None) -> None:
    """findings.csv; with a ``writer``, the rows of findings it wrote before are copied from the published file."""
    if writer is None:
        write_csv(path, table.frame)
        return
    counts = [len(rows) for rows in table.chunks]
    starts = dict(zip(table.formatted, np.cumsum([0, *(counts[i] for i in table.formatted)]).tolist()))

    def frame_of(indexes: list[int]) -> pd.DataFrame:
        if indexes == [i for i in table.formatted if counts[i]]:
            return table.frame
        return table.frame.iloc[[row for i in indexes for row in range(starts[i], starts[i] + counts[i])]]

    writer.write(path, header_of(table.frame), table.keys, counts, frame_of)


def _write_data_quality(report, reports: Path, corpus_name: str) -> None:
    """GX results as JSON (byte-stable) and as a self-contained page, under reports/<topic>/data_quality/."""
    for suite, raw in report.raw_results.items():
        write_json(reports / "data_quality" / f"gx_{suite}_validation.json", raw)
    write_text(reports / "data_quality" / "index.html", build_data_quality_page(corpus_name, report.outcomes))


def check_contract(document: dict) -> list[str]:
    """Where findings.json breaks its published JSON Schema (empty when it conforms).

    Run by ``audit validate`` and the tests rather than on every run: on a large
    corpus the full schema validation costs more than the comparison.
    """
    import jsonschema  # imported here: only ``audit validate`` and the tests pay for it

    errors = sorted(jsonschema.Draft202012Validator(findings_schema()).iter_errors(document),
                    key=lambda e: list(e.path))
    return [f"{'/'.join(map(str, error.path)) or '(top)'}: {error.message}" for error in errors]


def find_baseline(corpus_dir: str | Path, explicit: str | Path | None, today=None):
    """The baseline to apply: an explicit file, else <corpus>/audit-baseline.yaml when present."""
    if explicit is not None:
        if not Path(explicit).is_file():
            raise InputError("baseline file not found", explicit)
        return load_baseline(explicit, today)
    default = Path(corpus_dir) / "audit-baseline.yaml"
    if not default.exists() and not default.is_symlink():
        return None
    try:  # it comes with the corpus: it may not lead out of it either
        resolve_inside(Path(corpus_dir), default.name)
    except InputError as error:
        raise InputError(error.message, default) from None
    return load_baseline(default, today)


def write_baseline_for(corpus_dir: str | Path, extracted_dir: str | Path | None, out: str | Path, reason: str,
                       who: str, date: str, expires: str) -> int:
    """Waive every current finding of an extracted corpus into a baseline file."""
    extracted = load_extracted(extracted_dir or default_extracted_dir(corpus_dir), corpus_dir)
    result = compare_extracted(extracted, write=False, data_quality=False)
    return write_baseline(result.findings, out, reason, who, date, expires)


def run_audit(corpus_dir: str | Path, extracted_dir: str | Path | None = None, reports_dir: str | Path | None = None,
              *, cache_dir: str | Path | None = DEFAULT_CACHE_DIR, max_bytes: int = DEFAULT_MAX_BYTES,
              progress: bool | None = None, data_quality: bool = True, baseline=None, jobs: int = 1,
              max_chars: int = DEFAULT_MAX_CHARS, engine: str = "local", scheduler: str | None = None) -> AuditResult:
    """Every stage: extract, compare, validate; tables, findings and reports are published as one generation.

    ``engine`` and ``scheduler`` choose where the work runs, as for :func:`extract_corpus`.
    """
    extracted = Path(extracted_dir) if extracted_dir else default_extracted_dir(corpus_dir)
    reports = Path(reports_dir) if reports_dir else default_reports_dir(corpus_dir)
    corpus = load_corpus(corpus_dir, max_bytes=max_bytes, max_chars=max_chars)
    with open_engine(engine, jobs=jobs, scheduler=scheduler) as running, \
            Publication(corpus.folder, extracted=extracted, reports=reports) as publication:
        staged = publication.staging("extracted")
        result = _extract(corpus, publication, DocumentCache(cache_dir), progress, reports, running)
        audit_result = _compare(result, staged, publication.staging("reports"), display_path(extracted / "text"),
                                data_quality, baseline, reports, running, cache_dir)
        publication.publish()
    result.moved_to(extracted)
    audit_result.reports_dir = reports
    return audit_result


def validate_extracted(result: ExtractResult, reports_dir: str | Path | None = None):
    """Run the GX suites on an extracted corpus (claims, and findings.csv when present)."""
    reports = Path(reports_dir) if reports_dir else default_reports_dir(result.corpus.folder)
    open_outputs(reports)
    _check_reports_describe(result.extracted_dir, reports)
    findings_path = result.extracted_dir / "findings.csv" if result.extracted_dir else None
    findings = read_table(findings_path, "findings") if findings_path and findings_path.is_file() else None
    kinds = {}
    findings_json = reports / "findings.json"
    if findings_json.is_file():
        kinds = {f["id"]: f["kind"] for f in json.loads(findings_json.read_text("utf-8")).get("findings", [])}
    report = run_expectations(result.claims, findings, LazyTexts(result), list(result.sources["source_id"]),
                              list(FACETS), rule_codes() + sorted(DATA_QUALITY_CODES.values()), kinds)
    replace = {"reports": ("data_quality/gx_*_validation.json", "data_quality/index.html")}
    with Publication(result.corpus.folder, reports=reports, replace=replace,
                     data_folder=result.extracted_dir) as publication:
        _write_data_quality(report, publication.staging("reports"), result.corpus.name)
        publication.publish()
    if findings_json.is_file():
        problems = check_contract(json.loads(findings_json.read_text("utf-8")))
        if problems:
            raise InputError(f"does not match its JSON Schema ({len(problems)} problem(s), first: {problems[0]})",
                             findings_json)
    return report


def _check_reports_describe(extracted: Path | None, reports: Path) -> None:
    """``audit validate`` adds to the reports: refuse when they were made from other tables."""
    if extracted is None:
        return
    ours, theirs = read_generation(extracted), read_generation(reports)
    if ours and theirs and ours.get("generation") != theirs.get("generation"):
        raise InputError(f"these reports were made from other tables than {extracted} (an `audit extract` "
                         "since?); run `audit compare` or `audit run` first", reports)


# --------------------------------------------------------------------------- diff

def diff_command(base: str | Path, head: str | Path | None, base_ref: str | None) -> tuple[dict, str]:
    """Diff two extracted folders, or a corpus at ``base_ref`` against the work tree."""
    if base_ref:
        if head is not None:
            raise InputError("with --base-ref give one corpus folder, not two", head)
        return diff_revision(base, base_ref), Path(base).resolve().name
    if head is None:
        raise InputError("give BASE and HEAD extracted folders, or a corpus folder with --base-ref", base)
    return (diff.diff_audits(diff.load_tables(base, str(base)), diff.load_tables(head, str(head))),
            Path(head).resolve().name)


def diff_revision(corpus_dir: str | Path, revision: str) -> dict:
    """Diff the corpus at ``revision`` against the work tree (both audited in a scratch folder)."""
    scratch = Path(tempfile.mkdtemp(prefix="audit-diff-"))
    try:
        base_corpus = diff.corpus_at_revision(corpus_dir, revision, scratch / "base-src")
        base = _audit_tables(base_corpus, scratch / "base", f"{revision}:{corpus_dir}")
        head = _audit_tables(Path(corpus_dir), scratch / "head", f"work tree:{corpus_dir}")
        return diff.diff_audits(base, head)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _audit_tables(corpus_dir: Path, workdir: Path, label: str) -> diff.AuditTables:
    """Extract and compare a corpus into a scratch folder (no data-quality suites)."""
    extracted = extract_corpus(corpus_dir, workdir / "extracted", progress=False)
    compare_extracted(extracted, workdir / "reports", data_quality=False)
    return diff.load_tables(workdir / "extracted", label)


def write_diff(document: dict, out_dir: str | Path) -> None:
    out = Path(out_dir)
    prepare_folder(out, "--out")
    write_json(out / "diff.json", document)
    write_text(out / "diff.html", build_diff_page(document))


def diff_introduced(document: dict, fail_on: str) -> list[dict]:
    return diff.introduced(document, fail_on)


# --------------------------------------------------------------------------- draft check

def check_draft(draft: str | Path, corpus_dir: str | Path) -> dict:
    """Check a draft (.md, .html or .txt) against the references of a corpus (extracted, nothing written)."""
    check.refuse_draft(Path(draft))  # before the references are extracted: a wrong draft fails at once
    return check.check_draft(draft, extract_corpus(corpus_dir, write=False, progress=False))


def write_check(document: dict, out_dir: str | Path) -> None:
    out = Path(out_dir)
    prepare_folder(out, "--out")
    write_json(out / "check.json", document)
    write_text(out / "check.html", build_check_page(document))


def check_failing(document: dict, fail_on: str) -> list[dict]:
    return check.failing(document, fail_on)
