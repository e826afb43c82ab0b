"""Accuracy against hand-read gold: ``audit eval``.

Reads the development-set gold layout (one ``gold.yaml`` per topic; see
``../shared/devset/README.md``): per source file the stated type count,
counts scoped to a type, the named types, explicit placements (alias,
subtype, separate type, not a type), the most common type, prevalence
figures, treatments and symptoms, and the cross-source disagreements.

Gold names are free text ("sma type iv", "weakness and wasting of muscles"),
our claims use the lexicon's canonical names. Names are aligned without any
hand-made mapping: a claim's name matches a gold name when they fold to the
same string, when one contains the other at word boundaries, or when the
topic's own lexicon matcher finds the claim's term inside the gold name. That
is the same matcher extraction uses, so a lexicon that misses a surface form
is measured as a miss, not hidden.

Scores are precision (claims that match a gold fact of the same source) and
recall (gold facts some claim of the same source matches), per facet and in
total, plus findings: a warning- or error-level finding is true when its
facet, subject and at least two of its sources match a gold disagreement.
Every miss and every false claim is listed with its quote and source.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from audit.errors import InputError
from audit.extract.lexicon import matcher_for
from audit.textfold import fold_form
from audit.topic import Topic

FACT_FACETS = ("type_count", "type", "type_relation", "most_common", "prevalence", "treatment", "symptom")
CORE_FACETS = ("type_count", "type", "type_relation", "most_common", "prevalence")
# Our rule facets -> the gold's disagreement facets. The gold layout has no onset facet: it records onset
# conflicts as a symptom's typicality ("signs present at birth (type 1)", see the devset README).
FINDING_FACETS = {"type_count": "type_count", "type": "type", "type_relation": "type_relation",
                  "prevalence": "prevalence", "frequency": "most_common", "symptom": "symptom",
                  "treatment": "treatment", "onset": "symptom"}
_NAME_KINDS = {
    "type_count": ("type", "entity"), "type": ("type", "entity"), "type_relation": ("type", "entity"),
    "most_common": ("type", "entity"), "treatment": ("treatment",), "symptom": ("symptom",),
}
# Figures the extractor types as other quantities than how common the condition (or a type) is.
# The gold lists them as distractors ("HPO table percentages ... not prevalence", "inheritance
# risks"), and the rules never compare them with prevalence, so they are not scored as prevalence.
NOT_PREVALENCE_MEASURES = ("share_with_feature", "risk", "body_area")
_RELATIVE_TOLERANCE = 0.03  # gold converts "1 in N" to 3 significant figures


# ----------------------------------------------------------------------------- gold

@dataclass(frozen=True)
class GoldFact:
    """One hand-read fact of one source file."""

    file: str
    facet: str
    name: str = ""            # the type, treatment, symptom, relation subject, count's scope ("" = the topic)
    value: str = ""           # count, relation, polarity
    obj: str = ""             # relation object
    low: float | None = None
    high: float | None = None
    unit: str = ""
    measure: str = ""
    typicality: str = ""
    quote: str = ""

    def describe(self) -> str:
        return describe(self)


def describe(fact: "GoldFact | Predicted") -> str:
    """One line for a gold fact or a prediction, as the miss and false-claim lists show it."""
    if fact.facet == "type_count":
        return f"{fact.value} types" + (f" of {fact.name}" if fact.name else "")
    if fact.facet == "type_relation":
        return f"{fact.name} {fact.value} {fact.obj}"
    if fact.facet == "prevalence":
        low = "?" if fact.low is None else f"{fact.low:g}"
        high = "" if fact.high is None else f"..{fact.high:g}"
        return f"{fact.name}: {low}{high} {fact.unit} ({fact.measure or '?'})"
    if fact.facet == "symptom":
        return f"{fact.name} ({fact.value}{', ' + fact.typicality if fact.typicality else ''})"
    return fact.name


@dataclass(frozen=True)
class GoldDisagreement:
    facet: str
    subject: str
    files: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Gold:
    topic: str
    path: Path
    facts: tuple[GoldFact, ...]
    disagreements: tuple[GoldDisagreement, ...]
    files: tuple[str, ...]


def _names(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value]


def load_gold(path: str | Path) -> Gold:
    """Read one topic's ``gold.yaml`` into facts and disagreements."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise InputError(f"cannot read gold file ({type(error).__name__})", path) from None
    if not isinstance(data, dict) or not isinstance(data.get("sources"), dict):
        raise InputError("gold file must have a 'sources' mapping", path)
    facts: list[GoldFact] = []
    for file, entry in sorted(data["sources"].items()):
        entry = entry or {}
        if entry.get("stated_type_count") is not None:
            facts.append(GoldFact(file, "type_count", value=str(entry["stated_type_count"])))
        for scoped in entry.get("scoped_counts") or []:
            facts.append(GoldFact(file, "type_count", name=str(scoped["of"]), value=str(scoped["count"]),
                                  quote=scoped.get("quote", "")))
        for name in _names(entry.get("types_named")):
            facts.append(GoldFact(file, "type", name=name))
        for relation in entry.get("relations") or []:
            facts.append(GoldFact(file, "type_relation", name=str(relation["subject"]),
                                  value=str(relation["relation"]), obj=str(relation.get("object", "")),
                                  quote=relation.get("quote", "")))
        for name in _names(entry.get("most_common")):
            facts.append(GoldFact(file, "most_common", name=name))
        for figure in entry.get("prevalence") or []:
            facts.append(GoldFact(file, "prevalence", name=str(figure.get("subject", "")),
                                  low=_number(figure.get("low")), high=_number(figure.get("high")),
                                  unit=str(figure.get("unit", "")), measure=str(figure.get("measure", "")),
                                  quote=figure.get("quote", "")))
        for name in _names(entry.get("treatments")):
            facts.append(GoldFact(file, "treatment", name=name))
        for symptom in entry.get("symptoms") or []:
            facts.append(GoldFact(file, "symptom", name=str(symptom["name"]),
                                  value=str(symptom.get("polarity", "asserted")),
                                  typicality=str(symptom.get("typicality") or "")))
    disagreements = tuple(
        GoldDisagreement(str(item["facet"]), str(item.get("subject", "")),
                         tuple(sorted(str(f) for f in (item.get("positions") or {}))), str(item.get("note", "")))
        for item in data.get("disagreements") or [])
    return Gold(str(data.get("topic", path.parent.name)), path, tuple(facts), disagreements,
                tuple(sorted(data["sources"])))


