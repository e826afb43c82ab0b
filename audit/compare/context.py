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


QUOTE_FIELDS = ["source_id", "claim_id", "quote", "start", "end", "hedge", "polarity", "scope"]
MAX_QUOTED_SOURCES = 100  # per position: every source is counted and listed, the first ones quoted

Record = tuple  # a claim as a tuple in QUOTE_FIELDS order


def records_of(frame: pd.DataFrame) -> list[Record]:
    """The claims as plain tuples.

    Column by column (``tolist``), not row by row: iterating a pandas string
    column yields each cell through several Python calls, which dominated
    comparison time on large corpora.
    """
    if not len(frame):
        return []
    return list(zip(*(frame[column].tolist() for column in QUOTE_FIELDS)))


def position(value: str, label: str, rows: pd.DataFrame | list, basis: str = "stated") -> Position:
    """A position from claim rows (a DataFrame or a list of records): one quote per sentence.

    Sentences carrying most claims come first (a list of six types says more
    than a table row naming one), then reading order; a few per source, for
    the first MAX_QUOTED_SOURCES sources. Plain Python: this runs for every
    position of every question, so pandas' per-call overhead would dominate.
    """
    records = records_of(rows) if isinstance(rows, pd.DataFrame) else list(rows)
    claims_per_span = Counter((r[0], int(r[3]), int(r[4])) for r in records)
    records.sort(key=lambda r: (r[0], -claims_per_span[(r[0], int(r[3]), int(r[4]))], int(r[3]), int(r[4]), r[1]))
    all_sources = tuple(sorted({r[0] for r in records}))
    quoted_sources = set(all_sources[:MAX_QUOTED_SOURCES])
    quotes: list[Quote] = []
    seen_spans: set[tuple] = set()
    per_source: Counter[str] = Counter()
    for source_id, claim_id, quote, start, end, hedge, polarity, scope in records:
        span = (source_id, int(start), int(end))
        if source_id not in quoted_sources or span in seen_spans or per_source[source_id] >= MAX_QUOTES_PER_SOURCE:
            continue
        seen_spans.add(span)
        per_source[source_id] += 1
        quotes.append(Quote(source_id=source_id, claim_id=claim_id, quote=quote, start=int(start), end=int(end),
                            hedge=hedge, polarity=polarity, scope=scope))
    return Position(value=value, label=label, quotes=tuple(quotes), basis=basis, support=len(all_sources),
                    source_ids=all_sources)


def absent_position(label: str, source_ids: list[str]) -> Position:
    """Sources that speak on the topic but leave this out: no quote to show, only who."""
    ordered = tuple(sorted(source_ids))
    quotes = tuple(Quote(source_id=s, claim_id="", quote="", start=0, end=0) for s in ordered[:MAX_QUOTED_SOURCES])
    return Position(value="absent", label=label, quotes=quotes, basis="absent", support=len(ordered),
                    source_ids=ordered)


