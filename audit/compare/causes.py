"""Why sources may differ, read from what the tables hold.

Studies of conflicting web sources find that many conflicts come from
ambiguity, scope or age rather than plain error. For each finding we list the
explanations the data supports, most specific first:

- ``scope``: the sources speak of different things (types of a narrower
  scope of the condition, such as its skin form, vs types of the condition);
- ``scheme``: a different classification (lumping vs splitting: an entity one
  source counts as a type, another places under a type or leaves out);
- ``date``: the sources' stated dates are years apart;
- ``hedged``: one side hedges ("usually not painful") what the other asserts;
- ``contradiction``: none of the above; the sources plainly disagree.
"""
from __future__ import annotations

from audit.compare.context import Context
from audit.compare.model import Cause, Position, Question
from audit.compare.rules.base import join_names
from audit.words import words

DATE_GAP_YEARS = 5


def scope_cause(positions: tuple[Position, ...], condition: str) -> Cause | None:
    scopes: dict[str, set[str]] = {}
    for position in positions:
        for quote in position.quotes:
            if quote.claim_id:
                scopes.setdefault(quote.scope or condition, set()).add(quote.source_id)
    if len(scopes) < 2:
        return None
    parts = [f"{join_names(sorted(sources))} speak{'s' if len(sources) == 1 else ''} of {scope}"
             for scope, sources in sorted(scopes.items())]
    return Cause("scope", "different scope: " + "; ".join(parts))


def date_cause(positions: tuple[Position, ...], ctx: Context) -> Cause | None:
    dated = []
    for position in positions:
        for source_id in position.sources:
            date = ctx.date_of(source_id)
            if date:
                dated.append((date, source_id, position.label))
    if len(dated) < 2:
        return None
    oldest, newest = min(dated), max(dated)
    gap = int(newest[0][:4]) - int(oldest[0][:4])
    if gap < DATE_GAP_YEARS or oldest[2] == newest[2]:
        return None
    kind = lambda s: ctx.source_meta[s]["date_kind"] or "dated"  # noqa: E731
    return Cause("date", f"different dates: {oldest[1]} ({kind(oldest[1])} {oldest[0]}) says {oldest[2]}; "
                         f"{newest[1]} ({kind(newest[1])} {newest[0]}) says {newest[2]}")


def scheme_cause(ctx: Context, sources: tuple[str, ...], only: str | None = None) -> Cause | None:
    """Entities counted as types by some of ``sources`` and placed otherwise or left out by others."""
    entity_names = {entity.name for entity in ctx.topic.entities}
    if only is not None:
        entity_names &= {only}
    relations = ctx.facet("type_relation")
    parts = []
    for entity in sorted(entity_names):
        counting = sorted(s for s in sources if entity in ctx.named_types.get(s, {}))
        if not counting or len(counting) == len(sources):
            continue
        counting_set = set(counting)
        placed = relations[(relations["subject"] == entity) & relations["source_id"].isin(sources)
                           & (relations["value"] != "separate_type")]
        placements = sorted({f"{row.source_id} places it as {words(f'{row.value}:{row.object}')}"
                             for row in placed.itertuples() if row.source_id not in counting_set})
        leaving_out = sorted(set(sources) - counting_set - set(placed["source_id"]))
        detail = f"{join_names(counting)} count{'s' if len(counting) == 1 else ''} {entity} as a type"
        if placements:
            detail += "; " + "; ".join(placements)
        if leaving_out:
            detail += f"; {join_names(leaving_out)} leave{'s' if len(leaving_out) == 1 else ''} it out"
        parts.append(detail)
    if not parts:
        return None
    return Cause("scheme", "different classification (lumping vs splitting): " + ". ".join(parts))


def hedge_cause(positions: tuple[Position, ...]) -> Cause | None:
    hedged = sorted({f"{q.source_id} ('{q.hedge}')" for p in positions for q in p.quotes if q.hedge})
    if not hedged:
        return None
    return Cause("hedged", "hedged statements: " + ", ".join(hedged))


def classify(question: Question, ctx: Context, *, scheme: bool = False, hedges: bool = False) -> tuple[Cause, ...]:
    """All causes the data supports, most specific first; 'contradiction' when none.

    For a question about one entity (TYPE002, TYPE003) the scheme cause speaks of that entity only.
    """
    causes = [scope_cause(question.positions, ctx.topic.condition.name)]
    if scheme:
        about = question.subject if question.subject != ctx.topic.condition.name else None
        causes.append(scheme_cause(ctx, tuple(sorted({s for p in question.positions for s in p.sources})), about))
    causes.append(date_cause(question.positions, ctx))
    if hedges:
        causes.append(hedge_cause(question.positions))
    found = tuple(cause for cause in causes if cause is not None)
    return found or (Cause("contradiction", "the sources plainly disagree"),)