def _number(value) -> float | None:
    return None if value is None else float(value)


# ----------------------------------------------------------------------------- name alignment

class NameAligner:
    """Decides whether a claim's name and a gold name mean the same thing."""

    def __init__(self, topic: Topic):
        self.topic = topic
        self.matcher = matcher_for(topic)
        self._cache: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}

    def terms_in(self, text: str, kinds: tuple[str, ...], negated: bool = False) -> frozenset[str]:
        """Canonical names of the lexicon terms of ``kinds`` found in ``text``.

        With ``negated``, the terms whose negated form the text holds ("can sit without support" is the
        negated form of "inability to sit"). A gold name of three words or more that a form contains
        ("two or more growths on the iris" in "... on the iris of the eye") names that term too: gold names
        are the annotator's paraphrase of the same words.
        """
        key = (text, kinds, negated)
        if key not in self._cache:
            folded = fold_form(text)
            mentions = self.matcher.find(folded)
            found = {m.name for m in mentions if m.kind in kinds and m.negated == negated}
            # A name that is a whole term of its own ("X disease", the condition) is not part of a longer form.
            partial = len(folded.split()) >= 3 and not any(m.end - m.start == len(folded) for m in mentions)
            for term in self.topic.terms():
                if term.kind not in kinds:
                    continue
                forms = {fold_form(f) for f in (term.negated_forms if negated else term.forms)}
                if folded in forms or (partial and any(_contains_words(f, folded) for f in forms)):
                    found.add(term.name)
            self._cache[key] = frozenset(found)
        return self._cache[key]

    def same(self, claim_name: str, gold_name: str, kinds: tuple[str, ...]) -> bool:
        return any(self._same(claim_name, name, kinds) for name in _expand_plural(gold_name))

    def opposite(self, claim_name: str, gold_name: str, kinds: tuple[str, ...]) -> bool:
        """The gold name is a negated form of the claim's term: "can sit" (asserted) is "inability to sit" denied."""
        claim_terms = self.terms_in(claim_name, kinds) or frozenset({claim_name})
        return bool(claim_terms & self.terms_in(gold_name, kinds, negated=True))

    def _same(self, claim_name: str, gold_name: str, kinds: tuple[str, ...]) -> bool:
        a, b = fold_form(claim_name), fold_form(gold_name)
        if not a or not b:
            return False
        if a == b or _contains_words(a, b) or _contains_words(b, a):
            return True
        claim_terms = self.terms_in(claim_name, kinds) or frozenset({claim_name})
        return bool(claim_terms & self.terms_in(gold_name, kinds))


