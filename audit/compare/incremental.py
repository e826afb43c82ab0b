"""Incremental comparison: after a few articles change, rebuild only the questions they touch.

A comparison asks each rule for its questions, estimates source reliability
over them, and judges each one. Building the questions is most of the work,
and most questions do not change when one article does. A run therefore keeps
a :class:`CompareState` (pickled in the cache folder):

- each source's claims digest (the document cache key its claims were
  extracted under, when the run has a cache: the rows are a function of it),
  and the subjects its claims speak of;
- per rule, the questions it built and which per-source summaries of the
  context (``named_types``, ``closed_list_sources``, ...) it read;
- the digests of those summaries per source.

On the next run, the sources whose claims digest changed are the changed
sources. A rule that declares ``groups_by = "subject"`` builds its questions
about subject S from the claims whose subject is S (and the context's
per-source summaries), so only the subjects the changed sources speak of,
before or after, are rebuilt: on a context holding just those subjects'
claims, with the per-source summaries of the whole corpus. A rule that
declares ``groups_by = "source"`` builds one question per source from that
source's claims alone: only the changed sources' are rebuilt. Every other
rule, and any rule whose summaries changed for a changed source, is rebuilt
whole. Reliability is re-estimated and every question re-judged (one source's
change moves every weight), which is cheap next to building questions.

Anything else that changed -- the code, the topic, the list of sources or
their manifest entries -- starts over. The result is the same as a full
comparison, byte for byte (``tests/test_incremental.py``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from audit.compare.context import Context
from audit.compare.model import ComparisonResult, Question
from audit.compare.rules.base import Rule
from audit.statefile import load_state_file, save_state_file

STATE_VERSION = 1
# Per-source summaries of the whole corpus a rule may read; see Context.
SOURCE_SUMMARIES = ("named_types", "stated_counts", "vague_counts", "enumerating_sources", "closed_list_sources")
# Columns of sources.csv that describe the document rather than the manifest entry: a changed article
# changes them, and no rule reads them.
_DOCUMENT_COLUMNS = ("sha256", "n_chars", "n_blocks", "n_furniture_blocks")


@dataclass
class RuleState:
    questions: list[Question]
    reads: frozenset[str]  # the SOURCE_SUMMARIES its questions() read


@dataclass
class CompareState:
    fingerprint: str
    source_digests: dict[str, str]
    source_subjects: dict[str, frozenset[str]]
    summary_digests: dict[str, dict[str, str]]  # summary -> source -> digest
    rules: dict[str, RuleState] = field(default_factory=dict)
    rebuilt: dict[str, str] = field(default_factory=dict)  # per rule: kept, subjects, sources or whole (this run)


class _Recording:
    """The context as a rule sees it, noting which per-source summaries the rule reads."""

    def __init__(self, ctx: Context):
        self._ctx = ctx
        self.reads: set[str] = set()

    def __getattr__(self, name: str):
        if name in SOURCE_SUMMARIES:
            self.reads.add(name)
        return getattr(self._ctx, name)


def code_digest() -> str:
    """The digest of the package's code (see ``_code_digest``): what a result kept between runs depends on."""
    return _code_digest()


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """Every module and data file of the package: a changed rule, extractor or helper starts the comparison over."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _fingerprint(sources: pd.DataFrame, topic, rules: list[Rule]) -> str:
    manifest = sources.drop(columns=[c for c in _DOCUMENT_COLUMNS if c in sources.columns])
    parts = [str(STATE_VERSION), _code_digest(), topic.digest, " ".join(f"{type(r).__module__}.{type(r).__name__}"
                                                                        for r in rules),
             manifest.to_csv(index=False)]
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()


def source_digests(claims: pd.DataFrame, known: dict[str, str] | None = None
                   ) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """Per source with claims: a digest of its claim rows (in order), and the subjects they speak of.

    ``known``: per source, a key its rows are a function of (the document cache key they were
    extracted under): it stands for the digest, and 530,000 rows are not hashed.
    """
    if not len(claims):
        return {}, {}
    if known is not None:
        pairs = claims[["source_id", "subject"]].drop_duplicates()
        found: dict[str, set[str]] = {}
        for source_id, subject in zip(pairs["source_id"].tolist(), pairs["subject"].tolist()):
            found.setdefault(source_id, set()).add(subject)
        return ({s: f"key:{known[s]}" for s in found}, {s: frozenset(subjects) for s, subjects in found.items()})
    row_hashes = pd.util.hash_pandas_object(claims, index=False).to_numpy().tolist()
    digests: dict[str, "hashlib._Hash"] = {}
    subjects: dict[str, set[str]] = {}
    for source_id, subject, row_hash in zip(claims["source_id"].tolist(), claims["subject"].tolist(), row_hashes):
        if source_id not in digests:
            digests[source_id] = hashlib.blake2b(digest_size=16)
            subjects[source_id] = set()
        digests[source_id].update(row_hash.to_bytes(8, "little"))
        subjects[source_id].add(subject)
    return ({s: d.hexdigest() for s, d in digests.items()},
            {s: frozenset(found) for s, found in subjects.items()})


def _summary_digests(ctx: Context, names, only: set[str] | None = None) -> dict[str, dict[str, str]]:
    """Per summary, per source (of ``only`` when given): a digest of what the summary holds for it."""
    result = {}
    for name in names:
        value = getattr(ctx, name)
        if isinstance(value, dict):
            result[name] = {s: hashlib.blake2b(repr(v).encode("utf-8"), digest_size=16).hexdigest()
                            for s, v in value.items() if only is None or s in only}
        else:  # a tuple of sources
            result[name] = {s: "1" for s in value if only is None or s in only}
    return result


def rule_questions(rule: Rule, ctx: Context) -> RuleState:
    """The rule's questions over ``ctx``, and which per-source summaries it read."""
    view = _Recording(ctx)
    questions = list(rule.questions(view))  # type: ignore[arg-type]
    return RuleState(questions, frozenset(view.reads))


