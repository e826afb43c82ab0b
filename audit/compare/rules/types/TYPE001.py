from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import Context, position, records_of
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names

# Most specific first: one position per source, taken from its most specific statement.
_RANK = {"stated": 0, "approximately": 1, "range": 2, "at least": 3, "more than": 3, "less than": 3, "up to": 3,
         "listed": 4, "vague": 5}
_OPEN = float("inf")


def _label(kind: str, value: str, word: str) -> tuple[str, str]:
    """(position value, label) for one way of counting."""
    if kind in ("stated", "approximately"):
        return value, f"{value} types"
    if kind == "range":
        return value, f"{value.replace('-', ' to ')} types"
    if kind == "listed":
        return f"{value} (listed)", f"{value} types listed, no number stated"
    if kind == "vague":
        return f"{word} (vague)", f"{word} types, no number stated"
    return f"{kind} {value}", f"{kind} {value} types"


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


class TYPE001(Rule):
    """Sources state different numbers of types.

    Compares the number of types each source states ("Four main forms exist",
    "There are five main types of migraine", "at least eight forms", "three
    to five types", "several types"). Every count is an interval: "at least
    eight" is 8 or more, "several" about 3 to 10, "many" 6 or more; a source
    that lists types without stating a number lists at least that many. Each
    source takes one position, its most specific statement (both, when it
    states two counts equally specifically, as a thread whose posters
    disagree may); the rule fires
    when two sources' intervals cannot both be true ("many types" against
    "three types"; "several" against "over 40"). Denied counts ("does not
    have five types") and counts reported from others or the past
    ("previously, there were more than 10 types") are not a source's position,
    nor is a count of one scope of the condition ("B, the group of types 2 and
    3, has two forms") when the source also counts the types of the whole
    condition.

    **Anti-pattern**: one article says four types, another five, a third
    lists six.

    **Best practice**: state the classification you follow and name it, or
    say that classifications differ.
    """

    code = "TYPE001"
    name = "type-count-differs"
    severity = "error"
    facet = "type_count"

    def _source_positions(self, ctx: Context) -> dict[str, list[tuple[int, str, str, str, tuple[float, float], list]]]:
        """source -> [(rank, kind, value, word, interval, records)] of its most specific counts.

        A source that states two different counts equally specifically (a forum thread whose posters
        disagree) holds both positions.
        """
        counts = ctx.facet("type_count")
        counts = ctx.whole_condition_first(counts[(counts["subject"] == ctx.topic.condition.name)
                                                  & (counts["polarity"] == "asserted") & (counts["hedge"] != "attributed")])
        best: dict[str, dict[tuple, list]] = {}
        for row, record in zip(counts.itertuples(index=False), records_of(counts)):
            kind = row.qualifier
            high = _OPEN if row.value_high != row.value_high or row.value_high is None else float(row.value_high)
            candidate = (_RANK.get(kind, 9), kind, row.value, row.hedge if kind == "vague" else "",
                         (float(row.value_low), high))
            current = best.get(row.source_id)
            if current is None or candidate[0] < next(iter(current))[0]:
                best[row.source_id] = {candidate: [record]}
            elif candidate[0] == next(iter(current))[0]:
                current.setdefault(candidate, []).append(record)
        for source_id in ctx.enumerating_sources:
            named = ctx.named_types.get(source_id, {})
            if len(named) < 2:
                continue
            records = [r for rows in named.values() for r in rows]
            listed = (_RANK["listed"], "listed", str(len(named)), "", (float(len(named)), _OPEN))
            current = best.get(source_id)
            if current is None:
                best[source_id] = {listed: records}
            elif len(current) == 1 and next(iter(current))[1] == "vague":
                vague = next(iter(current))
                low = max(listed[4][0], vague[4][0])
                high = vague[4][1]
                if low <= high:  # "several types, including A, B, C, D, E and F": at least six of several
                    best[source_id] = {(*listed[:4], (low, high)): records}
        return {source: [(*candidate, records) for candidate, records in sorted(entries.items(), key=lambda e: e[0][:4])]
                for source, entries in best.items()}

    def questions(self, ctx: Context):
        by_source = self._source_positions(ctx)
        if not by_source:
            return
        grouped: dict[tuple, list] = {}
        for entries in by_source.values():
            for rank, kind, value, word, interval, records in entries:
                key = (rank, kind, value, word)
                entry = grouped.setdefault(key, [interval, []])
                entry[0] = (max(entry[0][0], interval[0]), min(entry[0][1], interval[1]))
                entry[1].extend(records)
        positions = []
        intervals = []
        for (rank, kind, value, word), (interval, records) in sorted(
                grouped.items(), key=lambda item: (item[0][0] >= 4, item[1][0][0], item[0])):
            value_key, label = _label(kind, value, word)
            positions.append(position(value_key, label, records, basis="listed" if kind == "listed" else "stated"))
            intervals.append(f"{interval[0]:g}..{'' if interval[1] == _OPEN else format(interval[1], 'g')}")
        speaking = tuple(sorted(by_source))
        yield Question(self.code, self.facet, ctx.topic.condition.name, "", tuple(positions), speaking,
                       ctx.silent(speaking), details=tuple(("interval", i) for i in intervals))

    @staticmethod
    def _intervals(question: Question) -> list[tuple[float, float]]:
        out = []
        for name, text in question.details:
            if name == "interval":
                low, high = text.split("..")
                out.append((float(low), float(high) if high else _OPEN))
        return out

    def judge(self, question: Question, ctx: Context):
        intervals = self._intervals(question)
        pairs = list(zip(question.positions, intervals))
        clash = any(not _overlap(a[1], b[1]) and set(a[0].sources) != set(b[0].sources)
                    for i, a in enumerate(pairs) for b in pairs[i + 1:])
        if clash:
            stated = [p for p in question.positions if p.basis == "stated"]
            parts = [f"{p.label.replace(' types', '').replace(', no number stated', '')} ({join_names(p.sources)})"
                     for p in stated]
            message = f"Sources state different numbers of types of {question.subject}: {join_names(parts)}"
            listed = [p for p in question.positions if p.basis == "listed"]
            if listed:
                message += "; " + "; ".join(f"{join_names(p.sources)} list{'s' if len(p.sources) == 1 else ''} "
                                            f"{p.value.split(' ')[0]} without stating a number" for p in listed)
            return self.finding(question, message + ".", classify(question, ctx, scheme=True))
        if len(question.speaking) >= 2:
            stated = [p for p in question.positions if p.basis == "stated"]
            summary = join_names([p.label for p in question.positions])
            if len({p.value for p in question.positions}) == 1 and stated:
                return self.agreement(question, f"All {len(question.speaking)} sources that count the types of "
                                                f"{question.subject} give {stated[0].value}.")
            return self.agreement(question, f"The counts of types of {question.subject} are compatible: {summary}.")
        return None
