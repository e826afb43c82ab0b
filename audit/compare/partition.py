"""Building a comparison's questions in parts: the claims partitioned by question key, each part apart.

A rule that declares ``groups_by = "subject"`` builds its questions about
subject S from the claims whose subject is S and the per-source summaries of
the whole corpus; one with ``groups_by = "source"`` builds a source's
question from that source's claims alone (:class:`audit.compare.rules.base.Rule`).
So the claims can be split by a stable hash of the subject (or the source),
each part's questions built on its own -- in another process or on another
machine -- and the parts' questions put together: they are the questions one
build over the whole table makes (the comparison sorts them by id before
judging). A rule that declares neither is built over the whole table.

The parts keep the table's row order, and each carries the positions of its
rows in the table, so a table put back together from parts (the whole one,
or a partition by another key) is the table's rows in the table's order.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from audit.compare.context import Context
from audit.compare.incremental import SOURCE_SUMMARIES, RuleState, rule_questions
from audit.compare.rules.base import Rule
from audit.topic import Topic

KEY_COLUMNS = {"subject": "subject", "source": "source_id"}  # a rule's groups_by -> the claims column it splits on


@dataclass(frozen=True)
class Part:
    """Some claim rows, in table order, and their positions in the table."""

    claims: pd.DataFrame
    rows: np.ndarray


def key_column(rule: Rule) -> str | None:
    """The claims column a rule's questions can be split by; None: it needs the whole table."""
    return KEY_COLUMNS.get(getattr(rule, "groups_by", None))


def split(part: Part, column: str, parts: int) -> list[Part]:
    """``part`` in ``parts`` partitions by a hash of ``column``, every partition in row order.

    pandas' hash is seeded by a constant, so a key lands in the same partition in every process and run.
    """
    buckets = pd.util.hash_array(part.claims[column].to_numpy(dtype=object)) % max(1, parts)
    order = np.argsort(buckets, kind="stable")  # stable: row order within a partition
    bounds = np.searchsorted(buckets[order], np.arange(parts + 1))
    return [Part(part.claims.iloc[order[start:end]], part.rows[order[start:end]])
            for start, end in zip(bounds[:-1], bounds[1:])]


def whole(claims: pd.DataFrame) -> Part:
    return Part(claims, np.arange(len(claims)))


def join(parts: list[Part]) -> Part:
    """The parts as one, in table order."""
    if len(parts) == 1:
        return parts[0]
    rows = np.concatenate([part.rows for part in parts])
    order = np.argsort(rows, kind="stable")
    return Part(pd.concat([part.claims for part in parts]).iloc[order], rows[order])


def source_summaries(ctx: Context) -> dict[str, object]:
    """The per-source summaries of the whole corpus a part's rules may read (small: computed once, sent to all)."""
    return {name: getattr(ctx, name) for name in SOURCE_SUMMARIES}


def build(rules: list[Rule], claims: pd.DataFrame, sources: pd.DataFrame, topic: Topic,
          summaries: dict[str, object] | None = None) -> dict[str, RuleState]:
    """Each rule's questions over ``claims``; with ``summaries``, those of the whole corpus stand in for the part's."""
    ctx = Context(claims=claims, sources=sources, topic=topic)
    if summaries:
        ctx.__dict__.update(summaries)  # cached_property reads the instance dict first
    return {rule.code: rule_questions(rule, ctx) for rule in rules}


def merge(built: list[dict[str, RuleState]]) -> dict[str, RuleState]:
    """The parts' questions per rule, put together (the comparison sorts them by id)."""
    merged: dict[str, RuleState] = {}
    for states in built:
        for code, state in states.items():
            if code in merged:
                merged[code] = RuleState(merged[code].questions + state.questions, merged[code].reads | state.reads)
            else:
                merged[code] = RuleState(list(state.questions), state.reads)
    return merged
