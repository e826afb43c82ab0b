"""Multi-pattern lexicon matching with pyahocorasick.

All surface forms of a topic go into one Aho-Corasick automaton; a document is
scanned once, matches are kept only at word boundaries, and overlapping
matches resolve to the longest (so "retinal migraine" wins over
"migraine").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from audit.textfold import fold_form
from audit.topic import Topic


@dataclass(frozen=True)
class Mention:
    """A lexicon term found in the text, with absolute offsets into the cleaned text."""

    kind: str       # condition | scope | type | entity | treatment | population | symptom
    name: str       # canonical name
    start: int
    end: int
    negated: bool = False   # the form itself negates (e.g. "painless")
    compound: bool = False  # a type form that includes the condition's name


_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]{0,3}")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


class LexiconMatcher:
    """Finds lexicon mentions in folded text."""

    def __init__(self, topic: Topic):
        self.topic = topic
        condition_words = {fold_form(form) for term in (topic.condition, *topic.scopes) for form in term.forms}
        automaton = ahocorasick.Automaton()
        # Short capitalised abbreviations ("AT", "SLE") match only as written in capitals: folded, "AT" would be
        # every "at". A key any other form also folds to ("at" written so) matches in any case.
        self._capitals_only: set[str] = set()
        relaxed: set[str] = set()
        for term in topic.terms():
            for form, negated in [*((f, False) for f in term.forms), *((f, True) for f in term.negated_forms)]:
                key = fold_form(form)
                (self._capitals_only if _ABBREVIATION.fullmatch(form.strip()) else relaxed).add(key)
                compound = term.kind == "type" and any(
                    word != key and (f" {word}" in f" {key} ") for word in condition_words)
                automaton.add_word(key, (len(key), term.kind, term.name, negated, compound))
        automaton.make_automaton()
        self._capitals_only -= relaxed
        self._automaton = automaton

    def find(self, folded: str, offset: int = 0, text: str | None = None) -> list[Mention]:
        """Mentions in ``folded`` (a folded text), sorted by position, non-overlapping. With ``text`` (the
        same text unfolded), an abbreviation the lexicon writes in capitals matches only where it is in capitals."""
        candidates = []
        for end_index, (length, kind, name, negated, compound) in self._automaton.iter(folded):
            start = end_index - length + 1
            end = end_index + 1
            if start > 0 and _is_word_char(folded[start - 1]):
                continue
            if end < len(folded) and _is_word_char(folded[end]):
                continue
            if text is not None and self._capitals_only and folded[start:end] in self._capitals_only \
                    and not text[start:end].isupper():
                continue  # "at least", "At first": not the abbreviation "AT"
            candidates.append((start, -length, kind, name, negated, compound))
        candidates.sort()
        mentions: list[Mention] = []
        last_end = -1
        for start, negative_length, kind, name, negated, compound in candidates:
            if start < last_end:
                continue
            end = start - negative_length
            mentions.append(Mention(kind, name, start + offset, end + offset, negated, compound))
            last_end = end
        return mentions


@lru_cache(maxsize=8)
def matcher_for(topic: Topic) -> LexiconMatcher:
    return LexiconMatcher(topic)
