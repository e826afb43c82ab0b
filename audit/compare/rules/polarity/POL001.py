from __future__ import annotations

import re
from collections import Counter

from audit.compare.causes import classify
from audit.compare.context import MAX_QUOTED_SOURCES, MAX_QUOTES_PER_SOURCE, QUOTE_FIELDS, Context
from audit.compare.model import Position, Question, Quote
from audit.compare.rules.base import Rule, join_names

# Typical presence: what share of the people concerned have the symptom, as a band each wording allows.
# Two positions are incompatible when their bands do not overlap.
_BANDS = {
    ("asserted", "usually"): (0.50, 1.00),
    ("asserted", ""): (0.25, 1.00),       # stated as a feature, no hedge
    ("asserted", "often"): (0.30, 0.90),
    # "Common symptoms include: ...": among the common ones, a label of the group rather than a frequency of each
    # member; fits "some have it", not "rarely" or "usually absent"
    ("asserted", "commonly"): (0.21, 0.90),
    ("asserted", "sometimes"): (0.03, 0.29),  # "some", "sometimes": a minority, under a third
    ("asserted", "rarely"): (0.00, 0.10),
    ("negated", "rarely"): (0.90, 1.00),  # "rarely without"
    ("negated", "sometimes"): (0.00, 0.97),  # "not always", "may not": some do not have it
    ("negated", "often"): (0.00, 0.75),
    ("negated", "usually"): (0.00, 0.20),
    ("negated", ""): (0.00, 0.02),
    # "can cause pain", "may have": possible, not a frequency; fits anything but a plain denial
    ("asserted", "possibly"): (0.03, 1.00),
    ("negated", "possibly"): (0.00, 0.97),
}
_MODAL = re.compile(r"^(?:may|might|can|could)\b")
# A frequency word that labels a group of symptoms ("common symptoms include", "frequent signs are"), not one
_GROUP_LABEL = re.compile(r"^(?:the\s+)?(?:more\s+|most\s+|very\s+)?(?:common|frequent)\s+(?:\w+\s+)?"
                          r"(?:symptoms|signs|features|complaints|manifestations|findings|problems)$")
# "an important cause of X", "people at risk of X": X named as a possible consequence, not a frequency
_CONSEQUENCE = re.compile(r"^(?:causes?\s+of|risks?\s+(?:of|for))$")
_NAMES = {"asserted": "present", "negated": "absent"}
# A position of the whole condition that holds for each of its types: at most this share has the symptom
_RARE_AT_MOST = 0.10
# A type's stated frequency that such a position can contradict
_GRADED_PRESENT = ("usually present", "often present", "commonly present")
# A source's own position is its most specific statement: a stated frequency, then a plain statement, then
# "may"/"can"/"some"; prose before headings, table cells and list labels.
_SPECIFIC = {"usually": 3, "often": 3, "rarely": 3, "": 2, "commonly": 2, "sometimes": 1, "possibly": 0}
_FIELDS = [*QUOTE_FIELDS, "subject", "typicality", "extractor", "qualifier"]


def stance(polarity: str, typicality: str, hedge: str = "") -> str:
    """'usually absent', 'present', 'possibly present' ('sometimes' read from a modal alone is a possibility, and so
    is a plain mention as what the condition is a cause or a risk of; 'often' read from a group label alone is
    'commonly')."""
    if typicality == "sometimes" and _MODAL.match(hedge):
        typicality = "possibly"
    elif not typicality and polarity == "asserted" and _CONSEQUENCE.match(hedge.split(";")[0].strip()):
        typicality = "possibly"
    elif typicality == "often" and polarity == "asserted" and _GROUP_LABEL.match(hedge.split(";")[0].strip()):
        typicality = "commonly"
    return f"{typicality + ' ' if typicality else ''}{_NAMES.get(polarity, polarity)}"


_BAND_OF = {stance(p, t): band for (p, t), band in _BANDS.items()}


