"""Facet ``symptom``: symptoms a source asserts or denies, with hedging.

Each sentence is cut into clauses at contrasts ("though", "but", ";"), so
"Usually, the condition is not painful, though large lesions can cause pain"
gives two claims: pain negated (hedge "usually") and pain asserted (hedge
"can"). A symptom is negated when its form negates ("painless") or a negation
cue ("not", "no", "without", "does not cause") stands before it in its clause.
Mentions that are the object of relief ("helps manage pain"), listed causes
("causes include inflammation") and side effects (a treatment named earlier in
the clause) are skipped.
"""
from __future__ import annotations

import re
from typing import Iterator

from audit.extract.analysis import DocumentAnalysis, Sentence
from audit.extract.claim import Claim
from audit.extract.cues import CLAUSE_SPLIT_PATTERN, HEDGE_PATTERN, NEGATION_PATTERN

FACET = "symptom"

_RELIEF = re.compile(r"\b(?:manag\w*|reliev\w*|reduc\w*|control\w*|treat\w*|eas\w*|alleviat\w*|for)\s+(?:\w+\s+){0,2}$")
# "Causes of the condition include trauma, inflammation": listed as a cause, not a symptom.
# ("can cause pain" is a verb and does assert the symptom.)
_AS_CAUSE = re.compile(r"\b(?:causes\s+(?:of\s+[\w\s]{0,40}?)?(?:include|includes|including|such as|are)|caused by|"
                       r"due to|result of|risk factors?(?:\s+\w+){0,3}\s+(?:include|are))\b(?:[\s,]*[\w-]+){0,5}[\s,]*$")
# The symptom as subject, denied by what follows: "nausea is not (usually) a feature", "pain is absent".
_NEGATED_AFTER = re.compile(r"^\W*(?:is|are|was|were|does|do|did|has|have)\s+(?:\w+\s+)?(?:not|never)\b|"
                            r"^\W*(?:is|are|was|were)\s+(?:\w+\s+)?absent\b|^\W*(?:isn't|aren't|doesn't|don't)\b")
_NEGATION_WINDOW_WORDS = 6


def _clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """Clause spans (relative to the sentence)."""
    spans, cursor = [], 0
    for boundary in CLAUSE_SPLIT_PATTERN.finditer(sentence.folded):
        spans.append((cursor, boundary.start()))
        cursor = boundary.end()
    spans.append((cursor, len(sentence.folded)))
    return [(start, end) for start, end in spans if end > start]


def _is_negated(clause_before: str) -> bool:
    window = " ".join(clause_before.split()[-_NEGATION_WINDOW_WORDS:])
    return bool(NEGATION_PATTERN.search(window))


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    for sentence in analysis.sentences:
        symptoms = sentence.mentions_of("symptom")
        if not symptoms or sentence.is_question:
            continue
        treatments = sentence.mentions_of("treatment")
        # (symptom, polarity) -> hedges of every clause that says it, in order
        found: dict[tuple[str, str], list[str]] = {}
        for clause_start, clause_end in _clauses(sentence):
            clause = sentence.folded[clause_start:clause_end]
            for mention in symptoms:
                start, end = sentence.rel(mention.start), sentence.rel(mention.end)
                if not (clause_start <= start and end <= clause_end):
                    continue
                before = sentence.folded[clause_start:start]
                if _RELIEF.search(before) or _AS_CAUSE.search(before):
                    continue
                if any(t.end <= mention.start and sentence.rel(t.start) >= clause_start for t in treatments):
                    continue  # "propranolol can cause nausea": a side effect, not a symptom of the condition
                after = sentence.folded[end:clause_end]
                denied = mention.negated or _is_negated(before) or bool(_NEGATED_AFTER.match(after))
                polarity = "negated" if denied else "asserted"
                hedges = found.setdefault((mention.name, polarity), [])
                hedges.extend(match.group(0) for match in HEDGE_PATTERN.finditer(clause))
        for (name, polarity), hedges in found.items():
            yield Claim(
                source_id=analysis.document.source_id, facet=FACET, subject=name,
                object=analysis.topic.condition.name, polarity=polarity, hedge="; ".join(dict.fromkeys(hedges)),
                quote=sentence.text, start=sentence.start, end=sentence.end, extractor="symptom.clause")
