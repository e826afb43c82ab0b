"""Extract stage: cleaned documents -> claim rows.

Each facet has one module with an ``extract(analysis)`` generator and a
``FACET`` name; :data:`EXTRACTORS` is the registry. Extraction of a document
is a pure function of (document text, topic lexicon), so it is cached by
content hash (see :mod:`audit.extract.cache`).
"""
from __future__ import annotations

from collections import Counter

from audit.extract import frequency, onset, prevalence, symptom, treatment, type_count, type_named, type_relation
from audit.extract.analysis import DocumentAnalysis
from audit.extract.claim import FACETS, Claim, claim_id
from audit.ingest.document import CleanDocument
from audit.topic import Topic

EXTRACTORS = (type_count, type_named, type_relation, frequency, prevalence, treatment, symptom, onset)

# Blocks none of these facets can find a claim in are not split into sentences (audit.extract.regions).
_FACETS_EXTRACTED = tuple(module.FACET for module in EXTRACTORS)

CLAIM_COLUMNS = ("claim_id", "source_id", "facet", "subject", "object", "value", "value_low", "value_high",
                 "unit", "measure", "qualifier", "scope", "polarity", "hedge", "typicality", "quote", "start",
                 "end", "extractor")


def _sort_key(claim: Claim) -> tuple:
    return (claim.start, claim.end, FACETS.index(claim.facet), claim.subject, claim.object, claim.value,
            claim.polarity, claim.extractor)


def extract_document(document: CleanDocument, topic: Topic) -> list[dict]:
    """All claims of one document as row dicts, sorted, deduplicated, with stable ids."""
    analysis = DocumentAnalysis(document, topic, _FACETS_EXTRACTED)
    claims: dict[tuple, Claim] = {}
    for module in EXTRACTORS:
        for claim in module.extract(analysis):
            # The same statement found by two rules of one facet is one claim.
            key = (claim.facet, claim.subject, claim.object, claim.value, claim.polarity, claim.start, claim.end,
                   claim.scope)
            claims.setdefault(key, claim)
    ordered = sorted(claims.values(), key=_sort_key)
    occurrences: Counter[str] = Counter()
    rows = []
    for claim in ordered:
        identity = claim.identity()
        row = {"claim_id": claim_id(claim, occurrences[identity]), **claim.to_row()}
        occurrences[identity] += 1
        rows.append({column: row[column] for column in CLAIM_COLUMNS})
    return rows
