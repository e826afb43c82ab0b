"""The comparison result model: frozen dataclasses with ``to_dict()``.

A :class:`Question` is one point sources can speak on (the stated number of
types; whether an entity is an alias, a subtype or a type of its own).
Rules build questions, truth discovery weighs them, and rules judge them into
:class:`Finding` (sources differ) or :class:`Agreement` (every source that
speaks agrees).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from audit.severity import rank


@dataclass(frozen=True)
class Quote:
    source_id: str
    claim_id: str
    quote: str
    start: int
    end: int
    hedge: str = ""
    polarity: str = "asserted"
    scope: str = ""

    def to_dict(self) -> dict:
        return {"source_id": self.source_id, "claim_id": self.claim_id, "quote": self.quote, "start": self.start,
                "end": self.end, "hedge": self.hedge, "polarity": self.polarity, "scope": self.scope}


@dataclass(frozen=True)
class Position:
    """One value sources give, with who gives it and their exact words."""

    value: str
    label: str
    quotes: tuple[Quote, ...]
    basis: str = "stated"        # stated | listed | absent (a source that speaks on the topic but leaves it out)
    support: int = 0             # number of distinct sources
    confidence: float = 0.0      # truth-discovery confidence of this value, 0..1
    source_ids: tuple[str, ...] = ()  # every source holding the value (quotes may cover only the first ones)

    @property
    def sources(self) -> tuple[str, ...]:
        return self.source_ids or tuple(sorted({quote.source_id for quote in self.quotes}))

    def to_dict(self) -> dict:
        quoted = len({quote.source_id for quote in self.quotes})
        return {"value": self.value, "label": self.label, "basis": self.basis, "sources": list(self.sources),
                "support": self.support, "confidence": round(self.confidence, 4),
                "quotes": [quote.to_dict() for quote in self.quotes],
                "unquoted_sources": max(0, len(self.sources) - quoted)}


@dataclass(frozen=True)
class Question:
    """One point of comparison, as a rule built it."""

    rule_code: str
    facet: str
    subject: str
    key: str                         # distinguishes questions with the same facet and subject
    positions: tuple[Position, ...]
    speaking: tuple[str, ...]        # sources that speak on the question's topic
    silent: tuple[str, ...]          # sources that do not
    for_truth: bool = True           # feeds source-reliability estimation
    details: tuple[tuple[str, object], ...] = ()  # rule-specific values, typed (e.g. intervals)

    @property
    def qid(self) -> str:
        return f"{self.rule_code}|{self.facet}|{self.subject}|{self.key}"

    def detail(self, name: str, default=""):
        return dict(self.details).get(name, default)


@dataclass(frozen=True)
class Cause:
    """Why sources may differ: scope, scheme, date, compatible, hedged or contradiction."""

    kind: str
    detail: str

    def to_dict(self) -> dict:
        return {"kind": self.kind, "detail": self.detail}


def stable_id(code: str, *parts: str) -> str:
    """Same rule and subject, same id: independent of source ids and order."""
    digest = hashlib.sha1("\x1f".join((code, *parts)).encode("utf-8")).hexdigest()[:10]
    return f"{code}-{digest}"


def fingerprint(positions: tuple[Position, ...]) -> str:
    """Changes when the competing values or the quoted words change (used by baselines).

    Built from values and quotes, not source ids, so renaming a source keeps it.
    """
    material = sorted(f"{p.value}:{p.basis}:{p.support}:" + "|".join(sorted(" ".join(q.quote.split()) for q in p.quotes))
                      for p in positions)
    return hashlib.sha1("\x1f".join(material).encode("utf-8")).hexdigest()[:12]


def _consensus(positions: tuple[Position, ...]) -> dict:
    stated = [p for p in positions if p.basis != "absent"] or list(positions)
    if not stated:
        return {}
    best = max(stated, key=lambda p: (p.confidence, p.support, p.value))
    return {"value": best.value, "label": best.label, "support": best.support,
            "confidence": round(best.confidence, 4)}


@dataclass(frozen=True)
class Finding:
    id: str
    code: str
    severity: str
    facet: str
    subject: str
    message: str
    positions: tuple[Position, ...]
    silent: tuple[str, ...]
    causes: tuple[Cause, ...] = ()
    kind: str = "disagreement"   # disagreement | internal | single_source | compatible | omission
    rule_name: str = ""
    waived: bool = False
    waiver_reason: str = ""

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({s for p in self.positions for s in p.sources}))

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.positions)

    def sort_key(self) -> tuple:
        return (rank(self.severity), self.code, self.subject, self.id)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "code": self.code, "rule": self.rule_name, "severity": self.severity,
            "kind": self.kind, "facet": self.facet, "subject": self.subject, "message": self.message,
            "positions": [p.to_dict() for p in self.positions], "consensus": _consensus(self.positions),
            "silent": list(self.silent), "sources": list(self.sources),
            "cause": self.causes[0].kind if self.causes else "",
            "causes": [cause.to_dict() for cause in self.causes],
            "fingerprint": self.fingerprint, "waived": self.waived, "waiver_reason": self.waiver_reason,
        }


@dataclass(frozen=True)
class Agreement:
    id: str
    code: str
    facet: str
    subject: str
    message: str
    positions: tuple[Position, ...]
    silent: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"id": self.id, "code": self.code, "facet": self.facet, "subject": self.subject,
                "message": self.message, "positions": [p.to_dict() for p in self.positions],
                "consensus": _consensus(self.positions), "silent": list(self.silent),
                "sources": sorted({s for p in self.positions for s in p.sources})}


@dataclass(frozen=True)
class SourceReliability:
    source_id: str
    reliability: float
    low: float
    high: float
    n_questions: int
    prior: float
    weight: float = 1.0

    def to_dict(self) -> dict:
        return {"source_id": self.source_id, "reliability": round(self.reliability, 4),
                "interval": [round(self.low, 4), round(self.high, 4)], "n_questions": self.n_questions,
                "prior": self.prior, "weight": round(self.weight, 4), "weak_evidence": self.n_questions < 5}


@dataclass
class ComparisonResult:
    findings: list[Finding]
    agreements: list[Agreement]
    reliability: dict[str, SourceReliability]
    questions: list[Question] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            if not finding.waived:
                counts[finding.severity] += 1
        return counts