_PLURAL_LIST = re.compile(r"\b(?P<noun>types|forms)\s+(?P<items>[\w-]+(?:\s*,\s*(?:and\s+|or\s+)?[\w-]+|\s+(?:and|or)\s+[\w-]+)+)")


def _expand_plural(gold_name: str) -> list[str]:
    """A gold name that lists several ("oi types ix, x and xi") stands for each ("oi type ix", ...)."""
    match = _PLURAL_LIST.search(gold_name.lower())
    if not match:
        return [gold_name]
    head = gold_name.lower()[: match.start()]
    noun = match.group("noun")[:-1]
    items = re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", match.group("items"))
    return [gold_name, *(f"{head}{noun} {item}" for item in items if item)]


def _contains_words(outer: str, inner: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(inner)}(?!\w)", outer) is not None


# ----------------------------------------------------------------------------- predictions

@dataclass(frozen=True)
class Predicted(GoldFact):
    """One distinct prediction of a source on one facet (several claims may say it), shaped like a gold fact."""

    source_id: str = ""


def _column(row, name: str, default=""):
    value = row.get(name, default)
    return default if value is None or (isinstance(value, float) and pd.isna(value)) else value


def predictions(claims: pd.DataFrame, file_of: dict[str, str], topic: Topic) -> list[Predicted]:
    """Claims reduced to what the gold can judge, one entry per distinct statement."""
    condition = topic.condition.name
    seen: dict[tuple, Predicted] = {}
    for row in claims.to_dict("records"):
        file = file_of.get(row["source_id"], row["source_id"])
        facet, subject, obj, value = row["facet"], row["subject"], _column(row, "object"), _column(row, "value")
        polarity = _column(row, "polarity", "asserted")
        common = dict(file=file, quote=row["quote"], source_id=row["source_id"])
        if facet == "type_count":
            if _column(row, "qualifier") in ("vague", "") or polarity != "asserted" or _column(row, "hedge") == "attributed":
                continue  # vague, denied or reported counts are not the source's number (bounds keep theirs)
            name = "" if subject == condition else subject
            item = Predicted(facet=facet, name=name, value=str(value), **common)
        elif facet == "type":
            if polarity != "asserted":
                continue
            item = Predicted(facet="type", name=subject, **common)
        elif facet == "type_relation":
            relation = value
            if polarity == "negated":
                if value not in ("subtype_of", "separate_type"):
                    continue
                relation = "not_a_type"
            if relation in ("separate_type", "subtype_of") and obj == condition:
                item = Predicted(facet="type", name=subject, **common)  # "a type of the topic" is a named type
            else:
                item = Predicted(facet=facet, name=subject, value=relation, obj=obj, **common)
        elif facet == "frequency":
            if value != "most_common" or polarity != "asserted" or _column(row, "scope"):
                continue
            item = Predicted(facet="most_common", name=subject, **common)
        elif facet == "prevalence":
            if _column(row, "measure") in NOT_PREVALENCE_MEASURES:
                continue  # typed as another quantity (a sign's frequency, a risk): the gold's distractors
            item = Predicted(facet=facet, name=subject, low=_column(row, "value_low", None),
                             high=_column(row, "value_high", None), unit=_column(row, "unit"),
                             measure=_column(row, "measure"), **common)
        elif facet == "treatment":
            if polarity != "asserted" or _column(row, "qualifier") == "investigational":
                continue  # denied, or research rather than treatment
            item = Predicted(facet=facet, name=subject, **common)
        elif facet == "symptom":
            item = Predicted(facet=facet, name=subject, value=polarity,
                             typicality=_column(row, "typicality") or "", **common)
        else:
            continue
        # A symptom stated twice with different typicality ("may", then a table's 50%) is two statements.
        key = (item.file, item.facet, item.name, item.value, item.obj, item.low, item.high, item.unit, item.typicality)
        seen.setdefault(key, item)
    return list(seen.values())


