"""The comparison result as data: ``findings.json`` (a documented contract) and ``findings.csv``.

``findings.json`` validates against ``findings.schema.json`` shipped beside
this module. No timestamps: the same input gives the same bytes.
"""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from audit.compare.model import ComparisonResult
from audit.compare.rules import get_rules

SCHEMA_VERSION = "1.0"
_NEWLINE = re.compile("\n")
FINDING_COLUMNS = ("finding_id", "code", "severity", "facet", "subject", "message", "cause", "value", "source_id",
                   "claim_id", "quote", "start", "end", "support", "confidence", "waived")


@lru_cache(maxsize=1)
def findings_schema() -> dict:
    return json.loads(resources.files("audit.compare").joinpath("findings.schema.json").read_text("utf-8"))


def _add_lines(items: list[dict], texts, locator=None, newlines_of=None) -> None:
    """Give every quote its 1-based line in the cleaned text and, with a ``locator``
    (:class:`audit.locate.QuoteLocator`), its location in the source file (for SARIF and CI annotations).

    Quotes are grouped by source so each text and each file is read once, and
    lines are found by bisecting the text's newline offsets. ``newlines_of(source_id, compute)``, when
    given, returns a source's newline offsets, kept from an earlier run or ``compute()``: then an
    unchanged text is not read.
    """
    by_source: dict[str, list[dict]] = {}
    for item in items:
        for position in item["positions"]:
            for quote in position["quotes"]:
                if quote["claim_id"]:
                    by_source.setdefault(quote["source_id"], []).append(quote)
                else:
                    quote["line"] = 0
    for source_id in sorted(by_source):
        def compute(source_id=source_id) -> list[int]:  # in C, not a loop per character
            return [match.start() for match in _NEWLINE.finditer(texts.get(source_id, ""))]

        newlines = newlines_of(source_id, compute) if newlines_of is not None else compute()
        for quote in by_source[source_id]:
            quote["line"] = bisect.bisect_left(newlines, quote["start"]) + 1
            if locator is not None:
                quote["location"] = locator.locate(source_id, quote["quote"], quote["start"], quote["end"])


def findings_document(result: ComparisonResult, sources: pd.DataFrame, topic_name: str, corpus_name: str,
                      n_claims: int, data_quality: dict | None = None, texts: dict[str, str] | None = None,
                      texts_dir: str = "", locator=None, newlines_of=None) -> dict:
    from audit import __version__

    source_entries = []
    for row in sources.sort_values("source_id").itertuples():
        reliability = result.reliability.get(row.source_id)
        entry = {"source_id": row.source_id, "title": row.title, "publisher": row.publisher, "url": row.url,
                 "date": row.date, "date_kind": row.date_kind, "path": row.path}
        entry.update(reliability.to_dict() if reliability else {"reliability": None, "interval": [0.0, 1.0],
                                                                "n_questions": 0, "prior": float(row.prior),
                                                                "weak_evidence": True})
        source_entries.append(entry)
    counts = result.counts()
    findings = [finding.to_dict() for finding in result.findings]
    agreements = [agreement.to_dict() for agreement in result.agreements]
    if texts is not None:
        _add_lines([*findings, *agreements], texts, locator, newlines_of)  # one pass: each file read once
    return {
        "schema_version": SCHEMA_VERSION,
        "audit_version": __version__,
        "topic": topic_name,
        "corpus": corpus_name,
        "summary": {"sources": len(sources), "claims": n_claims, "findings": counts,
                    "waived": sum(1 for f in result.findings if f.waived),
                    "agreements": len(result.agreements)},
        "sources": source_entries,
        "texts_dir": texts_dir,
        "findings": findings,
        "agreements": agreements,
        "rules": [{"code": rule.code, "name": rule.name, "severity": rule.severity, "summary": rule.summary()}
                  for rule in get_rules()],
        "data_quality": data_quality or {},
    }


def findings_rows(result: ComparisonResult) -> list[list[tuple]]:
    """Per finding, its rows of ``findings.csv`` (one per position and quote), as tuples of FINDING_COLUMNS."""
    chunks = []
    for finding in result.findings:
        cause = finding.causes[0].kind if finding.causes else ""
        head = (finding.id, finding.code, finding.severity, finding.facet, finding.subject, finding.message, cause)
        rows = []
        for position in finding.positions:
            confidence = round(position.confidence, 4)
            for quote in position.quotes:
                rows.append((*head, position.value, quote.source_id, quote.claim_id, quote.quote, quote.start,
                             quote.end, position.support, confidence, finding.waived))
        chunks.append(rows)
    return chunks


def findings_frame(result: ComparisonResult, chunks: list[list[tuple]] | None = None) -> pd.DataFrame:
    """One row per (finding, position, quote): the flat view for spreadsheets and diffs.

    ``chunks``: :func:`findings_rows` of ``result`` when the caller has them already.
    """
    chunks = findings_rows(result) if chunks is None else chunks
    return pd.DataFrame([row for rows in chunks for row in rows], columns=list(FINDING_COLUMNS))
