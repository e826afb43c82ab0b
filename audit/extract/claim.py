"""The Claim record every extractor produces (one row of ``claims.csv``)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields

FACETS = ("type_count", "type", "type_relation", "frequency", "prevalence", "treatment", "symptom", "onset")
POLARITIES = ("asserted", "negated")
RELATIONS = ("alias_of", "subtype_of", "separate_type")
FREQUENCIES = ("most_common", "common", "uncommon", "rare", "very_rare")
# What a figure measures (the ``measure`` column; empty for facets without figures).
# See audit.extract.prevalence for each one's meaning.
MEASURES = ("prevalence", "incidence", "share_of_cases", "share_with_feature", "body_area", "risk", "count", "carrier_frequency", "other")
# How typical a symptom is, read from its hedge words and quantifiers (the ``typicality`` column;
# empty for a plain statement and for other facets). See audit.extract.typicality.
TYPICALITIES = ("usually", "often", "sometimes", "rarely")


@dataclass(frozen=True)
class Claim:
    """One claim a source makes, with the exact sentence it comes from.

    ``quote == cleaned_text[start:end]`` always holds.
    """

    source_id: str
    facet: str
    subject: str
    quote: str
    start: int
    end: int
    extractor: str
    object: str = ""
    value: str = ""
    value_low: float | None = None
    value_high: float | None = None
    unit: str = ""
    measure: str = ""
    qualifier: str = ""
    scope: str = ""
    polarity: str = "asserted"
    hedge: str = ""
    typicality: str = ""

    def identity(self) -> str:
        """What the claim says, without where: stable when unrelated text moves."""
        parts = (self.source_id, self.facet, self.subject, self.object, self.value, self.scope,
                 self.polarity, " ".join(self.quote.split()))
        return "\x1f".join(parts)

    def to_row(self) -> dict:
        # Every field is a plain str, float or None: no deep copy needed (dataclasses.asdict makes one,
        # which took 7% of extraction).
        return {name: getattr(self, name) for name in _FIELD_NAMES}


_FIELD_NAMES = tuple(field.name for field in fields(Claim))


def claim_id(claim: Claim, occurrence: int) -> str:
    """A stable id: source, facet and a hash of what is claimed and quoted."""
    digest = hashlib.sha1(f"{claim.identity()}\x1f{occurrence}".encode("utf-8")).hexdigest()[:10]
    return f"{claim.source_id}:{claim.facet}:{digest}"