# ----------------------------------------------------------------------------- matching

def _per_100000(value: float | None, unit: str) -> float | None:
    if value is None:
        return None
    unit = unit.replace(",", "").replace(" ", "")
    if unit == "%":
        return value * 1000.0
    if unit in ("per100000", "per100k"):
        return value
    match = re.fullmatch(r"per(\d+)", unit)
    if match:
        return value * 100000.0 / float(match.group(1))
    return None


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= max(_RELATIVE_TOLERANCE * max(abs(a), abs(b)), 1e-6)


def _figure_matches(p: Predicted, g: GoldFact) -> bool:
    if g.low is None:
        return False
    counts = _per_100000(1.0, p.unit) is None and _per_100000(1.0, g.unit) is None  # "people", "cases": counts
    same_unit = p.unit.replace(" ", "") == g.unit.replace(" ", "") or counts
    if same_unit:
        p_low, p_high, g_low, g_high = p.low, p.high, g.low, g.high
        ceiling = 100.0 if g.unit == "%" else None
    else:
        p_low, p_high = _per_100000(p.low, p.unit), _per_100000(p.high, p.unit)
        g_low, g_high = _per_100000(g.low, g.unit), _per_100000(g.high, g.unit)
        ceiling = 100000.0 if p.unit == "%" else None
    if p_low is None or g_low is None:
        return False
    if not _close(p_low, g_low):
        # "up to 5%" is read 0..5: then the stated figure is the high end.
        if not (p_low == 0 and _close(p_high, g_low) and g_high in (None, g_low)):
            return False
        return True
    if g_high is None:  # an open bound ("more than 90 percent")
        return p_high is None or (ceiling is not None and p_high >= ceiling * 0.999) or _close(p_high, g_low)
    return _close(p_high, g_high)


def fact_matches(p: Predicted, g: GoldFact, aligner: NameAligner) -> bool:
    if p.file != g.file or p.facet != g.facet:
        return False
    kinds = _NAME_KINDS.get(g.facet, ("type", "entity"))
    if g.facet == "type_count":
        if p.value != g.value:
            return False
        return (not p.name and not g.name) or (bool(p.name) and bool(g.name) and aligner.same(p.name, g.name, kinds))
    if g.facet == "type_relation":
        if p.value != g.value:
            return False
        both = (*kinds, "condition", "scope")
        if aligner.same(p.name, g.name, kinds) and aligner.same(p.obj, g.obj, both):
            return True
        # "A is another name for B" says "B is another name for A": an alias has no direction.
        return g.value == "alias_of" and aligner.same(p.name, g.obj, both) and aligner.same(p.obj, g.name, both)
    if g.facet == "prevalence":
        return _figure_matches(p, g)
    if g.facet == "symptom":
        if p.value != g.value:
            return aligner.opposite(p.name, g.name, kinds)
        return aligner.same(p.name, g.name, kinds) and not aligner.opposite(p.name, g.name, kinds)
    return aligner.same(p.name, g.name, kinds)


