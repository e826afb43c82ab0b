"""Editor draft check: does a draft agree with the reference corpus?

Each claim of the draft gets a verdict against the references:
``supported`` (a reference says the same), ``contradicted`` (references say
otherwise, and none agrees; their quotes are shown), ``disputed`` (some
references agree, others say otherwise) or ``unsupported`` (no reference
speaks on it). What every speaking reference agrees on but the draft leaves
out is listed as ``omitted``.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from audit.compare import compare
from audit.compare.context import Context
from audit.compare.rules.numbers.intervals import COMPARABLE_MEASURES
from audit.compare.rules.types.TYPE003 import placement_label
from audit.extract import CLAIM_COLUMNS, extract_document
from audit.ingest.clean import clean_document, sha256_of
from audit.ingest.manifest import SOURCE_SUFFIXES
from audit.ingest.readers import decode_source, file_problem, read_source_bytes
from audit.errors import InputError
from audit.severity import at_or_above

DRAFT_ID = "draft"
# A contradiction on these facets misleads readers most: it is an error.
_ERROR_FACETS = {"type_count", "type_relation", "prevalence"}
_RARE = {"rare", "very_rare", "uncommon"}


def _ref(row) -> dict:
    return {"source_id": row.source_id, "claim_id": row.claim_id, "quote": row.quote, "start": int(row.start),
            "end": int(row.end), "value": row.value, "hedge": row.hedge, "polarity": row.polarity}


def _refs(frame: pd.DataFrame, limit_per_source: int = 2) -> list[dict]:
    frame = frame.sort_values(["source_id", "start"]).drop_duplicates(["source_id", "start", "end"])
    return [_ref(row) for _, group in frame.groupby("source_id", sort=True) for row in group.head(limit_per_source).itertuples()]


def _verdict(agreeing: pd.DataFrame, disagreeing: pd.DataFrame) -> str:
    if len(agreeing) and len(disagreeing):
        return "disputed"
    if len(agreeing):
        return "supported"
    if len(disagreeing):
        return "contradicted"
    return "unsupported"


def _judge(claim, refs: pd.DataFrame, ctx: Context) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(agreeing reference rows, disagreeing reference rows) for one draft claim."""
    same_facet = refs[refs["facet"] == claim.facet]
    empty = refs.iloc[0:0]
    if claim.facet == "type_count":
        stated = same_facet[(same_facet["qualifier"] == "stated") & (same_facet["subject"] == claim.subject)]
        if claim.qualifier != "stated":
            return empty, empty
        return stated[stated["value"] == claim.value], stated[stated["value"] != claim.value]
    if claim.facet == "type":
        relations = refs[(refs["facet"] == "type_relation") & (refs["subject"] == claim.subject)
                         & (refs["value"] != "separate_type")]
        naming = same_facet[same_facet["subject"] == claim.subject]
        return naming, relations[~relations["source_id"].isin(set(naming["source_id"]))]
    if claim.facet == "type_relation":
        about = same_facet[same_facet["subject"] == claim.subject]
        condition = ctx.topic.condition_names()
        about = about[~((about["value"] == "subtype_of") & about["object"].isin(condition))]
        same = (about["value"] == claim.value) & (about["object"] == claim.object)
        return about[same], about[~same]
    if claim.facet == "frequency":
        if claim.value == "most_common":
            ranked = same_facet[(same_facet["value"] == "most_common") & (same_facet["object"] == claim.object)]
            return ranked[ranked["subject"] == claim.subject], ranked[ranked["subject"] != claim.subject]
        about = same_facet[(same_facet["subject"] == claim.subject) & (same_facet["value"] != "most_common")
                           & (same_facet["object"] == claim.object)]
        same_side = about["value"].isin(_RARE) == (claim.value in _RARE)
        return about[same_side], about[~same_side]
    if claim.facet == "prevalence":
        # Like with like only: the same quantity (subject, measure, unit, population), a comparable measure.
        if getattr(claim, "measure", "") not in COMPARABLE_MEASURES:
            return empty, empty
        about = same_facet[(same_facet["subject"] == claim.subject) & (same_facet["measure"] == claim.measure)
                           & (same_facet["unit"] == claim.unit) & (same_facet["object"] == claim.object)]
        high = claim.value_high if pd.notna(claim.value_high) else float("inf")  # open bound of a count
        overlap = (about["value_low"] <= high) & (about["value_high"].fillna(float("inf")) >= claim.value_low)
        return about[overlap], about[~overlap]
    if claim.facet == "treatment":
        return same_facet[same_facet["subject"] == claim.subject], empty
    if claim.facet == "symptom":
        # Typical presence, as POL001 compares it: each reference's own position on the symptom (for the same
        # type, or the whole condition), compatible or not with the draft's statement ("can cause pain" fits
        # "usually not painful").
        from audit.compare.rules.polarity.POL001 import compatible, source_positions, stance

        about = same_facet[(same_facet["subject"] == claim.subject) & (same_facet["scope"] == claim.scope)]
        if not len(about):
            return about, about
        said = stance(claim.polarity, getattr(claim, "typicality", "") or "", claim.hedge)
        positions = source_positions(about).get((claim.subject, claim.scope), {})
        fitting = {s for s, (value, _) in positions.items() if compatible(value, said)}
        return about[about["source_id"].isin(fitting)], about[~about["source_id"].isin(fitting)]
    return empty, empty


def _line_in(raw: str, quote: str) -> int:
    """Line of the quote in the raw draft (markup may differ: fall back to its first words)."""
    for probe in (quote, quote[:40], " ".join(quote.split()[:4])):
        found = raw.find(probe) if probe else -1
        if found >= 0:
            return raw.count("\n", 0, found) + 1
    return 1


