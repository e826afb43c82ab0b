"""Editor draft check: does a draft agree with the reference corpus?

Each claim of the draft gets a verdict against the references:
``supported`` (a reference says the same), ``contradicted`` (references say
otherwise, and none agrees; their quotes are shown), ``disputed`` (some
references agree, others say otherwise) or ``unsupported`` (no reference
says it). Besides the claims the topic's lexicon reads, the draft's
treatments, figures and types that the lexicon does not name ("is treated
with X", "X can help", "in 60% of patients") are listed too
(:mod:`audit.statements`): those no reference supports are ``unsupported``,
which is what an editor most needs to see. What every speaking reference
agrees on but the draft leaves out is listed as ``omitted``.

Every item carries a one-sentence ``message`` in words, and the draft quote
its line and column in the draft file (:mod:`audit.locate`).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from audit.compare import compare
from audit.compare.context import Context
from audit.compare.rules.base import join_names
from audit.compare.rules.numbers.intervals import COMPARABLE_MEASURES, quantity_label
from audit.extract import CLAIM_COLUMNS, extract_document
from audit.ingest.clean import clean_document, sha256_of
from audit.ingest.manifest import SOURCE_SUFFIXES
from audit.ingest.readers import decode_source, file_problem, read_source_bytes
from audit.errors import InputError
from audit.locate import RawFile, cleaned_span, occurrence_in
from audit.paths import display_path
from audit.results import ExtractResult
from audit.words import placement_label, words
from audit.severity import at_or_above
from audit.statements import ReferenceText, open_statements

DRAFT_ID = "draft"
# A contradiction on these facets misleads readers most: it is an error.
_ERROR_FACETS = {"type_count", "type_relation", "prevalence"}
_RARE = {"rare", "very_rare", "uncommon"}
# An unsupported treatment or figure can harm a reader: a warning. Other unsupported claims are notes.
_WARN_UNSUPPORTED = {"treatment", "prevalence"}


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
        # "a subtype of <the condition>" is a type of it too: only a placement under another type disagrees
        relations = refs[(refs["facet"] == "type_relation") & (refs["subject"] == claim.subject)
                         & (refs["value"] != "separate_type")
                         & ~((refs["value"] == "subtype_of") & refs["object"].isin(ctx.topic.condition_names()))]
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
    if claim.facet == "onset":
        # As ONSET001 compares them: each reference's typical ages for the same type (or the whole condition)
        # meet the draft's or are apart; a draft's "sometimes at birth" is a possibility, backed by any that meet.
        from audit.compare.rules.onset.ONSET001 import TYPICAL, spans_clash, typical_rows

        about = typical_rows(same_facet[same_facet["scope"] == claim.scope])
        said = (float(claim.value_low), float(claim.value_high))
        apart = about.apply(lambda row: spans_clash((row.value_low, row.value_high), said), axis=1) \
            if len(about) else about["value_low"].astype(bool)
        if claim.polarity != "asserted" or (getattr(claim, "typicality", "") or "") not in TYPICAL:
            return about[~apart], empty
        return about[~apart], about[apart]
    return empty, empty


def _draft_location(raw: RawFile, cleaned: str, path: str, quote: str, start: int, end: int) -> dict:
    """Where a draft quote is in the draft file (line, column).

    A quote the draft file does not hold as such (its markup rewritten by cleaning) is placed, approximately
    and with ``found`` false, where its first words are, else at its line in the cleaned text: the draft has
    no cleaned file of its own to point at.
    """
    fraction = start / max(len(cleaned), 1)
    span = raw.find(quote, occurrence_in(cleaned, quote, start), fraction)
    if span is not None:
        return {"path": path, **span.to_dict(), "found": True}
    words_ = quote.split()
    for size in (6, 3):
        if len(words_) > size:
            prefix = " ".join(words_[:size])
            span = raw.find(prefix, occurrence_in(cleaned, prefix, start), fraction)
            if span is not None:
                break
    return {"path": path, **(span or cleaned_span(cleaned, start, end)).to_dict(), "found": False}


def _draft_value(claim) -> str:
    if claim.facet == "type_count":
        return claim.value or "several (vague)"
    if claim.facet == "type_relation":
        return placement_label(claim.value, claim.object)
    if claim.facet == "symptom":
        return _stance(claim)
    if claim.facet == "prevalence":
        return claim.value
    if claim.facet == "treatment":
        return f"a treatment ({claim.object})" if claim.object else "a treatment"
    if claim.facet == "type":
        return "a type"
    return words(claim.value) or "named"


def _stance(row) -> str:
    from audit.compare.rules.polarity.POL001 import stance

    return stance(row.polarity, getattr(row, "typicality", "") or "", row.hedge)


def _label(row) -> str:
    """What one reference claim says, as a clause ("it is another name for B"), beside the draft's."""
    if row.facet == "type_count":
        return f"there are {row.value} types" if row.value else "there are several types"
    if row.facet == "type":
        return "it is a type"
    if row.facet == "type_relation":
        return f"it is {placement_label(row.value, row.object)}"
    if row.facet == "frequency":
        return f"{row.subject} is the most common" if row.value == "most_common" else f"it is {words(row.value)}"
    if row.facet == "symptom":
        return f"it is {_stance(row)}"
    if row.facet == "treatment":
        return "it is a treatment"
    if row.facet == "onset":
        return f"it {_onset(row)}"
    return words(row.value) or row.subject


