"""The editor's report: ``reports/<topic>/report.html``."""
from __future__ import annotations

from pathlib import Path

from audit.atomic import write_text
from audit.report.html import agreement_matrix, matrix_svg, render, source_parts


def build_report(document: dict, claims, sources, texts: dict[str, str], condition: str,
                 quality_outcomes=None) -> str:
    """Render the report page from the findings document and the tables."""
    source_ids = sorted(sources["source_id"])
    matrix = agreement_matrix(claims, source_ids, condition)
    meta = {row.source_id: row for row in sources.itertuples()}
    source_views = []
    for source_id in source_ids:
        own = claims[claims["source_id"] == source_id]
        row = meta[source_id]
        source_views.append({"source_id": source_id, "title": row.title, "publisher": row.publisher,
                             "date": row.date, "date_kind": row.date_kind, "url": row.url, "path": row.path,
                             "n_claims": len(own), "parts": source_parts(texts.get(source_id, ""), own)})
    quality = [outcome.to_dict() for outcome in quality_outcomes] if quality_outcomes else []
    return render("report.html.j2", doc=document, matrix=matrix, matrix_svg=matrix_svg(matrix),
                  sources=source_views, quality=quality)


def write_report(path: str | Path, html: str) -> Path:
    path = Path(path)
    write_text(path, html)
    return path


def build_diff_page(document: dict) -> str:
    return render("diff.html.j2", doc=document)


def build_check_page(document: dict) -> str:
    text = document["draft_text"]
    spans = sorted({(item["draft_quote"]["start"], item["draft_quote"]["end"]) for item in document["claims"]})
    parts, cursor = [], 0
    for start, end in spans:
        if start < cursor:
            continue
        if start > cursor:
            parts.append({"text": text[cursor:start]})
        parts.append({"text": text[start:end], "mark": True, "start": start, "end": end})
        cursor = end
    parts.append({"text": text[cursor:]})
    return render("check.html.j2", doc=document, draft_parts=parts)