def _draft_value(claim) -> str:
    if claim.facet == "type_count":
        return claim.value or "several (vague)"
    if claim.facet == "type_relation":
        return placement_label(claim.value, claim.object)
    if claim.facet == "symptom":
        return f"{claim.polarity}" + (f" ({claim.hedge})" if claim.hedge else "")
    if claim.facet == "prevalence":
        return claim.value
    if claim.facet == "treatment":
        return f"a treatment ({claim.object})" if claim.object else "a treatment"
    return claim.value or "named"


def _summary_of(rows: pd.DataFrame, facet: str) -> str:
    if not len(rows):
        return "nothing"
    parts = {}
    for row in rows.itertuples():
        label = (row.value if facet in ("type_count", "prevalence", "frequency") and row.value else
                 placement_label(row.value, row.object) if facet == "type_relation" else
                 row.polarity if facet == "symptom" else row.subject)
        parts.setdefault(label, set()).add(row.source_id)
    return "; ".join(f"{label} ({', '.join(sorted(sources))})" for label, sources in sorted(parts.items()))


def check_draft(draft_path: str | Path, corpus_dir: str | Path) -> dict:
    """Check a draft (.md, .html or .txt) against a reference corpus."""
    from audit.api import extract_corpus

    draft_path = Path(draft_path)
    # Checked before the references are extracted: a wrong draft should fail at once.
    if draft_path.suffix.lower() not in SOURCE_SUFFIXES:
        raise InputError(f"a draft must be {', '.join(SOURCE_SUFFIXES)}; {draft_path.suffix or 'a file without a suffix'} "
                         "is not read (save the draft's text in one of these)", draft_path)
    problem = file_problem(draft_path)
    if problem:
        raise InputError("draft not found" if problem == "missing" else f"is {problem}", draft_path)
    references = extract_corpus(corpus_dir, write=False, progress=False)
    topic = references.corpus.topic
    data = read_source_bytes(draft_path, references.corpus.max_bytes)
    text = decode_source(draft_path, data)
    if not text.strip():
        raise InputError("draft is empty", draft_path)
    try:
        document = clean_document(DRAFT_ID, text, draft_path.suffix, sha256_of(data), topic.boilerplate)
    except InputError as error:
        raise InputError(error.message, draft_path, error.line) from None
    draft = pd.DataFrame(extract_document(document, topic), columns=list(CLAIM_COLUMNS))
    refs = references.claims
    ctx = Context(claims=refs, sources=references.sources, topic=topic)
    items, seen = [], set()
    for claim in draft.itertuples():
        key = (claim.facet, claim.subject, claim.object, claim.value, claim.polarity, claim.value_low, claim.value_high)
        if key in seen:
            continue
        seen.add(key)
        agreeing, disagreeing = _judge(claim, refs, ctx)
        verdict = _verdict(agreeing, disagreeing)
        severity = ("error" if claim.facet in _ERROR_FACETS else "warning") if verdict == "contradicted" else \
                   "warning" if verdict == "disputed" else "info"
        items.append({
            "facet": claim.facet, "subject": claim.subject, "object": claim.object, "draft_value": _draft_value(claim),
            "verdict": verdict, "severity": severity,
            "draft_quote": {"quote": claim.quote, "start": int(claim.start), "end": int(claim.end),
                            "line": _line_in(text, claim.quote)},
            "reference_summary": _summary_of(pd.concat([agreeing, disagreeing]), claim.facet),
            "supporting": _refs(agreeing), "contradicting": _refs(disagreeing),
        })
    omitted = _omitted(refs, references.sources, topic, draft)
    counts = {name: sum(1 for item in items if item["verdict"] == name)
              for name in ("supported", "contradicted", "disputed", "unsupported")}
    counts["omitted"] = len(omitted)
    return {"schema_version": "1.0", "draft": draft_path.as_posix(), "against": Path(corpus_dir).as_posix(),
            "topic": topic.name, "draft_text": document.text, "summary": counts, "claims": items, "omitted": omitted}


def _omitted(refs: pd.DataFrame, sources: pd.DataFrame, topic, draft: pd.DataFrame) -> list[dict]:
    """Points every speaking reference agrees on (two or more) that the draft does not state."""
    result = compare(refs, sources, topic)
    said = {(row.facet, row.subject) for row in draft.itertuples()}
    said |= {("frequency", row.object) for row in draft.itertuples() if row.facet == "frequency" and row.value == "most_common"}
    omitted = []
    for agreement in result.agreements:
        facet = "type" if agreement.code == "TYPE002" else agreement.facet
        if (facet, agreement.subject) in said or (agreement.facet, agreement.subject) in said:
            continue
        quotes = [q.to_dict() for p in agreement.positions for q in p.quotes if q.claim_id][:4]
        support = max((p.support for p in agreement.positions), default=0)
        omitted.append({"code": agreement.code, "facet": agreement.facet, "subject": agreement.subject,
                        "message": agreement.message, "support": support, "references": quotes})
    # What most references agree on first: that is what a draft most needs.
    return sorted(omitted, key=lambda item: (-item["support"], item["facet"], item["subject"]))


def failing(document: dict, fail_on: str) -> list[dict]:
    """Draft claims that contradict (or are disputed by) the references at or above ``fail_on``."""
    return [item for item in document["claims"] if item["verdict"] in ("contradicted", "disputed")
            and at_or_above(item["severity"], fail_on)]