def _onset(row) -> str:
    """'usually begins in childhood', 'sometimes begins at birth'."""
    from audit.compare.rules.onset.ONSET001 import onset_phrase

    typicality = getattr(row, "typicality", "") or ""
    return f"{typicality + ' ' if typicality else ''}begins {onset_phrase(row.value)}"


def _said(claim, condition: str) -> str:
    """The draft's claim as a clause: "there are 7 types of the condition", "X is another name for Y"."""
    subject, value = claim.subject, _draft_value(claim)
    if claim.facet == "type_count":
        return f"there are {claim.value} types of {subject}" if claim.value else f"there are several types of {subject}"
    if claim.facet == "type":
        return f"{subject} is a type of {condition}"
    if claim.facet == "type_relation":
        return f"{subject} is {value}"
    if claim.facet == "frequency":
        if claim.value == "most_common":
            return f"{subject} is the most common type" + (f" of {claim.object}" if claim.object else "")
        return f"{subject} is {words(claim.value)}" + (f" in {claim.object}" if claim.object else "")
    if claim.facet == "prevalence":
        figure = claim.value[:1].lower() + claim.value[1:]  # "About 42%" opens its sentence, not this one
        return f"{quantity_label(claim.measure, subject, claim.object)} is {figure}"
    if claim.facet == "treatment":
        return f"{subject} is a treatment" + (f" for {claim.scope}" if claim.scope else "")
    if claim.facet == "symptom":
        return f"{subject} is {value}" + (f" in {claim.scope}" if claim.scope else "")
    if claim.facet == "onset":
        return f"{claim.scope or subject} {_onset(claim)}"
    return f"{subject}: {value}"


def _positions(rows: pd.DataFrame) -> dict[str, list[str]]:
    """Label -> sources giving it, labels in order."""
    parts: dict[str, set[str]] = {}
    for row in rows.itertuples():
        parts.setdefault(_label(row), set()).add(row.source_id)
    return {label: sorted(sources) for label, sources in sorted(parts.items())}


def _summary_of(rows: pd.DataFrame) -> str:
    positions = _positions(rows)
    if not positions:
        return "nothing"
    return "; ".join(f"{label} ({', '.join(sources)})" for label, sources in positions.items())


def _message(verdict: str, said: str, agreeing: pd.DataFrame, disagreeing: pd.DataFrame) -> str:
    agree = sorted(set(agreeing["source_id"]))
    others = "; ".join(f"{join_names(sources)} {'says' if len(sources) == 1 else 'say'} {label}"
                       for label, sources in _positions(disagreeing).items())
    if verdict == "supported":
        return f"The draft says {said}; {join_names(agree)} {'says' if len(agree) == 1 else 'say'} so too."
    if verdict == "contradicted":
        return f"The draft says {said}; but {others}."
    if verdict == "disputed":
        return f"The draft says {said}; {join_names(agree)} {'agrees' if len(agree) == 1 else 'agree'}, but {others}."
    return f"The draft says {said}; no reference says this."


def _quotes(agreeing: pd.DataFrame, disagreeing: pd.DataFrame) -> tuple[list[dict], list[dict]]:
    """Each reference quote once: a sentence that both agrees and disagrees (two claims in one sentence)
    is shown where it agrees."""
    supporting = _refs(agreeing)
    shown = {(r["source_id"], r["start"], r["end"]) for r in supporting}
    contradicting = [r for r in _refs(disagreeing) if (r["source_id"], r["start"], r["end"]) not in shown]
    return supporting, contradicting


_OPEN_FACET = {"treatment": "treatment", "figure": "prevalence", "type": "type"}
_OPEN_SAID = {"treatment": "{term} is a treatment", "figure": "{term} ({quote})", "type": "{term} is a type of {condition}"}


