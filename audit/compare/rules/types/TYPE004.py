from __future__ import annotations

from audit.compare.context import Context, position
from audit.compare.model import Cause, Question
from audit.compare.rules.base import Rule, join_names


class TYPE004(Rule):
    """A source's stated number of types differs from the types it names.

    An internal inconsistency: the article says "there are five main types"
    but names four, or states two different counts. A source that states a
    count and names no type at all is not flagged. A count that differs from
    the named types is *info* (usually a type described without its name);
    two different counts in one article are a *warning*.

    **Anti-pattern**: "There are five main types of migraine", then
    sections on four of them and a fifth described but never named.

    **Best practice**: name every type you count.
    """

    code = "TYPE004"
    name = "count-vs-named"
    # A count that differs from the names is mostly a type described but never named: a hint for the
    # editor (info). Two different counts in one article contradict each other (warning).
    severity = "info"
    facet = "type_count"
    groups_by = "source"

    def questions(self, ctx: Context):
        for source_id, counts in sorted(ctx.stated_counts.items()):
            named = ctx.named_types.get(source_id, {})
            positions = [position(value, f"states {value} types", records) for value, records in sorted(counts.items())]
            if named:
                positions.append(position(f"named:{len(named)}", f"names {len(named)}: {join_names(sorted(named))}",
                                          [r for records in named.values() for r in records]))
            # An internal finding's question is "does this source's count match its names?": keyed by the
            # source alone, never by its content or numbers, so editing "five" to "six" changes the finding
            # (same id) instead of resolving one and raising another, and a waiver on it survives the edit.
            yield Question(self.code, self.facet, ctx.topic.condition.name, source_id,
                           tuple(positions), (source_id,), (), for_truth=False,
                           details=(("source_id", source_id), ("named", str(len(named)))))

    def judge(self, question: Question, ctx: Context):
        source_id = question.detail("source_id")
        named = int(question.detail("named"))
        stated = sorted(int(p.value) for p in question.positions if p.value.isdigit())
        if named == 0 and len(stated) == 1:
            return None  # names no type at all: terse, not inconsistent
        if len(stated) == 1 and stated[0] == named:
            return None
        if len(stated) > 1:
            message = f"{source_id} states {join_names([str(n) for n in stated])} types of {question.subject}."
        else:
            message = f"{source_id} says there are {stated[0]} types of {question.subject} but names {named}."
        unnamed = Cause("contradiction", "internal: the count and the named types do not match; a type may be "
                                         "described without its name")
        return self.finding(question, message, (unnamed,), kind="internal",
                            severity="warning" if len(stated) > 1 else None)
