"""A literal pre-check for many regular expressions over many short texts.

Searching every block of a document with every one of a few dozen patterns is
slow in Python's ``re`` (most patterns start with ``\\b`` or a group, so ``re``
has no literal prefix to skip ahead with). Most patterns cannot match without
a fixed piece of text ("commission", "newsletter"): :class:`PatternGate`
derives those pieces from each pattern's parse tree, finds them all in one
Aho-Corasick pass over the lower-cased document, and names, per block, the
patterns worth searching. A pattern whose pieces are absent from a block
cannot match there, so searching only the named ones gives the same answers.
A pattern with no such piece is always searched.

No library derives required literals from a Python pattern (RE2 and
Hyperscan sets do it internally, but match ``\\b`` and case differently from
``re``), so this reads ``re``'s own parser.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

import ahocorasick

try:  # the parser ``re`` compiles with; public as sre_parse before Python 3.11
    from re import _parser as _sre
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]

# Under re.IGNORECASE an ASCII letter matches these too, but str.lower() does not turn them into it
# ('İ' lower-cases to two code points): a text holding one is searched with every pattern.
# tests/test_literal_gate.py checks that no other code point does this.
IGNORECASE_EXCEPTIONS = ("\u0130", "\u0131", "\u017f")
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)

Options = frozenset[str]


def _matches_as_lowered(char: str) -> bool:
    """Whether every character ``re`` matches to ``char`` (in any case mode) lower-cases to ``char.lower()``
    (outside :data:`IGNORECASE_EXCEPTIONS`): ASCII, and characters without case ('©'), which match only
    themselves."""
    return char.isascii() or char.lower() == char.upper() == char


def _better(options: Options | None, best: Options | None) -> Options | None:
    """The rarer of two sets of options: the longer shortest literal, then fewer options."""
    if options is None:
        return best
    if best is None:
        return options
    weight = lambda found: (min(map(len, found)), -len(found))  # noqa: E731
    return options if weight(options) > weight(best) else best


def _needed(items) -> Options | None:
    """Lower-cased strings of which every match of the parsed sequence ``items`` holds one; None when
    none is known. Lower-cased, so they hold for a pattern with or without re.IGNORECASE."""
    best: Options | None = None
    run: list[str] = []
    for op, argument in items:
        if op is _sre.LITERAL and _matches_as_lowered(chr(argument)):
            run.append(chr(argument).lower())
            continue
        if run:
            best = _better(frozenset({"".join(run)}), best)
            run = []
        if op is _sre.SUBPATTERN:
            best = _better(_needed(argument[-1]), best)
        elif op is _sre.ATOMIC_GROUP:
            best = _better(_needed(argument), best)
        elif op in _REPEATS and argument[0] >= 1:
            best = _better(_needed(argument[2]), best)
        elif op is _sre.BRANCH:
            branches = [_needed(branch) for branch in argument[1]]
            if all(branches):
                best = _better(frozenset().union(*branches), best)
    if run:
        best = _better(frozenset({"".join(run)}), best)
    return best


def needed_literals(pattern: re.Pattern[str]) -> Options | None:
    """Lower-cased strings of which any match of ``pattern`` holds at least one; None when none is known."""
    try:
        return _needed(_sre.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 -- a construct this reading does not know: always search the pattern
        return None


class PatternGate:
    """Which of ``patterns`` can match in which blocks of a text (see the module docstring)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]):
        self.patterns = tuple(patterns)
        self._always: list[int] = []
        literals: dict[str, list[int]] = {}
        for index, pattern in enumerate(self.patterns):
            options = needed_literals(pattern)
            if options is None:
                self._always.append(index)
                continue
            for literal in options:
                literals.setdefault(literal, []).append(index)
        self._automaton = None
        if literals:
            self._automaton = ahocorasick.Automaton()
            for literal, indexes in literals.items():
                self._automaton.add_word(literal, (len(literal), tuple(indexes)))
            self._automaton.make_automaton()

    def candidates_in(self, text: str) -> tuple[int, ...]:
        """The indexes (ascending) of the patterns that may match somewhere in ``text``."""
        if self._automaton is None or any(char in text for char in IGNORECASE_EXCEPTIONS):
            return tuple(range(len(self.patterns)))
        found = set(self._always)
        for _end, (_length, indexes) in self._automaton.iter(text.lower()):
            found.update(indexes)
        return tuple(sorted(found))

    def candidates(self, blocks: Sequence[str]) -> list[tuple[int, ...]]:
        """Per block, the indexes (ascending) of the patterns that may match somewhere in it."""
        everything = tuple(range(len(self.patterns)))
        joined = "\n".join(blocks)
        if self._automaton is None or any(char in joined for char in IGNORECASE_EXCEPTIONS):
            return [everything] * len(blocks)
        starts, position = [], 0
        for block in blocks:
            starts.append(position)
            position += len(block) + 1
        found: list[set[int]] = [set(self._always) for _ in blocks]
        for end, (length, indexes) in self._automaton.iter(joined.lower()):
            found[bisect_right(starts, end - length + 1) - 1].update(indexes)
        return [tuple(sorted(indexes)) for indexes in found]


@lru_cache(maxsize=16)
def gate_for(patterns: tuple[re.Pattern[str], ...]) -> PatternGate:
    return PatternGate(patterns)
