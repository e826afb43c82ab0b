from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import Context, position
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names


class TYPE001(Rule):
    """Sources state different numbers of types.

    Compares the number of types each source states ("Four main forms exist",
    "There are five main types of migraine"). A source that lists
    types without stating a number is shown with the number it lists, marked
    *listed*.

    **Anti-pattern**: one article says four types, another five, a third
    lists six.

    **Best practice**: state the classification you follow and name it, or
    say that classifications differ.
    """

    code = "TYPE001"
    name = "type-count-differs"
    severity = "error"
    facet = "type_count"

    def questions(self, ctx: Context):
        positions = []
        stated_by_value: dict[str, list] = {}
        for source_id, counts in ctx.stated_counts.items():
            for value, records in counts.items():
                stated_by_value.setdefault(value, []).extend(records)
        for value in sorted(stated_by_value, key=int):
            positions.append(position(value, f"{value} types", stated_by_value[value]))
        listed: dict[str, list] = {}
        for source_id in ctx.enumerating_sources:
            if source_id in ctx.stated_counts:
                continue
            named = ctx.named_types.get(source_id, {})
            if len(named) >= 2:
                listed.setdefault(str(len(named)), []).extend(r for records in named.values() for r in records)
        for value in sorted(listed, key=int):
            positions.append(position(f"{value} (listed)", f"{value} types listed, no number stated",
                                      listed[value], basis="listed"))
        if not positions:
            return
        speaking = tuple(sorted({s for p in positions for s in p.sources}))
        yield Question(self.code, self.facet, ctx.topic.condition.name, "", tuple(positions), speaking,
                       ctx.silent(speaking))

    def judge(self, question: Question, ctx: Context):
        values = {p.value.split(" ")[0] for p in question.positions}
        stated = [p for p in question.positions if p.basis == "stated"]
        if len(values) > 1:
            parts = [f"{p.value.split(' ')[0]} ({join_names(p.sources)})" for p in stated]
            message = f"Sources state different numbers of types of {question.subject}: {join_names(parts)}"
            listed = [p for p in question.positions if p.basis == "listed"]
            if listed:
                message += "; " + "; ".join(f"{join_names(p.sources)} list{'s' if len(p.sources) == 1 else ''} "
                                            f"{p.value.split(' ')[0]} without stating a number" for p in listed)
            return self.finding(question, message + ".", classify(question, ctx, scheme=True))
        if len(question.speaking) >= 2:
            return self.agreement(question, f"All {len(question.speaking)} sources that count the types of "
                                            f"{question.subject} give {values.pop()}.")
        return None
