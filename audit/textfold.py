"""Length-preserving text folding for matching.

Matching runs on a folded copy of the text; because folding never changes the
length, an offset found in the folded copy is the same offset in the original,
and ``text[start:end]`` stays the exact quote.
"""
from __future__ import annotations

# Dashes, hyphens and typographic quotes that sources use interchangeably.
_SPACE_LIKE = "-\u2010\u2011\u2012\u2013\u2014\u2015\u00a0"
_QUOTE_LIKE = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}


def _fold_char(char: str) -> str:
    if char in _SPACE_LIKE:
        return " "
    if char in _QUOTE_LIKE:
        return _QUOTE_LIKE[char]
    lower = char.lower()
    # A few characters lower-case to two code points (e.g. 'İ'); keep them as-is
    # so the folded text has exactly the original length.
    return lower if len(lower) == 1 else char


_TABLE: dict[int, str] = {}


def fold(text: str) -> str:
    """Lower-case, map dashes to spaces and curly quotes to straight ones; same length."""
    out = []
    for char in text:
        folded = _TABLE.get(ord(char))
        if folded is None:
            folded = _fold_char(char)
            _TABLE[ord(char)] = folded
        out.append(folded)
    return "".join(out)


def lower_same_length(text: str) -> str:
    """Lower-case only, keeping dashes and punctuation (for number ranges); same length."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold_form(form: str) -> str:
    """Fold a lexicon surface form and collapse runs of spaces."""
    return " ".join(fold(form).split())
