"""Length-preserving text folding for matching.

Matching runs on a folded copy of the text; because folding never changes the
length, an offset found in the folded copy is the same offset in the original,
and ``text[start:end]`` stays the exact quote.

Folding is defined character by character. ``str.lower()`` on a whole text
gives the same result, in C, except for two characters: 'İ' lower-cases to
two code points, and a capital sigma depends on its neighbours (final 'ς').
Texts holding either take the per-character table (``str.translate``); the
rest take ``str.lower()`` and ``str.replace`` for the dashes and quotes. (A
per-character Python loop took 12% of extraction; ``str.translate`` alone is
not much faster on non-ASCII text.)
"""
from __future__ import annotations

# Dashes, hyphens and typographic quotes that sources use interchangeably.
_SPACE_LIKE = "-\u2010\u2011\u2012\u2013\u2014\u2015\u00a0"
_QUOTE_LIKE = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}
_REPLACEMENTS = tuple((char, " ") for char in _SPACE_LIKE) + tuple(_QUOTE_LIKE.items())
# Where str.lower() of a whole text differs from lower-casing each character alone.
_CONTEXT_CASED = ("\u0130", "\u03a3")


def _lower_char(char: str) -> str:
    lower = char.lower()
    # A few characters lower-case to two code points (e.g. 'İ'); keep them as-is
    # so the result has exactly the original length.
    return lower if len(lower) == 1 else char


def _fold_char(char: str) -> str:
    if char in _SPACE_LIKE:
        return " "
    if char in _QUOTE_LIKE:
        return _QUOTE_LIKE[char]
    return _lower_char(char)


class _CharTable(dict):
    """A ``str.translate`` table that computes a code point's mapping the first time it is asked for."""

    def __init__(self, fold_char):
        super().__init__()
        self._fold_char = fold_char

    def __missing__(self, code: int) -> str:
        folded = self[code] = self._fold_char(chr(code))
        return folded


_FOLD = _CharTable(_fold_char)
_LOWER = _CharTable(_lower_char)


def _needs_table(text: str) -> bool:
    return any(char in text for char in _CONTEXT_CASED)


def fold(text: str) -> str:
    """Lower-case, map dashes to spaces and curly quotes to straight ones; same length."""
    if _needs_table(text):
        return text.translate(_FOLD)
    folded = text.lower()
    for char, replacement in _REPLACEMENTS:
        if char in folded:
            folded = folded.replace(char, replacement)
    return folded


def lower_same_length(text: str) -> str:
    """Lower-case only, keeping dashes and punctuation (for number ranges); same length."""
    if _needs_table(text):
        return text.translate(_LOWER)
    return text.lower()


def fold_form(form: str) -> str:
    """Fold a lexicon surface form and collapse runs of spaces."""
    return " ".join(fold(form).split())
