"""Generic page-furniture detector for plain-text and extracted article text.

Trafilatura removes navigation from HTML, but pasted plain text arrives with
advertiser disclosures, author bios, comment threads and footers inline. No
library classifies plain-text lines, so this is a small rule set: generic
patterns (``furniture.yaml``), a publisher-voice test, and a tail detector.
Nothing here names a site or a topic.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from audit.literal_gate import gate_for

_FIRST_PERSON_PLURAL = re.compile(r"\b(we|we're|we've|we'll|our|ours|us)\b", re.IGNORECASE)
# The same words, each match starting where _FIRST_PERSON_PLURAL's does, written to start with a set of letters:
# re skips ahead to those quickly, where a leading \b makes it try every position (2-3x slower on a page).
_FIRST_PERSON_PLURAL_FROM_LETTER = re.compile(r"[wou](?<!\w\w)(?:(?<=w)e(?:'re|'ve|'ll)?|(?<=o)urs?|(?<=u)s)\b",
                                              re.IGNORECASE)
_WORD = re.compile(r"\b\w+\b")
# An article rarely speaks as "we"; a page's promises and disclosures do. A clinic or a patient group
# speaking as "we" about the condition ("We offer X to every child", "the types we see in our clinic") is
# article text: the block must also speak of the site or its business to be furniture.
_PUBLISHER_VOICE_MIN_PRONOUNS = 2
_PUBLISHER_VOICE_MIN_SHARE = 0.04
_ABOUT_THE_SITE = re.compile(r"\b(?:commissions?|advertis\w*|affiliate\w*|partnerships?|editorial\w*|newsletters?|"
                             r"subscri\w*|cookies?|privacy|websites?|(?:this|our)\s+(?:site|platform|content|"
                             r"mission|products?|links?|company|team)|readers?|publish\w*|fact-check\w*|sponsor\w*|"
                             r"articles|guides|revenue|donat\w*|purchases?)\b", re.IGNORECASE)
# Tail markers before this share of the page are more likely a table of contents.
_TAIL_MIN_POSITION = 1 / 3


@dataclass(frozen=True)
class FurnitureRules:
    drop_block: tuple[re.Pattern[str], ...]
    drop_rest: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def default_rules() -> FurnitureRules:
    data = yaml.safe_load(resources.files("audit.ingest").joinpath("furniture.yaml").read_text("utf-8"))
    compile_all = lambda items: tuple(re.compile(item, re.IGNORECASE) for item in items)  # noqa: E731
    return FurnitureRules(compile_all(data["drop_block"]), compile_all(data["drop_rest"]))


def is_publisher_voice(block: str, pronouns: int | None = None) -> bool:
    """Whether ``block`` speaks as the publisher; ``pronouns``: its count of "we" words, when known."""
    if pronouns is None:
        pronouns = len(_FIRST_PERSON_PLURAL.findall(block))
    if pronouns < _PUBLISHER_VOICE_MIN_PRONOUNS:  # the cheap test first: most blocks never say "we"
        return False
    words = len(_WORD.findall(block))
    return pronouns / words >= _PUBLISHER_VOICE_MIN_SHARE and _ABOUT_THE_SITE.search(block) is not None


def _pronoun_counts(blocks: list[str]) -> list[int]:
    """Per block, its "we" words, found in one search of all blocks joined by line breaks (a match is
    word characters and an apostrophe, so it never spans a line break, and a line break is a word boundary
    like the start or end of a block)."""
    starts, position = [], 0
    for block in blocks:
        starts.append(position)
        position += len(block) + 1
    counts = [0] * len(blocks)
    for match in _FIRST_PERSON_PLURAL_FROM_LETTER.finditer("\n".join(blocks)):
        counts[bisect_right(starts, match.start()) - 1] += 1
    return counts


def keep_mask(blocks: list[str], extra_patterns: tuple[re.Pattern[str], ...] = ()) -> list[bool]:
    """Return, per block, whether it belongs to the article."""
    rules = default_rules()
    stripped_blocks = [block.strip() for block in blocks]
    # One literal pre-check names the patterns that can match each block: only those are searched.
    patterns = (*rules.drop_rest, *rules.drop_block, *extra_patterns)
    tail_patterns = range(len(rules.drop_rest))
    candidates = gate_for(patterns).candidates(stripped_blocks)
    pronouns = _pronoun_counts(stripped_blocks)
    keep = []
    tail_started = False
    for index, stripped in enumerate(stripped_blocks):
        if not tail_started and index >= len(blocks) * _TAIL_MIN_POSITION:
            tail_started = any(patterns[found].search(stripped) for found in candidates[index]
                               if found in tail_patterns)
        if tail_started:
            keep.append(False)
            continue
        furniture = (any(patterns[found].search(stripped) for found in candidates[index]
                         if found not in tail_patterns)
                     or is_publisher_voice(stripped, pronouns[index]))
        keep.append(not furniture)
    return _drop_headings_of_furniture(blocks, keep)


def _drop_headings_of_furniture(blocks: list[str], keep: list[bool]) -> list[bool]:
    """A short heading directly followed by furniture introduces furniture ("How We Make Money").

    Walks backwards so a run of such headings goes together.
    """
    for index in range(len(blocks) - 2, -1, -1):
        words = len(blocks[index].split())
        looks_like_heading = words <= 6 and not blocks[index].rstrip().endswith((".", ":", ";", ","))
        if keep[index] and looks_like_heading and not keep[index + 1]:
            keep[index] = False
    return keep