# ----------------------------------------------------------------------------- scores

@dataclass
class FacetScore:
    facet: str
    true_positives: int = 0
    false_positives: int = 0
    gold: int = 0
    found: int = 0
    unscored: int = 0  # predictions not matched where the gold says its list is not exhaustive
    misses: list[dict] = field(default_factory=list)
    false_claims: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        predicted = self.true_positives + self.false_positives
        return None if predicted == 0 else self.true_positives / predicted

    @property
    def strict_precision(self) -> float | None:
        """Precision counting the unscored predictions as false."""
        predicted = self.true_positives + self.false_positives + self.unscored
        return None if predicted == 0 else self.true_positives / predicted

    @property
    def recall(self) -> float | None:
        return None if self.gold == 0 else self.found / self.gold

    def add(self, other: "FacetScore") -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.unscored += other.unscored
        self.gold += other.gold
        self.found += other.found
        self.misses.extend(other.misses)
        self.false_claims.extend(other.false_claims)

    def to_dict(self, details: bool = True) -> dict:
        out = {"facet": self.facet, "precision": _round(self.precision), "recall": _round(self.recall),
               "true_positives": self.true_positives, "false_positives": self.false_positives,
               "gold": self.gold, "found": self.found}
        if self.unscored:
            out["unscored"] = self.unscored
            out["strict_precision"] = _round(self.strict_precision)
        if details:
            out["misses"] = self.misses
            out["false_claims"] = self.false_claims
        return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass
class TopicEvaluation:
    topic: str
    facets: dict[str, FacetScore]
    findings: FacetScore
    extras: dict[str, dict] = field(default_factory=dict)   # attribute accuracy (typicality, measure)

    def total(self, facets: Iterable[str]) -> FacetScore:
        total = FacetScore("+".join(facets))
        for facet in facets:
            total.add(self.facets[facet])
        return total


def _as_named_type(fact: GoldFact, aligner: NameAligner) -> GoldFact:
    """"A subtype_of the topic" is a named type (the gold README: membership implies the placement)."""
    if fact.facet == "type_relation" and fact.value in ("subtype_of", "separate_type") \
            and aligner.terms_in(fact.obj, ("condition",)) and not aligner.terms_in(fact.obj, ("type", "entity")):
        return GoldFact(fact.file, "type", name=fact.name, quote=fact.quote)
    return fact


def score_facts(gold: Gold, predicted: list[Predicted], aligner: NameAligner, topic_name: str,
                not_exhaustive: dict[str, set[str]] | None = None) -> tuple[dict[str, FacetScore], dict]:
    """Precision and recall per facet; ``not_exhaustive`` ({file: {facet}}) names gold lists that leave facts out,
    where a prediction the gold lacks is not known to be false: it is counted as unscored, not as a false claim."""
    not_exhaustive = not_exhaustive or {}
    scores = {facet: FacetScore(facet) for facet in FACT_FACETS}
    attribute = {"typicality": [0, 0], "measure": [0, 0]}
    facts = [_as_named_type(g, aligner) for g in gold.facts]
    for facet in FACT_FACETS:
        gold_facts = [g for g in facts if g.facet == facet]
        preds = [p for p in predicted if p.facet == facet]
        score = scores[facet]
        score.gold = len(gold_facts)
        for g in gold_facts:
            matching = [p for p in preds if fact_matches(p, g, aligner)]
            if matching:
                score.found += 1
                if facet == "symptom" and g.typicality:
                    attribute["typicality"][1] += 1
                    # Strict: the source's first statement of the symptom (reading order) must carry it.
                    attribute["typicality"][0] += matching[0].typicality == g.typicality
                if facet == "prevalence" and g.measure:
                    attribute["measure"][1] += 1
                    attribute["measure"][0] += matching[0].measure == g.measure
            else:
                score.misses.append({"topic": topic_name, "file": g.file, "fact": g.describe(), "quote": g.quote})
        for p in preds:
            if any(fact_matches(p, g, aligner) for g in gold_facts):
                score.true_positives += 1
            elif facet in not_exhaustive.get(p.file, set()):
                score.unscored += 1
            else:
                score.false_positives += 1
                score.false_claims.append({"topic": topic_name, "file": p.file, "claim": p.describe(),
                                           "quote": p.quote})
    extras = {name: {"correct": right, "of": total, "accuracy": _round(right / total) if total else None}
              for name, (right, total) in attribute.items()}
    return scores, extras