def compatible(a: str, b: str) -> bool:
    """Whether two positions ('usually absent', 'possibly present', ...) can both hold."""
    (low_a, high_a), (low_b, high_b) = _BAND_OF[a], _BAND_OF[b]
    return low_a <= high_b and low_b <= high_a


def _position(value: str, chosen: dict[str, list[tuple]]) -> Position:
    """One position: each source's own statement first, then its other statements on the question as context."""
    sources = tuple(sorted(chosen))
    quotes: list[Quote] = []
    for source_id in sources[:MAX_QUOTED_SOURCES]:
        seen: set[tuple[int, int]] = set()
        for record in chosen[source_id]:
            _, claim_id, quote, start, end, hedge, polarity, scope = record
            if (int(start), int(end)) in seen or len(seen) >= MAX_QUOTES_PER_SOURCE:
                continue
            seen.add((int(start), int(end)))
            quotes.append(Quote(source_id=source_id, claim_id=claim_id, quote=quote, start=int(start), end=int(end),
                                hedge=hedge, polarity=polarity, scope=scope))
    return Position(value=value, label=value, quotes=tuple(quotes), support=len(sources), source_ids=sources)


def source_positions(symptoms) -> dict[tuple[str, str], dict[str, tuple[str, list[tuple]]]]:
    """(symptom, scope) -> source -> (its position, [its own statement's record, then the others by place])."""
    groups: dict[tuple[str, str], dict[str, list[tuple]]] = {}
    for row in symptoms[_FIELDS].itertuples(index=False, name=None):
        record, (subject, typicality, extractor, qualifier) = row[:len(QUOTE_FIELDS)], row[len(QUOTE_FIELDS):]
        groups.setdefault((subject, record[7]), {}).setdefault(record[0], []).append(
            (record, typicality or "", extractor, qualifier == "personal"))
    result: dict[tuple[str, str], dict[str, tuple[str, list[tuple]]]] = {}
    for key, by_source in groups.items():
        for source_id, items in by_source.items():
            stances = [stance(r[6], t, r[5]) for r, t, _, _ in items]
            counts = Counter(stances)
            # a statement of what the condition does outranks one person's course ("she had the joint aches")
            best = max(range(len(items)), key=lambda i: (
                not items[i][3], items[i][2] != "symptom.listed", _SPECIFIC[stances[i].rsplit(" ", 1)[0] if " " in stances[i] else ""],
                counts[stances[i]], items[i][0][6] == "asserted", -int(items[i][0][3])))
            context = sorted((item[0] for i, item in enumerate(items) if i != best), key=lambda r: (int(r[3]), r[1]))
            result.setdefault(key, {})[source_id] = (stances[best], [items[best][0], *context])
    return result


