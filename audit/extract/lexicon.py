"""Multi-pattern lexicon matching with pyahocorasick.

All surface forms of a topic go into one Aho-Corasick automaton; a document is
scanned once, matches are kept only at word boundaries, and overlapping
matches resolve to the longest (so "retinal migraine" wins over
"migraine").

A lexicon lists a name as its writer thought of it; articles inflect it and
shorten it. Two general readings widen every form without the writer's help:

- the other grammatical number of a form's last word ("vestibular migraines"
  for "vestibular migraine", "skin ulcer" for "skin ulcers"), where no other
  form already says it; not for a one-word symptom, often an adjective whose
  other number is another word ("sore", "sores");
- an abbreviation an article defines for a lexicon name ("chronic migraine
  (CM)") names that term wherever the article writes it again ("CM is the
  most common type"). The test is Schwartz and Hearst's (2003): the short
  form's letters appear in order in the long one, the first at its start.
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
# "(CM)", "(DDEB)", "(IVIG)", "(SMA1)" right after a lexicon name: at least two capitals or digits.
_DEFINED_ABBREVIATION = re.compile(r"[ \t]?\((?P<short>[A-Z][A-Za-z0-9-]{0,3}[A-Z0-9][A-Za-z0-9-]{0,6})\)")
_VOWEL_Y = re.compile(r"[aeiou]y$")
# A short parenthesis inside a name, between two words: "heavy chain (ah) amyloidosis" (folded text).
_INSERTION = re.compile(r"(?<=\w) \([a-z0-9][a-z0-9-]{0,7}\)(?= \w)")


def number_variants(form: str) -> tuple[str, ...]:
    """The form with its last word in the other grammatical number: "vestibular migraine" -> "vestibular
    migraines", "ulcers" -> "ulcer", "allergies" -> "allergy", "rashes" -> "rash". English number only; a
    word that takes none ("mumps", "rickets") yields a non-word, which no text holds."""
    head, _space, last = form.rpartition(" ")
    if len(last) < 3 or not last.isalpha() or last.isupper():
        return ()
    prefix = f"{head} " if head else ""
    if last.endswith(("ss", "us", "is")):
        return ()
    if last.endswith("ies"):
        return (prefix + last[:-3] + "y",)
    if last.endswith(("ches", "shes", "xes", "zes", "sses")):
        return (prefix + last[:-2],)
    if last.endswith("s"):
        return (prefix + last[:-1],)
    if last.endswith("y") and not _VOWEL_Y.search(last):
        return (prefix + last[:-1] + "ies",)
    if last.endswith(("ch", "sh", "x", "z")):
        return (prefix + last + "es",)
    return (prefix + last + "s",)


def abbreviates(short: str, long: str) -> bool:
    """Schwartz and Hearst's test: every letter and digit of ``short`` appears in ``long`` in order, the
    first at the start of ``long``'s first word."""
    letters = [char for char in short.lower() if char.isalnum()]
    long = long.lower()
    if not letters or not long or long[0] != letters[0]:
        return False
    position = 1
    for char in letters[1:]:
        position = long.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


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
        entries: dict[str, tuple] = {}
        variants: list[tuple[str, tuple]] = []
        for term in topic.terms():
            for form, negated in [*((f, False) for f in term.forms), *((f, True) for f in term.negated_forms)]:
                key = fold_form(form)
                (self._capitals_only if _ABBREVIATION.fullmatch(form.strip()) else relaxed).add(key)
                compound = term.kind == "type" and any(
                    word != key and (f" {word}" in f" {key} ") for word in condition_words)
                entries[key] = (len(key), term.kind, term.name, negated, compound)
                # A one-word symptom is often an adjective whose other number is another word ("sore", "sores").
                if not negated and not _ABBREVIATION.fullmatch(form.strip()) \
                        and not (term.kind == "symptom" and " " not in key):
                    variants.extend((fold_form(variant), (len(variant), term.kind, term.name, negated, compound))
                                    for variant in number_variants(key))
        for key, entry in variants:  # a form the lexicon writes wins over another form's variant
            entries.setdefault(key, (len(key), *entry[1:]))
        for key, entry in entries.items():
            automaton.add_word(key, entry)
        automaton.make_automaton()
        self._capitals_only -= relaxed
        self._keys = frozenset(entries)
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
        candidates += self._across_insertions(folded)
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


    def _across_insertions(self, folded: str) -> list[tuple]:
        """Forms written with a short parenthesis inside ("heavy chain (AH) amyloidosis" for "heavy chain
        amyloidosis"): the automaton runs again over the text without such parentheses, and a match that spans
        one is kept with its offsets in the text as written."""
        insertions = list(_INSERTION.finditer(folded))
        if not insertions:
            return []
        pieces, origins, cursor = [], [], 0
        for insertion in insertions:
            pieces.append(folded[cursor:insertion.start()])
            origins.extend(range(cursor, insertion.start()))
            cursor = insertion.end()
        pieces.append(folded[cursor:])
        origins.extend(range(cursor, len(folded)))
        squeezed = "".join(pieces)
        found = []
        for end_index, (length, kind, name, negated, compound) in self._automaton.iter(squeezed):
            start, end = origins[end_index - length + 1], origins[end_index] + 1
            if end - start == length:
                continue  # no parenthesis inside: the first pass has it
            if start > 0 and _is_word_char(folded[start - 1]) or end < len(folded) and _is_word_char(folded[end]):
                continue
            found.append((start, -(end - start), kind, name, negated, compound))
        return found

    def with_defined_abbreviations(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """``mentions`` (of the whole ``text``, sorted) and the places where ``text`` writes an abbreviation
        it defines for one of them ("chronic migraine (CM) ... CM is ..."), outside the definitions. An
        abbreviation the lexicon has, or one the text defines for two terms, adds nothing."""
        defined: dict[str, Mention | None] = {}
        definitions: set[int] = set()
        for mention in mentions:
            found = _DEFINED_ABBREVIATION.match(text, mention.end)
            if not found:
                continue
            short = found.group("short")
            if fold_form(short) in self._keys or not abbreviates(short, text[mention.start:mention.end]):
                continue
            definitions.add(found.start("short"))
            known = defined.get(short, mention)
            defined[short] = mention if known is not None and known.name == mention.name else None
        added: list[Mention] = []
        for short, mention in sorted(defined.items()):
            if mention is None:
                continue
            for found in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
                if found.start() not in definitions:
                    added.append(Mention(mention.kind, mention.name, found.start(), found.end()))
        if not added:
            return mentions
        merged: list[Mention] = []
        taken = sorted(mentions, key=lambda m: m.start)
        for mention in sorted([*taken, *added], key=lambda m: (m.start, -(m.end - m.start))):
            if merged and mention.start < merged[-1].end:
                continue  # inside a longer lexicon name ("CM clinic" stays whatever the lexicon says)
            merged.append(mention)
        return merged


@lru_cache(maxsize=8)
def matcher_for(topic: Topic) -> LexiconMatcher:
    return LexiconMatcher(topic)
