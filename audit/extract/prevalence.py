"""Facet ``prevalence``: figures, each with what it measures, what it is about and of whom.

Figures read (numbers with thousands separators are read whole: "1 in 2,500"
is 1 in 2500):

- percentages, single or ranges with any dash, "to" or "and" ("25–40%",
  "between 30 and 50 percent"), with bounds ("up to 70%", "at least 75%",
  "more than 90 percent");
- fractions in words ("around a third of", "between a quarter and a third of");
- "k in N" ("1 in 2,500", "one in five", "1 in 6,000 to 1 in 10,000",
  "1 in 25,000 to 50,000");
- rates per N ("6 to 7 per 100,000 people", "3 per 1,000 births");
- counts of people or cases ("an estimated 400,000 people", "about 30 cases").

Columns of a prevalence claim:

``value``
    the figure as written.
``value_low`` / ``value_high``
    the interval it states, in ``unit``. "up to 70%" is 0-70; "more than 90
    percent" is 90-100; an open upper bound of a count is left empty.
``unit``
    ``%`` for percentages, fractions and "k in N" with N <= 100 (a share:
    "one in five" is 20%); ``per 100000`` for "1 in N" with N > 100
    (100000/N, a range when two: "1 in 6,000 to 1 in 10,000" is 10-16.67)
    and for rates per N; ``people``, ``cases`` or ``reported cases`` (when the sentence says they were
    reported or described) for counts.
``measure``
    what the figure measures (:data:`audit.extract.claim.MEASURES`):

    - ``prevalence``: the share or rate of a population (``object``) that has
      the ``subject`` ("affects 1 in 2,500 people"; "25-40% of patients with
      <a lexicon population>");
    - ``incidence``: new cases, or birth prevalence ("1 in 2,500 newborns",
      "are born with", "each year");
    - ``share_of_cases``: the share of the people with a condition
      (``object``) whose case is of one type or cause (``subject``): "<type>
      accounts for 90 percent of cases", "the chronic form affects 70 percent of
      people with <condition>";
    - ``share_with_feature``: the share of the people with a condition
      (``object``) who have a feature (``subject``: a symptom, "women", a table
      row's sign, or the stated predicate): "90 percent of patients are women";
    - ``body_area``: the share of the body or skin involved ("more than 20
      percent of the skin");
    - ``risk``: the chance of an outcome ("a 50 percent chance of passing it
      on");
    - ``count``: a number of people or reported cases ("an estimated 400,000
      people in the United States");
    - ``other``: a figure about something else ("a third of body protein").
``subject``
    what the figure is about: a lexicon name (the condition, a type, a scope,
    a symptom) when the text names one, else the stated feature or cause in a
    few lower-case words ("mutations in the col1a1 and col1a2 genes").
``object``
    the population the figure is of (its denominator): a lexicon population
    ("systemic sclerosis"), a group ("people", "males", "females",
    "children", "adults"), "people with <condition or type>" for shares of
    patients ("new cases of <condition>" when only new cases are counted),
    "body" for body area, or for ``other`` the noun it is a share of.
``scope``
    the place, when the sentence states one ("worldwide", "United States").
``qualifier``
    how it was stated: point, range, approximately, up to, less than,
    at least, more than.

Only figures with the same subject, measure, unit and object are compared
(rules NUM001, NUM002; NUM003 when the same figure is given for different places).

Parsing is one compiled regular expression per sentence (plus a cheap test
that skips sentences without a digit or number word). Libraries were measured
and not used: quantulum3 took about 2 ms per sentence (roughly 9x this
project's whole extraction time on ``make bench``), summed "a quarter and a
third" into 0.42 and lost "1 in 6,000 to 1 in 10,000"; number-parser took
1.4 ms per sentence, rewrote text (offsets lost) and read "a third" as
"a 3". Neither knows "1 in N" or per-100,000 rates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import replace as _replace
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence, table_cells
from audit.extract.claim import Claim
from audit.extract.cues import ANAPHOR_PATTERN, CLAUSE_SPLIT_PATTERN, HEDGE_PATTERN
from audit.extract.lexicon import Mention
from audit.textfold import fold_form, lower_same_length

FACET = "prevalence"

# ----------------------------------------------------------------------------- numbers

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+(?:\.\d+)?)"  # "100,000, and": the comma after is no separator
_WORD = (r"(?:(?:" + "|".join(_TENS) + r")(?:[ -](?:" + "|".join(_UNITS) + r"))?|"
         + "|".join(sorted([*_TEENS, *_UNITS], key=len, reverse=True)) + r")")
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion))?"
# A number: digits (thousands separators read whole, "100k" a hundred thousand) or words, with an optional scale word.
_NUM = rf"(?:\d{{1,3}}k(?![\w.,])|{_DIGITS}{_SCALE}|(?:a|one)\s+(?:hundred|thousand|million)|a\s+dozen|{_WORD}{_SCALE})"
_DASH = r"\s*(?:-|–|—|‒|to|and)\s*"
_PERCENT = r"\s*(?:%|percent\b|per\s+cent\b)"


def _number(text: str) -> float:
    """A number as written: "2,500", "7.5", "twenty-five", "2.5 million", "a dozen"."""
    words = text.strip().replace("-", " ").split()
    scale = 1.0
    if words and words[-1] in _SCALES and len(words) > 1:
        scale = float(_SCALES[words.pop()])
    if words == ["a", "dozen"]:
        return 12.0 * scale
    if len(words) == 1 and words[0][0].isdigit():
        if words[0].endswith("k"):
            return float(words[0][:-1]) * 1000 * scale
        return float(words[0].replace(",", "")) * scale
    if words and words[0] in ("a", "one") and len(words) == 1:
        return scale
    total = sum(_UNITS.get(w, 0) + _TEENS.get(w, 0) + _TENS.get(w, 0) for w in words if w != "a")
    if words and words[0] == "a" and total == 0:
        total = 1
    return float(total) * scale


_BOUND_WORDS = {
    "up to": "up to", "as many as": "up to", "as much as": "up to", "as high as": "up to", "no more than": "up to",
    "at most": "up to",
    "less than": "less than", "under": "less than", "fewer than": "less than", "below": "less than",
    "at least": "at least", "more than": "more than", "over": "more than", "above": "more than",
    "upwards of": "more than", "in excess of": "more than", "greater than": "more than",
    "approximately": "approximately", "about": "approximately", "around": "approximately",
    "roughly": "approximately", "nearly": "approximately", "almost": "approximately", "some": "approximately",
    "close to": "approximately", "an estimated": "approximately", "estimated": "approximately",
    "an average of": "approximately", "circa": "approximately", "something like": "approximately",
}
_BOUND = r"(?:(?P<bound>" + "|".join(sorted(map(re.escape, _BOUND_WORDS), key=len, reverse=True)) + r")\s+)?"

_FRACTIONS = {
    "half": 50.0, "a third": 100 / 3, "two thirds": 200 / 3, "a quarter": 25.0, "a fourth": 25.0,
    "three quarters": 75.0, "three fourths": 75.0, "a fifth": 20.0, "two fifths": 40.0, "three fifths": 60.0,
    "four fifths": 80.0, "a tenth": 10.0, "nine tenths": 90.0,
}


def _fraction_pattern(name: str) -> str:
    first, *rest = name.split()
    first = r"(?:a|one)" if first == "a" else first
    if not rest:
        return r"(?:a\s+|one[ -])?" + first
    return first + r"[ -]" + rest[0]


_FRACTION_OF = {re.compile(_fraction_pattern(name) + r"$"): value for name, value in _FRACTIONS.items()}
_FRAC = r"(?:" + "|".join(_fraction_pattern(name) for name in sorted(_FRACTIONS, key=len, reverse=True)) + r")"
_COUNT_NOUNS = (r"people|persons|individuals|patients|americans|adults|children|cases|families|infants|babies|"
                r"newborns|men|women|males|females|boys|girls|residents")

# One alternation per kind of figure; the order is the priority at one position.
_FIGURE = re.compile(
    rf"(?:(?<![\w.,])(?:between\s+)?{_BOUND}(?:between\s+)?(?:"
    # k in N, and ranges "1 in 6,000 to 1 in 10,000", "1 in 25,000 to 50,000"
    rf"(?:(?P<k>{_NUM})(?:{_DASH}(?P<k2>{_NUM}))?\s+(?:in|out\s+of|of(?=\s+every\b))\s+(?:every\s+)?"
    rf"|(?P<ratio>1)\s*:\s*)(?P<n1>{_NUM})"
    rf"(?:{_DASH}(?:(?:one|1)\s+(?:in|out\s+of)\s+(?:every\s+)?|1\s*:\s*)?(?P<n2>{_NUM})(?!\s*(?:%|percent)))?\b"
    # rates per N: "6 to 7 per 100,000 people"
    rf"|(?P<r1>{_NUM})(?:{_DASH}(?P<r2>{_NUM}))?\s+(?:(?:new\s+)?(?:cases|people|persons|individuals|births)\s+)?"
    rf"per\s+(?P<base>{_NUM}|thousand|million)\b"
    # percentages
    rf"|(?P<p1>{_DIGITS}|{_WORD})(?:{_PERCENT})?{_DASH}(?P<p2>{_DIGITS}|{_WORD}){_PERCENT}"
    rf"|(?P<p>{_DIGITS}|{_WORD}){_PERCENT}"
    # fractions in words, followed by "of"
    rf"|(?P<f1>{_FRAC})(?:{_DASH}(?P<f2>{_FRAC}))?(?=\s+of\b)"
    # counts of people or cases
    rf"|(?P<c1>{_DIGITS}{_SCALE}|a\s+dozen|{_WORD}{_SCALE})(?:{_DASH}(?P<c2>{_DIGITS}{_SCALE}|{_WORD}{_SCALE}))?"
    rf"(?=\s+(?:new\s+)?(?:(?:[a-z][a-z'-]*)\s+){{0,2}}?(?P<cnoun>{_COUNT_NOUNS})\b)"
    r"))")
_CANDIDATE = re.compile(r"\d|percent|half|third|quarter|fourth|fifth|tenth|dozen|\b(?:"
                        + "|".join([*_UNITS, *_TEENS, *_TENS]) + r")\b")


@dataclass
class Figure:
    start: int
    end: int
    low: float
    high: float | None
    qualifier: str
    unit: str
    kind: str  # share | one_in | rate | count | table (a cell of a sign-frequency table); names the extractor


def _bounded(bound: str | None, low: float, high: float, ceiling: float | None) -> tuple[float, float | None, str]:
    kind = _BOUND_WORDS.get(bound or "", "")
    if low != high:  # a bound word before a range ("as many as 1 in 10,000 to 15,000") keeps the range
        return low, high, kind if kind not in ("approximately", "") else "range"
    if kind in ("up to", "less than"):
        return 0.0, high, kind
    if kind in ("at least", "more than"):
        return low, ceiling, kind
    return low, high, kind or "point"


def _fraction_value(text: str) -> float:
    text = text.strip()
    for pattern, value in _FRACTION_OF.items():
        if pattern.match(text):
            return round(value, 2)
    return 0.0


def _figures(lowered: str) -> list[Figure]:
    """Figures in a lower-cased sentence (same length as the sentence)."""
    if not _CANDIDATE.search(lowered):
        return []
    figures: list[Figure] = []
    for match in _FIGURE.finditer(lowered):
        groups = match.groupdict()
        bound = groups["bound"]
        start, end = match.span()
        if groups["n1"] is not None:
            k, n1 = (_number(groups["k"]) if groups["k"] else 1.0), _number(groups["n1"])
            k2 = _number(groups["k2"]) if groups["k2"] else k
            if k2 < k:
                continue
            if groups["ratio"] and n1 < 100:
                continue  # "3:1", "1:4" are ratios of two groups, not a rate
            n2 = _number(groups["n2"]) if groups["n2"] else n1
            if n2 < n1 and groups["n2"] and n2 < 1000 <= n1:   # "1 in 25,000 to 50" is no range; drop the tail
                n2 = n1
            if not (1 <= k <= k2 < min(n1, n2)):
                continue
            if max(n1, n2) <= 100:
                low, high, unit = 100 * k / max(n1, n2), 100 * k2 / min(n1, n2), "%"
            else:
                low, high, unit = 100000 * k / max(n1, n2), 100000 * k2 / min(n1, n2), "per 100000"
            ceiling = 100.0 if unit == "%" else 100000.0
            figures.append(Figure(start, end, *_bounded(bound, round(low, 2), round(high, 2), ceiling), unit, "one_in"))
        elif groups["r1"] is not None:
            base = _number(groups["base"]) if groups["base"][0].isdigit() or " " in groups["base"] \
                else float(_SCALES[groups["base"]]) if groups["base"] in _SCALES else _number(groups["base"])
            if base < 100:
                continue
            r1 = _number(groups["r1"])
            r2 = _number(groups["r2"]) if groups["r2"] else r1
            low, high = sorted((r1 * 100000 / base, r2 * 100000 / base))
            figures.append(Figure(start, end, *_bounded(bound, round(low, 3), round(high, 3), 100000.0), "per 100000",
                                  "rate"))
        elif groups["p1"] is not None or groups["p"] is not None:
            low = _number(groups["p1"] or groups["p"])
            high = _number(groups["p2"]) if groups["p2"] else low
            if not (0 <= low <= high <= 100):
                continue
            figures.append(Figure(start, end, *_bounded(bound, low, high, 100.0), "%", "share"))
        elif groups["f1"] is not None:
            low = _fraction_value(groups["f1"])
            high = _fraction_value(groups["f2"]) if groups["f2"] else low
            low, high = min(low, high), max(low, high)
            figures.append(Figure(start, end, *_bounded(bound or "approximately", low, high, 100.0), "%", "share"))
        elif groups["c1"] is not None:
            text = groups["c1"]
            if re.fullmatch(r"(?:19|20)\d\d", text):
                continue  # a year
            low = _number(text)
            high = _number(groups["c2"]) if groups["c2"] else low
            if low < MIN_COUNT or high < low:
                continue
            unit = "cases" if groups["cnoun"] == "cases" else "people"
            figures.append(Figure(start, end, *_bounded(bound, low, high, None), unit, "count"))
    # "25% (1 in 4)": the figure in brackets restates the one before it.
    kept: list[Figure] = []
    for figure in figures:
        if kept and re.fullmatch(r"\s*\(\s*", lowered[kept[-1].end:figure.start]):
            continue
        kept.append(figure)
    return kept


# ----------------------------------------------------------------------------- what a figure measures

_PEOPLE_NOUNS = {
    "people": "people", "persons": "people", "individuals": "people", "population": "people",
    "inhabitants": "people", "residents": "people", "americans": "people", "births": "people",
    "live births": "people", "newborns": "people", "babies": "people", "infants": "people", "neonates": "people",
    "men": "males", "males": "males", "boys": "males", "women": "females", "females": "females",
    "girls": "females", "children": "children", "kids": "children", "adolescents": "children",
    "adults": "adults",
}
# Adjectives before a people noun that narrow the group ("newborn males", "adult patients").
_ADJECTIVE_GROUPS = {"male": "males", "female": "females", "newborn": "people", "adult": "adults",
                     "pediatric": "children", "paediatric": "children", "child": "children", "new": "",
                     "affected": "", "diagnosed": ""}
# Nouns that mean "the people who have it": a share of them is a share of patients.
_PATIENT_NOUNS = ("patients", "sufferers", "cases", "those affected", "affected individuals", "affected people",
                  "affected persons", "people affected", "individuals affected", "carriers")
_PEOPLE = "|".join(sorted((*_PEOPLE_NOUNS, *_PATIENT_NOUNS, "those"), key=len, reverse=True))
_DETERMINERS = (r"(?:(?:all|the|these|such|some|affected|new|newly|reported|known|diagnosed|documented|total|"
                r"general|a|an|its|their|our|every)\s+)*")
_DENOMINATOR = re.compile(rf"\s*(?:\)\s*)?(?:(?P<prep>of|among|amongst|in)\s+)?(?P<dets>{_DETERMINERS})")
_PEOPLE_AT = re.compile(rf"(?:(?P<adj>[a-z][a-z'-]*)\s+)??(?P<noun>{_PEOPLE})\b")
_WITH = re.compile(r"\s+(?:with|who\s+have|who\s+has|affected\s+by|diagnosed\s+with|suffering\s+from|living\s+with)\s+"
                   r"(?:(?:the|a|an|this|that|their)\s+)?")
_CASES_AT = re.compile(r"(?:(?P<adj>[a-z][a-z'-]*)\s+)??cases\b(?:\s+of\s+(?:(?:the|this|that)\s+)?)?")
_NOT_NOUNS = (r"(?:that|which|who|whom|whose|with|in|of|and|or|to|for|by|on|at|from|as|is|are|was|were|has|have|had|"
              r"can|may|will|would|do|does|did)\b")
_OTHER_NOUN_AT = re.compile(rf"(?P<noun>(?!{_NOT_NOUNS})[a-z][a-z'-]*(?:\s+(?!{_NOT_NOUNS})[a-z][a-z'-]*)?)")
# A sentence that opens with another condition's name (two to four words, capitalised first) and goes on
# to give it a figure: ", which affects", ", a related disorder, affects", " affects".
_OTHER_CONDITION = re.compile(r"(?P<name>[A-Z][a-z'-]+(?:\s+[a-z][a-z'-]+){1,3})"
                              r"(?=\s*,\s*(?:which|a|an|another|the)\b|\s+(?:affects|occurs|is\s+found))")
_NOT_A_NAME = {"in", "among", "about", "around", "approximately", "nearly", "overall", "worldwide", "globally",
               "today", "currently", "estimates", "studies", "researchers", "experts", "people", "children",
               "women", "men", "adults", "patients", "this", "that", "these", "those", "it", "the", "each", "every"}
# Deaths are no prevalence: "50-90% of affected children die before the age of five", "a 10% mortality".
_MORTALITY = re.compile(r"\b(?:die|dies|died|dying|death|deaths|mortality|fatal|survive|survives|survival)\b")
_FEATURE_GROUP = re.compile(r"(?:[a-z][\w-]*\s+){0,2}?(?:genes?|mutations?|variants?|changes?|trait|history|"
                            r"deficiency|antibod(?:y|ies))\b(?:\s+(?:changes?|mutations?|variants?))?")
_LIFETIME = re.compile(r"\b(?:at\s+some\s+(?:point|time|stage)|during\s+(?:their|a|one's|your|the)\s+(?:lives|life|lifetime)|"
                       r"in\s+(?:their|a|one's|your)\s+lifetime|over\s+(?:their|a)\s+lifetime|lifetime|"
                       # "One in five people will get hives at least once"
                       r"at\s+least\s+once)\b")
_LIFETIME_BEFORE = re.compile(r"\blifetime\s+(?:risk|incidence|prevalence|chance)\b[^.;]{0,40}$")
_OTHER_SHARE = re.compile(r"^\W*(?:\w+\s+){0,6}?(?:(?:have|has|had)\s+(?:a|an|their|his|her)\s+(?:family\s+(?:member|history)|"
                          r"relative|parent|sibling|first\s+\w+)|recover\w*|regrow\w*|relapse\w*|go\s+into\s+remission)\b")
# The condition ending on its own: "goes away", "clears up", "resolves", "burns out"
_ENDS = (r"go(?:es)?\s+away|went\s+away|clears?\s+up|cleared\s+up|resolves?|resolved|disappears?|disappeared|"
         r"burns?\s+out|remits?")
_OTHER_SHARE_BEFORE = re.compile(r"(?:\b(?:response|remission|recovery|relapse|success|cure|regrowth|recurrence)\s+rates?\b"
                                 r"[^.;]{0,25}|"
                                 # "the disease goes away on its own in two out of three people": an outcome
                                 rf"\b(?:{_ENDS})\b[^.;]{{0,40}}|"
                                 # "these drugs cure more than 95 percent of people": a cure rate
                                 r"\bcur(?:e|es|ed)\s+)$")
# What the people a share counts go on to do, when it names nothing the lexicon knows ("of people with X develop
# <a complication> within 20 years", "of adults clear it", "of people who receive treatment still lose some
# vision"): an outcome among them, not how many have the condition. The words before the verb are the group's.
_OUTCOME_VERB = re.compile(r"(?:[a-z][\w'-]*\s+){0,8}?(?:(?:will|would|eventually|later|then|still|also|"
                           r"go\s+on\s+to|goes\s+on\s+to|went\s+on\s+to)\s+){0,2}"
                           r"(?P<verb>develop|develops|developed|get|gets|got|progress|progresses|clear|clears|cleared|lose|"
                           r"loses|lost|(?:are|is|were|was)\s+cured)\b(?P<object>[^.;:]*)")
# Words that say what a figure of people counts, or refer back to the condition
_SAYS_WHAT = re.compile(r"\b(?:prevalen\w*|incidence|affect\w*|occur\w*|ha(?:ve|s|d)|get|gets|got|develop\w*|"
                        r"liv(?:e|es|ing)\s+with|diagnos\w*|born|births?|it|them|this|that|these|cases?|"
                        r"suffer\w*|rates?|common|rare|frequency|worldwide)\b")
_HOW_COMMON = re.compile(r"\b(?:how\s+(?:common|rare|many|often|likely)|prevalen\w*|incidence|affects?)\b")
# "..., compared with about 20 per 100,000": a figure set against the one before it measures what that one does
_COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|versus|vs\.?|as\s+against)\s+$")
# "rises with age, to roughly 10 percent above 80": a figure's own age band after it
_AGE_BAND = re.compile(r"\s+(?:(?:in|among)\s+(?:those|people|adults)\s+)?(?P<band>(?:above|over|under|below|past|"
                       r"older\s+than|younger\s+than|aged)\s+(?:the\s+age\s+of\s+)?\d+)\b")
# "most of them in <place>": where the cases are, not the place the figure is for
_MOST_OF_THEM = re.compile(r",\s+(?:most|many|half|the\s+majority)\s+of\s+(?:them|these|those|whom|which)\s+in\b")
# "In about two out of three people, the disease goes away within a few years": a fronted share whose clause says
# what happens to them, an outcome
_FRONTED_OUTCOME = re.compile(rf"\s*,\s*(?:[a-z][\w'-]*\s+){{0,4}}?(?:(?:will|would|eventually|later|then|also)\s+)?"
                              rf"(?:{_ENDS}|improv\w*|recover\w*|respond\w*|outgrow\w*|(?:go(?:es)?|went)\s+into\s+remission)\b")
# What a share of people does after the figure's noun phrase, as its predicate: an outcome, not how many have it
# ("about half of children reach remission by adulthood", "30% of patients improve", "most go on to recover").
_OUTCOME_AFTER = re.compile(
    r"\s*(?:(?:will|would|eventually|later|ultimately|can|may|also|then|finally|go\s+on\s+to|went\s+on\s+to|"
    r"tend\s+to)\s+){0,3}(?:(?:reach\w*|achiev\w*|enter\w*|go(?:es)?\s+into|went\s+into|(?:are|is|were|was|stay\w*|"
    r"remain\w*)\s+in)\s+(?:[a-z-]+\s+){0,2}?remission|improv\w*|respond\w*|recover\w*|outgrow\w*|grow\s+out\s+of|"
    r"(?:get|gets|got)\s+better|become\s+(?:symptom|attack|pain)-free|"
    # "70 percent of the patients we test turn out to have another cause": not the condition's
    r"(?:[a-z'-]+\s+){0,6}?turn(?:s|ed)?\s+out\s+to\s+(?:have|be)\s+(?:another|a\s+different|other|something\s+else))\b")
# A share of something a speaker owns ("1 in 4 of our visits", "half of my appointments"): a service statistic.
_FIRST_PERSON_OF = re.compile(r"\s*(?:of|among|in)\s+(?:our|my|us)\b")
# "100% on that", "100 percent with you", "100% agree": agreement, not a figure of people.
_IDIOM_100 = re.compile(r"\s*(?:on|with|behind|agree\w*|sure|certain|true|right|correct|yes)\b")
# "In a third of people, no cause is found": a figure opening its clause after "in", then what is found in them.
_FRONTED_IN = re.compile(r"\W*in\s+$")


# "... have a tumor of the thymus", "develop an enlarged heart": what a share of patients has, when it is no lexicon name
_HAS_FEATURE = re.compile(r"\s*(?:(?:of|among)\s+(?:them|these|those)\s+)?(?:have|has|had|develop|develops|developed|get|gets)\s+"
                          r"(?:a|an)\s+(?P<feature>[a-z][\w-]*(?:\s+(?!(?:and|but|which|who|that|when|because|by|at|in)\b)"
                          r"[a-z][\w-]*){0,4})")


def _other_share_kind(words: str) -> str:
    """What a share of people that is no prevalence counts, in a word or two."""
    if re.search(r"family|relative|parent|sibling", words):
        return "family history"
    if re.search(r"first", words):
        return "onset"
    if re.search(r"respon|remission|success|cure", words):
        return "treatment response"
    return "outcome"


_CARRIERS_BEFORE = re.compile(r"\b(?:carr(?:y|ies|ied|ying)\s+(?:one|a|the|an)\s+(?:\w+\s+)?(?:cop(?:y|ies)|genes?|"
                              r"mutations?|variants?)|carrier\s+(?:frequency|rate|rates)|carriers?\s+(?:is|are))\b[^.;]{0,40}$")
# "<a gene variant> is (also) carried by about 12 percent of": its carriers
_CARRIED_BY = re.compile(r"\b(?:is|are|was|were)\s+(?:also\s+|only\s+)?carried\s+by\s+(?:about\s+|around\s+|approximately\s+|"
                         r"roughly\s+|nearly\s+|up\s+to\s+|over\s+|more\s+than\s+|some\s+)?$")
_CHANGE_BEFORE = re.compile(r"\b(?:reduc\w*|cut\w*|lower\w*|decreas\w*|improv\w*|increas\w*|rais\w*|drop\w*|fell|"
                            r"falls?|shrank|shrinks?|halv\w*)\b[^.;:]{0,60}?\bby\s+(?:(?:about|around|approximately|"
                            r"roughly|nearly|almost|up\s+to|over|more\s+than|at\s+least|an\s+average\s+of)\s+)?$")
_CARRIERS = re.compile(r"^\W*(?:\w+\s+){0,5}?(?:carr(?:y|ies|ied|ying)\s+(?:(?:a|an|one|the)\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(?:genes?|mutations?|variants?|changes?|cop(?:y|ies)|alleles?|trait)\b|(?:are|is)\s+(?:a\s+)?"
                       r"(?:silent\s+|healthy\s+)?carriers?\b)")
_RESPONSE = re.compile(r"\b(?:improv\w*|respond\w*|responses?|cleared?|clearing|achiev\w*|saw|see|sees|reach\w*|"
                       r"remission|relief|benefit\w*|had\s+(?:fewer|less|no\s+more)|became\s+(?:free|clear)|"
                       r"(?:were|was|are|is)\s+(?:symptom-free|attack-free|clear))\b")
_TREATED_BEFORE = re.compile(r"\b(?:treated|taking|given|receiving|who\s+took|who\s+received|on)\s+[^.;:]{0,40}$")
# "patients hospitalized with heart failure", "admitted for burns": the patients of another condition or event.
_ADMITTED_GROUP = re.compile(r"\s+(?:hospitali[sz]ed|admitted|referred|operated\s+on)\s+(?:with|for)\s+")
_TREATED_GROUP = re.compile(r"\s+(?:on|undergoing|receiving|taking)\s+(?P<what>(?:long-term\s+|chronic\s+)?[a-z][\w-]*)")
# The words of a group after "on"/"taking" ("long-term dialysis for renal failure"): up to a comma or a verb.
_GROUP_WORDS = re.compile(r"(?:(?!(?:is|are|was|were|have|has|had|develop\w*|get|gets|got|show\w*|and|or|but|who|which|that)"
                          r"\b)[a-z][\w'-]*(?![\w'-])\s*){1,6}")
_PREVALENCE_WORD = re.compile(r"\bprevalen\w*")
_JOINT = re.compile(r"\s(?:and|while|whereas|but)\s|[,;]")
_NUMBER_AHEAD = re.compile(r"\W{0,2}\d|(?:one|two|three|four|five|a)\b")
_MORTALITY_BEFORE = re.compile(r"\b(?:mortality|death|fatality|case[- ]fatality|survival)(?:\s+rates?)?"
                               r"(?:\s+(?:of|is|was|are|were|at|reaches|approaches|around|about|near|up\s+to)){0,3}\W*$")
_BODY = re.compile(r"\s*(?:\)\s*)?(?:or\s+(?:more|less)\s+)?(?:of|over|covering)\s+(?:(?:the|their|his|her|its|a|your|our|"
                   r"total|person's|patient's|entire|whole)\s+)*(?:body\s+surface(?:\s+area)?|skin(?:\s+surface)?|"
                   r"body(?:\s+area)?|surface\s+area|bsa)\b(?=\s*(?:[,.;:)]|$|(?:is|are|was|were|and|or|in|with|by|"
                   r"affected|involved|covered)\b))")
_BODY_BEFORE = re.compile(r"\b(?:body\s+surface(?:\s+area)?|bsa|of\s+the\s+skin)\b[^.;]{0,30}$")
_RISK_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:[a-z'-]+\s+){0,2}?(?:chance|risk|odds|likelihood|probability)\b")
_RISK_BEFORE = re.compile(r"\b(?:chance|risk|odds|likelihood|probability)\b(?:\s+[a-z'-]+){0,5}?\s+(?:is|of|at|being|"
                          r"about|approximately|around)?\s*$")
_INCIDENCE = re.compile(r"\b(?:born\s+with|are\s+born|is\s+born|newborns?|births?|babies\s+born|incidence|"
                        r"new\s+cases|each\s+year|every\s+year|per\s+year|a\s+year|annually|yearly)\b")
_PREVALENCE_CUE = re.compile(r"\b(?:prevalen\w*|affect\w*|occurs?|occurring|incidence|frequency|rates?|found\s+in|"
                             r"seen\s+in|present\s+in)\b")
_PREDICATE = re.compile(r"\s*(?:,\s*)?(?:are|were|is|was)\s+(?:(?:also|mostly|mainly)\s+)?(?P<feature>[a-z][a-z'-]*)")
_NOT_A_COUNT = re.compile(r"\b(?:study|sample|survey|series|cohort|trial|group|panel)\s+of\s+$")
# A count says how many have it: a study's enrolment ("30 patients were enrolled") does not.
_COUNT_CUE = re.compile(r"\b(?:affect\w*|ha(?:ve|s)\s+(?:it|the|this)|liv(?:e|es|ing)\s+with|suffer\w*|diagnosed|born|"
                        r"reported|described|documented|identified|recorded|known|estimated|estimates?|there\s+are|"
                        r"there\s+were|worldwide|occurs?|occurred)\b")
# "2 of every 7 days", "1 in 3 nights": how often in time, not how many people.
_TIME_AFTER = re.compile(r"\s+(?:days?|weeks?|months?|years?|hours?|minutes?|nights?|mornings?|evenings?)\b")
# "3,000 new cases each year", "4,000 new AL cases a year": new cases of it are counted, unless the speaker's own
# ("our clinic saw 300 new cases last year").
_NEW_CASES = re.compile(r"\bnew\s+(?:[a-z-]+\s+){0,2}?cases\b")
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|i|my)\b")
_REPORTED = re.compile(r"\b(?:reported|described|documented|published|identified|recorded)\b")
_NOT_FEATURES = {"at", "in", "not", "able", "likely", "unlikely", "thought", "believed", "more", "less", "also", "of",
                 "the", "a", "an", "under", "over", "born", "still", "now", "often", "usually", "due", "caused"}
_CAUSE_CUE = re.compile(r"\b(?:caus\w*|due\s+to|result\w*|responsible|mutations?|genes?|arise|arises|inherit\w*|"
                        r"spontaneous\w*|accounts?\s+for|unknown)\b")
_SHARE_VERBS = re.compile(r"\s*\b(?:(?:is|are|was|were)\s+(?:responsible\s+for|seen\s+in|found\s+in|present\s+in|"
                          r"detected\s+in|identified\s+in|observed\s+in|"
                          r"the\s+cause\s+of)|accounts?\s+for|accounting\s+for|makes?\s+up|making\s+up|represents?|"
                          r"comprises?|causes?|affects?|affecting|occurs?\s+in|develops?\s+in|in)\s*$")
# "<a gene change> is detected in 90% of patients": a feature found in the patients, not a cause of their cases,
# unless the clause says it causes them.
# "<something> is found in about 70 percent": a finding's share of the patients, when <something> is not the
# condition; "and <another> in 10 to 15 percent" after it shares its verb
_APPROX = r"(?:(?:about|around|approximately|roughly|nearly|almost|up\s+to|over|more\s+than|some|an\s+estimated)\s+)?"
_FOUND_IN_SHARE = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:also|only|usually|often|commonly)\s+)?"
                             rf"(?:found|detected|identified|present|seen|observed)\s+in\s+{_APPROX}$")
_FOUND_IN_ELLIPSIS = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:also|only|usually|often|commonly)\s+)?"
                                r"(?:found|detected|identified|present|seen|observed)\s+in\s+[^.;:]{1,60}?\band\s+"
                                rf"(?P<np>(?:[a-z][\w-]*\s+){{1,4}}?)in\s+{_APPROX}$")
_FOUND_IN_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been)\s+(?:(?:also|only|usually|often|commonly)\s+)?"
                              r"(?:found|detected|identified|present|seen|observed)\s+in\s+$")
_CAUSE_VERB = re.compile(r"\b(?:caus\w*|due\s+to|result\w*|responsible|accounts?\s+for|arises?)\b")
# "X is the most common kind, around half of all cases": the share is X's, the predicate only classifies it.
_COPULA_PREDICATE = re.compile(r"\s(?:is|are|was|were)\s+(?:the|a|an|one)\b")
_TABLE_CELL = re.compile(r"\s*(?:$|[A-Z0-9])")
# A table column whose header names the share of cases ("Approximate share of cases", "% of all cases"): each
# row's figure is its row's share of the condition's cases.
_CASES_HEADER = re.compile(r"\b(?:share|proportion|percent(?:age)?|fraction|%)\s+of\s+(?:[a-z-]+\s+){0,3}?cases\b")
_SEPARATOR_ROW = re.compile(r"[\s|:-]*")
# A coordinated clause with a subject of its own: ", and it is", "; they"
_NEW_SUBJECT = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:it|they|this|these|he|she|we|i)\b|;")
# A table column headed by how common each row is ("Approximate prevalence", "How common"): each row's share is its
# prevalence (not "birth prevalence", which counts births)
_PREVALENCE_HEADER = re.compile(r"^(?!.*\bbirth\b).*(?:\bprevalence\b|\bhow\s+common\b)")
# A row labelled by what a group of patients does ("Patients who improve on X"), not by who has the condition
_ROW_GROUP_WHO = re.compile(r"\W*(?:patients|people|those|children|adults|individuals)\s+(?:who|that)\s+"
                            r"(?!(?:have|has|are|is|live|get|develop)\b)(?P<what>[a-z][^|]*)$")
_ROW_RISK = re.compile(r"\b(?:lifetime|risks?|chances?|odds|likelihood)\b")
_PLACE_CELL = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}|U\.S\.A?\.?|USA|US|U\.K\.|UK")
_MAX_ROW = 2000  # a longer "row" is no table row a reader would scan for its header
_REGION_WORLD = re.compile(r"\b(?:worldwide|world-wide|globally|around\s+the\s+world|across\s+the\s+world|"
                           r"in\s+the\s+world|world(?:'s)?\s+population)\b", re.IGNORECASE)
_REGION = re.compile(r"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Aa]mong)\s+(?:the\s*)?"
                     r"(?P<place>U\.S\.A?\.?|USA|US|U\.K\.|UK|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})")
_PLACE_ALIASES = {"U.S.": "United States", "U.S": "United States", "US": "United States", "USA": "United States",
                  "U.S.A.": "United States", "U.S.A": "United States", "America": "United States",
                  "U.K.": "United Kingdom", "UK": "United Kingdom"}
# Capitalised words after "in" that are no place ("in Type II", "in Some cases" in a title).
_NOT_PLACES = {"Type", "Types", "Form", "Forms", "Group", "Table", "Figure", "Chapter", "Section", "Some", "Most",
               "Many", "People", "Patients", "Children", "Adults", "Men", "Women", "General", "Addition", "Fact",
               "Particular", "Contrast", "Summary", "Other", "Rare", "Severe", "Mild", "These", "This", "That",
               "Those", "Such", "Both", "All", "Each", "About", "Approximately", "Up", "Cases", "Case", "Babies",
               "Infants", "Newborns", "Individuals", "Persons", "A", "An", "Total"}
# A population that is the births themselves ("newborns", "babies", "live births" in a lexicon's populations).
_BIRTH_GROUP = re.compile(r"(?:live\s+)?(?:births?|newborns?|neonates?|babies|baby|infants?)")
_POSSESSIVE_START = re.compile(r"\W*(?:its|their)\b")
_ANAPHOR_CONDITION = re.compile(r"\b(?:this|the|that)\s+(?:condition|disorder|disease|syndrome|illness)\b")
# "people with (the) condition": after "with" the determiner may already be read.
_CONDITION_NOUN = re.compile(r"(?:(?:this|the|that|their|his|her)\s+)?(?:condition|disorder|disease|syndrome|"
                             r"illness)\b")
_STOP = {"the", "a", "an", "of", "in", "and", "or", "not", "but", "that", "which", "who", "is", "are", "was", "were",
         "be", "to", "for", "with", "by", "these", "those", "this", "its", "their", "some", "about", "approximately",
         "also"}

ABOUT_KINDS = (*TYPE_LIKE, "scope", "condition")
MIN_COUNT = 10  # "two patients" is an anecdote, not a count of the affected


@dataclass
class Denominator:
    kind: str              # people | patients | cases | population | other | none
    end: int               # end of the phrase, sentence-relative
    group: str = ""        # normalised people noun ("people", "males")
    term: Mention | None = None   # lexicon term it is of ("people with <term>", "<population> patients")
    noun: str = ""         # for other: the noun
    new: bool = False      # "new cases"


def _clause_spans(folded: str) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for match in CLAUSE_SPLIT_PATTERN.finditer(folded):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, len(folded)))
    return spans


class _Reader:
    """Reads every figure of one sentence into claims."""

    def __init__(self, analysis: DocumentAnalysis, sentence: Sentence):
        self.analysis = analysis
        self.topic = analysis.topic
        self.sentence = sentence
        self.text = sentence.text
        self.folded = sentence.folded
        self.mentions = [Mention(m.kind, m.name, m.start - sentence.start, m.end - sentence.start, m.negated,
                                 m.compound) for m in sentence.mentions]
        self.clauses = _clause_spans(self.folded)
        self.figures: list[Figure] = []  # the sentence's figures, set by read()
        self._condition_words = {fold_form(form) for term in (self.topic.condition, *self.topic.scopes)
                                 for form in term.forms}

    # -- lexicon helpers
    def mention_at(self, offset: int, kinds: tuple[str, ...] | None = None) -> Mention | None:
        for mention in self.mentions:
            if mention.start == offset and (kinds is None or mention.kind in kinds):
                return mention
        return None

    def is_patient_population(self, mention: Mention) -> bool:
        """A lexicon population that is the people with the condition itself ("migraine patients")."""
        term = self.topic.term("population", mention.name)
        forms = term.forms if term else (mention.name,)
        return any(f" {word} " in f" {fold_form(form)} " for form in forms for word in self._condition_words)

    def refined(self, mention: Mention) -> str:
        for refinement in self.topic.populations:
            if refinement.refines == mention.name and any(
                    re.search(rf"\b{re.escape(cue.lower())}\b", self.folded) for cue in refinement.cues):
                return refinement.name
        return mention.name

    def clause_of(self, offset: int) -> tuple[int, int]:
        for start, end in self.clauses:
            if start <= offset < end:
                return start, end
        return self.clauses[-1]

    # -- the denominator after a figure
    def term_at(self, offset: int, limit: int) -> Mention | None:
        """The lexicon term starting at ``offset``, also when a longer population form swallowed it
        ("people with <condition>" listed as a population); "this condition" is the condition."""
        found = self.mention_at(offset, ("population", *ABOUT_KINDS))
        if found is not None and not (found.kind == "population" and self.generic_population(found)):
            return found
        inner = self.analysis.matcher.find(self.folded[offset:limit], offset)
        if inner and inner[0].start == offset and inner[0].kind in ("population", *ABOUT_KINDS):
            return inner[0]
        anaphor = _CONDITION_NOUN.match(self.folded, offset, limit)
        if anaphor:
            return Mention("condition", self.topic.condition.name, offset, anaphor.end())
        return None

    def population_in(self, start: int, limit: int) -> Mention | None:
        """A lexicon population (not the condition's own patients) named in the words of a group from ``start``
        ("on long-term X therapy", "on dialysis for renal failure"), before any comma or verb."""
        window = _GROUP_WORDS.match(self.folded, start, limit)
        end = window.end() if window else start
        for mention in self.mentions:
            if mention.kind == "population" and start <= mention.start < end and not self.is_patient_population(mention):
                return mention
        return None

    def generic_population(self, mention: Mention) -> bool:
        """A lexicon population that is only a people noun ("people", "patients", "people with ...")."""
        generic = _PEOPLE_AT.match(self.folded, mention.start, mention.end) or \
            _CASES_AT.match(self.folded, mention.start, mention.end)
        if generic and generic.end() < mention.end and not _WITH.match(self.folded, generic.end(), mention.end):
            return False  # "people over 80", "people on lithium": a group the people noun only opens
        return bool(generic) and (generic.group("adj") is None or generic.group("adj") in _ADJECTIVE_GROUPS)

    def denominator(self, figure: Figure, limit: int) -> Denominator:
        folded = self.folded
        head = _DENOMINATOR.match(folded, figure.end, limit)
        position = head.end()
        prep = head.group("prep")
        new = "new " in head.group("dets")
        term = self.mention_at(position, ("population", *ABOUT_KINDS))
        if term is not None and term.kind == "population" and self.generic_population(term):
            term = None  # read "people", "patients", "new cases" as the generic nouns they are
        if term is not None:
            after = term.end
            people = _PEOPLE_AT.match(folded, after + 1, limit) if folded[after:after + 1] == " " else None
            if people and people.group("adj") is None:
                after = people.end()
            if term.kind == "population":
                kind = "patients" if self.is_patient_population(term) else "population"
                return Denominator(kind, after, term=term)
            if prep or people:
                return Denominator("patients", after, term=term)
            return Denominator("none", figure.end)
        cases = _CASES_AT.match(folded, position, limit)
        if cases and (prep == "of" or figure.kind in ("one_in", "count")):
            of_term = self.term_at(cases.end(), limit) if cases.group(0).endswith(" ") else None
            end = of_term.end if of_term else cases.end()
            return Denominator("cases", end, term=of_term, new=new or cases.group("adj") == "new")
        people = _PEOPLE_AT.match(folded, position, limit)
        if people and people.group("adj") in ("with", "who", "and", "or", "of"):
            people = None
        if people:
            noun, adj = people.group("noun"), people.group("adj")
            end = people.end()
            following = self.mention_at(end + 1, ("population",)) if folded[end:end + 1] == " " else None
            if following is not None and not self.generic_population(following) and \
                    not self.is_patient_population(following):
                # "adults over the age of 40" with "over the age of 40" a lexicon population: that group
                return Denominator("population", following.end, term=following)
            with_match = _WITH.match(folded, end, limit)
            if with_match:
                with_term = self.term_at(with_match.end(), limit)
                if with_term is not None:
                    if with_term.kind == "population" and not self.is_patient_population(with_term):
                        return Denominator("population", with_term.end, term=with_term)
                    return Denominator("patients", with_term.end, term=with_term)
                feature = _FEATURE_GROUP.match(folded, with_match.end(), limit)
                if feature and not any(feature.start() <= m.start < feature.end() for m in self.mentions):
                    # "90 percent of people with the gene change": a group of its own, not everyone
                    words = " ".join(folded[with_match.start():feature.end()].split())
                    return Denominator("people", feature.end(), group=f"{noun}{' ' if words else ''}{words}", noun=noun)
            admitted = _ADMITTED_GROUP.match(folded, end, limit) if noun in _PATIENT_NOUNS else None
            words = _GROUP_WORDS.match(folded, admitted.end(), limit) if admitted else None
            named_group = self.population_in(admitted.end(), limit) if admitted else None
            if named_group is not None:
                return Denominator("population", named_group.end, term=named_group)
            if words and not any(m.kind in ABOUT_KINDS for m in self.mentions if admitted.start() <= m.start < words.end()):
                # "13% of patients hospitalized with heart failure": a group of its own, not the condition's patients
                phrase = " ".join(folded[admitted.start():words.end()].split())
                return Denominator("people", words.end(), group=f"{noun} {phrase}", noun=noun)
            treated = _TREATED_GROUP.match(folded, end, limit)
            on_population = self.population_in(treated.start("what"), limit) if treated else None
            if on_population is not None:
                # "patients on long-term X therapy" with "long-term X" a lexicon population: that population
                return Denominator("population", on_population.end, term=on_population)
            named_before = any(m.kind in ABOUT_KINDS and m.end <= figure.start and m.start >= self.clause_of(figure.start)[0]
                               for m in self.mentions)
            if treated and noun in _PATIENT_NOUNS and named_before and not any(
                    m.kind in ABOUT_KINDS for m in self.mentions if treated.start() <= m.start < treated.end()):
                # "1-4% of patients on dialysis": patients of a treatment, a group of their own, not the condition's
                return Denominator("people", treated.end(), group=f"{noun} {treated.group(0).strip()}", noun=noun)
            if noun in _PATIENT_NOUNS or noun == "those" or adj in ("affected", "diagnosed"):
                # "of cases" is a share of cases; "in some cases" are patients.
                kind = "cases" if noun == "cases" and prep != "in" else "patients"
                return Denominator(kind, end, new=new or adj == "new")
            group = _ADJECTIVE_GROUPS.get(adj or "", "")
            if group in ("", "people"):  # "newborn males" are males; a birth is the measure's matter
                group = _PEOPLE_NOUNS.get(noun, "people")
            named = self.mention_at(people.start("noun"), ("population",))
            if named is not None and named.name in _PEOPLE_NOUNS and not adj:
                group = named.name  # the lexicon's own name for the group ("women")
            return Denominator("people", end, group=group, noun=f"{adj} {noun}" if adj else noun)
        if prep == "of":
            other = _OTHER_NOUN_AT.match(folded, position, limit)
            if other:
                return Denominator("other", other.end(), noun=other.group("noun"))
        return Denominator("none", figure.end)

    # -- subjects
    def lexicon_subject(self, clause: tuple[int, int], figure: Figure, skip: tuple[int, int],
                        kinds: tuple[str, ...] = ABOUT_KINDS) -> Mention | None:
        """The term the clause says the figure is about: nearest before the figure, else nearest after."""
        inside = [m for m in self.mentions if m.kind in kinds and clause[0] <= m.start and m.end <= clause[1]
                  and not (skip[0] <= m.start < skip[1])]
        own = self.own_stretch(figure, clause)
        if own is not None:
            # "A affects 2 percent of adults, and B 12 percent": each figure's own phrase names what it is about
            # (else one named before it, never one in a later figure's phrase)
            mine = [m for m in inside if own[0] <= m.start and m.end <= own[1]]
            inside = mine or [m for m in inside if m.start < own[1]]
        # A type named in the clause is what the figure is about, more than the condition it is a type of.
        narrower = [m for m in inside if m.kind != "condition"]
        inside = narrower or inside
        before = [m for m in inside if m.end <= figure.start]
        if before:
            return before[-1]
        after = [m for m in inside if m.start >= figure.end]
        return after[0] if after else None

    def own_stretch(self, figure: Figure, clause: tuple[int, int]) -> tuple[int, int] | None:
        """The figure's own phrase when its clause holds other figures: from the joint ("and", a comma) after the
        previous figure to the joint before the next one. None when it is the clause's only figure."""
        figures = getattr(self, "figures", None) or []
        inside = [f for f in figures if clause[0] <= f.start < clause[1]]
        if len(inside) < 2 or figure not in inside:
            return None
        position = inside.index(figure)
        low, high = clause[0], clause[1]
        if position > 0:
            joints = list(_JOINT.finditer(self.folded, inside[position - 1].end, figure.start))
            low = joints[-1].start() if joints else inside[position - 1].end
        if position + 1 < len(inside):
            joint = _JOINT.search(self.folded, figure.end, inside[position + 1].start)
            high = joint.start() if joint else inside[position + 1].start
        return low, high

    def context_subject(self, clause: tuple[int, int], figure: Figure, skip: tuple[int, int]) -> str:
        found = self.lexicon_subject(clause, figure, skip)
        if found is not None:
            return found.name
        for start, end in reversed([c for c in self.clauses if c[1] <= clause[0]]):
            earlier = [m for m in self.mentions if m.kind in ABOUT_KINDS and start <= m.start and m.end <= end]
            if earlier:
                return earlier[0].name
        if _ANAPHOR_CONDITION.search(self.folded, clause[0], clause[1]):
            return self.topic.condition.name
        other = self.other_condition(figure)
        if other:
            return other
        return self.type_in_context(clause) or self.topic.condition.name

    def other_condition(self, figure: Figure) -> str | None:
        """A condition the lexicon does not know that the sentence opens with, as the figure's subject:
        "Alopecia areata, which affects roughly 2% of people, ...", "Sickle cell disease, a related disorder,
        affects about 100,000 people". Its figure is not the topic's."""
        start = self.sentence.start
        opening = _OTHER_CONDITION.match(self.text, start, figure.start)
        if opening is None or any(start <= m.start < opening.end("name") for m in self.mentions):
            return None
        name = " ".join(opening.group("name").lower().split())
        return None if name.split()[0] in _NOT_A_NAME else name

    def type_in_context(self, clause: tuple[int, int]) -> str | None:
        """The type in context when the clause refers back to it ("It affects ...") or a heading or label
        names it; not a type an earlier sentence of the paragraph happened to start with."""
        context = self.sentence.context_type
        if context is None or ANAPHOR_PATTERN.match(self.folded, clause[0], clause[1]) \
                or _POSSESSIVE_START.match(self.folded, clause[0], clause[1]):
            return context  # "It affects ...", "Its prevalence is ...": the type just described
        sentences = self.analysis.sentences
        index = self.sentence.index - 1
        while index >= 0 and sentences[index].block_index == self.sentence.block_index:
            if any(m.name == context for m in sentences[index].mentions):
                return None
            index -= 1
        return context

    def phrase(self, clause: tuple[int, int], cut: tuple[int, int], prefer: str = "left") -> str:
        """What a share is of, in a few words: the clause without the figure and its denominator."""
        left = self.folded[clause[0]:cut[0]]
        stripped = _SHARE_VERBS.sub("", left)
        left_is_subject = stripped != left   # "<X> accounts for 90 percent of cases": X is what the share is of
        left = stripped
        predicate = None if left_is_subject else _COPULA_PREDICATE.search(left)
        if predicate:  # "oligo is the most common kind apparently, around half of all cases": oligo's share
            left, left_is_subject = left[:predicate.start()], True
        right = self.folded[cut[1]:clause[1]].lstrip(" ,;:")
        right = re.split(r"[(,;:.]", right, maxsplit=1)[0]

        def words(text: str) -> list[str]:
            tokens = re.findall(r"[a-z0-9][a-z0-9'/-]*", text)
            while tokens and tokens[0] in _STOP:
                tokens.pop(0)
            while tokens and tokens[-1] in _STOP:
                tokens.pop()
            return tokens

        left_words, right_words = words(left), words(right)
        if prefer == "right":
            right = _RISK_AFTER.sub("", self.folded[cut[1]:clause[1]])  # "(a 50%) chance of X": X
            right_words = words(re.split(r"[(,;:.]", right.lstrip(" ,;:"), maxsplit=1)[0])
            chosen = right_words or left_words
        else:
            chosen = left_words if (left_is_subject and left_words) or not right_words else right_words
        return " ".join(words(" ".join(chosen[:8])))

    def region(self, clause: tuple[int, int]) -> str:
        text = self.text[clause[0]:clause[1]]
        most = _MOST_OF_THEM.search(self.folded, clause[0], clause[1])
        if most is not None:  # "..., most of them in <place>": where the cases are, not the figure's place
            text = self.text[clause[0]:most.start()]
        if _REGION_WORLD.search(text):
            return "worldwide"
        for match in _REGION.finditer(text):
            place = match.group("place")
            start = clause[0] + match.start("place")
            if place.split()[0] in _NOT_PLACES or self.mention_at(start) is not None:
                continue
            if any(m.start <= start < m.end for m in self.mentions):
                continue
            return _PLACE_ALIASES.get(place, place)
        if re.search(r"\b[Aa]mericans\b", text):
            return "United States"
        return ""

    def figure_region(self, clause: tuple[int, int], figures: list[Figure], index: int) -> str:
        """The place a figure is for: named in its own stretch of the clause (from the previous figure to the
        next), else named before the clause's first figure ("In the US, 1 in 2,500 men and 1 in 5,000 women"):
        "1 in 100,000 worldwide and 1 in 10,000 in the EU" are two places."""
        inside = [f for f in figures if clause[0] <= f.start < clause[1]]
        if len(inside) < 2:
            return self.region(clause)
        position = inside.index(figures[index]) if figures[index] in inside else 0
        low = clause[0]
        if position > 0:  # from the "and" that ends the previous figure's phrase
            joint = re.compile(r"\s(?:and|while|whereas|but)\s|[,;]").search(self.folded, inside[position - 1].end,
                                                                            figures[index].start)
            low = joint.start() if joint else inside[position - 1].end
        high = inside[position + 1].start if position + 1 < len(inside) else clause[1]
        own = self.region((low, high))
        return own or self.region((clause[0], inside[0].start))

    def own_words_end(self, figure: Figure, limit: int) -> int:
        """Where the words said of a figure end: its own stretch (``own_end``), cut where a coordinated clause with
        a subject of its own begins ("affecting about 0.2% of people, and it is the most common cause of sudden
        death": the deaths are not the figure's)."""
        end = self.own_end(figure, limit)
        joint = _NEW_SUBJECT.search(self.folded, figure.end, end)
        return joint.start() if joint else end

    def feature_of_patients(self, figure: Figure, denominator: Denominator, limit: int) -> bool:
        """"90 percent of patients with X have <symptom> at some point": the share of patients with a feature,
        not a lifetime figure of the condition."""
        if denominator.kind not in ("patients", "cases"):
            return False
        end = self.own_end(figure, limit)
        return any(m.kind == "symptom" and denominator.end <= m.start and m.end <= end for m in self.mentions)

    def outcome_after(self, figure: Figure, denominator: Denominator, limit: int) -> str | None:
        """"of people with X develop <a complication>", "of adults clear it", "of people who receive treatment still
        lose some vision": what the group goes on to do, when the verb's object names no lexicon term: what they
        develop or get, in its own words, else "outcome"; None when the figure says how many have (or develop) the
        condition, a type or a symptom."""
        if denominator.kind not in ("people", "patients", "population", "cases"):
            return None
        end = self.own_words_end(figure, limit)
        found = _OUTCOME_VERB.match(self.folded, denominator.end + (self.folded[denominator.end:denominator.end + 1] == " "),
                                    end)
        if found is None:
            return None
        between = self.folded[denominator.end:found.start("verb")].split()
        if any(word in ("and", "or", "but", "have", "has", "had", "get", "gets", "got", "are", "is", "were", "was",
                        "affects", "affected", "not", "never") for word in between):
            return None  # "of adults have it and develop ...": the figure is said through another verb first
        if found.group("verb")[0] in "dgp":
            # what a group develops is an outcome only when the group already has the condition ("of people with
            # X develop <a complication>", "infants infected with X go on to develop ...") or is defined by a
            # treatment ("who receive treatment still get ..."); "of people with <another disease> develop
            # <deposits>" is how many of them get the condition
            group = (denominator.end - (denominator.term.end - denominator.term.start), found.start("verb")) \
                if denominator.term is not None else (denominator.end, found.start("verb"))
            has_it = any(group[0] <= m.start < group[1] for m in self.mentions if m.kind in ABOUT_KINDS) or (
                denominator.kind in ("patients", "cases") and (denominator.term is None or
                                                               denominator.term.kind in ABOUT_KINDS))
            treated = "who" in between and (any(word.startswith(("treat", "therap", "receiv", "tak", "took"))
                                                for word in between) or any(
                denominator.end <= m.start < found.start("verb") for m in self.mentions if m.kind == "treatment"))
            if not (has_it or treated):
                return None
        else:
            has_it = False
        start, stop = found.start("object"), min(found.end("object"), end)
        if found.group("verb")[0] in "dgp" and re.match(r"\s+(?:it|them|this|that|the\s+(?:condition|disease|disorder))\b",
                                                        self.folded[start:stop]):
            return None  # "10% of people get it": the condition itself
        if any(start <= m.start < stop for m in self.mentions if m.kind in (*ABOUT_KINDS, "symptom", "population")):
            return None  # "go on to develop <the condition>", "develop <a symptom>": read as before
        if has_it:  # (a group defined by its treatment: what it gets is an outcome of the treatment)
            words = re.split(r"[,(]|\s(?:within|by|after|before|in|over|during|and|but|which|who|when|if)\s",
                             self.folded[start:stop], maxsplit=1)[0].split()
            while words and words[0] in ("a", "an", "the", "to", "some", "their", "its"):
                words.pop(0)
            if words:
                return " ".join(words[:5])  # what they develop, in its own words
        return "outcome"

    def elliptical(self, figure: Figure) -> bool:
        """A share in a sentence that names nothing it could count ("Yep, roughly 1 in 3.", "I think its like a
        third of people?"): no lexicon term, no word of having or being affected, no table row, and the sentence
        before asks or tells nothing about how common something is. (A small rate, "roughly 1 in 2000", is only
        ever how common a condition is.)"""
        if figure.unit != "%" or figure.low < 5 or self.mentions or self.sentence.block.kind == "row" or _SAYS_WHAT.search(self.folded):
            return False
        index = self.sentence.index
        previous = self.analysis.sentences[index - 1].folded if index > 0 else ""
        return not _HOW_COMMON.search(previous)

    def item_label_population(self, figure: Figure) -> Mention | None:
        """A list item "<population>: <figure>" under an introduction that names how common something is
        ("Prevalence is higher in at-risk groups:"): the population its label names."""
        if self.sentence.block.kind != "item":
            return None
        label = re.match(r"\W*([^:]{1,80}):\s*", self.folded[:figure.start])
        if label is None or label.end() != figure.start:
            return None
        named = [m for m in self.mentions if m.kind == "population" and m.end <= label.end(1)
                 and not self.is_patient_population(m)]
        if not named:
            return None
        blocks = self.analysis.document.blocks
        index = self.sentence.block_index - 1
        while index >= 0 and blocks[index].kind == "item":
            index -= 1
        if index < 0:
            return None
        intro = fold_form(self.analysis.text[blocks[index].start:blocks[index].end])
        cue = re.search(r"(?:\bprevalen\w*|\bincidence\b|\bhow\s+common\b|\bmore\s+common\b|\baffect\w*)[^.]*:\s*$",
                        intro)
        return named[-1] if cue else None

    def population_in_place(self, figure: Figure, denominator: Denominator) -> Mention | None:
        """A lexicon group (not a capitalised place) fronted as where a figure of everyone holds ("in children,
        about 8% of the population has it")."""
        for mention in self.mentions:
            if mention.kind != "population" or self.is_patient_population(mention) or \
                    _PEOPLE_NOUNS.get(mention.name, mention.name) == "people":
                continue
            if mention.end <= figure.start and re.fullmatch(r"\s*,\s*", self.folded[mention.end:figure.start]) and \
                    re.search(r"\bin\s+(?:the\s+)?$", self.folded[max(0, mention.start - 8):mention.start]) and \
                    self.text[mention.start].islower():
                return mention  # (a capitalised name, "in Finland,", is a place, not a group)
        return None

    def treatment_in(self, clause: tuple[int, int]) -> bool:
        return any(m.kind == "treatment" and clause[0] <= m.start < clause[1] for m in self.mentions)

    def own_end(self, figure: Figure, limit: int) -> int:
        """Where a figure's own words end: at the "and"/comma that opens the next figure's phrase, if one follows
        ("affects 1-4% of patients and carries a mortality of 60-80%": "mortality" is the second figure's)."""
        if limit >= len(self.folded) or not _NUMBER_AHEAD.match(self.folded, limit):
            return limit
        joints = list(_JOINT.finditer(self.folded, figure.end, limit))
        return joints[-1].start() if joints else limit

    def row_place(self, figure: Figure) -> str:
        """A place a table row names in a cell between its label and the figure ("| Prevalence | <Place> | about
        160 per 100,000 |"): the figure is for that place."""
        block = self.sentence.block
        row = self.analysis.text[block.start:block.end]
        offset = block.start - self.sentence.start
        for start, end in table_cells(row)[1:]:
            if offset + end > figure.start:
                break
            cell = row[start:end]
            if _PLACE_CELL.fullmatch(cell) and cell.split()[0] not in _NOT_PLACES and \
                    not any(m.start < offset + end and offset + start < m.end for m in self.mentions):
                return _PLACE_ALIASES.get(cell, cell)
        return ""

    def table_cells(self, figure: Figure) -> tuple[str, str] | None:
        """For a figure in a table row: the row's first cell and the header of the figure's column (empty when
        no header row comes before this one)."""
        block = self.sentence.block
        if block.kind != "row" or block.end - block.start > _MAX_ROW:
            return None
        text = self.analysis.text
        row = text[block.start:block.end]
        column = row.count("|", 0, self.sentence.start + figure.start - block.start)
        header_index = self._header_rows().get(self.sentence.block_index)
        header = ""
        if header_index is not None:
            header_block = self.analysis.document.blocks[header_index]
            header = text[header_block.start:header_block.end]
        header_cells = header.split("|")
        return row.split("|")[0], header_cells[column] if column < len(header_cells) else ""

    def _header_rows(self) -> dict[int, int]:
        """Per table row block, the index of its header: the nearest row above it, in the same run of rows, that
        holds no digit (a separator row is skipped). One pass over the blocks, kept for the document."""
        headers = self.analysis.memo.get("prevalence.header_rows")
        if headers is None:
            headers = {}
            text = self.analysis.text
            blocks = self.analysis.document.blocks
            for index in range(1, len(blocks)):
                above = blocks[index - 1]
                if blocks[index].kind != "row" or above.kind != "row":
                    continue
                cells = text[above.start:above.end]
                if _SEPARATOR_ROW.fullmatch(cells):
                    if index - 1 in headers:
                        headers[index] = headers[index - 1]
                elif len(cells) <= _MAX_ROW and not re.search(r"\d", cells):
                    headers[index] = index - 1
                elif index - 1 in headers:
                    headers[index] = headers[index - 1]
            self.analysis.memo["prevalence.header_rows"] = headers
        return headers

    def table_label(self, figure: Figure, previous_end: int) -> str:
        """The row label before a table cell ("Abnormality of the voice 90%")."""
        text = self.text[previous_end:figure.start]
        text = re.split(r"[.:;)]", text)[-1]
        words = text.split()
        return " ".join(words[-6:]).strip().lower()

    # -- one figure
    def read(self, figure: Figure, figures: list[Figure], index: int) -> Claim | None:
        """The claim one figure makes, or None when it is no figure of people (a study's size). A figure set
        against the one before it ("300 per 100,000 children each year, compared with about 20 per 100,000
        children in <place>"; "90 percent of infants develop <an outcome>, compared with fewer than 5 percent of
        adults") measures what that one does."""
        claim = self.read_one(figure, figures, index)
        if claim is None or index == 0 or claim.measure not in ("prevalence", "incidence") or \
                not _COMPARED.search(self.folded, figures[index - 1].end, figure.start):
            return claim
        first = self.read_one(figures[index - 1], figures, index - 1)
        self.figures = figures
        if first is None or first.measure == claim.measure or first.measure in ("count", "risk"):
            return claim
        if first.measure in ("prevalence", "incidence"):
            return _replace(claim, measure=first.measure)
        return _replace(claim, subject=first.subject, measure=first.measure, object=first.object)

    def read_one(self, figure: Figure, figures: list[Figure], index: int) -> Claim | None:
        """The claim one figure makes read on its own."""
        self.figures = figures
        clause = self.clause_of(figure.start)
        limit = figures[index + 1].start if index + 1 < len(figures) else len(self.folded)
        limit = min(limit, clause[1]) if figure.end <= clause[1] else limit
        after = self.folded[figure.end:limit]
        before = self.folded[clause[0]:figure.start]
        scope = self.figure_region(clause, figures, index)
        denominator = self.denominator(figure, limit)
        skip = (figure.start, denominator.end)

        if figure.kind == "one_in" and _TIME_AFTER.match(self.folded, figure.end):
            return None
        if figure.kind == "count":
            if _NOT_A_COUNT.search(before):
                return None
            if not _COUNT_CUE.search(self.folded, clause[0], clause[1]) and not (
                    _NEW_CASES.match(self.folded, figure.end + 1, limit) and not _FIRST_PERSON.search(before)):
                return None
            return self.count(figure, clause, skip, denominator, scope)
        if _RISK_AFTER.match(after) or _RISK_BEFORE.search(before):
            subject = self.phrase(clause, skip, prefer="right") or self.context_subject(clause, figure, skip)
            return self.claim(figure, subject, "", "risk", scope)
        # "50-90% of affected children die before five", "a mortality rate of 60-80%": the words of deaths in the
        # figure's own stretch, up to the next figure ("affects 1-4% ... and a mortality of 60-80%" is two figures)
        if _MORTALITY.search(self.folded, figure.end, self.own_words_end(figure, limit)) or _MORTALITY_BEFORE.search(before):
            return self.claim(figure, self.context_subject(clause, figure, skip), "deaths", "other", scope)
        own_after = self.folded[figure.end:self.own_end(figure, limit)]
        if _CHANGE_BEFORE.search(before):  # "reduces attacks by about 70 percent": an effect, not a share of people
            return self.claim(figure, self.context_subject(clause, figure, skip), "change", "other", scope)
        if (_LIFETIME.search(self.folded, figure.end, self.own_end(figure, limit)) or _LIFETIME_BEFORE.search(before)) \
                and not self.feature_of_patients(figure, denominator, limit):
            # "2 percent will develop it at some point in their lives": a lifetime risk, not how many have it now
            # (among patients of something, "lifetime among <them>": not set against everyone's lifetime figures)
            patients = denominator.kind in ("patients", "cases") or (
                denominator.kind == "population" and denominator.term is not None
                and self.is_patient_population(denominator.term))
            term = denominator.term
            whose = (term.name if term.kind == "population" else f"people with {term.name}") if term is not None \
                else denominator.group or denominator.kind
            among = f"lifetime among {whose}" if patients else "lifetime"
            return self.claim(figure, self.context_subject(clause, figure, skip), among, "risk", scope)
        if _FIRST_PERSON_OF.match(after) and denominator.kind in ("other", "none"):
            return None  # "about 1 in 4 of our follow-up visits happen online": the speaker's own service
        if figure.unit == "%" and figure.low == figure.high == 100 and _IDIOM_100.match(after):
            return None  # "100% on the diary advice": agreement
        other = _OTHER_SHARE.search(own_after) or _OTHER_SHARE_BEFORE.search(before) or (
            denominator.kind != "none" and _OUTCOME_AFTER.match(self.folded, denominator.end, limit))
        if other:
            # "20% have a family member with it", "40% have their first patch by 20", "response rates of 30%"
            return self.claim(figure, self.context_subject(clause, figure, skip), _other_share_kind(other.group(0)),
                              "other", scope)
        outcome = self.outcome_after(figure, denominator, limit)
        if outcome is not None:
            whole = self.context_subject(clause, figure, skip)
            if outcome == "outcome":
                return self.claim(figure, whole, outcome, "other", scope)
            # "30 percent of children with X go on to develop <a complication>": the share with that feature
            return self.claim(figure, outcome, f"people with {whole}", "share_with_feature", scope)
        feature = _HAS_FEATURE.match(own_after)
        if feature and not any(m.kind in ("condition", "scope", *TYPE_LIKE) and
                               figure.end + feature.start("feature") <= m.start - self.sentence.start < figure.end + feature.end("feature")
                               for m in self.sentence.mentions):
            # "about 1 in 10 have a tumor of the thymus": a share of patients with a feature, not the condition's prevalence
            named = [m for m in self.sentence.mentions if m.kind in TYPE_LIKE and m.end - self.sentence.start <= figure.start]
            group = named[-1].name if named else self.type_in_context(clause) or self.topic.condition.name
            return self.claim(figure, " ".join(feature.group("feature").split()), f"people with {group}",
                              "share_with_feature", scope)
        carried = _CARRIED_BY.search(before)
        if carried and not any(m.kind in ABOUT_KINDS and clause[0] <= m.start < clause[0] + carried.start()
                               for m in self.mentions):
            # "Filaggrin mutations are carried by about 10 percent of people": the variant's carriers, not patients
            subject = self.phrase((clause[0], clause[0] + carried.start()), (clause[0] + carried.start(),) * 2)
            return self.claim(figure, subject or self.context_subject(clause, figure, skip), "carriers",
                              "carrier_frequency", scope)
        if _CARRIERS.search(own_after) or _CARRIERS_BEFORE.search(before):
            # "1 in 1,700 people carries a gene change": carriers, not patients
            return self.claim(figure, self.context_subject(clause, figure, skip), "carriers", "carrier_frequency", scope)
        # (not a response said in a relative clause of the group: "12% of adults, who often respond to X")
        if _RESPONSE.search(re.split(r",\s*(?:who|which|whose)\b", own_after, maxsplit=1)[0]) and (self.treatment_in(clause) or _TREATED_GROUP.match(self.folded, denominator.end)
                                            or _TREATED_BEFORE.search(before)):
            # "75% of patients taking X saw their attacks halved": a response to treatment
            return self.claim(figure, self.context_subject(clause, figure, skip), "treatment response", "other", scope)
        if _BODY.match(self.folded, figure.end, limit) or _BODY_BEFORE.search(before):
            return self.claim(figure, self.context_subject(clause, figure, skip), "body", "body_area", scope)
        if denominator.kind in ("cases", "patients"):
            return self.share_of_patients(figure, clause, skip, denominator, scope)
        if denominator.kind == "population":
            return self.prevalence(figure, clause, skip, self.refined(denominator.term), scope)
        if denominator.kind in ("people", "patients") and _FRONTED_IN.match(before) and \
                _FRONTED_OUTCOME.match(self.folded, denominator.end, clause[1]):
            return self.claim(figure, self.context_subject(clause, figure, skip), "outcome", "other", scope)
        if denominator.kind == "people" and _FRONTED_IN.match(before) and \
                re.match(r"\s*,", self.folded[denominator.end:limit]) and \
                _CAUSE_CUE.search(self.folded, denominator.end, clause[1]):
            # "In about a third of people, no cause is found": the share of the condition's cases with that cause
            whole = self.context_subject(clause, figure, skip)
            return self.claim(figure, self.phrase(clause, skip, prefer="right") or whole, f"people with {whole}",
                              "share_of_cases", scope)
        if denominator.kind == "people":
            feature = self.lexicon_subject((clause[0], figure.start), figure, skip, ("symptom",))
            if feature is not None:  # "Priapism occurs in up to 35% of males": a sign's share, not a prevalence
                return self.claim(figure, feature.name, denominator.group, "share_with_feature", scope)
            if self.elliptical(figure):
                # "I think its like a third of people" answering a remark about a symptom: nothing says what it counts
                return self.claim(figure, self.context_subject(clause, figure, skip), "", "other", scope)
            group = denominator.group
            if group == "people":
                named_in = self.population_in_place(figure, denominator)
                group = self.refined(named_in) if named_in is not None else group
            claim = self.prevalence(figure, clause, skip, group, scope)
            low, high = self.own_stretch(figure, clause)
            if denominator.noun.split()[-1] in ("newborns", "births", "babies", "infants", "neonates") and not (
                    denominator.group != "people" and _PREVALENCE_WORD.search(self.folded, low, high)):
                # (a prevalence among the births the lexicon names keeps its measure and group)
                claim = _replace(claim, measure="incidence", object="people")  # births, however they are named
            return claim
        if denominator.kind == "other":
            if not self.mentions and not _ANAPHOR_CONDITION.search(self.folded, clause[0], clause[1]):
                return None  # "Collagen makes up a third of body protein": a share of something else, in other words
            return self.claim(figure, self.context_subject(clause, figure, skip), denominator.noun, "other", scope)
        return self.bare(figure, figures, index, clause, skip, scope)

    def count(self, figure: Figure, clause: tuple[int, int], skip: tuple[int, int], denominator: Denominator,
              scope: str) -> Claim:
        """A number of people or cases: of the type its cases are of ("30 cases of <type>"), else in context."""
        term = denominator.term
        subject = term.name if term is not None and term.kind in ABOUT_KINDS else \
            self.context_subject(clause, figure, skip)
        if figure.unit == "cases" and _REPORTED.search(self.folded, clause[0], clause[1]):
            figure = _replace(figure, unit="reported cases")
        return self.claim(figure, subject, "people" if figure.unit == "people" else "cases", "count", scope)

    def share_of_patients(self, figure: Figure, clause: tuple[int, int], skip: tuple[int, int],
                          denominator: Denominator, scope: str) -> Claim:
        """A share of cases or patients: of a type, of a feature, or a prevalence in a named population."""
        condition = self.topic.condition.name
        whole = denominator.term.name if denominator.term else None
        if denominator.term is not None and denominator.term.kind == "population":
            obj = denominator.term.name
        else:
            if whole is None:
                # Patients of a population named earlier in the sentence ("Lupus: 30% of patients").
                # (before the sentence's first figure: a population after one is that figure's own denominator)
                named = [m for m in self.mentions if m.kind == "population" and m.end <= self.figures[0].start
                         and not self.generic_population(m)]
                if named and denominator.kind == "patients" and not self.is_patient_population(named[-1]):
                    return self.prevalence(figure, clause, skip, self.refined(named[-1]), scope)
                whole = condition if self._names_type_before(clause, figure) else \
                    self.context_subject(clause, figure, skip)
            obj = f"new cases of {whole}" if denominator.new else f"people with {whole}"
        if denominator.term is None and denominator.kind == "patients":
            # "a quarter of patients have <the condition>": patients of something unnamed; the figure is
            # the condition's prevalence among them, not a share of its own patients.
            named = [m for m in self.mentions if m.kind in ("condition", "scope") and m.start >= denominator.end
                     and m.end <= clause[1]]
            if named:
                return self.claim(figure, named[0].name, "patients", "prevalence", scope)
        predicate = _PREDICATE.match(self.folded, denominator.end, clause[1])
        if predicate and (predicate.group("feature") in _NOT_FEATURES or predicate.group("feature").endswith("ed")):
            predicate = None
        feature = self.lexicon_subject(clause, figure, skip, ("symptom",))
        kind_of = self.lexicon_subject(clause, figure, skip, (*TYPE_LIKE, "scope"))
        if kind_of is not None and kind_of.name == whole:
            kind_of = None
        if predicate:  # "90 percent of patients are women"
            found = self.mention_at(predicate.start("feature"))
            return self.claim(figure, found.name if found else predicate.group("feature"), obj,
                              "share_with_feature", scope)
        if feature is not None:
            return self.claim(figure, feature.name, obj, "share_with_feature", scope)
        if kind_of is not None:
            return self.claim(figure, kind_of.name, obj, "share_of_cases", scope)
        cause = _CAUSE_CUE.search(self.folded, clause[0], clause[1])
        if cause and _FOUND_IN_BEFORE.search(self.folded, clause[0], figure.start) and \
                not _CAUSE_VERB.search(self.folded, clause[0], clause[1]):
            cause = None  # "the X mutation is detected in about 90% of patients": found in them
        measure = "share_of_cases" if denominator.kind == "cases" or cause else "share_with_feature"
        return self.claim(figure, self.phrase(clause, skip) or condition, obj, measure, scope)

    def found_in_share(self, figure: Figure, clause: tuple[int, int], skip: tuple[int, int],
                       before: str, scope: str) -> Claim | None:
        """"Thymic changes are found in about 70 percent (and X in 10 percent)": the share of the condition's
        patients with a finding the lexicon does not name as the condition, a scope or a type."""
        found = _FOUND_IN_SHARE.search(before)
        if found is not None:
            span = (clause[0], clause[0] + found.start())
            subject_words = self.phrase((span[0], span[1]), (span[1], span[1]))
        else:
            found = _FOUND_IN_ELLIPSIS.search(before)
            if found is None:
                return None
            span = (clause[0] + found.start("np"), clause[0] + found.end("np"))
            subject_words = " ".join(re.sub(r"^(?:an?|the)\s+", "", found.group("np")).split())
        if any(m.kind in ABOUT_KINDS and span[0] <= m.start and m.end <= span[1] for m in self.mentions) \
                or not subject_words:
            return None  # "<the condition> is found in 2 percent": its prevalence
        symptom = self.lexicon_subject(span, figure, skip, ("symptom",))
        group = self.type_in_context(clause) or self.topic.condition.name
        return self.claim(figure, symptom.name if symptom else subject_words, f"people with {group}",
                          "share_with_feature", scope)

    def bare(self, figure: Figure, figures: list[Figure], index: int, clause: tuple[int, int],
             skip: tuple[int, int], scope: str) -> Claim | None:
        """A figure with no denominator after it: a table cell, a rate, or a prevalence the clause names."""
        condition = self.topic.condition.name
        before = self.folded[clause[0]:figure.start]
        cells = sum(1 for f in figures if f.kind == "share" and _TABLE_CELL.match(self.text, f.end))
        if figure.kind == "share" and cells >= 2 and _TABLE_CELL.match(self.text, figure.end) \
                and not _PREVALENCE_CUE.search(before):
            previous_end = figures[index - 1].end if index else 0
            label = self.table_label(figure, previous_end)
            if not label:
                return None
            found = self.lexicon_subject((previous_end, figure.start), figure, skip, ("symptom",))
            return self.claim(_replace(figure, kind="table"), found.name if found else label,
                              f"people with {self.type_in_context(clause) or condition}", "share_with_feature", scope)
        cells = self.table_cells(figure)
        if cells is not None and figure.unit == "%" and _CASES_HEADER.search(fold_form(cells[1])):
            # "| Oligoarthritis | about 50% |" under "Approximate share of cases": the row's share of the cases
            row_start = self.sentence.block.start - self.sentence.start
            kind_of = self.lexicon_subject((row_start, figure.start), figure, skip, (*TYPE_LIKE, "scope"))
            return self.claim(figure, kind_of.name if kind_of else self.context_subject(clause, figure, skip),
                              f"people with {condition}", "share_of_cases", scope)
        finding = self.found_in_share(figure, clause, skip, before, scope)
        if finding is not None:
            return finding
        row_group = _ROW_GROUP_WHO.match(fold_form(cells[0])) if cells is not None else None
        if row_group is not None:
            # "| Patients who improve on <a diet> | about 90 percent |": the share of patients who do that
            return self.claim(figure, " ".join(row_group.group("what").split()),
                              f"people with {self.type_in_context(clause) or condition}", "share_with_feature", scope)
        if cells is not None and _ROW_RISK.search(fold_form(cells[0])):
            # "| Lifetime risk | <population> | about 2% |": the row names a risk, not how many have it
            return self.claim(figure, self.context_subject(clause, figure, skip),
                              "lifetime" if "lifetime" in fold_form(cells[0]) else "", "risk", scope)
        if cells is not None and figure.unit == "%" and _PREVALENCE_HEADER.search(fold_form(cells[1])):
            # "| Hypertrophic | ... | 0.2% |" under "Approximate prevalence": the row's type's prevalence
            row_start = self.sentence.block.start - self.sentence.start
            kind_of = self.lexicon_subject((row_start, figure.start), figure, skip, (*TYPE_LIKE, "scope", "condition"))
            if kind_of is not None:
                return self.prevalence(figure, clause, skip, "people", scope)
        if index + 1 < len(figures):
            band = _AGE_BAND.match(self.folded, figure.end, figures[index + 1].start)
        else:  # (read on in the document: a sentence may end at the band's number, "above 80.")
            start = self.sentence.start + figure.end
            band = _AGE_BAND.match(lower_same_length(self.analysis.text[start:start + 40]))
        if band is not None and figure.kind in ("share", "one_in", "rate"):
            # "... among people over 40, to roughly 10 percent above 80": the figure's own age band, not the group
            # named with another figure (a lexicon population whose cue the band is, else the band itself)
            words = " ".join(band.group("band").split())
            refinement = next((p.name for p in self.topic.populations if any(fold_form(cue) == words for cue in p.cues)),
                              None)
            return self.prevalence(figure, clause, skip, refinement or f"people {words}", scope)
        population = self.lexicon_subject(clause, figure, skip, ("population",))
        if population is None and cells is not None:
            # "| People on long-term X | As many as 4 in 10 |": the row header is the population, and so is
            # another cell before the figure's ("| Annual incidence | <population> | 17 per 100,000 |")
            row_start = self.sentence.block.start - self.sentence.start
            population = self.lexicon_subject((row_start, figure.start), figure, skip, ("population",))
        if cells is not None and not scope:
            scope = self.row_place(figure)
        if population is None and cells is None and self.elliptical(figure):
            # "Yep, roughly 1 in 3." answering a remark about a symptom: nothing says what the figure counts
            return self.claim(figure, self.context_subject(clause, figure, skip), "", "other", scope)
        if figure.kind in ("one_in", "rate"):
            named = population is not None and not self.is_patient_population(population)
            return self.prevalence(figure, clause, skip, self.refined(population) if named else "people", scope)
        if population is not None and not self.is_patient_population(population):
            return self.prevalence(figure, clause, skip, self.refined(population), scope)
        if _PREVALENCE_CUE.search(self.folded, clause[0], clause[1]):
            return self.prevalence(figure, clause, skip, "people", scope)
        labelled = self.item_label_population(figure)
        if labelled is not None:
            # "Prevalence is higher in some groups:" / "- <population>: 10 to 15 percent": that group's prevalence
            return self.prevalence(figure, clause, skip, self.refined(labelled), scope)
        return self.claim(figure, self.context_subject(clause, figure, skip), "", "other", scope)

    def _names_type_before(self, clause: tuple[int, int], figure: Figure) -> bool:
        """The clause names a type before the figure: the share is of that type, among the condition's cases."""
        return any(m.kind in (*TYPE_LIKE, "scope") and clause[0] <= m.start and m.end <= figure.start
                   for m in self.mentions)

    def prevalence(self, figure: Figure, clause: tuple[int, int], skip: tuple[int, int], population: str,
                   scope: str) -> Claim:
        subject = self.context_subject(clause, figure, skip)
        low, high = self.own_stretch(figure, clause)
        if _PREVALENCE_WORD.search(self.folded, low, high):
            return self.claim(figure, subject, population, "prevalence", scope)
        incidence = _INCIDENCE.search(self.folded, low, high)
        if incidence and _BIRTH_GROUP.fullmatch(population):
            population = "people"  # "1 in 300,000 births" and "1 in a million babies" are one measure: births
        return self.claim(figure, subject, population, "incidence" if incidence else "prevalence", scope)

    def own_stretch(self, figure: Figure, clause: tuple[int, int]) -> tuple[int, int]:
        """The part of the clause that is this figure's: the whole clause when it holds one figure, else from the
        joint after the previous figure to the joint before the next ("20 per million births, and its prevalence
        is 11 per million": "births" is the first figure's, "prevalence" the second's)."""
        inside = [f for f in self.figures if clause[0] <= f.start < clause[1]]
        if len(inside) < 2 or figure not in inside:
            return clause
        position = inside.index(figure)
        low = clause[0]
        if position > 0:
            joints = list(_JOINT.finditer(self.folded, inside[position - 1].end, figure.start))
            low = joints[-1].start() if joints else inside[position - 1].end
        high = clause[1]
        if position + 1 < len(inside):
            joints = list(_JOINT.finditer(self.folded, figure.end, inside[position + 1].start))
            high = joints[-1].start() if joints else inside[position + 1].start
        return low, high

    def claim(self, figure: Figure, subject: str, obj: str, measure: str, scope: str) -> Claim:
        sentence = self.sentence
        hedge = HEDGE_PATTERN.search(sentence.folded)
        value = re.sub(r"\s+of$", "", self.text[figure.start:figure.end].strip())
        return Claim(
            source_id=self.analysis.document.source_id, facet=FACET, subject=subject or self.topic.condition.name,
            object=obj, value=value,
            value_low=round(figure.low, 3), value_high=None if figure.high is None else round(figure.high, 3),
            unit=figure.unit, measure=measure, qualifier=figure.qualifier, scope=scope,
            hedge=hedge.group(0) if hedge else "", quote=sentence.text, start=sentence.start, end=sentence.end,
            extractor=f"prevalence.{figure.kind}")


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    for sentence in analysis.sentences_for(FACET):
        if sentence.is_question:
            continue
        figures = _figures(lower_same_length(sentence.text))
        if not figures:
            continue
        reader = _Reader(analysis, sentence)
        for index, figure in enumerate(figures):
            claim = reader.read(figure, figures, index)
            if claim is not None:
                yield claim
