"""The editor's report: ``reports/<topic>/report.html``."""
from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from audit.atomic import write_text
from audit.compare.context import plain_strings
from audit.report.fragments import Fragments
from audit.report.html import agreement_matrix, matrix_svg, render, render_grid, source_parts
from audit.report.overview import facet_tables


# One page cannot hold 100,000 articles: show the sources that findings cite first, up to a limit.
SOURCE_SECTIONS_MAX = 200
MATRIX_MAX_SOURCES = 60


def _sources_to_show(document: dict, source_ids: list[str]) -> list[str]:
    if len(source_ids) <= SOURCE_SECTIONS_MAX:
        return source_ids
    cited = sorted({s for f in document["findings"] for s in f["sources"]})
    cited_set = set(cited)
    return sorted((cited + [s for s in source_ids if s not in cited_set])[:SOURCE_SECTIONS_MAX])


def _search_text(finding: dict) -> str:
    """What the page's search box matches a finding against: code, subject and every source, lower case.

    In Python: Jinja's ``join`` with autoescaping tests every item for ``__html__``, a second per
    run at 10,000 sources per finding.
    """
    return f"{finding['code']} {finding['subject']} {' '.join(finding['sources'])}".lower()


def build_report(document: dict, claims, sources, texts: dict[str, str], condition: str,
                 quality_outcomes=None, conditions: set[str] | None = None,
                 fragments: Fragments | None = None) -> str:
    """Render the report page from the findings document and the tables.

    ``conditions``: the condition's name and its scopes (what a count of types can be "of"); default the
    condition alone. ``fragments``: quote grids rendered by an earlier run, reused where unchanged.
    """
    claims = plain_strings(claims)  # read cell by cell below: plain str cells, not pandas string cells
    source_ids = sorted(sources["source_id"])
    columns = source_ids[:MATRIX_MAX_SOURCES]
    matrix = agreement_matrix(claims, columns, condition)
    meta = {row.source_id: row for row in sources.itertuples()}
    shown = _sources_to_show(document, source_ids)
    # one group-by over the shown sources, not one scan of every claim per source
    claims_by_source = dict(tuple(claims[claims["source_id"].isin(shown)].groupby("source_id", sort=False)))
    source_views, anchors = [], {}
    for source_id in shown:
        own = claims_by_source.get(source_id, claims.iloc[0:0])
        row = meta[source_id]
        source_views.append({"source_id": source_id, "title": row.title, "publisher": row.publisher,
                             "date": row.date, "date_kind": row.date_kind, "url": row.url, "path": row.path,
                             "n_claims": len(own), "parts": source_parts(texts.get(source_id, ""), own, anchors)})

    def anchor(source_id: str, start: int, end: int) -> str:
        """The highlight a quote link lands on; "" when that source's text is not on the page."""
        return anchors.get((source_id, int(start), int(end)), "")

    def grid(positions: list[dict]) -> Markup:
        """A finding's or an agreement's quotes: from ``fragments`` when they hold it."""
        if fragments is None:
            return Markup(render_grid(positions, anchor))
        anchors = [anchor(q["source_id"], q["start"], q["end"]) if q["claim_id"] else ""
                   for position in positions for q in position["quotes"]]
        return fragments.grid(positions, anchors, lambda: render_grid(positions, anchor))

    tables = facet_tables(claims, columns, conditions or {condition}, anchor)
    quality = [outcome.to_dict() for outcome in quality_outcomes] if quality_outcomes else []
    return render("report.html.j2", doc=document, matrix=matrix, matrix_svg=matrix_svg(matrix),
                  sources=source_views, quality=quality, tables=tables, anchor=anchor, grid=grid, search_text=_search_text)


def write_report(path: str | Path, html: str) -> Path:
    path = Path(path)
    write_text(path, html)
    return path


def build_data_quality_page(corpus: str, outcomes) -> str:
    rows = [outcome.to_dict() for outcome in outcomes]
    return render("data_quality.html.j2", corpus=corpus, outcomes=rows,
                  suites=sorted({row["suite"] for row in rows}), failed=sum(not row["success"] for row in rows))


def build_diff_page(document: dict) -> str:
    return render("diff.html.j2", doc=document)


def build_check_page(document: dict) -> str:
    """The draft check page: each draft claim with its verdict, linked to its highlight in the draft text."""
    text = document["draft_text"]
    spans = sorted({(item["draft_quote"]["start"], item["draft_quote"]["end"]) for item in document["claims"]})
    parts, cursor, anchors, last = [], 0, {}, ""
    for start, end in spans:
        if start < cursor:  # inside the previous highlight (a claim within a sentence already marked): link there
            anchors[(start, end)] = last
            continue
        if start > cursor:
            parts.append({"text": text[cursor:start]})
        last = anchors[(start, end)] = f"draft-{start}-{end}"
        parts.append({"text": text[start:end], "mark": last})
        cursor = end
    parts.append({"text": text[cursor:]})
    return render("check.html.j2", doc=document, draft_parts=parts,
                  draft_anchor=lambda start, end: anchors[(int(start), int(end))])
