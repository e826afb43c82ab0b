"""The topic lexicon: ``sources/<topic>/topic.yaml`` loaded into typed objects.

All topic knowledge (the condition, its candidate types, entities that sources
place differently, treatments, populations, symptoms) lives in this file, never
in the code. It is validated once on load; a problem is a one-line error that
names the file and line.

Example::

    topic: migraine
    condition:
      name: migraine
      forms: [migraine, migraines]
      scopes:
        paediatric migraine: [paediatric migraine, childhood migraine]
    types:
      migraine with aura: [migraine with aura, classic migraine]
    entities:
      retinal migraine: [retinal migraine]
    treatments:
      propranolol: {class: beta blocker, forms: [propranolol, beta blockers]}
    populations:
      dermatomyositis: [dermatomyositis]
      juvenile dermatomyositis:
        forms: [juvenile dermatomyositis]
        refines: dermatomyositis
        cues: [juvenile, pediatric, children]
    symptoms:
      pain: {forms: [pain, painful], negated_forms: [painless]}
    boilerplate: ["sign up for our newsletter"]
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.errors import TopicError
from audit.textfold import fold_form
from audit.yamlio import LineDict, LineList, load_yaml

_TOP_KEYS = {"topic", "description", "condition", "types", "entities", "treatments",
             "populations", "symptoms", "boilerplate"}
_CONDITION_KEYS = {"name", "forms", "scopes"}
_TERM_KEYS = {
    "type": {"forms", "note"},
    "entity": {"forms", "note"},
    "scope": {"forms", "note"},
    "treatment": {"forms", "class", "note"},
    "population": {"forms", "refines", "cues", "note"},
    "symptom": {"forms", "negated_forms", "note"},
}


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a canonical name and the surface forms that mean it."""

    kind: str
    name: str
    forms: tuple[str, ...]
    negated_forms: tuple[str, ...] = ()
    category: str = ""          # treatment class, e.g. "calcium channel blocker"
    refines: str = ""           # population this one narrows, e.g. juvenile -> dermatomyositis
    cues: tuple[str, ...] = ()  # words that, beside the parent population, select this one
    line: int | None = None


@dataclass(frozen=True)
class Topic:
    """A validated topic lexicon."""

    name: str
    path: Path
    condition: Term
    scopes: tuple[Term, ...]
    types: tuple[Term, ...]
    entities: tuple[Term, ...]
    treatments: tuple[Term, ...]
    populations: tuple[Term, ...]
    symptoms: tuple[Term, ...]
    boilerplate: tuple[re.Pattern[str], ...]
    digest: str
    description: str = ""
    _by_name: dict[tuple[str, str], Term] = field(default_factory=dict, repr=False, compare=False)

    def terms(self) -> tuple[Term, ...]:
        return (self.condition, *self.scopes, *self.types, *self.entities,
                *self.treatments, *self.populations, *self.symptoms)

    def term(self, kind: str, name: str) -> Term | None:
        return self._by_name.get((kind, name))

    def condition_names(self) -> set[str]:
        """The condition and its scopes: what a count of types can be 'of'."""
        return {self.condition.name, *(scope.name for scope in self.scopes)}


def _fail(message: str, path: Path, line: int | None) -> TopicError:
    return TopicError(message, path, line)


def _str_list(value: Any, what: str, path: Path, line: int | None) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise _fail(f"{what} must be a list of non-empty strings", path, line)
    return tuple(item.strip() for item in value)


def _check_keys(mapping: LineDict, allowed: set[str], where: str, path: Path) -> None:
    for key in mapping:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise _fail(f"unknown key {key!r} in {where} (known: {known})", path, mapping.line_of(key))


def _term(kind: str, name: Any, spec: Any, path: Path, line: int | None) -> Term:
    if not isinstance(name, str) or not name.strip():
        raise _fail(f"{kind} names must be non-empty strings", path, line)
    name = name.strip()
    if spec is None:
        spec = []
    if isinstance(spec, (list, str)):
        spec = LineDict(forms=spec)
        spec.line = line
    if not isinstance(spec, dict):
        raise _fail(f"{kind} {name!r} must be a list of forms or a mapping", path, line)
    _check_keys(spec, _TERM_KEYS[kind], f"{kind} {name!r}", path)
    forms = _str_list(spec.get("forms", []), f"forms of {name!r}", path, line)
    if name not in forms:
        forms = (name, *forms)
    category = spec.get("class", "") or ""
    if not isinstance(category, str):
        raise _fail(f"class of {name!r} must be a string", path, spec.line_of("class"))
    refines = spec.get("refines", "") or ""
    if not isinstance(refines, str):
        raise _fail(f"refines of {name!r} must be a string", path, spec.line_of("refines"))
    return Term(
        kind=kind,
        name=name,
        forms=forms,
        negated_forms=_str_list(spec.get("negated_forms", []), f"negated_forms of {name!r}", path, line),
        category=category.strip(),
        refines=refines.strip(),
        cues=_str_list(spec.get("cues", []), f"cues of {name!r}", path, line),
        line=line,
    )


