"""Statements a draft makes that the topic lexicon cannot read: treatments, figures and types it does not name.

The extractors read what a topic's lexicon names, so a draft that recommends
a treatment, gives a figure or names a type that no lexicon entry (and no
reference) mentions would pass ``audit check`` unseen. Those are exactly the
claims an editor most needs to verify. They are found by sentence patterns
that need no lexicon:

- treatment: "is treated with X", "X can help", "X is used to treat ...",
  "treatments include X, Y and Z";
- figure: a percentage, "N in M", "N per M", "N out of M" that no claim of
  the draft already holds;
- type: "X is a type (form, subtype, variant) of <condition>", "types
  include X and Y".

Each is judged against the references' own text, not their tables: a
reference sentence that names the same term together with a cue of the same
kind (a treatment word; a type word) supports it; for a figure, a reference
sentence giving the same figure and sharing a word of its subject. Anything
else is unsupported; reference sentences that mention the term (or figure)
in another way are kept as ``related`` so the editor sees them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from audit.extract.analysis import split_sentences
from audit.extract.lexicon import matcher_for
from audit.textfold import fold

KINDS = ("treatment", "figure", "type")

_WORD = r"[^\W\d_][\w'’\-]*"
_PHRASE = rf"{_WORD}(?:\s+[\w'’\-]+){{0,4}}"
# Where a noun phrase before a verb starts: the sentence, a comma or a clause word.
_BOUNDARY = re.compile(r"(?:^|[,;:(]|\b(?:and|but|while|whereas|although|though|because|since|so|then|that|"
                       r"which|when|if|often|usually|also|however|meanwhile)\b)\s*", re.IGNORECASE)
# A list ends at the end of the clause.
_LIST_END = re.compile(r"[.;:!?()]|\s(?:which|that|to|for|in|if|when|because|after|before|while|but|as|so|until|"
                       r"under|on|at|from|since|although|though|can|may|might|will|is|are|was|were)\b",
                       re.IGNORECASE)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|and/or|plus)\s+", re.IGNORECASE)
_LEADING = re.compile(r"^(?:a|an|the|some|regular|daily|other|certain|such|several|various|new|oral|topical)\s+",
                      re.IGNORECASE)

_TREATED_WITH = re.compile(r"\b(?:treated|managed|relieved|controlled|cured|helped|improved|eased|reversed)\s+"
                           r"(?:\w+ly\s+)?(?:with|by|using|through)\s+", re.IGNORECASE)
_HELPS = re.compile(r"\s+(?:can|may|might|will|could|often|usually|does|do|should)\s+(?:also\s+|often\s+|usually\s+)?"
                    r"(?:help|relieve|ease|reduce|improve|treat|cure|clear|shrink|dissolve|heal|reverse|resolve)\b|"
                    r"\s+(?:helps|relieves|eases|cures|treats|clears|shrinks|dissolves|heals|reverses|resolves)\b",
                    re.IGNORECASE)
_USED_FOR = re.compile(r"\s+(?:is|are)\s+(?:often\s+|sometimes\s+|also\s+|commonly\s+|usually\s+|widely\s+)?"
                       r"(?:(?:used|prescribed|given|recommended|effective|helpful|approved|indicated)\s+"
                       r"to\s+(?:treat|manage|relieve|reduce|prevent|control)|"
                       r"(?:prescribed|recommended|effective|helpful|approved|indicated)\s+(?:for|against|in))\b",
                       re.IGNORECASE)
_INCLUDE = re.compile(r"\b(?:treatments?|therapies|therapy|options|medications?|medicines|drugs|remedies)\s+"
                      r"(?:may\s+|can\s+)?(?:include|includes|including|such\s+as|like)\s*:?\s+", re.IGNORECASE)
# What a verb of helping does when it is not treating: "can help diagnose", "helps your doctor rule out".
_NOT_TREATING = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:diagnos\w*|rule\s+out|detect\w*|identify|confirm|guide|explain|"
                           r"understand\w*|predict|determine|evaluat\w*|test\w*|measur\w*|monitor\w*|check\w*|"
                           r"find|decid\w*|plan\w*|your\s+doctor|doctors|patients)\b", re.IGNORECASE)
# A cause, not a treatment: "occurs secondary to treatment like X".
_AS_CAUSE = re.compile(r"\b(?:secondary\s+to|due\s+to|caused\s+by|result(?:s|ing)?\s+(?:of|from)|following|after)"
                       r"\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# Words a name does not hold after its first word: a determiner there makes a clause, not a name.
_CLASS_WORDS = frozenset("type types form forms kind kinds variant variants subtype subtypes category".split())
_DETERMINERS = frozenset("the a an these those this that its their your our his her my which who".split())
# A phrase opening with a degree word describes ("quite rare", "very common"): it names nothing.
_DEGREE = frozenset("quite very extremely relatively rather fairly indeed usually often more less most least so too "
                    "generally typically mostly mainly largely highly".split())
_TYPE_OF = re.compile(r"\s+(?:is|are)\s+(?:also\s+|considered\s+|called\s+)?(?:a|an|another|one)\s+"
                      r"(?:[\w\-]+\s+){0,2}?(?:type|form|subtype|variant|kind|category)\s+of\s+(?:the\s+)?",
                      re.IGNORECASE)
_TYPES_INCLUDE = re.compile(r"\b(?:types|forms|subtypes|variants|kinds)\s+(?:of\s+(?:[\w\-]+\s+){1,4}?)?"
                            r"(?:include|includes|including|are|such\s+as)\s*:?\s+", re.IGNORECASE)
_FIGURE = re.compile(
    r"(?<![\w.,])(?:(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?))?"
    r"\s*(?:%|percent\b|per\s+cent\b)"
    r"|(?:\d[\d,]*|one|a)\s+(?:in|out\s+of|per)\s+(?:every\s+)?\d[\d,]*(?:\.\d+)?)", re.IGNORECASE)

# Words that name no treatment or type on their own: pronouns, determiners, and the generic nouns.
_GENERIC = frozenset("""
a an the this that these those it its they them their there here which who what one ones both each either
some any many most much more few several other others such all none no not your our his her my
treatment treatments therapy therapies medication medications medicine medicines drug drugs care management
option options surgery doctor doctors physician physicians patient patients people person approach approaches
method methods way ways thing things something nothing time rest diet also often usually early changes change
symptom symptoms sign signs case cases condition conditions disease diseases type types form forms
medical surgical physical conservative supportive specific available current standard different various new
prescription oral topical home lifestyle natural healthcare health provider providers team teams specialist
specialists clinician clinicians nurse nurses family families research studies study evidence test tests
""".split())
_TREATMENT_CUE = re.compile(r"\b(?:treat\w*|therap\w*|manag\w*|help\w*|reliev\w*|medic\w*|drugs?|prescri\w*|"
                            r"surg\w*|remed\w*|cur(?:e|es|ed|ing)|options?|improv\w*|eas(?:e|es|ed)|used)\b")
_TYPE_CUE = re.compile(r"\b(?:types?|forms?|subtypes?|variants?|kinds?|categor\w*|classif\w*)\b")
_STOPWORDS = frozenset("""
a an the of in on at to for by with and or not but is are was were be been being as that which who this these
those it its from than then there their they can may might will would could should has have had do does did
about around approximately nearly almost over under up more less most least some all any each per every out one
people persons patients adults children individuals cases percent cent
""".split())
# Lexicon kinds that make a stated term known (judged by the extractors' claims instead).
_KNOWN_KINDS = {"treatment": {"treatment"}, "type": {"type", "entity"}}


@dataclass(frozen=True)
class Statement:
    """One statement of the draft: ``kind`` (treatment | figure | type), the ``term`` stated, its sentence."""

    kind: str
    term: str
    quote: str
    start: int
    end: int


@dataclass
class Judgement:
    verdict: str                                      # supported | unsupported
    supporting: list[dict] = field(default_factory=list)
    related: list[dict] = field(default_factory=list)


def _clean_term(text: str) -> str:
    term = " ".join(text.strip(" \t\n\"'“”‘’()[]").split())
    while _LEADING.match(term):
        term = _LEADING.sub("", term, count=1)
    return term.rstrip(" ,")


def _is_name(term: str) -> bool:
    words = [w.lower() for w in re.findall(r"[\w'’\-]+", term)]
    return (bool(words) and len(words) <= 4 and words[0][0].isalpha() and words[0] not in _DETERMINERS
            and words[0] not in _DEGREE
            and not any(w in _DETERMINERS for w in words[1:]) and not all(w in _GENERIC for w in words)
            and words[-1] not in _CLASS_WORDS)  # "the severest form" describes, it does not name


def _phrase_before(sentence: str, end: int) -> str:
    """The noun phrase ending at ``end``: from the last clause boundary, at most five words."""
    before = sentence[:end]
    start = 0
    for match in _BOUNDARY.finditer(before):
        if match.end() < end:
            start = match.end()
    words = before[start:].split()
    return " ".join(words) if len(words) <= 4 else ""  # a longer subject is a clause, not a name


def _listed(sentence: str, start: int) -> list[str]:
    rest = sentence[start:]
    stop = _LIST_END.search(rest)
    return [_clean_term(item) for item in _LIST_SPLIT.split(rest[:stop.start()] if stop else rest)]


def _terms(sentence: str, condition_words: tuple[str, ...]) -> list[tuple[str, str]]:
    """(kind, term) pairs stated in one sentence, in reading order."""
    found: list[tuple[int, str, str]] = []
    for pattern in (_TREATED_WITH, _INCLUDE):
        for match in pattern.finditer(sentence):
            if not _AS_CAUSE.search(sentence[:match.start()]):
                found += [(match.end(), "treatment", term) for term in _listed(sentence, match.end())]
    for pattern in (_HELPS, _USED_FOR):
        for match in pattern.finditer(sentence):
            if pattern is _HELPS and _NOT_TREATING.match(sentence[match.end():]):
                continue
            found.append((match.start(), "treatment", _clean_term(_phrase_before(sentence, match.start()))))
    for match in _TYPE_OF.finditer(sentence):
        after = fold(sentence[match.end():])
        if any(after.startswith(word) for word in condition_words):
            found.append((match.start(), "type", _clean_term(_phrase_before(sentence, match.start()))))
    for match in _TYPES_INCLUDE.finditer(sentence):
        listed = [term for term in _listed(sentence, match.end()) if _is_name(term)]
        # "types are A and B" lists; "forms are quite rare" does not
        if len(listed) >= 2 or not match.group(0).lower().rstrip(" :").endswith("are"):
            found += [(match.end(), "type", term) for term in listed]
    seen, result = set(), []
    for _, kind, term in sorted(found, key=lambda item: item[0]):
        if _is_name(term) and (kind, term.lower()) not in seen:
            seen.add((kind, term.lower()))
            result.append((kind, term))
    return result


def _covered(start: int, end: int, claims) -> bool:
    return any(c_start <= start and end <= c_end for c_start, c_end in claims)


def open_statements(text: str, claims, topic) -> list[Statement]:
    """Treatments, figures and types the draft states that its lexicon claims do not hold.

    ``claims`` is the draft's claims table: a figure inside a prevalence or count claim's quote, or a term
    the lexicon knows, is already judged the usual way.
    """
    matcher = matcher_for(topic)
    condition_words = tuple(sorted({fold(form) for term in (topic.condition, *topic.scopes) for form in term.forms},
                                   key=len, reverse=True))
    figure_claims = [(int(c.start), int(c.end)) for c in claims.itertuples() if c.facet in ("prevalence", "type_count")]
    statements: list[Statement] = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        for kind, term in _terms(sentence, condition_words):
            folded = " ".join(fold(term).split())
            if folded in condition_words or any(m.kind in _KNOWN_KINDS[kind] for m in matcher.find(folded)):
                continue  # the condition itself, or a term the lexicon names: the extractors' claims speak for it
            statements.append(Statement(kind, term, sentence, start, end))
        for match in _FIGURE.finditer(sentence):
            if not _covered(start + match.start(), start + match.end(), figure_claims):
                statements.append(Statement("figure", " ".join(match.group(0).split()), sentence, start, end))
    return statements


# ----------------------------------------------------------------------------- judging against references

def _numbers(figure: str) -> tuple:
    """A figure's identity: its numbers and whether it is a percentage ("70–80%" = "70 to 80 percent")."""
    values = tuple(float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", figure))
    words = fold(figure)
    if words.split()[0] in ("one", "a"):
        values = (1.0, *values)
    return ("%" if re.search(r"%|percent|per\s+cent", words) else "ratio", values)


def _content_words(sentence: str, ignore: frozenset[str]) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z'\-]{2,}", fold(sentence)) if w not in _STOPWORDS and w not in ignore}


def _sentence(source_id: str, text: str, start: int, end: int) -> dict:
    return {"source_id": source_id, "quote": text[start:end], "start": start, "end": end}


class ReferenceText:
    """The references' cleaned texts, split into sentences once."""

    def __init__(self, texts: dict[str, str], topic):
        self._sentences = []  # (source_id, text, start, end, folded sentence)
        for source_id in sorted(texts):
            text = texts[source_id]
            for start, end in split_sentences(text):
                self._sentences.append((source_id, text, start, end, fold(text[start:end])))
        self._ignore = frozenset(w for term in (topic.condition, *topic.scopes) for form in term.forms
                                 for w in fold(form).split())

    def judge(self, statement: Statement, per_source: int = 2) -> Judgement:
        supporting, related = [], []
        if statement.kind == "figure":
            wanted = _numbers(statement.term)
            words = _content_words(statement.quote, self._ignore)
            for source_id, text, start, end, folded in self._sentences:
                if any(_numbers(m.group(0)) == wanted for m in _FIGURE.finditer(text[start:end])):
                    shares = words & _content_words(folded, self._ignore)
                    (supporting if shares else related).append(_sentence(source_id, text, start, end))
        else:
            term = re.compile(rf"(?<!\w){re.escape(fold(statement.term))}(?!\w)")
            cue = _TREATMENT_CUE if statement.kind == "treatment" else _TYPE_CUE
            for source_id, text, start, end, folded in self._sentences:
                if term.search(folded):
                    (supporting if cue.search(folded) else related).append(_sentence(source_id, text, start, end))
        return Judgement("supported" if supporting else "unsupported", _limit(supporting, per_source),
                         _limit(related, per_source))


def _limit(quotes: list[dict], per_source: int) -> list[dict]:
    kept, count = [], {}
    for quote in quotes:
        if count.get(quote["source_id"], 0) < per_source:
            kept.append(quote)
            count[quote["source_id"]] = count.get(quote["source_id"], 0) + 1
    return kept
