from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import QUOTE_FIELDS, Context, position
from audit.compare.model import Question
from audit.compare.rules.base import Rule, join_names


class FREQ001(Rule):
    """Sources call different types the most common.

    Compares which types each source ranks as the most common ("X is the
    most common type", "X occurs most frequently", "X accounts for most
    cases"). A source that names two types jointly ("Types A and B are the
    most common forms") holds both; sources disagree only when what they name
    has nothing in common. When every source that ranks the types names the
    same one, it is an agreement.

    A rank within a narrower group ("the most common type of juvenile X",
    "the most common form in children") is compared only with ranks in the
    same group; a narrower scope of the condition that the lexicon names
    (its skin form, say) is compared with the whole condition and reported
    as a possible cause, unless the same source ranks another type first over
    the whole condition ("A is the most common form; B the most common acute
    form"). "The second most common form" is no rank of first.

    **Anti-pattern**: one article calls chronic migraine the most common type,
    another migraine without aura.

    **Best practice**: say in which population the type is most common.
    """

    code = "FREQ001"
    name = "most-common-differs"
    severity = "warning"
    facet = "frequency"

    def questions(self, ctx: Context):
        frequency = ctx.facet("frequency")
        ranked = frequency[(frequency["value"] == "most_common") & (frequency["polarity"] == "asserted")]
        if not len(ranked):
            return
        pooled = ctx.topic.condition_names()
        groups: dict[tuple[str, str], dict[str, dict[str, list[tuple]]]] = {}
        rows = list(ranked[[*QUOTE_FIELDS, "subject", "object"]].itertuples(index=False, name=None))
        # What each source ranks first over the whole condition: a source that also ranks another type first
        # within a scope the lexicon names ("PCT is the most common porphyria, AIP the most common acute one")
        # keeps the two apart.
        overall = {(row[0], row[len(QUOTE_FIELDS)]) for row in rows if not row[7]}
        overall_sources = {source for source, _subject in overall}
        for row in rows:
            record, (subject, obj) = row[:len(QUOTE_FIELDS)], row[len(QUOTE_FIELDS):]
            scoped_apart = record[7] in pooled and record[0] in overall_sources and (record[0], subject) not in overall
            # scopes the lexicon names stay comparable with the whole condition, unless the source keeps them apart
            within = record[7] if record[7] not in pooled or scoped_apart else ""
            groups.setdefault((obj, within), {}).setdefault(record[0], {}).setdefault(subject, []).append(record)
        for (obj, within), by_source in sorted(groups.items()):
            # One position per set of types a source names: "a + b" when it names both.
            by_value: dict[str, list[tuple]] = {}
            for source_id, by_subject in by_source.items():
                value = " + ".join(sorted(by_subject))
                by_value.setdefault(value, []).extend(r for records in by_subject.values() for r in records)
            names = {value: set(value.split(" + ")) for value in by_value}
            positions = tuple(position(value, f"{value} {'are' if len(names[value]) > 1 else 'is'} the most common",
                                       records) for value, records in sorted(by_value.items()))
            speaking = tuple(sorted(by_source))
            key = "most_common" + (f"|{within}" if within else "")
            yield Question(self.code, self.facet, obj, key, positions, speaking, ctx.silent(speaking),
                           details=(("within", within),))

    def judge(self, question: Question, ctx: Context):
        where = f" {question.detail('within')}" if question.detail("within") else ""
        sets = {p.value: set(p.value.split(" + ")) for p in question.positions}
        disjoint = any(not (sets[a] & sets[b]) for a in sets for b in sets)
        if disjoint:
            parts = [f"{p.value} ({join_names(p.sources)})" for p in question.positions]
            return self.finding(question, f"Sources call different types of{where} {question.subject} the most "
                                          f"common: {'; '.join(parts)}.", classify(question, ctx))
        common = set.intersection(*sets.values()) if sets else set()
        if len(question.speaking) >= 2 and common:
            named = " and ".join(sorted(common))
            jointly = [f"{join_names(p.sources)} also name{'s' if len(p.sources) == 1 else ''} "
                       f"{' and '.join(sorted(sets[p.value] - common))}" for p in question.positions
                       if sets[p.value] - common]
            return self.agreement(question, f"All {len(question.speaking)} sources that rank the types call {named} "
                                            f"the most common type of{where} {question.subject}"
                                            + (f" ({'; '.join(jointly)} jointly)" if jointly else "") + ".")
        return None
