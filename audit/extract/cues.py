"""Generic English cue words shared by the extractors (never topic words).

Kept as data in one place so that a reviewer sees every cue the rules use.
"""
from __future__ import annotations

import re

NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
}
NUMBER_PATTERN = r"(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r")"

# Nouns that make a count "of types": "five main types", "four forms".
TYPE_NOUN_PATTERN = (r"(?:types?|forms?|kinds?|subtypes?|sub types?|categories|category|classes|"
                     r"classifications?|variants?|varieties|variety|subgroups?|genotypes?|phenotypes?)")
# Adjectives allowed between a number and a type noun.
COUNT_MODIFIER_PATTERN = (r"(?:main|major|primary|principal|different|distinct|basic|broad|general|key|"
                          r"separate|recognized|recognised|known|clinical|well defined|specific|core|"
                          r"important|common|chief|leading|genetic|inherited|hereditary|acquired|congenital|"
                          r"clinically\s+distinct|well-known|established|official|classic|classical)")
VAGUE_QUANTIFIER_PATTERN = r"(?:several|various|many|multiple|numerous|a number of|a variety of|a few|a range of)"
# What a vague quantity of types usually spans, as (low, high); high None = open. "several" is more
# than a couple but not dozens, so "several types" agrees with six and disagrees with "over 40";
# "various" and "multiple" only say "more than one".
VAGUE_QUANTIFIERS: dict[str, tuple[float, float | None]] = {
    "a couple of": (2.0, 3.0), "a few": (2.0, 5.0), "several": (3.0, 10.0),
    "various": (2.0, None), "multiple": (2.0, None), "a number of": (2.0, None), "a variety of": (2.0, None),
    "a range of": (2.0, None), "many": (6.0, None), "numerous": (6.0, None),
    "dozens of": (24.0, None), "many different": (6.0, None),
}
# A statement reported from others or from the past: not the source's own current position.
ATTRIBUTION_PATTERN = re.compile(
    r"\b(?:previously|formerly|historically|once|originally|in the past|older (?:texts|sources|classifications|"
    r"literature|systems?)|some (?:authors|experts|researchers|sources|texts|doctors|classifications|reviews|studies|"
    r"textbooks|papers|references|systems|specialists|clinicians)|"
    r"(?:was|were) (?:once |previously |formerly )?(?:thought|believed|considered|described|listed|classified)|"
    r"(?:long|once|previously|formerly|originally) (?:thought|believed|considered|regarded|seen|classified)|"
    r"according to some|used to)\b")

# A sentence about two names of one thing: "they renamed it B, so it is the same thing, not a separate type" denies
# the old name a type of its own, not the thing itself.
RENAMING_PATTERN = re.compile(r"\b(?:renamed|same\s+(?:thing|disease|condition|disorder)|(?:another|an\s+older|the\s+old|"
                              r"the\s+new|a\s+new)\s+name|(?:still|once|formerly|previously|now)\s+called)\b")

# A conditional clause still open before a point: what it names is supposed, not stated ("If your attacks come
# with nausea, ...", "if rare disorders are counted"), as ConText's hypothetical trigger.
CONDITIONAL_BEFORE_PATTERN = re.compile(r"\b(?:if|unless|whether)\b[^,;:]*$")

# Hedges: words that soften a statement. Order matters only for display.
HEDGE_PATTERN = re.compile(
    r"\b(usually|typically|often|generally|frequently|commonly|sometimes|occasionally|rarely|mostly|"
    r"mainly|may|might|can|could|likely|possibly|probably|perhaps|tends? to|in some cases|"
    r"in rare cases|some studies|some patients|some people|appears? to|is thought to|is believed to|"
    r"reportedly|potentially|at times)\b")
# Negation cues that deny what follows them within the same clause. Contractions also as informal text writes them
# without the apostrophe ("dont", "isnt"; none of those is another English word, while "cant" and "wont" are).
NEGATION_PATTERN = re.compile(
    r"\b(not|no|never|without|none|nobody|no\s+one|neither|nor|cannot|isn't|aren't|doesn't|don't|didn't|won't|wasn't|"
    r"weren't|absence of|free of|lack of|lacks?|(?:is|are|was|were|do|does|did|has|have|had|could|would|should)nt)\b"
    r"|n't\b")
# Clause boundaries: a contrast splits one sentence into two propositions.
# A spaced dash ends a clause too: "no known cause - Nausea - Rash" is a flattened list, not one negation.
# Matching runs on folded text, where a dash is folded to a space: a spaced dash is three spaces there.
# A table cell ("|") is a clause of its own: a row is not one sentence.
CLAUSE_SPLIT_PATTERN = re.compile(
    r"(?:[;:|]|\s[-\u2013\u2014 ]\s|,?\s+\b(?:though|although|but|however|whereas|while|yet|except)\b|,\s+(?=which\b))")

# A list line "Term - comment" ("Jaundice - rare for most of us", "Steroid creams - NOT used"): the comment is
# said of the term, so its dash is no clause boundary (a flattened list "A - B - C" still splits: there the
# dash is followed by the next item's name).
_HEAD_DASH = re.compile(r"^\W*(?:[\w'()/]+[\s-]){0,3}?[\w'()/]+\s+[-\u2013\u2014]{1,2}\s+")


def comment_dash(folded: str, mention_starts) -> tuple[int, int] | None:
    """The span of the dash after a short head that opens ``folded``, when what follows comments on the head."""
    head = _HEAD_DASH.match(folded)
    if head is None or head.end() in mention_starts:
        return None
    dash = folded.rfind("-", 0, head.end()), folded.rfind("\u2013", 0, head.end()), folded.rfind("\u2014", 0, head.end())
    at = max(dash)
    while at > 0 and folded[at - 1] in "-\u2013\u2014":
        at -= 1  # "Nausea -- rarely": the boundary is found at the run's first dash
    return (at - 1, at + 2) if at > 0 else None


# Section headings by what they are about.
SECTION_PATTERNS = {
    "types": re.compile(r"\b(?:" + TYPE_NOUN_PATTERN + r"|classif\w*)\b"),
    "treatment": re.compile(r"\b(treat\w*|therap\w*|management|manage|medications?|drugs?|cure|remed(?:y|ies)|"
                            r"(?:what|that|which)\s+(?:works|worked|helps|helped))\b"),
    "symptoms": re.compile(r"\b(symptoms?|signs?|presentation|what to look for)\b"),
    "causes": re.compile(r"\b(causes?|risk factors?|etiology|aetiology|why)\b"),
    "diagnosis": re.compile(r"\b(diagnos\w*|tests?|imaging)\b"),
    # "Experimental therapies", "Research", "Clinical trials", "On the horizon": treatments named there are research
    # (not a heading that joins research to something else: "Treatment and research")
    "research": re.compile(r"^(?!.*(?:\band\b|&)).*\b(experimental|investigational|research|trials?|emerging|horizon|"
                           r"in\s+development|under\s+study)\b"),
}

# "This type", "this rare form", "It": a sentence that refers back to the type in context.
ANAPHOR_PATTERN = re.compile(
    r"^\W*(?:(?:in|with|for)\s+)?(?:this|that|the latter|it|such)\b(?:\s+(?:\w+\s+){0,3}?"
    + TYPE_NOUN_PATTERN + r"\b)?")