def _finding_files(finding: dict, file_of: dict[str, str]) -> set[str]:
    files = set()
    for position in finding.get("positions", []):
        # An "absent" position (a closed list without the type) is a side of the disagreement too.
        files.update(file_of.get(source, source) for source in position.get("sources", []))
    return files


def finding_matches(finding: dict, disagreement: GoldDisagreement, aligner: NameAligner,
                    file_of: dict[str, str]) -> bool:
    if FINDING_FACETS.get(finding.get("facet", "")) != disagreement.facet:
        return False
    if len(_finding_files(finding, file_of) & set(disagreement.files)) < 2:
        return False
    if disagreement.facet == "type_count":
        return True
    kinds = (*_NAME_KINDS.get(disagreement.facet, ("type", "entity")), "type", "entity")
    return aligner.same(str(finding.get("subject", "")), disagreement.subject, kinds)


def score_findings(gold: Gold, findings: list[dict], aligner: NameAligner, file_of: dict[str, str],
                   topic_name: str) -> FacetScore:
    """Warning- and error-level findings against the gold disagreements."""
    emitted = [f for f in findings if f.get("severity") in ("warning", "error")]
    score = FacetScore("findings", gold=len(gold.disagreements))
    for disagreement in gold.disagreements:
        if any(finding_matches(f, disagreement, aligner, file_of) for f in emitted):
            score.found += 1
        else:
            score.misses.append({"topic": topic_name, "file": ", ".join(disagreement.files),
                                 "fact": f"{disagreement.facet}: {disagreement.subject}", "quote": disagreement.note})
    for finding in emitted:
        if any(finding_matches(finding, d, aligner, file_of) for d in gold.disagreements):
            score.true_positives += 1
        else:
            score.false_positives += 1
            score.false_claims.append({"topic": topic_name, "file": finding.get("code", ""),
                                       "claim": finding.get("message", ""), "quote": ""})
    return score


# ----------------------------------------------------------------------------- running

def stage_corpus(corpus_dir: Path, texts_dir: Path, into: Path) -> Path:
    """A corpus folder made of ``corpus_dir``'s YAML files and the article files of ``texts_dir``.

    The development-set texts are kept outside the repository; they are copied
    (never linked) into a temporary corpus so the tool reads only its corpus.
    """
    staged = into / corpus_dir.name
    staged.mkdir(parents=True)
    for name in ("topic.yaml", "sources.yaml"):
        if not (corpus_dir / name).is_file():
            raise InputError(f"missing {name}", corpus_dir)
        shutil.copyfile(corpus_dir / name, staged / name)
    from audit.yamlio import load_yaml

    manifest = load_yaml(corpus_dir / "sources.yaml")
    entries = manifest.get("sources", []) if isinstance(manifest, dict) else []
    for entry in entries:
        name = str(entry.get("file", "")) if isinstance(entry, dict) else ""
        source = texts_dir / name
        # Only plain file names: the manifest may not reach outside the texts folder.
        if not name or Path(name).name != name or not source.is_file() or source.is_symlink():
            raise InputError(f"article {name!r} named in sources.yaml is not a file of {texts_dir}", corpus_dir / "sources.yaml")
        shutil.copyfile(source, staged / name)
    if not entries:
        raise InputError("sources.yaml lists no article to evaluate", corpus_dir / "sources.yaml")
    return staged