def _restricted(ctx: Context, claims: pd.DataFrame, with_summaries: bool) -> Context:
    """A context over some of the claims; with ``with_summaries``, the whole corpus's per-source summaries."""
    part = Context(claims=claims, sources=ctx.sources, topic=ctx.topic)
    if with_summaries:
        for name in SOURCE_SUMMARIES:
            part.__dict__[name] = getattr(ctx, name)  # cached_property reads the instance dict first
    return part


def _changed_summaries(old: CompareState, new: dict[str, dict[str, str]], changed: set[str]) -> set[str]:
    return {name for name in SOURCE_SUMMARIES
            if any(old.summary_digests.get(name, {}).get(s) != new[name].get(s) for s in changed)}


def build_all(ctx: Context, rules: list[Rule]) -> dict[str, RuleState]:
    """Every rule's questions over the whole context, here (an engine may spread this: see ``build``)."""
    return {rule.code: rule_questions(rule, ctx) for rule in rules}


def build_questions(ctx: Context, rules: list[Rule], state: CompareState | None, fingerprint: str,
                    build=build_all, digests: dict[str, str] | None = None) -> tuple[dict[str, RuleState], CompareState]:
    """Each rule's questions, rebuilt only where ``state`` (the previous run's) no longer holds.

    ``build(ctx, rules)`` builds rules whole when nothing can be kept (:func:`build_all`, or an engine's).
    """
    digests, subjects = source_digests(ctx.claims, digests)
    usable = state is not None and state.fingerprint == fingerprint and set(state.source_digests) | set(digests) \
        <= set(ctx.source_ids)
    if not usable:
        new_state = CompareState(fingerprint, digests, subjects, _summary_digests(ctx, SOURCE_SUMMARIES))
        new_state.rules = build(ctx, rules)
        new_state.rebuilt = {rule.code: "whole" for rule in rules}
        return new_state.rules, new_state
    changed = {s for s in set(state.source_digests) | set(digests) if state.source_digests.get(s) != digests.get(s)}
    # Only a changed source's summaries can have changed: digest those, keep the others'.
    summaries = _summary_digests(ctx, SOURCE_SUMMARIES, changed)
    moved = _changed_summaries(state, summaries, changed)
    new_state = CompareState(fingerprint, digests, subjects,
                             {name: {**{s: d for s, d in state.summary_digests.get(name, {}).items() if s not in changed},
                                     **summaries[name]} for name in SOURCE_SUMMARIES})
    touched = set().union(*(state.source_subjects.get(s, frozenset()) | subjects.get(s, frozenset())
                            for s in changed)) if changed else set()
    by_subject = by_source = None
    for rule in rules:
        old = state.rules.get(rule.code)
        scope = getattr(rule, "groups_by", None)
        if old is not None and not changed:
            new_state.rules[rule.code], new_state.rebuilt[rule.code] = old, "kept"
        elif old is None or scope not in ("subject", "source") or (scope == "subject" and old.reads & moved):
            new_state.rules[rule.code], new_state.rebuilt[rule.code] = rule_questions(rule, ctx), "whole"
        elif scope == "subject":
            if by_subject is None:
                by_subject = _restricted(ctx, ctx.claims[ctx.claims["subject"].isin(touched)], with_summaries=True)
            fresh = rule_questions(rule, by_subject)
            kept = [q for q in old.questions if q.subject not in touched]
            new_state.rules[rule.code] = RuleState(kept + fresh.questions, old.reads | fresh.reads)
            new_state.rebuilt[rule.code] = "subjects"
        else:
            if by_source is None:
                by_source = _restricted(ctx, ctx.claims[ctx.claims["source_id"].isin(changed)], with_summaries=False)
            fresh = rule_questions(rule, by_source)
            kept = [q for q in old.questions if not set(q.speaking) & changed]
            new_state.rules[rule.code] = RuleState(kept + fresh.questions, old.reads | fresh.reads)
            new_state.rebuilt[rule.code] = "sources"
    return new_state.rules, new_state


