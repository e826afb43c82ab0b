"""HTML rendering: one Jinja2 environment with autoescaping for every page.

Pages are self-contained: inline CSS, one inline script allowed by its hash
in the Content-Security-Policy (so no other script can run even if escaping
ever failed), no external assets, no network.
"""
from __future__ import annotations

import base64
import hashlib
from collections import Counter
from functools import lru_cache
from importlib import resources

import pandas as pd
from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from audit.words import web_url, words

_COLORS = {"agree": "#32d583", "differ": "#fd853a", "silent": "#eaecf0"}


@lru_cache(maxsize=1)
def environment() -> Environment:
    # autoescape=True for every template: source text is untrusted.
    env = Environment(loader=PackageLoader("audit.report", "templates"), autoescape=True,
                      trim_blocks=False, lstrip_blocks=False, keep_trailing_newline=True)
    # Values reach readers as words ("very rare", never "very_rare"), and only http(s) addresses become links.
    env.filters["words"] = words
    env.filters["web_url"] = web_url
    return env


@lru_cache(maxsize=1)
def page_script() -> tuple[str, str]:
    script = resources.files("audit.report").joinpath("templates", "report.js").read_text("utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return script, f"sha256-{digest}"


@lru_cache(maxsize=1)
def _grid_template():
    return environment().from_string('{% from "macros.html.j2" import positions_grid with context %}'
                                     "{{ positions_grid(positions) }}")


def render_grid(positions: list[dict], anchor) -> str:
    """The quotes grid of a finding or an agreement: what ``{{ positions_grid(positions) }}`` gives in a page."""
    return _grid_template().render(positions=positions, anchor=anchor)


def render(template: str, **context) -> str:
    script, script_hash = page_script()
    return environment().get_template(template).render(script=script, script_hash=script_hash, **context)


# ----------------------------------------------------------------------------- source texts

def source_parts(text: str, claims: pd.DataFrame, anchors: dict | None = None) -> list[dict]:
    """Cut a cleaned text into plain parts and highlighted claim spans (non-overlapping).

    ``anchors`` receives, for every claim span, the id of the highlight that shows it: its own, or the
    one it overlaps (whose claims it is listed with), so every link to a quote lands on the page.
    """
    spans: dict[tuple[int, int], list] = {}
    for row in claims.itertuples():
        spans.setdefault((int(row.start), int(row.end)), []).append(row)
    parts: list[dict] = []
    cursor, last_mark = 0, ""
    for (start, end), rows in sorted(spans.items()):
        if start < cursor:  # overlaps the previous highlight: its claims are listed there
            if anchors is not None:
                anchors[(rows[0].source_id, start, end)] = last_mark
            continue
        if start > cursor:
            parts.append({"text": text[cursor:start]})
        facets = sorted({words(row.facet) for row in rows})
        last_mark = f"q-{rows[0].source_id}-{start}-{end}"
        if anchors is not None:
            anchors[(rows[0].source_id, start, end)] = last_mark
        parts.append({"text": text[start:end], "mark": last_mark, "tag": ", ".join(facets),
                      "title": "; ".join(f"{words(row.facet)}: {row.subject}"
                                         + (f" = {words(row.value)}" if row.value else "")
                                         + (" (negated)" if row.polarity == "negated" else "") for row in rows)})
        cursor = end
    if cursor < len(text):
        parts.append({"text": text[cursor:]})
    return parts


# ----------------------------------------------------------------------------- agreement matrix

def _row(label: str, values: dict[str, str], source_ids: list[str], same=None) -> dict:
    """``same(a, b)``: whether two values agree (default: equal)."""
    present = [values[s] for s in source_ids if values.get(s)]
    modal = Counter(present).most_common(1)[0][0] if present else None
    cells = []
    for source_id in source_ids:
        value = values.get(source_id, "")
        state = "silent" if not value else ("agree" if (same or str.__eq__)(value, modal) else "differ")
        cells.append({"text": value, "state": state})
    return {"label": label, "cells": cells}


def agreement_matrix(claims: pd.DataFrame, source_ids: list[str], condition: str) -> dict:
    """Sources x key claims: stated count, types, placements, most common, treatments, symptoms."""
    claims = claims[claims["source_id"].isin(source_ids)]  # only the columns shown: a few sources, not the corpus
    rows = []
    counts = claims[(claims["facet"] == "type_count") & (claims["subject"] == condition)]
    types = claims[claims["facet"] == "type"]
    relations = claims[(claims["facet"] == "type_relation") & (claims["value"] != "separate_type")]
    stated = {}
    for source_id in source_ids:
        values = sorted(set(counts[(counts["source_id"] == source_id) & (counts["qualifier"] == "stated")]["value"]))
        named = types[types["source_id"] == source_id]["subject"].nunique()
        stated[source_id] = "/".join(values) if values else (f"{named} listed" if named >= 2 else "")
    rows.append(_row("stated number of types", stated, source_ids))
    enumerating = {s for s in source_ids if stated.get(s)}
    for subject in sorted(set(types["subject"]) | set(relations["subject"])):
        values = {}
        for source_id in source_ids:
            if ((types["source_id"] == source_id) & (types["subject"] == subject)).any():
                values[source_id] = "a type"
                continue
            placed = relations[(relations["source_id"] == source_id) & (relations["subject"] == subject)]
            if len(placed):
                values[source_id] = "; ".join(sorted({words(f"{r.value}:{r.object}") for r in placed.itertuples()}))
            elif source_id in enumerating:
                values[source_id] = "not listed"
        rows.append(_row(f"type: {subject}", values, source_ids))
    ranked = claims[(claims["facet"] == "frequency") & (claims["value"] == "most_common")]
    if len(ranked):
        rows.append(_row("most common type", {s: "/".join(sorted(set(g["subject"])))
                                              for s, g in ranked.groupby("source_id")}, source_ids))
    treatments = claims[claims["facet"] == "treatment"]
    for subject, group in treatments.groupby("subject", sort=True):
        rows.append(_row(f"treatment: {subject}", {s: "named" for s in set(group["source_id"])}, source_ids))
    # Symptoms: each source's own position on how typical the symptom is (as POL001 compares them),
    # whole-condition statements only; positions that can both hold agree.
    from audit.compare.rules.polarity.POL001 import compatible, source_positions

    symptoms = claims[claims["facet"] == "symptom"]
    for (subject, scope), by_source in sorted(source_positions(symptoms).items()) if len(symptoms) else []:
        if scope or len(by_source) < 2:
            continue
        rows.append(_row(f"symptom: {subject}", {s: value for s, (value, _) in by_source.items()}, source_ids,
                         same=compatible))
    rows += _onset_rows(claims[claims["facet"] == "onset"], source_ids)
    return {"sources": source_ids, "rows": rows}


def _onset_rows(onsets: pd.DataFrame, source_ids: list[str]) -> list[dict]:
    """Each source's typical age of onset (as ONSET001 compares them), for the condition and each type."""
    from audit.compare.rules.onset.ONSET001 import spans_clash, stage_labels, typical_spans

    rows = []
    for scope, group in onsets.groupby("scope", sort=True) if len(onsets) else []:
        spans = typical_spans(group)
        if len(spans) < 2:
            continue
        labels = {source_id: stage_labels(group[group["source_id"] == source_id]) for source_id in spans}
        span_of_label = {labels[source_id]: span for source_id, span in spans.items()}
        rows.append(_row(f"usual onset{': ' + scope if scope else ''}", labels, source_ids,
                         same=lambda a, b: not spans_clash(span_of_label[a], span_of_label[b])))
    return rows


def matrix_svg(matrix: dict) -> Markup:
    cell, label_width, header = 26, 250, 120
    width = label_width + cell * len(matrix["sources"]) + 90  # room for the last rotated label
    height = header + cell * len(matrix["rows"]) + 10
    svg = environment().get_template("matrix.svg.j2").render(matrix=matrix, cell=cell, label_width=label_width,
                                                             header=header, width=width, height=height,
                                                             colors=_COLORS)
    return Markup(svg)