def _section(data: LineDict, key: str, kind: str, path: Path) -> tuple[Term, ...]:
    section = data.get(key)
    if section is None:
        return ()
    if not isinstance(section, dict):
        raise _fail(f"'{key}' must be a mapping of name -> forms", path, data.line_of(key))
    return tuple(_term(kind, name, spec, path, section.line_of(name)) for name, spec in section.items())


def _condition(data: LineDict, path: Path) -> tuple[Term, tuple[Term, ...]]:
    spec = data.get("condition")
    if not isinstance(spec, dict):
        raise _fail("'condition' is required: a mapping with name and forms", path, data.line_of("condition"))
    _check_keys(spec, _CONDITION_KEYS, "condition", path)
    name = spec.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail("condition.name is required", path, spec.line)
    condition = Term("condition", name.strip(),
                     tuple(dict.fromkeys((name.strip(), *_str_list(spec.get("forms", []), "condition.forms", path, spec.line_of("forms"))))),
                     line=spec.line)
    scopes = _section(spec, "scopes", "scope", path)
    return condition, scopes


def _check_unique_forms(terms: tuple[Term, ...], path: Path) -> None:
    """A surface form may mean one thing only: two meanings make matching a guess."""
    owner: dict[str, Term] = {}
    for term in terms:
        for form in (*term.forms, *term.negated_forms):
            key = fold_form(form)
            previous = owner.get(key)
            if previous is not None and (previous.kind, previous.name) != (term.kind, term.name):
                raise _fail(
                    f"surface form {form!r} of {term.kind} {term.name!r} already belongs to "
                    f"{previous.kind} {previous.name!r}", path, term.line)
            owner[key] = term


def load_topic(path: str | Path) -> Topic:
    """Load and validate ``topic.yaml``; raise TopicError naming file and line."""
    path = Path(path)
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise _fail("top level must be a mapping", path, 1)
    _check_keys(data, _TOP_KEYS, "topic file", path)
    name = data.get("topic")
    if not isinstance(name, str) or not name.strip():
        raise _fail("'topic' (the topic's name) is required", path, data.line or 1)
    condition, scopes = _condition(data, path)
    sections = {kind: _section(data, key, kind, path) for key, kind in
                (("types", "type"), ("entities", "entity"), ("treatments", "treatment"),
                 ("populations", "population"), ("symptoms", "symptom"))}
    # Half the facets (type counts, named types, placements, most common type) compare types; a
    # topic without them is a mistake, not a smaller audit.
    if not sections["type"]:
        raise _fail("lists no types: add 'types', a mapping of each candidate type of the condition to its forms",
                    path, data.line_of("types") or 1)
    patterns = []
    raw_patterns = data.get("boilerplate", []) or []
    if not isinstance(raw_patterns, list):
        raise _fail("'boilerplate' must be a list of regular expressions", path, data.line_of("boilerplate"))
    for index, pattern in enumerate(raw_patterns):
        line = raw_patterns.lines[index] if isinstance(raw_patterns, LineList) else None
        try:
            patterns.append(re.compile(str(pattern), re.IGNORECASE))
        except re.error as exc:
            raise _fail(f"boilerplate pattern {pattern!r} is not a valid regular expression ({exc})", path, line) from None
    topic = Topic(
        name=name.strip(), path=path, condition=condition, scopes=scopes,
        types=sections["type"], entities=sections["entity"], treatments=sections["treatment"],
        populations=sections["population"], symptoms=sections["symptom"],
        boilerplate=tuple(patterns), digest=hashlib.sha256(path.read_bytes()).hexdigest(),
        description=str(data.get("description", "") or ""),
    )
    _check_unique_forms(topic.terms(), path)
    population_names = {p.name for p in topic.populations}
    for population in topic.populations:
        if population.refines and population.refines not in population_names:
            raise _fail(f"population {population.name!r} refines unknown population {population.refines!r}",
                        path, population.line)
    for term in topic.terms():
        topic._by_name[(term.kind, term.name)] = term
    return topic