# What a state file may name: the state, and what questions are made of.
_STATE_CLASSES = frozenset({
    ("audit.compare.incremental", "CompareState"), ("audit.compare.incremental", "RuleState"),
    ("audit.compare.model", "Question"), ("audit.compare.model", "Position"), ("audit.compare.model", "Quote"),
    ("audit.compare.rules.numbers.intervals", "Interval"),
})


def load_state(path: Path) -> CompareState | None:
    """The previous run's state; None when missing, unreadable or not a state (then: a full run)."""
    state = load_state_file(path, _STATE_CLASSES)
    return state if isinstance(state, CompareState) else None


def save_state(path: Path, state: CompareState) -> None:
    save_state_file(path, state)


def state_path(cache_dir: str | Path, corpus_folder: str | Path) -> Path:
    """One state per corpus folder in the cache."""
    key = hashlib.sha256(str(Path(corpus_folder).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(cache_dir) / "compare" / f"{key}.pickle"


def compare_incremental(claims: pd.DataFrame, sources: pd.DataFrame, topic, state_file: str | Path,
                        rules: list[Rule] | None = None, build=build_all, digests: dict[str, str] | None = None
                        ) -> ComparisonResult:
    """:func:`audit.compare.compare`, rebuilding only what changed since the run that wrote ``state_file``.

    ``build`` builds every rule's questions when none can be kept (see :func:`build_questions`); ``digests``
    stand for the rows' (:func:`source_digests`).
    """
    from audit.compare import _judge_all, _sorted_questions, without_cyclic_gc
    from audit.compare.rules import get_rules

    rules = rules if rules is not None else get_rules()
    ctx = Context(claims=claims, sources=sources, topic=topic)
    fingerprint = _fingerprint(ctx.sources, topic, rules)
    path = Path(state_file)
    with without_cyclic_gc():  # the state too is many small objects that live to the end
        built, state = build_questions(ctx, rules, load_state(path), fingerprint, build, digests)
        result = _judge_all(ctx, rules, _sorted_questions(rules, {code: s.questions for code, s in built.items()}))
        save_state(path, state)
    return result
