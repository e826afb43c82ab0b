from __future__ import annotations

import pandas as pd

from audit.compare.causes import classify
from audit.compare.context import Context, position
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names
from audit.words import placement_label


class TYPE003(Rule):
    """Sources place one entity differently.

    An entity can be called another name for a type (*alias_of*), a subtype
    of a type (*subtype_of*), or a type of its own (*separate_type*). This
    rule fires when sources disagree, including when two sources call it an
    alias of two different types, or when one source denies the placement
    another makes ("not a variant of B" against "a milder form of B"). A
    denial is compatible with any other placement, except that one placing
    the entity outside the condition altogether ("not a form of <the
    condition>", "a separate disease") clashes with every place inside it. "A subtype within the broader category of
    <condition>" is compatible with any placement and only shown when the
    source says nothing more specific.

    **Anti-pattern**: retinal migraine is another name for ocular migraine in
    one article, a separate type in another, a subtype of migraine with aura
    in a third.

    **Best practice**: pick one placement, and say that others exist.
    """

    code = "TYPE003"
    name = "placement-conflict"
    severity = "error"
    facet = "type_relation"
    groups_by = "subject"

    def questions(self, ctx: Context):
        relations = ctx.facet("type_relation")
        condition_names = ctx.topic.condition_names()
        for subject, rows in relations.groupby("subject", sort=True):
            specific = rows[~((rows["value"] == "subtype_of") & rows["object"].isin(condition_names)
                              & (rows["polarity"] == "asserted"))]
            vague_only = rows[~rows["source_id"].isin(set(specific["source_id"]))]
            kept = pd.concat([specific, vague_only])
            positions = tuple(
                position(f"{'not:' if polarity == 'negated' else ''}{value}:{obj}",
                         ("not " if polarity == "negated" else "") + placement_label(value, obj), group)
                for (polarity, value, obj), group in kept.groupby(["polarity", "value", "object"], sort=True))
            speaking = tuple(sorted(set(kept["source_id"])))
            yield Question(self.code, self.facet, subject, "", positions, speaking,
                           ctx.silent(speaking))

    @staticmethod
    def _clash(a, b, outside: frozenset[str] = frozenset()) -> bool:
        """Two placements by different sources that cannot both hold. ``outside``: the values that place the entity
        outside the condition ("not:subtype_of:<condition>")."""
        if set(a.sources) == set(b.sources):
            return False
        a_denied, b_denied = a.value.startswith("not:"), b.value.startswith("not:")
        if a_denied and b_denied:
            return False
        if a.value in outside or b.value in outside:
            return True  # outside the condition: no place inside it holds
        if a_denied or b_denied:  # "not a subtype of B" clashes only with "a subtype of B"
            return a.value.removeprefix("not:") == b.value.removeprefix("not:")
        return True

    def judge(self, question: Question, ctx: Context):
        if len(question.speaking) < 2:
            return None
        positions = question.positions
        outside = frozenset(f"not:subtype_of:{name}" for name in ctx.topic.condition_names())
        if not any(self._clash(a, b, outside) for i, a in enumerate(positions) for b in positions[i + 1:]):
            if all(not p.value.startswith("not:") for p in positions) and len(positions) == 1:
                only = positions[0]
                return self.agreement(question, f"All {len(only.sources)} sources that place {question.subject} "
                                                f"call it {only.label}.")
            return None
        if len(question.positions) == 1:
            only = question.positions[0]
            return self.agreement(question, f"All {len(only.sources)} sources that place {question.subject} "
                                            f"call it {only.label}.")
        parts = [f"{p.label} ({join_names(p.sources)})" for p in question.positions]
        message = f"Sources place {question.subject} differently: {'; '.join(parts)}."
        return self.finding(question, message, classify(question, ctx, scheme=True))
