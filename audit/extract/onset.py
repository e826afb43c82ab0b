"""Facet ``onset``: when a source says the condition (or one of its types) begins, and how typically.

"Signs and symptoms are usually present at birth", "It usually starts in
childhood. Sometimes the symptoms are present at birth", "Symptoms often
start in the teen years", "most often develops between the ages of 15 and 44",
"may be evident at birth and nearly always by the time the child is 10 years
old". Each statement becomes one claim whose ``value`` names the age (``birth``,
``childhood``, ``ages 15-44``, ``by age 10``) and whose ``value_low`` /
``value_high`` give it in years, so the comparison (ONSET001) checks overlap
of age intervals rather than wording. ``typicality`` comes from the frequency
word nearest before the age ("usually", "often", "sometimes", "may"); ``scope``
is the type the statement is about (named before the age in the sentence, or
the type an anaphoric or generic subject - "It", "Symptoms" - refers back to).

Only the onset of the condition is read: "may develop hearing loss in
adulthood" dates a symptom (the symptom facet keeps it), so a symptom named
between the onset verb and the age, or as the verb's subject, rules the
statement out.

Hand-written patterns: quantity libraries (quantulum3, number-parser, measured
for figures in audit/extract/prevalence.py) read numbers, not life stages such
as "in the teen years" or "at birth".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence, table_cells
from audit.extract.claim import Claim
from audit.extract.clauses import clauses, is_negated, masked
from audit.extract.cues import ANAPHOR_PATTERN
from audit.extract.typicality import clause_cues
from audit.textfold import lower_same_length

FACET = "onset"
OLDEST = 100.0  # the open end of "in adulthood", "after age 40", in years

# The verb or noun that says something begins: "starts", "is usually present", "onset is", "first appear".
_ONSET_PREDICATE = re.compile(
    r"\b(?:starts?|started|starting|begins?|began|beginning|appears?|appeared|develops?|developed|arises?|emerges?|"
    r"first\s+(?:occurs?|occurred|noticed|seen|appear)|onset|shows?\s+up|"
    # "the first attack typically occurs in ...", "we had our first attack as teenagers"
    r"first\s+(?:attacks?|episodes?|flares?|outbreaks?)\s+(?:\w+\s+){0,2}?(?:occurs?|occurred|happens?|happened|"
    r"comes?|came|appears?|appeared|is|was)|(?:had|have|has)\s+(?:\w+\s+)?first\s+(?:attacks?|episodes?|flares?)|"
    r"(?:is|are|was|were|be|becomes?|become)\s+(?:\w+\s+){0,2}?(?:present|evident|apparent|noticeable|obvious|"
    r"noticed|recognized|recognised|detected|visible|symptomatic)|(?:is|are)\s+born\s+with|"
    r"(?:usually|typically|generally|often|first)\s+presents|shows?\s+(?:signs|symptoms)|showed\s+(?:signs|symptoms)|"
    # "presents within the first weeks", "rarely causes symptoms before the age of 60"
    r"(?:presents?|presented)(?=\s+(?:in|within|at|during|before|after|by|around)\b)|"
    r"(?:causes?|caused|causing)\s+(?:any\s+)?(?:symptoms|signs|problems)|"
    # "almost never occurs before age 50": a bound on when it begins
    r"(?:occurs?|occurred|happens?)(?=\s+(?:\w+\s+)?(?:before|after|under|past)\b))\b")
# A life stage (or an age interval) after the predicate, with at most a few words between.
_AGE = r"(?P<{name}>\d{{1,3}})"
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
                 "fifty": 50, "sixty": 60}
_DECADES = {"teens": (13, 19), "twenties": (20, 29), "thirties": (30, 39), "forties": (40, 49), "fifties": (50, 59),
            "sixties": (60, 69), "20s": (20, 29), "30s": (30, 39), "40s": (40, 49), "50s": (50, 59), "60s": (60, 69)}
_NUMBER = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"


@dataclass(frozen=True)
class Stage:
    label: str
    low: float
    high: float


# (pattern, label, low, high) in years. Neighbouring stages do not overlap ("at birth" 0-0, "in childhood"
# 1-11.9, "in the teen years" 12-19), while "by age 10" overlaps birth and childhood.
_STAGES: list[tuple[re.Pattern[str], str, float, float]] = [
    (re.compile(r"\b(?:at|from|since|before|around)\s+birth\b|\bin\s+the\s+(?:womb|(?:newborn|neonatal)\s+period)\b|"
                r"\bprenatally\b"), "birth", 0.0, 0.0),
    (re.compile(r"\b(?:in|during)\s+(?:early\s+)?infancy\b|\bin\s+the\s+first\s+(?:few\s+)?(?:days|weeks|months|year)\s+of\s+life\b|"
                r"\bwithin\s+the\s+first\s+(?:few\s+)?(?:weeks|months|year)(?:\s+of\s+life)?\b|"
                r"\b(?:in|during|within)\s+the\s+first\s+(?:few\s+)?(?:days|weeks|months)\s+(?:after|following)\s+birth\b"),
     "infancy", 0.01, 2.0),
    (re.compile(r"\b(?:in|during)\s+early\s+childhood\b"), "early childhood", 1.0, 6.0),
    (re.compile(r"\b(?:in|during)\s+(?:the\s+)?toddler\s+years\b|\bas\s+(?:a\s+)?toddlers?\b|\bin\s+toddlerhood\b"),
     "toddler years", 1.0, 3.0),
    (re.compile(r"\b(?:at|by|around|in|of)\s+(?:the\s+)?school[\s-]age\b|\bin\s+(?:the\s+)?(?:early\s+)?school\s+years\b"),
     "school age", 5.0, 12.0),
    (re.compile(r"\bbefore\s+puberty\b"), "before puberty", 0.0, 11.9),
    (re.compile(r"\bafter\s+puberty\b"), "after puberty", 12.0, OLDEST),
    (re.compile(r"\b(?:in|during)\s+(?:late\s+|middle\s+)?childhood\b"), "childhood", 1.0, 11.9),
    (re.compile(r"\b(?:in|during)\s+(?:the\s+)?(?:teen|teenage)\s+years\b|\b(?:in|during)\s+adolescence\b|"
                r"\b(?:during|at|around)\s+puberty\b|\bas\s+(?:teenagers|teens|a\s+teenager|adolescents)\b"),
     "teen years", 12.0, 19.0),
    (re.compile(r"\b(?:in|during)\s+(?:early|young)\s+adulthood\b"), "young adulthood",
     18.0, 35.0),
    (re.compile(r"\b(?:in|during)\s+middle\s+age\b|\bin\s+midlife\b"), "middle age", 40.0, 65.0),
    (re.compile(r"\b(?:in|during)\s+adulthood\b|\bin\s+adult\s+life\b"), "adulthood", 18.0, OLDEST),
    (re.compile(r"\blater\s+in\s+life\b|\bin\s+old\s+age\b"),
     "later life", 50.0, OLDEST),
    (re.compile(r"\bat\s+any\s+age\b"), "any age", 0.0, OLDEST),
    (re.compile(r"\bat\s+(?:an\s+early|a\s+young)\s+age\b|\bearly\s+in\s+life\b"), "early in life", 0.0, 18.0),
]
# Numbers that are not ages: "between 5 and 10 percent of patients", "2 and 10 days after an injury".
_NOT_YEARS = r"(?!\s*(?:%|percent|per\s*cent|months?|weeks?|days?|hours?|times|cases|patients|people))"
_RANGE = re.compile(rf"\bbetween\s+(?:the\s+)?(?:ages?\s+(?:of\s+)?)?(?P<low>{_NUMBER})\s+(?:and|to)\s+"
                    rf"(?P<high>{_NUMBER})\b{_NOT_YEARS}|\b(?:at\s+)?ages?\s+(?P<low2>{_NUMBER})\s*(?:to|-|–|through)\s*"
                    rf"(?P<high2>{_NUMBER})\b{_NOT_YEARS}")
# "around 5 to 6 months of age", "by 4 months of age": months read as years.
_MONTHS = re.compile(rf"\b(?:(?P<word>by|before|after|around|about|at|between)\s+)?(?:the\s+)?(?:age\s+of\s+)?"
                     rf"(?P<low>{_NUMBER})(?:\s*(?:to|-|–|and)\s*(?P<high>{_NUMBER}))?\s+months?"
                     rf"(?P<age>\s+of\s+age|\s+old)?\b(?!\s+(?:after|of\s+(?:treatment|therapy|use)))")
# "in the fourth decade of life": ages 30-39.
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
_DECADE_OF_LIFE = re.compile(r"\bin\s+the\s+(?P<ordinal>" + "|".join(_ORDINALS) + r")(?:\s+(?:or|to|and)\s+(?P<last>"
                             + "|".join(_ORDINALS) + r"))?\s+decades?(?:\s+of\s+life)?\b")
_MEAN_AGE = re.compile(r"\b(?P<stat>mean|median|average)\s+age\s+(?:of|at)\s+onset\s+(?:is|was|of)\s+"
                       r"(?:about\s+|around\s+|approximately\s+|roughly\s+)?(?P<age>\d{1,2})\b(?![.,]\d)(?:\s+years)?")
_AGED = re.compile(rf"\baged\s+(?P<low>{_NUMBER})\s*(?:to|-|–|and)\s*(?P<high>{_NUMBER})\b")
_BEFORE = re.compile(rf"\b(?P<word>before|by|under)\s+(?:the\s+)?(?:age\s+(?:of\s+)?|time\s+(?:the\s+)?"
                     rf"(?:child|person|baby|patient)\s+is\s+)(?P<age>{_NUMBER})\b")
_AFTER = re.compile(rf"\b(?:after|over|past|from)\s+(?:the\s+)?age\s+(?:of\s+)?(?P<age>{_NUMBER})\b")
# A bare number as an age: "late-onset variants begin after 50", "rarely starts before 20" (not "after 2 weeks",
# "after 50 doses"): only a number that ends the phrase or is followed by "years old / of age".
_BARE_AGE = re.compile(r"\b(?P<word>after|before|past)\s+(?P<age>\d{2})(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|but|whereas|while|"
                       r"in|among|for)\b|\s+years?\s+(?:old|of\s+age)\b)")
# "in the first two years of life": an upper bound (not "the first two years of treatment").
_FIRST_YEARS = re.compile(rf"\b(?:in|during|within|over)\s+the\s+first\s+(?P<age>{_NUMBER})\s+(?P<unit>years|months)"
                          rf"(?:\s+of\s+life|(?!\s+(?:of|after|following|since|from|on)\b))")
# "in a child younger than 16", "in people over 40", "in those older than 60": the age of whom it starts in.
_PEOPLE_AGED = re.compile(rf"\b(?:(?:(?:a|an|the)\s+)?(?:child|children|kids?|people|persons?|patients?|someone|anyone|"
                          rf"those|individuals?|adults?|babies|infants?)\s+(?:who\s+(?:is|are)\s+)?(?:(?P<under>under|"
                          rf"below)|(?P<over>over|above))\s+|(?P<younger>younger|older)\s+than\s+)(?:the\s+age\s+of\s+|"
                          rf"age\s+)?(?P<age>{_NUMBER})\b{_NOT_YEARS}")
_DECADE_WORD = r"teens|twenties|thirties|forties|fifties|sixties|[2-6]0s"
# "in their teens", "in their teens or early 20s": a decade, or two joined
_DECADE = re.compile(r"\bin\s+(?:their|the|your|one's|our|my|his|her)\s+(?:early\s+|late\s+|mid-?\s*)?"
                     rf"(?P<decade>{_DECADE_WORD})(?:\s+(?:or|to|and)\s+(?:(?:their|the)\s+)?(?:early\s+|late\s+|mid-?\s*)?"
                     rf"(?P<last>{_DECADE_WORD}))?\b")
# Where a stage may follow without its own preposition: "in adolescence or early adulthood", "between early
# childhood and adolescence".
_COORDINATED = re.compile(r"(?:(?:birth|infancy|childhood|years|adolescence|puberty|adulthood|age)\s+(?:or|and|to|through)"
                          r"|\b(?:between|from|until|till))\s+")
# "does not show up until school age": a denial up to a stage says it begins at that stage.
_UNTIL = re.compile(r"\b(?:until|till)\s+$")
# A denial of that kind, also as informal text writes it: "doesnt show up till".
_NOT_BEFORE = re.compile(r"\b(?:not|never|(?:is|are|was|were|do|does|did|has|have|had)n'?t|won't|can't|cannot)\b")
_RANGE_LEAD = re.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:in\s+)?$")
_STAGE_WINDOW = 60
_RANGE_JOIN = re.compile(r"\s+(?:and|to|through|until)\s+")
# A judgement of the onset right after the age: "onset in childhood is rare".
_JUDGED_AFTER = re.compile(r"\s*(?:is|are|was|were)\s+(?:very\s+|quite\s+|extremely\s+|most\s+)?"
                           r"(?P<word>rare|uncommon|unusual|exceptional|common|typical|usual)\b")
_JUDGEMENT = {"rare": "rarely", "uncommon": "rarely", "unusual": "rarely", "exceptional": "rarely", "common": "often",
              "typical": "usually", "usual": "usually"}
_MAX_GAP_WORDS = 5  # words between the predicate and the age ("starts most often in", "is evident at birth")
# A subject that refers back to the type the previous sentence was about.
_GENERIC_SUBJECT = re.compile(r"^\W*(?:(?:sometimes|often|usually|typically|generally|rarely|occasionally),?\s+)?(?:the\s+)?(?:first\s+)?(?:signs?\s+and\s+symptoms|symptoms?\s+and\s+signs?|"
                              r"symptoms|signs|it|they|(?:first\s+)?(?:attacks?|episodes?|flares?|outbreaks?))\b")


def _number(text: str) -> float:
    return float(text) if text.isdigit() else float(_NUMBER_WORDS[text])


def stages_in(text: str) -> list[tuple[int, int, Stage]]:
    """Every life stage or age interval in ``text`` (folded), as (start, end, stage), in order."""
    found: list[tuple[int, int, Stage]] = []
    for pattern, label, low, high in _STAGES:
        found += [(m.start(), m.end(), Stage(label, low, high)) for m in pattern.finditer(text)]
    for m in _RANGE.finditer(text):
        low, high = _number(m.group("low") or m.group("low2")), _number(m.group("high") or m.group("high2"))
        if low < high <= OLDEST:
            found.append((m.start(), m.end(), Stage(f"ages {low:g}-{high:g}", low, high)))
    for m in _BEFORE.finditer(text):
        age = _number(m.group("age"))
        found.append((m.start(), m.end(), Stage(f"{'by' if m.group('word') == 'by' else 'before'} age {age:g}",
                                                0.0, age)))
    for m in _AFTER.finditer(text):
        age = _number(m.group("age"))
        found.append((m.start(), m.end(), Stage(f"after age {age:g}", age, OLDEST)))
    for m in _BARE_AGE.finditer(text):
        age = float(m.group("age"))
        if m.group("word") == "before":
            found.append((m.start(), m.end(), Stage(f"before age {age:g}", 0.0, age)))
        else:
            found.append((m.start(), m.end(), Stage(f"after age {age:g}", age, OLDEST)))
    for m in _FIRST_YEARS.finditer(text):
        age = _number(m.group("age"))
        if m.group("unit") == "months":  # "in the first 18 months of life"
            found.append((m.start(), m.end(), Stage(f"before {age:g} months", 0.0, round(age / 12, 3))))
        else:
            found.append((m.start(), m.end(), Stage(f"before age {age:g}", 0.0, age)))
    for m in _PEOPLE_AGED.finditer(text):
        age = _number(m.group("age"))
        if m.group("under") or m.group("younger") == "younger":
            found.append((m.start(), m.end(), Stage(f"before age {age:g}", 0.0, age)))
        else:
            found.append((m.start(), m.end(), Stage(f"after age {age:g}", age, OLDEST)))
    for m in _COORDINATED.finditer(text):  # "at birth or within the first months", "in adolescence or early adulthood"
        rest = "in " + text[m.end():m.end() + _STAGE_WINDOW]  # a stage is a few words: a bounded window
        for pattern, label, low, high in _STAGES:
            bare, prefixed = pattern.match(rest, 3), pattern.match(rest)
            length = bare.end() - 3 if bare else (prefixed.end() - 3 if prefixed else 0)
            if length > 0:
                found.append((m.end(), m.end() + length, Stage(label, low, high)))
                break
    for m in _MONTHS.finditer(text):
        if not (m.group("age") or m.group("word") in ("by", "before", "at")):
            continue  # "2 to 3 months after starting the drug" is a delay, not an age
        low = _number(m.group("low")) / 12
        high = _number(m.group("high")) / 12 if m.group("high") else low
        word = m.group("word") if m.group("word") in ("by", "before", "after") else ""
        months = f"{m.group('low')}{'-' + m.group('high') if m.group('high') else ''} months"
        if word in ("by", "before"):
            found.append((m.start(), m.end(), Stage(f"{word} {months}", 0.0, round(high, 3))))
        elif word == "after":
            found.append((m.start(), m.end(), Stage(f"after {months}", round(low, 3), OLDEST)))
        else:
            found.append((m.start(), m.end(), Stage(f"at {months}", round(low, 3), round(high, 3))))
    for m in _MEAN_AGE.finditer(text):  # "the mean age of onset is about 22 years": the number is the stage
        age = float(m.group("age"))
        found.append((m.start("age"), m.end(), Stage(f"{m.group('stat')} age {age:g}", age, age)))
    for m in _DECADE_OF_LIFE.finditer(text):
        decade = _ORDINALS[m.group("ordinal")]
        last = _ORDINALS[m.group("last")] if m.group("last") else decade  # "the third or fourth decade"
        found.append((m.start(), m.end(), Stage(f"ages {(decade - 1) * 10}-{last * 10 - 1}",
                                                float((decade - 1) * 10), float(last * 10 - 1))))
    for m in _AGED.finditer(text):
        low, high = _number(m.group("low")), _number(m.group("high"))
        if low < high <= OLDEST:
            found.append((m.start(), m.end(), Stage(f"ages {low:g}-{high:g}", low, high)))
    for m in _DECADE.finditer(text):
        low, high = _DECADES[m.group("decade")]
        label = f"in the {m.group('decade')}"
        if m.group("last") and _DECADES[m.group("last")][1] > high:
            high = _DECADES[m.group("last")][1]
            label += f" to {m.group('last')}"
        found.append((m.start(), m.end(), Stage(label, float(low), float(high))))
    found.sort(key=lambda item: (item[0], -item[1]))
    kept: list[tuple[int, int, Stage]] = []
    for item in found:  # overlapping readings: the first, longest wins
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return _joined_ranges(text, kept)


def _joined_ranges(text: str, stages: list[tuple[int, int, Stage]]) -> list[tuple[int, int, Stage]]:
    """"between early childhood and adolescence", "from infancy to adulthood": one interval spanning both."""
    joined: list[tuple[int, int, Stage]] = []
    for item in stages:
        if joined:
            start, end, first = joined[-1]
            lead = _RANGE_LEAD.search(text, max(0, start - 20), start)
            if lead and _RANGE_JOIN.fullmatch(text[end:item[0]]) and first.low <= item[2].high:
                stage = Stage(f"{first.label} to {item[2].label}", first.low, max(first.high, item[2].high))
                joined[-1] = (start, item[1], stage)
                continue
        joined.append(item)
    return joined


def _previous_subject(analysis: DocumentAnalysis, sentence: Sentence) -> str | None:
    """The type the previous sentence of the block (or its part after a colon) opens with."""
    if sentence.index == 0:
        return None
    previous = analysis.sentences[sentence.index - 1]
    if previous.block_index != sentence.block_index:
        return None
    part_start = previous.start + previous.folded.rfind(":") + 1
    first = next((m for m in previous.mentions_of(*TYPE_LIKE) if m.start >= part_start), None)
    if first is None or analysis.folded[part_start:first.start].strip(" -\u2022*"):
        return None
    return first.name


def _scope(analysis: DocumentAnalysis, sentence: Sentence, clause_start: int, at: int, since: int = 0) -> str:
    """The type the onset at absolute offset ``at`` is stated for ("" for the whole condition): the first type
    its clause names (its subject), not one it is compared with ("milder than B"); else the sentence's.

    ``since`` (absolute) ends the clause's previous onset: "A starts in childhood, and B begins after 30" dates
    B with the second age, the type named after the first one."""
    before = [t for t in sentence.mentions_of(*TYPE_LIKE) if t.end <= at
              and not _COMPARED.search(analysis.folded, max(sentence.start, t.start - 12), t.start)]
    in_clause = [t for t in before if t.start >= clause_start]
    recent = [t for t in in_clause if t.start >= since] if since else []
    if recent:
        return recent[0].name
    if in_clause:
        return in_clause[0].name
    if _RELATIVE.match(analysis.folded, clause_start):
        antecedent = next((t for t in reversed(before) if t.end <= clause_start), None)
        if antecedent is not None and _ANTECEDENT_GAP.fullmatch(analysis.folded, antecedent.end, clause_start):
            return antecedent.name
    if before:
        return before[0].name
    if ANAPHOR_PATTERN.match(sentence.folded) or _GENERIC_SUBJECT.match(sentence.folded):
        # "NF1 causes X. Signs and symptoms are usually present at birth.": the type just described.
        return _previous_subject(analysis, sentence) or sentence.context_type or ""
    return ""


def _predicate_before(clause: str, stage_start: int) -> re.Match[str] | None:
    """The onset predicate the stage at ``stage_start`` completes, if it is near enough before it."""
    best = None
    for match in _ONSET_PREDICATE.finditer(clause):  # the whole clause: a predicate may look ahead ("presents in")
        if match.end() > stage_start:
            break
        best = match
    if best is None:
        return None
    between = clause[best.end():stage_start]
    if len(between.split()) > _MAX_GAP_WORDS:
        return None
    return best


# A subgroup named as the subject instead of a type: "the V30M variant", "late-onset variants", "the severe form".
# Only with a modifier of its own: "most forms" or "some cases" still speak of the condition.
_SUBGROUP = re.compile(r"(?<![\w-])(?P<group>(?!(?:the|a|an|some|most|many|all|other|these|those|both|each|every|certain|"
                       r"such|its|their|this|that|few)\b)[\w-]+\s+(?:variants?|mutations?|subtypes?|forms?|kinds?|"
                       r"genotypes?|families))\b")


def _subgroup(sentence: Sentence, clause_start: int, predicate_start: int) -> str:
    """A subgroup the clause names before its onset predicate, when it names no type there."""
    if any(clause_start <= t.start < predicate_start for t in sentence.mentions_of(*TYPE_LIKE)):
        return ""
    found = _SUBGROUP.search(_unnamed(sentence, clause_start, predicate_start))
    return " ".join(found.group("group").split()) if found else ""


_COMPARED = re.compile(r"\b(?:than|unlike|like|as)\s+(?:the\s+|in\s+)?$")
_ALMOST_NEVER = re.compile(r"\b(?:almost|nearly|hardly|virtually)\s+(?:never|ever)\b")
# ", and B usually begins ...": a coordinated clause with a subject of its own.
_COORDINATION = re.compile(r",\s+(?:and|while|whereas)\s")
# A clause that opens with a condition: "When it starts before puberty, ...", "If it begins in childhood, ...".
_CONDITIONAL = re.compile(r"\W*(?P<word>when|whenever|if)\b")
# "develops normally", "did not develop properly": growth of a body part, not the condition's onset.
_GROWTH = re.compile(r"\s+(?:properly|normally|correctly|fully|completely|as\s+it\s+should)\b")
# A relative clause ", which usually appears after age 12" is said of the name just before its comma.
_RELATIVE = re.compile(r"\s*(?:which|who)\b")
_ANTECEDENT_GAP = re.compile(r"[\s,]*")
# What begins is a treatment, a study or the like, not the condition: "Preventive treatment should begin in
# childhood", "The study began in 2005".
_NOT_THE_CONDITION = re.compile(r"\b(?:treatment|therapy|therapies|study|studies|trial|trials|screening|care|"
                                r"research|program|programme|school|medication|injections?)\b")


# A table column of onset ages: "Typical age at onset", "Usual age when it starts", "Age at presentation".
# (Every alternative holds a word of the onset gate in audit/extract/regions.py: only such a header row is read.)
_ONSET_HEADER = re.compile(r"\bonset\b|\bage\b.*\b(?:starts?|begins?|appears?|presentation|first\s+(?:symptoms?|signs?))\b|"
                           r"\bwhen\s+(?:it|they|symptoms|signs)\s+(?:starts?|begins?|appears?)\b")
_TYPICAL_HEADER = re.compile(r"\b(?:typical|typically|usual|usually|common|commonest|most\s+often|median|mean|average)\b")
# A cell's ages, written without the verb and preposition prose needs: "1-3 years", "over 8 years", "teens".
_CELL_RANGE = re.compile(r"(?<![\d.])(?P<low>\d{1,2})\s*(?:-|\u2013|\u2014|to)\s*(?P<high>\d{1,2})(?![\d.%])"
                         r"(?:\s*(?P<unit>months?|years?|yrs?)\b)?")
_CELL_BOUND = re.compile(r"\b(?:(?P<over>over|after|above|older\s+than|from)|(?P<under>under|before|below|younger\s+than|by))"
                         r"\s+(?:(?:the\s+)?age\s+(?:of\s+)?)?(?P<age>\d{1,2})(?![\d.%])(?:\s*(?P<unit>months?|years?|yrs?)\b)?")
_CELL_WHO = re.compile(r"\b(?:newborns?|babies|infants|toddlers|young\s+children|older\s+children|children|kids|teens|"
                       r"teenagers|adolescents|young\s+adults|older\s+adults|elderly|adults|(?:later?|older)\s+adulthood|"
                       r"any\s+age(?!\s+(?:in|during)\b))\b")
_WHO_STAGES = {"newborn": Stage("birth", 0.0, 0.0), "newborns": Stage("birth", 0.0, 0.0),
               "babies": Stage("infancy", 0.01, 2.0), "infants": Stage("infancy", 0.01, 2.0),
               "toddlers": Stage("toddler years", 1.0, 3.0), "young children": Stage("early childhood", 1.0, 6.0),
               "older children": Stage("later childhood", 6.0, 11.9), "children": Stage("childhood", 1.0, 11.9),
               "kids": Stage("childhood", 1.0, 11.9), "teens": Stage("teen years", 12.0, 19.0),
               "teenagers": Stage("teen years", 12.0, 19.0), "adolescents": Stage("teen years", 12.0, 19.0),
               "young adults": Stage("young adulthood", 18.0, 35.0), "adults": Stage("adulthood", 18.0, OLDEST),
               "older adults": Stage("later life", 50.0, OLDEST), "elderly": Stage("later life", 50.0, OLDEST),
               "later adulthood": Stage("later life", 50.0, OLDEST), "late adulthood": Stage("later life", 50.0, OLDEST),
               "older adulthood": Stage("later life", 50.0, OLDEST), "any age": Stage("any age", 0.0, OLDEST)}


def _cell_stages(cell: str, folded_cell: str) -> list[Stage]:
    """The ages a table cell under an onset header gives (``cell`` lower-cased with its dashes, ``folded_cell``
    folded; same length): the stages prose would give after "in", age ranges and bounds, and who it starts in."""
    found = [(max(0, start - 3), end - 3, stage) for start, end, stage in stages_in("in " + folded_cell) if end > 3]
    for m in _CELL_RANGE.finditer(cell):
        low, high = float(m.group("low")), float(m.group("high"))
        if m.group("unit") and m.group("unit").startswith("month"):
            found.append((m.start(), m.end(), Stage(f"at {m.group('low')}-{m.group('high')} months",
                                                    round(low / 12, 3), round(high / 12, 3))))
        elif low < high:
            found.append((m.start(), m.end(), Stage(f"ages {low:g}-{high:g}", low, high)))
    for m in _CELL_BOUND.finditer(cell):
        age = float(m.group("age"))
        if m.group("unit") and m.group("unit").startswith("month"):
            age = round(age / 12, 3)
        if m.group("under"):
            found.append((m.start(), m.end(), Stage(f"before age {age:g}", 0.0, age)))
        else:
            found.append((m.start(), m.end(), Stage(f"after age {age:g}", age, OLDEST)))
    for m in _CELL_WHO.finditer(folded_cell):
        found.append((m.start(), m.end(), _WHO_STAGES[" ".join(m.group(0).split())]))
    found.sort(key=lambda item: (item[0], -item[1]))
    kept: list[tuple[int, int, Stage]] = []
    for item in found:  # overlapping readings: the first, longest wins
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return [stage for _start, _end, stage in kept]


def _unnamed(sentence: Sentence, start: int, end: int) -> str:
    """The folded text between absolute offsets ``start`` and ``end`` with lexicon mentions taken out."""
    text, cursor = [], start
    for mention in sentence.mentions:
        if start <= mention.start and mention.end <= end:
            text.append(sentence.folded[sentence.rel(cursor):sentence.rel(mention.start)])
            cursor = mention.end
    text.append(sentence.folded[sentence.rel(cursor):sentence.rel(end)])
    return "".join(text)


def _table_onsets(analysis: DocumentAnalysis, header: Sentence) -> Iterator[Claim]:
    """Claims from the rows under a header row with an onset column: each row's age in that column, for the
    type its first cell names (or the condition itself)."""
    if header.index > 0 and analysis.sentences[header.index - 1].block.kind == "row":
        return  # not the table's first row
    columns = table_cells(header.folded)
    column = next((i for i, (a, b) in enumerate(columns) if i > 0 and _ONSET_HEADER.search(header.folded, a, b)), None)
    if column is None:
        return
    typical = _TYPICAL_HEADER.search(header.folded, *columns[column])
    condition_names = analysis.topic.condition_names()
    index = header.index + 1
    while index < len(analysis.sentences) and analysis.sentences[index].block.kind == "row":
        row = analysis.sentences[index]
        index += 1
        cells = table_cells(row.folded)
        if len(cells) <= column:
            continue
        first_start, first_end = (row.start + at for at in cells[0])
        named = [m for m in row.mentions if first_start <= m.start and m.end <= first_end]
        # the type the row is about; a type over an umbrella entity ("Polyarthritis, RF-negative")
        subject = next((m for m in named if m.kind == "type"), None) or next(
            (m for m in named if m.kind in TYPE_LIKE or m.name in condition_names), None)
        if subject is None or re.search(r"[a-z]", _unnamed(row, first_start, subject.start)):
            continue  # "Advanced X": a word before the name makes the row about something narrower than X
        scope = "" if subject.name in condition_names else subject.name
        start, end = cells[column]
        for stage in _cell_stages(lower_same_length(row.text[start:end]), row.folded[start:end]):
            yield Claim(
                source_id=analysis.document.source_id, facet=FACET, subject=analysis.topic.condition.name,
                value=stage.label, value_low=stage.low, value_high=stage.high, unit="years", scope=scope,
                polarity="asserted", hedge=typical.group(0) if typical else "", typicality="usually" if typical else "",
                quote=row.text, start=row.start, end=row.end, extractor="onset.table")


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:

    for sentence in analysis.sentences_for(FACET):
        if sentence.block.kind == "row":
            yield from _table_onsets(analysis, sentence)
            continue
        if sentence.is_question or sentence.block.kind == "heading":
            continue
        folded = sentence.folded
        if not _ONSET_PREDICATE.search(folded):
            continue
        masked_text = masked(sentence)  # lexicon names are not frequency cues ("common X")
        symptom_spans = [(sentence.rel(m.start), sentence.rel(m.end)) for m in sentence.mentions_of("symptom")]
        treatment_spans = [(sentence.rel(m.start), sentence.rel(m.end)) for m in sentence.mentions_of("treatment")]
        for clause_start, clause_end in clauses(sentence):
            clause = folded[clause_start:clause_end]
            stages = stages_in(clause)
            if not stages:
                continue
            cues = clause_cues(masked_text[clause_start:clause_end])
            previous_verb_end = previous_stage_end = 0
            conditional = _CONDITIONAL.match(clause)
            for stage_start, stage_end, stage in stages:
                predicate = _predicate_before(clause, stage_start)
                if predicate is None:
                    continue
                # "may develop hearing loss in adulthood", "hearing loss begins in adulthood": the age dates a
                # symptom, not the condition; "treatment should begin in childhood" dates a treatment.
                if _GROWTH.match(clause, predicate.end()):
                    continue  # "a valve that did not develop properly before birth": a body part's growth
                if any(clause_start <= s and e <= clause_start + stage_start for s, e in symptom_spans) \
                        or any(clause_start <= s and e <= clause_start + predicate.start() for s, e in treatment_spans) \
                        or _NOT_THE_CONDITION.search(clause, 0, predicate.start()):
                    continue
                # The cue and the denial read from the previous onset verb on: "usually appear in early childhood
                # and never start in adulthood" says "usually" of the first age only.
                since = previous_verb_end if previous_verb_end <= predicate.start() else 0
                cue = max((c for c in cues if since <= c.start and c.end <= stage_start), key=lambda c: c.end,
                          default=None)
                typicality = cue.typicality if cue is not None and cue.typicality else ""
                hedge = " ".join(clause[cue.start:cue.end].split()) if typicality else ""
                judged = _JUDGED_AFTER.match(clause, stage_end)  # "onset in childhood is rare"
                if judged:
                    typicality, hedge = _JUDGEMENT[judged.group("word")], " ".join(judged.group(0).split())
                elif conditional and "," not in clause[conditional.end():predicate.start()] and not typicality:
                    # "When it starts before puberty, ...": a case that happens, not when it typically begins
                    typicality, hedge = "sometimes", conditional.group("word")
                # "almost never occurs before 50" says it rarely does, not that it never does
                denied = is_negated(clause[since:stage_start]) and not (typicality == "rarely"
                                                                         and _ALMOST_NEVER.search(hedge))
                if _UNTIL.search(clause, 0, stage_start):
                    if not (denied or _NOT_BEFORE.search(clause, since, predicate.end())):
                        continue  # "lasts until adulthood" says nothing of when it begins
                    denied = False  # "doesn't show up until school age": it begins then
                previous_verb_end = predicate.end()
                # the clause's subject since its previous onset or a ", and" that opens a new subject
                coordination = max((m.end() for m in _COORDINATION.finditer(clause, 0, predicate.start())), default=0)
                if "," in clause[coordination:predicate.start()]:
                    coordination = 0  # "A, and in some families B, usually starts ...": a subject of both
                since_subject = max(previous_stage_end, coordination)
                scope = _scope(analysis, sentence, sentence.start + clause_start,
                               sentence.start + clause_start + stage_start,
                               sentence.start + clause_start + since_subject if since_subject else 0)
                previous_stage_end = stage_end
                group = _subgroup(sentence, sentence.start + clause_start, sentence.start + clause_start
                                  + predicate.start())
                if group:  # "the V30M variant typically begins in the 30s": that variant's onset, not the type's
                    scope = f"{scope or analysis.topic.condition.name}, {group}"
                yield Claim(
                    source_id=analysis.document.source_id, facet=FACET, subject=analysis.topic.condition.name,
                    value=stage.label, value_low=stage.low, value_high=stage.high, unit="years",
                    scope=scope, polarity="negated" if denied else "asserted", hedge=hedge, typicality=typicality,
                    quote=sentence.text, start=sentence.start, end=sentence.end, extractor="onset.stage")