_EVAL_KEYS = {"reason", "gold_not_exhaustive"}


def load_not_exhaustive(corpus_dir: Path) -> dict[str, set[str]]:
    """``eval.yaml`` beside a corpus may say which gold lists are abridged (``gold_not_exhaustive: {file: [facet]}``),
    as the development set's README does for some files, with the ``reason``. Files must be the manifest's."""
    path = corpus_dir / "eval.yaml"
    if not path.is_file():
        return {}
    from audit.yamlio import load_yaml

    data = load_yaml(path)
    if not isinstance(data, dict) or set(data) - _EVAL_KEYS:
        raise InputError(f"eval.yaml may hold only {', '.join(sorted(_EVAL_KEYS))}", path)
    entries = data.get("gold_not_exhaustive", {})
    if not isinstance(entries, dict) or not str(data.get("reason", "")).strip():
        raise InputError("eval.yaml needs gold_not_exhaustive: {file: [facets]} and a reason", path)
    manifest = load_yaml(corpus_dir / "sources.yaml") if (corpus_dir / "sources.yaml").is_file() else {}
    listed = {str(entry.get("file", "")) for entry in (manifest or {}).get("sources", []) if isinstance(entry, dict)}
    result = {}
    for file, facets in entries.items():
        if listed and str(file) not in listed:
            raise InputError(f"eval.yaml: {file} is not an article of sources.yaml", path)
        if not isinstance(facets, list) or not set(map(str, facets)) <= set(FACT_FACETS):
            raise InputError(f"eval.yaml: {file}: facets must be a list of {', '.join(FACT_FACETS)}", path)
        result[str(file)] = set(map(str, facets))
    return result


def evaluate_corpus(corpus_dir: str | Path, gold_path: str | Path, texts_dir: str | Path | None = None) -> TopicEvaluation:
    """Extract and compare one corpus, then score it against its gold."""
    from audit import api

    corpus_dir, gold_path = Path(corpus_dir), Path(gold_path)
    gold = load_gold(gold_path)
    with tempfile.TemporaryDirectory(prefix="audit-eval-") as work:
        work_dir = Path(work)
        corpus = stage_corpus(corpus_dir, Path(texts_dir), work_dir / "corpus") if texts_dir else corpus_dir
        extracted = api.extract_corpus(corpus, work_dir / "extracted", cache_dir=None, progress=False)
        result = api.compare_extracted(extracted, work_dir / "reports", write=False, data_quality=False)
        topic = extracted.corpus.topic
        file_of = {row.source_id: Path(row.path).name for row in extracted.sources.itertuples()}
        aligner = NameAligner(topic)
        predicted = predictions(extracted.claims, file_of, topic)
        facets, extras = score_facts(gold, predicted, aligner, gold.topic, load_not_exhaustive(corpus_dir))
        findings = score_findings(gold, result.document.get("findings", []), aligner, file_of, gold.topic)
    return TopicEvaluation(gold.topic, facets, findings, extras)


@dataclass
class Evaluation:
    topics: list[TopicEvaluation]

    def total(self, facets: Iterable[str]) -> FacetScore:
        facets = tuple(facets)
        total = FacetScore("+".join(facets))
        for topic in self.topics:
            total.add(topic.total(facets))
        return total

    def facet_total(self, facet: str) -> FacetScore:
        return self.total((facet,))

    def findings(self) -> FacetScore:
        total = FacetScore("findings")
        for topic in self.topics:
            total.add(topic.findings)
        return total

    def summary(self) -> dict[str, dict]:
        """Headline figures (no lists): what the floor test compares."""
        rows = {facet: self.facet_total(facet).to_dict(details=False) for facet in FACT_FACETS}
        rows["core facts"] = self.total(CORE_FACETS).to_dict(details=False)
        rows["all facts"] = self.total(FACT_FACETS).to_dict(details=False)
        rows["findings"] = self.findings().to_dict(details=False)
        for attribute in ("typicality", "measure"):  # how often a found fact's attribute is right
            right = sum(t.extras.get(attribute, {}).get("correct", 0) for t in self.topics)
            total = sum(t.extras.get(attribute, {}).get("of", 0) for t in self.topics)
            rows[f"{attribute} accuracy"] = {"accuracy": _round(right / total) if total else None,
                                             "correct": right, "of": total}
        return rows

    def to_dict(self) -> dict:
        return {
            "summary": self.summary(),
            "topics": [{"topic": t.topic,
                        "facets": {f: s.to_dict() for f, s in t.facets.items()},
                        "findings": t.findings.to_dict(),
                        "attributes": t.extras} for t in self.topics],
        }