class POL001(Rule):
    """Sources disagree on whether a symptom is typical.

    For each symptom, about the whole condition or about one type (a
    statement scoped to a type is compared only with statements about that
    type, and with a source's denial of the symptom in the whole condition,
    or its "rare in <condition>", when another source says how often that
    type has it: "chest pain is rare in <condition>" against "chest pain is
    common in <type>"), every source takes one position: its most specific statement (a
    stated frequency such as "usually" or "rarely", then a plain statement,
    then "may", "can" or "some"; a statement of what the condition does
    before one writer's own course, "I never had it", "she had it"), with
    its other statements on the symptom shown beside it as context. A
    source is never on two sides.

    Each position allows a band of how many people have the symptom: "usually
    absent" (at most a fifth), "absent" (none), "present" (a feature),
    "usually present" (most), "often present", "sometimes present", "rarely
    present". The rule fires when two sources' bands cannot both hold:
    usually absent against usually or plainly present, plainly absent against
    present, rarely against often, usually against sometimes, often ("many
    have it", at least about a third) against sometimes ("some have it", fewer
    than a third). A grade read only from a label of a group ("Common
    symptoms include: ...") says the symptom is among the common ones, not
    how many have each: "commonly present" is compatible with "sometimes
    present", not with "rarely" or "usually absent". "Can cause
    pain" is compatible with both "usually not painful" and "pain is a
    dominant symptom", and so is a symptom named only as what the condition
    is a cause or a risk of ("an important cause of sudden death", "people at
    risk of X"); when every position is compatible, it is an agreement.
    Hedges are shown beside each quote.

    **Anti-pattern**: "Usually, the condition is not painful" against "Pain
    is a dominant symptom".

    **Best practice**: say for whom and how often the symptom occurs.
    """

    code = "POL001"
    name = "typical-presence-conflict"
    severity = "warning"
    facet = "symptom"
    groups_by = "subject"

    def questions(self, ctx: Context):
        symptoms = ctx.facet("symptom")
        if not len(symptoms):
            return
        stated = source_positions(symptoms)
        for (subject, scope), by_source in sorted(stated.items()):
            part = scope and (ctx.topic.term("type", scope) is not None or ctx.topic.term("scope", scope) is not None)
            carried = self._carried(ctx, stated.get((subject, "")), by_source) if part else {}
            by_source = {**by_source, **carried}
            by_stance: dict[str, dict[str, list[tuple]]] = {}
            for source_id, (value, records) in by_source.items():
                by_stance.setdefault(value, {})[source_id] = records
            order = sorted(by_stance, key=lambda value: (-sum(_BAND_OF[value]), value))
            positions = tuple(_position(value, by_stance[value]) for value in order)
            speaking = tuple(sorted(by_source))
            yield Question(self.code, self.facet, subject, scope, positions, speaking, ctx.silent(speaking),
                           details=(("scope", scope),) + ((("whole", ",".join(sorted(carried))),) if carried else ()))

    @staticmethod
    def _carried(ctx: Context, whole: dict | None, by_source: dict) -> dict:
        """The sources that deny a symptom of the whole condition, or call it rare in it, and say nothing of it
        for this type, when another source says how often the type has it ("X is rare in <condition>" against
        "X is common in <type>"): a denial of the whole holds for each of its types. Not other grades ("usually
        present" of the whole does not say every type has it), not against a type's plain mention (a name, a
        list of a variant's features), not for an entity the lexicon keeps outside the types."""
        if not whole or not any(value in _GRADED_PRESENT for value, _ in by_source.values()):
            return {}
        return {source_id: (value, records) for source_id, (value, records) in whole.items()
                if source_id not in by_source and _BAND_OF[value][1] <= _RARE_AT_MOST}

    def judge(self, question: Question, ctx: Context):
        if len(question.speaking) < 2:
            return None
        about = question.subject + (f" in {question.detail('scope')}" if question.detail("scope") else "")
        whole = set(filter(None, (question.detail("whole") or "").split(",")))
        values = [p.value for p in question.positions]
        clashing = {v for v in values for w in values if not compatible(v, w)}
        if clashing:
            def said(p: Position) -> str:
                hedges: dict[str, str] = {}
                for q in p.quotes:  # each source's own statement comes first
                    hedges.setdefault(q.source_id, q.hedge)
                names = join_names([s + (f" ('{hedges[s]}')" if hedges.get(s) else "")
                                    + (f" (of {ctx.topic.condition.name} as a whole)" if s in whole else "")
                                    for s in p.sources])
                return f"{p.value} by {names}"
            sides = [said(p) for p in question.positions if p.value in clashing]
            either = [p for p in question.positions if p.value not in clashing]
            message = f"Sources disagree on how typical '{about}' is: " + "; ".join(sides) + "."
            if either:
                message += " Compatible with either: " + "; ".join(said(p) for p in either) + "."
            return self.finding(question, message, classify(question, ctx, hedges=True))
        if len(question.positions) == 1:
            return self.agreement(question, f"{len(question.speaking)} sources agree that '{about}' is "
                                            f"{question.positions[0].value}.")
        return self.agreement(question, f"{len(question.speaking)} sources' statements on '{about}' are compatible: "
                                        + "; ".join(f"{p.value} ({join_names(p.sources)})"
                                                    for p in question.positions) + ".")