def _severity(verdict: str, facet: str) -> str:
    if verdict == "contradicted":
        return "error" if facet in _ERROR_FACETS else "warning"
    if verdict == "disputed":
        return "warning"
    if verdict == "unsupported" and facet in _WARN_UNSUPPORTED:
        return "warning"
    return "info"


def _open_items(draft_text: str, draft: pd.DataFrame, topic, texts: dict[str, str], locate) -> list[dict]:
    """Treatments, figures and types the lexicon does not name, judged by the references' text."""
    statements = open_statements(draft_text, draft, topic)
    if not statements:
        return []
    references = ReferenceText(texts, topic)
    items = []
    for statement in statements:
        judgement = references.judge(statement)
        facet = _OPEN_FACET[statement.kind]
        said = _OPEN_SAID[statement.kind].format(term=statement.term, quote=statement.quote.rstrip("."),
                                                 condition=topic.condition.name)
        if judgement.verdict == "supported":
            message = f"The draft says {said}; {join_names(sorted({q['source_id'] for q in judgement.supporting}))} " \
                      "also say so (in words the topic's lexicon does not hold: check them)."
        else:
            message = f"The draft says {said}; no reference says this."
            if judgement.related:
                message += (f" {join_names(sorted({q['source_id'] for q in judgement.related}))} mention"
                            f"{'s' if len({q['source_id'] for q in judgement.related}) == 1 else ''} "
                            f"{'it' if statement.kind != 'figure' else 'the same figure'} in another way.")
        items.append({
            "facet": facet, "subject": statement.term, "object": "", "in_lexicon": False,
            "draft_value": statement.term if statement.kind == "figure" else f"a {statement.kind}",
            "verdict": judgement.verdict, "severity": _severity(judgement.verdict, facet), "message": message,
            "draft_quote": {"quote": statement.quote, "start": statement.start, "end": statement.end,
                            **locate(statement.quote, statement.start, statement.end)},
            "reference_summary": join_names(sorted({q["source_id"] for q in judgement.supporting})) or "nothing",
            "supporting": judgement.supporting, "contradicting": [], "related": judgement.related,
        })
    return items


def refuse_draft(draft_path: Path) -> None:
    """A draft that cannot be checked fails here, before the references are extracted (it should fail at once)."""
    if draft_path.suffix.lower() not in SOURCE_SUFFIXES:
        raise InputError(f"a draft must be {', '.join(SOURCE_SUFFIXES)}; {draft_path.suffix or 'a file without a suffix'} "
                         "is not read (save the draft's text in one of these)", draft_path)
    problem = file_problem(draft_path)
    if problem:
        raise InputError("draft not found" if problem == "missing" else f"is {problem}", draft_path)


def check_draft(draft_path: str | Path, references: ExtractResult) -> dict:
    """Check a draft (.md, .html or .txt) against an extracted reference corpus."""
    draft_path = Path(draft_path)
    refuse_draft(draft_path)
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
    shown_path = display_path(draft_path)  # what an annotation names: the file the author edits
    raw = RawFile(text, draft_path.suffix)

    def locate(quote: str, start: int, end: int) -> dict:
        location = _draft_location(raw, document.text, shown_path, quote, start, end)
        return {"line": location["start_line"], "location": location}

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
        supporting, contradicting = _quotes(agreeing, disagreeing)
        items.append({
            "facet": claim.facet, "subject": claim.subject, "object": claim.object, "in_lexicon": True,
            "draft_value": _draft_value(claim), "verdict": verdict, "severity": _severity(verdict, claim.facet),
            "message": _message(verdict, _said(claim, topic.condition.name), agreeing, disagreeing),
            "draft_quote": {"quote": claim.quote, "start": int(claim.start), "end": int(claim.end),
                            **locate(claim.quote, int(claim.start), int(claim.end))},
            "reference_summary": _summary_of(pd.concat([agreeing, disagreeing])),
            "supporting": supporting, "contradicting": contradicting, "related": [],
        })
    texts = {source_id: references.text_of(source_id) for source_id in references.sources["source_id"]}
    items += _open_items(document.text, draft, topic, texts, locate)
    omitted = _omitted(refs, references.sources, topic, draft)
    counts = {name: sum(1 for item in items if item["verdict"] == name)
              for name in ("supported", "contradicted", "disputed", "unsupported")}
    counts["omitted"] = len(omitted)
    return {"schema_version": "1.1", "draft": shown_path, "against": references.corpus.folder.as_posix(),
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
    """Draft claims at or above ``fail_on``: contradicted, disputed, and unsupported treatments and figures
    (warnings: they fail ``--fail-on warning``, not the default ``--fail-on error``)."""
    return [item for item in document["claims"] if item["verdict"] != "supported"
            and at_or_above(item["severity"], fail_on)]