def plain_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with pandas string columns as plain object columns: the same values and comparisons, but
    iterating them (itertuples, zip) costs no pandas call per cell."""
    strings = {column: object for column, dtype in frame.dtypes.items() if pd.api.types.is_string_dtype(dtype)
               and dtype != object}
    return frame.astype(strings) if strings else frame


@dataclass
class Context:
    claims: pd.DataFrame
    sources: pd.DataFrame
    topic: Topic
    _cache: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        # Rules iterate columns cell by cell; pandas' string dtype yields each cell through several Python
        # calls, plain object columns through none. Same values, same comparisons and group-bys.
        self.claims = plain_strings(self.claims)
        self.sources = plain_strings(self.sources)

    @cached_property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(sorted(self.sources["source_id"]))

    @cached_property
    def source_meta(self) -> dict[str, dict]:
        return {row.source_id: {"date": row.date, "date_kind": row.date_kind, "prior": float(row.prior),
                                "title": row.title, "publisher": row.publisher}
                for row in self.sources.itertuples()}

    def shared(self, name: str, compute):
        """Work several rules need (NUM001, NUM002 and NUM003 read the same figures), computed once per comparison."""
        key = ("shared", name)
        if key not in self._cache:
            self._cache[key] = compute(self)
        return self._cache[key]

    def facet(self, name: str) -> pd.DataFrame:
        if name not in self._cache:
            self._cache[name] = self.claims[self.claims["facet"] == name]
        return self._cache[name]

    @staticmethod
    def _index(frame: pd.DataFrame, key: str) -> dict[str, dict[str, list[Record]]]:
        """source -> key value -> claim records, in one pass (a group-by without per-group frames)."""
        result: dict[str, dict[str, list[Record]]] = {}
        for record, key_value in zip(records_of(frame), frame[key].tolist() if len(frame) else []):
            result.setdefault(record[0], {}).setdefault(key_value, []).append(record)
        return result

    @cached_property
    def named_types(self) -> dict[str, dict[str, list[Record]]]:
        """source -> type -> the claim records naming it as a type."""
        return self._index(self.facet("type"), "subject")

    @staticmethod
    def whole_condition_first(counts: pd.DataFrame) -> pd.DataFrame:
        """Counts of the condition, a source's count of the whole condition before its counts of one scope.

        "There are three types of X ... B, the grouping of types 2 and 3, has two forms": the source counts
        three types; the two forms of one of its scopes are a detail of that count, not a second count. A
        source that counts only within a scope ("five types of X cutis") keeps that count.
        """
        if not len(counts):
            return counts
        unscoped = counts["scope"].fillna("") == ""
        whole = set(counts.loc[unscoped, "source_id"].tolist())
        return counts[unscoped | ~counts["source_id"].isin(whole)]

    @cached_property
    def stated_counts(self) -> dict[str, dict[str, list[Record]]]:
        """source -> stated count -> records (counts of the condition or, when a source has none, of its scopes)."""
        counts = self.facet("type_count")
        counts = counts[(counts["qualifier"] == "stated") & (counts["subject"] == self.topic.condition.name)
                        & (counts["polarity"] == "asserted") & (counts["hedge"] != "attributed")]
        return self._index(self.whole_condition_first(counts), "value")

    @cached_property
    def vague_counts(self) -> dict[str, list[Record]]:
        counts = self.facet("type_count")
        counts = counts[(counts["qualifier"] == "vague") & (counts["subject"] == self.topic.condition.name)]
        return {source_id: [r for rows in by_value.values() for r in rows]
                for source_id, by_value in self._index(counts, "value").items()}

    @cached_property
    def enumerating_sources(self) -> tuple[str, ...]:
        """Sources that say which types there are: a count, or two or more named types."""
        return tuple(sorted(set(self.stated_counts) | set(self.vague_counts)
                            | {s for s, types in self.named_types.items() if len(types) >= 2}))

    @cached_property
    def closed_list_sources(self) -> tuple[str, ...]:
        """Sources whose list of types is closed: they state one number (or "at least" it) and name exactly that many.

        Only such a source excludes a type it does not name; a source that
        names a few types without closing the list merely leaves others out.
        """
        counts = self.facet("type_count")
        counts = counts[(counts["qualifier"].isin(["stated", "at least"])) & (counts["polarity"] == "asserted")
                        & (counts["subject"] == self.topic.condition.name) & (counts["hedge"] != "attributed")]
        counts = self.whole_condition_first(counts)
        values: dict[str, set[str]] = {}
        for source_id, value in zip(counts["source_id"].tolist(), counts["value"].tolist()):
            values.setdefault(source_id, set()).add(value)
        closed = []
        for source_id, stated in values.items():
            # "at least eight forms, designated type I through type VIII": the source's own list ends there.
            if len(stated) == 1:
                (value,) = stated
                if value.isdigit() and len(self.named_types.get(source_id, {})) == int(value):
                    closed.append(source_id)
        return tuple(sorted(closed))

    def silent(self, speaking) -> tuple[str, ...]:
        """Sources not among ``speaking`` (a set lookup: this runs once per question)."""
        speaking = set(speaking)
        return tuple(s for s in self.source_ids if s not in speaking)

    def date_of(self, source_id: str) -> str:
        meta = self.source_meta.get(source_id, {})
        return meta.get("date", "") or ""
