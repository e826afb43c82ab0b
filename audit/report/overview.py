"""Who says what: one table per facet -- types, placements, figures -- with a column per source.

The findings list says where sources disagree; these tables show every
source's answer to each question at a glance, so an editor sees who is
alone and who is silent. A cell holds the source's answer in words, is
marked when it differs from what most sources say, and links to the quote
it comes from in the source's text further down the page.
"""
from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from audit.compare.rules.numbers.intervals import COMPARABLE_MEASURES, PLACE_BOUND_MEASURES, interval_label, \
    quantity_label
from audit.words import placement_label

ROWS_MAX = 150  # per table: a page for editors, not a dump of a 100,000-article corpus


def _cell(text: str, rows: list | None, anchor) -> dict:
    """A cell: its text and the page anchor of its first quote ("" when the source's text is not shown).

    The quote itself is not put in an attribute: source text stays in element content, where the page's
    escaping and its security tests look for it.
    """
    first = min(rows, key=lambda r: (int(r.start), r.claim_id)) if rows else None
    target = anchor(first.source_id, int(first.start), int(first.end)) if first is not None else ""
    return {"text": text, "href": target}


def _mark(cells: list[dict], same) -> bool:
    """Set each cell's state against the most common answer; True when the row has a disagreement."""
    present = Counter(c["text"] for c in cells if c["text"] and c.get("state") != "silent").most_common(2)
    # Only a strict majority is "what most sources say"; in a tie every answer stands against another.
    modal = present[0][0] if present and (len(present) == 1 or present[0][1] > present[1][1]) else None
    for cell in cells:
        if cell.get("state") == "silent" or not cell["text"]:
            cell["state"] = "silent"
        else:
            cell["state"] = "agree" if same(cell, modal) else "differ"
    return any(cell["state"] == "differ" for cell in cells)


def _equal(cell: dict, modal) -> bool:
    return cell["text"] == modal


def _table(table_id: str, title: str, note: str, source_ids: list[str], rows: list[dict]) -> dict:
    shown = rows[:ROWS_MAX]
    return {"id": table_id, "title": title, "note": note, "sources": source_ids, "rows": shown,
            "hidden": len(rows) - len(shown), "disputed": sum(1 for row in shown if row["disputed"])}


_FIELDS = ["source_id", "claim_id", "start", "end", "value", "value_low", "value_high", "object",
           "polarity"]


def _by_source(frame: pd.DataFrame) -> dict[str, list]:
    """Claims per source, as light tuples (one pass; a group-by per row of a table costs seconds on big corpora)."""
    result: dict[str, list] = {}
    for row in frame[_FIELDS].itertuples(index=False, name="Claim"):
        result.setdefault(row.source_id, []).append(row)
    return result


def _types_table(claims: pd.DataFrame, source_ids: list[str], conditions: set[str], anchor) -> dict:
    counts = claims[(claims["facet"] == "type_count") & claims["subject"].isin(conditions)
                    & (claims["qualifier"] == "stated")]
    types = claims[claims["facet"] == "type"]
    placed = claims[(claims["facet"] == "type_relation") & (claims["value"] != "separate_type")
                    & ~((claims["value"] == "subtype_of") & claims["object"].isin(conditions))]
    rows = []
    stated = _by_source(counts)
    cells = [_cell("/".join(sorted({r.value for r in stated[s]}, key=lambda v: (len(v), v))), stated[s], anchor)
             if s in stated else {"text": "", "state": "silent", "href": ""} for s in source_ids]
    rows.append({"label": "stated number of types", "cells": cells, "disputed": _mark(cells, _equal)})
    named_by = types.groupby("source_id")["subject"].nunique()
    enumerating = {s for s in source_ids if s in stated or named_by.get(s, 0) >= 2}
    for subject in sorted(set(types["subject"])):
        naming = _by_source(types[types["subject"] == subject])
        placing = _by_source(placed[placed["subject"] == subject])
        cells = []
        for source_id in source_ids:
            if source_id in naming:
                cells.append(_cell("named", naming[source_id], anchor))
            elif source_id in placing:
                labels = sorted({("not " if r.polarity == "negated" else "") + placement_label(r.value, r.object)
                                 for r in placing[source_id]})
                cells.append(_cell("; ".join(labels), placing[source_id], anchor))
            elif source_id in enumerating:
                cells.append({"text": "not listed", "href": ""})
            else:
                cells.append({"text": "", "state": "silent", "href": ""})
        rows.append({"label": subject, "cells": cells, "disputed": _mark(cells, _equal)})
    return _table("types-table", "Types", "Which types each source names; a type another source places under "
                  "another type shows that placement; 'not listed': the source lists types but not this one.",
                  source_ids, rows)


