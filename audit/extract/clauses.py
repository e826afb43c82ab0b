"""Clause reading shared by the facets that read polarity and typicality (symptom, onset).

Clauses are cut at contrasts; a negation reaches a few words forward until a
termination word (NegEx's window and termination terms); lexicon names are
masked so a term such as "common migraine" is no cue.
"""
from __future__ import annotations

import re

from audit.extract.analysis import Sentence
from audit.extract.cues import CLAUSE_SPLIT_PATTERN, NEGATION_PATTERN, comment_dash

NEGATION_WINDOW_WORDS = 6
# Words that end a negation's reach (as in NegEx's termination terms): "no lesion present there may be X".
# A comma before "mostly/mainly/only/just" turns to what there is: "i dont really itch much, mostly flushing".
NEGATION_ENDS = re.compile(r"\b(?:there|which|who|whose|when|while|because|since|although|though|but|however|until|"
                           r"unless|whereas|if|after|before|so|then|yet)\b|[;:]|,\s*(?:mostly|mainly|only|just)\b")


def clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """Clause spans (relative to the sentence)."""
    spans, cursor = [], 0
    kept = comment_dash(sentence.text, {sentence.rel(m.start) for m in sentence.mentions})
    for boundary in CLAUSE_SPLIT_PATTERN.finditer(sentence.folded):
        if re.fullmatch(r",?\s*however", boundary.group(0).strip()) and \
                sentence.folded[boundary.end():boundary.end() + 1] == ",":
            continue  # "In most people, however, it does not ...": an aside, one clause
        if boundary.span() == kept:
            continue  # "Jaundice - rare for most of us": the comment is said of the term
        spans.append((cursor, boundary.start()))
        cursor = boundary.end()
    spans.append((cursor, len(sentence.folded)))
    return [(start, end) for start, end in spans if end > start]


# Negation words that deny something else (NegEx's pseudo-negations): "if not treated, can lead to X",
# "without it, you may have X", "not only X", "there is no cure".
PSEUDO_NEGATION = re.compile(r"\b(?:if\s+(?:not|left)\s+(?:\w+\s+)?(?:treated|untreated|managed|controlled|repaired)|"
                              r"without\s+(?:it|them|this|that|treatment|therapy|care|surgery)\b|not\s+only|"
                              r"no\s+(?:cure|known\s+cure|treatment|known\s+cause)|"
                              r"(?:no\s+one|nobody)\s+(?:knows|is\s+sure|understands|can\s+say))")


def is_negated(clause_before: str) -> bool:
    window = PSEUDO_NEGATION.sub(" ", " ".join(clause_before.split()[-NEGATION_WINDOW_WORDS:]))
    cues = list(NEGATION_PATTERN.finditer(window))
    return bool(cues) and not NEGATION_ENDS.search(window[cues[-1].end():])


def masked(sentence: Sentence) -> str:
    """The folded sentence with lexicon mentions masked (names are not cues): symptoms '§', other terms '#'.

    Populations stay readable: "some affected individuals" is a quantifier over people.
    """
    chars = list(sentence.folded)  # one pass, whatever the number of mentions
    for mention in sentence.mentions:
        if mention.kind == "population":
            continue
        start, end = sentence.rel(mention.start), sentence.rel(mention.end)
        chars[start:end] = ("§" if mention.kind == "symptom" else "#") * (end - start)
    return "".join(chars)
