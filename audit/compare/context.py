"""Views over the claims table that rules share, each computed once by a group-by.

Nothing here compares sources pairwise: every view is keyed by (source,
subject) or (subject, value), so work grows with the number of claims.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

from audit.compare.model import Position, Quote
from audit.topic import Topic

MAX_QUOTES_PER_SOURCE = 3  # per position; the rest are counted, not repeated


def quote_of(row) -> Quote:
    return Quote(source_id=row.source_id, claim_id=row.claim_id, quote=row.quote, start=int(row.start),
                 end=int(row.end), hedge=row.hedge, polarity=row.polarity, scope=row.scope)


_QUOTE_FIELDS = ["source_id", "claim_id", "quote", "start", "end", "hedge", "polarity", "scope"]


def position(value: str, label: str, rows: pd.DataFrame | list, basis: str = "stated") -> Position:
    """A position from claim rows: one quote per sentence, a few per source.

    Sentences carrying most claims come first (a list of six types says more
    than a table row naming one), then reading order. Plain Python over one
    pass of the rows: this runs for every position of every question, so
    pandas' per-call overhead would dominate.
    """
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    records = list(frame[_QUOTE_FIELDS].itertuples(index=False, name=None)) if len(frame) else []
    claims_per_span = Counter((r[0], int(r[3]), int(r[4])) for r in records)
    records.sort(key=lambda r: (r[0], -claims_per_span[(r[0], int(r[3]), int(r[4]))], int(r[3]), int(r[4]), r[1]))
    quotes: list[Quote] = []
    seen_spans: set[tuple] = set()
    per_source: Counter[str] = Counter()
    for source_id, claim_id, quote, start, end, hedge, polarity, scope in records:
        span = (source_id, int(start), int(end))
        if span in seen_spans or per_source[source_id] >= MAX_QUOTES_PER_SOURCE:
            continue
        seen_spans.add(span)
        per_source[source_id] += 1
        quotes.append(Quote(source_id=source_id, claim_id=claim_id, quote=quote, start=int(start), end=int(end),
                            hedge=hedge, polarity=polarity, scope=scope))
    return Position(value=value, label=label, quotes=tuple(quotes), basis=basis, support=len(per_source))


def absent_position(label: str, source_ids: list[str]) -> Position:
    """Sources that speak on the topic but leave this out: no quote to show, only who."""
    quotes = tuple(Quote(source_id=s, claim_id="", quote="", start=0, end=0) for s in sorted(source_ids))
    return Position(value="absent", label=label, quotes=quotes, basis="absent", support=len(quotes))


@dataclass
class Context:
    claims: pd.DataFrame
    sources: pd.DataFrame
    topic: Topic
    _cache: dict = field(default_factory=dict, repr=False)

    @cached_property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(sorted(self.sources["source_id"]))

    @cached_property
    def source_meta(self) -> dict[str, dict]:
        return {row.source_id: {"date": row.date, "date_kind": row.date_kind, "prior": float(row.prior),
                                "title": row.title, "publisher": row.publisher}
                for row in self.sources.itertuples()}

    def facet(self, name: str) -> pd.DataFrame:
        if name not in self._cache:
            self._cache[name] = self.claims[self.claims["facet"] == name]
        return self._cache[name]

    @cached_property
    def named_types(self) -> dict[str, dict[str, pd.DataFrame]]:
        """source -> type -> the claim rows naming it as a type."""
        result: dict[str, dict[str, pd.DataFrame]] = {}
        for (source_id, subject), rows in self.facet("type").groupby(["source_id", "subject"], sort=True):
            result.setdefault(source_id, {})[subject] = rows
        return result

    @cached_property
    def stated_counts(self) -> dict[str, dict[str, pd.DataFrame]]:
        """source -> stated count -> rows (counts of the condition or its scopes only)."""
        counts = self.facet("type_count")
        counts = counts[(counts["qualifier"] == "stated") & (counts["subject"] == self.topic.condition.name)]
        result: dict[str, dict[str, pd.DataFrame]] = {}
        for (source_id, value), rows in counts.groupby(["source_id", "value"], sort=True):
            result.setdefault(source_id, {})[value] = rows
        return result

    @cached_property
    def vague_counts(self) -> dict[str, pd.DataFrame]:
        counts = self.facet("type_count")
        counts = counts[(counts["qualifier"] == "vague") & (counts["subject"] == self.topic.condition.name)]
        return {source_id: rows for source_id, rows in counts.groupby("source_id", sort=True)}

    @cached_property
    def enumerating_sources(self) -> tuple[str, ...]:
        """Sources that say which types there are: a count, or two or more named types."""
        return tuple(sorted(set(self.stated_counts) | set(self.vague_counts)
                            | {s for s, types in self.named_types.items() if len(types) >= 2}))

    def date_of(self, source_id: str) -> str:
        meta = self.source_meta.get(source_id, {})
        return meta.get("date", "") or ""