def _placements_table(claims: pd.DataFrame, source_ids: list[str], anchor) -> dict:
    relations = claims[claims["facet"] == "type_relation"]
    rows = []
    for subject, group in relations.groupby("subject", sort=True):
        by_source = _by_source(group)
        cells = []
        for source_id in source_ids:
            records = by_source.get(source_id)
            if not records:
                cells.append({"text": "", "state": "silent", "href": ""})
                continue
            labels = sorted({("not " if r.polarity == "negated" else "") + placement_label(r.value, r.object)
                             for r in records})
            cells.append(_cell("; ".join(labels), records, anchor))
        rows.append({"label": subject, "cells": cells, "disputed": _mark(cells, _equal)})
    return _table("placements-table", "Placements", "How each source places an entity: another name for a "
                  "type, a subtype of one, or a type of its own.", source_ids, rows)


def _high(value) -> float:
    return math.inf if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)



def _figures_table(claims: pd.DataFrame, source_ids: list[str], anchor) -> dict:
    figures = claims[(claims["facet"] == "prevalence") & claims["measure"].isin(COMPARABLE_MEASURES)]
    # A place makes another quantity only for counts of people (as the figure rules compare them).
    figures = figures.assign(_place=figures["scope"].where(figures["measure"].isin(PLACE_BOUND_MEASURES), ""))
    rows = []
    keys = ["subject", "measure", "unit", "object", "_place"]
    for (subject, measure, unit, obj, scope), group in figures.groupby(keys, sort=True):
        by_source = _by_source(group)
        cells, intervals = [], {}
        for source_id in source_ids:
            records = by_source.get(source_id)
            if not records:
                cells.append({"text": "", "state": "silent", "href": ""})
                continue
            # the source's most specific figure speaks for it, as in the figure rules
            best = min(records, key=lambda r: (_high(r.value_high) - float(r.value_low), int(r.start)))
            label = interval_label(float(best.value_low), None if math.isinf(_high(best.value_high))
                                   else float(best.value_high), unit)
            intervals[label] = (float(best.value_low), _high(best.value_high))
            cells.append(_cell(label, [best], anchor))
        # A figure differs when its range cannot hold together with another source's (as NUM001 judges),
        # not merely when it is written differently: "25%" and "20–30%" agree.
        for cell in cells:
            if cell.get("state") == "silent":
                continue
            low, high = intervals[cell["text"]]
            clash = any(not (low <= other_high and other_low <= high) for other_low, other_high in
                        (intervals[c["text"]] for c in cells if c.get("state") != "silent"))
            cell["state"] = "differ" if clash else "agree"
        label = quantity_label(measure, subject, obj) + (f" in {scope}" if scope else "")
        rows.append({"label": label, "cells": cells, "disputed": any(c["state"] == "differ" for c in cells)})
    rows.sort(key=lambda row: (-sum(1 for c in row["cells"] if c["state"] != "silent"), row["label"]))
    return _table("figures-table", "Figures", "Each source's most specific figure for a quantity; a figure is "
                  "marked when its range does not overlap the most common one.", source_ids, rows)


def facet_tables(claims: pd.DataFrame, source_ids: list[str], conditions: set[str], anchor) -> list[dict]:
    """The types, placements and figures tables for ``source_ids`` (the report's columns).

    ``anchor(source_id, start, end)`` gives the page id of a quote's highlight, or "" when it is not on the page.
    """
    claims = claims[claims["source_id"].isin(source_ids)]
    return [_types_table(claims, source_ids, conditions, anchor), _placements_table(claims, source_ids, anchor),
            _figures_table(claims, source_ids, anchor)]
