"""The literal pre-check names every pattern that matches a block (it may name more, never fewer)."""
from __future__ import annotations

import random
import re
import sys

import _sre
import pytest

from audit.ingest.furniture import _TAIL_MIN_POSITION, default_rules, is_publisher_voice, keep_mask
from audit.literal_gate import IGNORECASE_EXCEPTIONS, PatternGate, needed_literals


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"\b(earn|receive) a commission\b", {" a commission"}),
    (r"^(table of contents|advertisement)$", {"table of contents", "advertisement"}),
    (r"(^|\s)©", {"©"}),
    (r"\b(sign up|subscribe)\b.*\bNewsletter\b", {"newsletter"}),
    (r"(a|\w+) b", {" b"}),
    (r"\w+|x", None),      # one branch needs no literal: nothing is needed
    (r"(?:x)?y?", None),   # optional parts are never needed
    (r"(ab){2,}", {"ab"}),
])
def test_needed_literals(pattern, expected):
    found = needed_literals(re.compile(pattern, re.IGNORECASE))
    assert (None if found is None else set(found)) == expected


def test_lower_case_covers_ignorecase_outside_the_exceptions():
    """A code point re.IGNORECASE matches to an ASCII character lower-cases to it, but for the exceptions."""
    everything = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    ascii_alike = set(re.findall(r"[\x00-\x7f]", everything, re.IGNORECASE))
    for char in ascii_alike - set(IGNORECASE_EXCEPTIONS):
        matched = [a for a in map(chr, range(128)) if re.fullmatch(re.escape(a), char, re.IGNORECASE)]
        assert all(char.lower() == a.lower() for a in matched), char
    # A character without case ('©') matches only itself under re.IGNORECASE.
    assert not [char for char in everything if char.lower() == char.upper() == char and _sre.unicode_iscased(ord(char))]
    # Only an exception changes length when lower-cased, so offsets in the lower-cased text hold.
    assert all(len(char.lower()) == 1 for char in everything if char not in IGNORECASE_EXCEPTIONS)


_FURNITURE = ("Advertiser Disclosure", "we earn a commission", "our editorial team", "sign up for our newsletter",
              "© 2024", "©", "click here", "COMMENTS", "References", "Share", "share", "cite this page", "a degree "
              "from Yale University", "We", "our", "us", "readers", "the types we see", "fact-checking process",
              "ſhare", "İn your inbox", "ın your inbox", "KELVIN \u212a", "privacy policy", "Privacy\u00a0Policy",
              "Table of contents", "print", "blueprint", "  ", ":", "we're", "We've", "OURS", "uS", "usable", "bus",
              "our's", "_we", "we_", "9us", "(our)", "we'reall", "ſhare us", "Wé", "ÜS")
_ARTICLE = ("Deposits form", "in the skin.", "It is rare", "in children", "types", "Symptoms", "Treatment:", "and",
            "most people", "a third of cases.")


def _random_blocks(rng: random.Random) -> list[str]:
    def piece() -> str:
        return rng.choice(_FURNITURE if rng.random() < 0.1 else _ARTICLE)

    return [" ".join(piece() for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 12))]


def _keep_mask_reference(blocks: list[str], extra: tuple[re.Pattern[str], ...]) -> list[bool]:
    """keep_mask as it read before the pre-check: every pattern searched on every block."""
    from audit.ingest.furniture import _drop_headings_of_furniture

    rules = default_rules()
    keep, tail_started = [], False
    for index, block in enumerate(blocks):
        stripped = block.strip()
        if not tail_started and index >= len(blocks) * _TAIL_MIN_POSITION:
            tail_started = any(pattern.search(stripped) for pattern in rules.drop_rest)
        if tail_started:
            keep.append(False)
            continue
        keep.append(not (any(p.search(stripped) for p in (*rules.drop_block, *extra)) or is_publisher_voice(stripped)))
    return _drop_headings_of_furniture(blocks, keep)


def test_gate_names_every_matching_pattern_and_keep_mask_is_unchanged():
    rng = random.Random(9)
    extra = (re.compile(r"^These resources address", re.IGNORECASE), re.compile(r"\bkelvin k\b", re.IGNORECASE))
    rules = default_rules()
    patterns = (*rules.drop_rest, *rules.drop_block, *extra)
    gate = PatternGate(patterns)
    for _ in range(3000):
        blocks = [block.strip() for block in _random_blocks(rng)]
        candidates = gate.candidates(blocks)
        for block, named in zip(blocks, candidates):
            matching = {index for index, pattern in enumerate(patterns) if pattern.search(block)}
            assert matching <= set(named), (block, matching, named)
            assert matching <= set(gate.candidates_in(block)), block
        assert keep_mask(blocks, extra) == _keep_mask_reference(blocks, extra), blocks