def evaluate_devset(corpora: Iterable[str | Path], devset: str | Path,
                    on_topic: Callable[[str], None] | None = None) -> Evaluation:
    """Each corpus folder (lexicon + manifest) against ``devset/<folder name>/`` (texts + gold.yaml)."""
    devset = Path(devset)
    results = []
    for corpus in sorted(Path(c) for c in corpora):
        if not (corpus / "topic.yaml").is_file():
            raise InputError("not a corpus folder (no topic.yaml)", corpus)
        texts = devset / corpus.name
        if not (texts / "gold.yaml").is_file():
            raise InputError("no gold.yaml for this corpus in the development set", texts)
        if on_topic:
            on_topic(corpus.name)
        results.append(evaluate_corpus(corpus, texts / "gold.yaml", texts))
    return Evaluation(results)


def format_table(evaluation: Evaluation, details: bool = False) -> str:
    """The summary as a plain-text table (and, with ``details``, every miss and false claim)."""
    def pct(value):
        return "   -" if value is None else f"{value * 100:5.1f}%"

    lines = [f"{'facet':<14} {'precision':>9} {'recall':>8} {'tp':>5} {'fp':>5} {'found':>6} {'gold':>5}"]
    summary = evaluation.summary()
    for name, row in summary.items():
        if "accuracy" in row:
            lines.append(f"{name:<20} {pct(row['accuracy'])} ({row['correct']} of {row['of']} found facts)")
            continue
        lines.append(f"{name:<14} {pct(row['precision']):>9} {pct(row['recall']):>8} {row['true_positives']:>5} "
                     f"{row['false_positives']:>5} {row['found']:>6} {row['gold']:>5}"
                     + (f"   ({row['unscored']} unscored: gold list not exhaustive; strict precision "
                        f"{pct(row['strict_precision']).strip()})" if row.get("unscored") else ""))
    if details:
        for facet in (*FACT_FACETS, "findings"):
            score = evaluation.findings() if facet == "findings" else evaluation.facet_total(facet)
            for miss in score.misses:
                lines.append(f"MISS  {facet:<13} {miss['topic']}/{miss['file']}: {miss['fact']}"
                             + (f"  «{miss['quote']}»" if miss["quote"] else ""))
            for false in score.false_claims:
                quote = " ".join(str(false["quote"]).split())[:160]
                lines.append(f"FALSE {facet:<13} {false['topic']}/{false['file']}: {false['claim']}"
                             + (f"  «{quote}»" if quote else ""))
    return "\n".join(lines)


# ----------------------------------------------------------------------------- floor

FLOOR_MARGIN = 0.005  # rounding noise, not a licence to regress


def load_floor(path: str | Path) -> dict[str, dict]:
    import json

    try:
        return json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read recorded scores ({type(error).__name__})", path) from None


def below_floor(summary: dict[str, dict], floor: dict[str, dict]) -> list[str]:
    """Scores of ``summary`` that dropped below the recorded ``floor``."""
    drops = []
    for name, recorded in sorted(floor.items()):
        current = summary.get(name, {})
        for measure in ("precision", "recall", "accuracy"):
            then, now = recorded.get(measure), current.get(measure)
            if then is not None and (now is None or now < then - FLOOR_MARGIN):
                drops.append(f"{name} {measure} {now} < recorded {then}")
    return drops
