"""Facet ``type``: each entity a source names as a type of the condition.

A type is named when:

- ``type.compound``: a type's full name that contains the condition's name
  ("migraine with aura") appears anywhere;
- ``type.enumeration``: it is listed after a count or a type noun
  ("Three forms exist. These are chronic, vestibular and ...",
  "types including A, B and C", "covers five types—A, B, C");
- ``type.heading``: it heads a block (heading, list label "A: ...", table row)
  inside a section about types;
- ``type.copula``: "A is a rare subtype", "A is the most common form".

A type that is described but never named ("This rare and severe type ...") is
not a named type. Entities named as types also get a ``type_relation``
``separate_type`` row (see :mod:`audit.extract.type_relation`).
"""
from __future__ import annotations

import re
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence
from audit.extract.claim import Claim
from audit.extract.cues import RENAMING_PATTERN, TYPE_NOUN_PATTERN

FACET = "type"

_LIST_TRIGGER = re.compile(rf"\b{TYPE_NOUN_PATTERN}\b\W*(?:\s+(?:exist|are))?\W*(?:,|:|—|-|–|\(|including|include|includes|such as|like|namely|are|exist)"
                           # "Types of X include A, B and C", "Forms of the disorder are A and B"
                           rf"|\b{TYPE_NOUN_PATTERN}\s+of\s+(?:[\w-]+\s+){{1,4}}?(?:include|includes|including|are|comprise)\b")
_FOLLOW_UP_LIST = re.compile(r"^\W*(?:these|they|the types|the forms|those|the (?:[\w-]+\s+){0,2}?(?:known|common|"
                             r"important|frequent|main|recognised|recognized)(?:\s+ones)?)\s+(?:are|include|being)\b")
# "A is a milder form of B" (B a type): A is placed under B, not named as a type of the condition.
_PLACED_UNDER = re.compile(rf"^\s*(?:\([^()]{{0,40}}\)\s*)?(?:,[^,]{{0,60}},\s*)?(?:is|are|was|were)\s+(?:\w+\s+){{0,3}}?"
                           rf"(?:(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?(?:sub\s?type|type|form|variant|kind)\s+(?:of|within)|"
                           # "A is grouped under B", "A is classed with B"
                           rf"(?:classed|classified|grouped|placed|included|listed|counted|lumped)\s+(?:with|among|under|within))"
                           rf"\s+(?:the\s+)?")
_SUBTYPE_TRIGGER = re.compile(r"\bsub\s?types?\b")
# "A is a carrier state rather than a form of B" names no type: the words before the noun may not deny it.
# A rank ("the most common form") and a group the clause opens with ("Among preterm babies,", "In adults,").
_SUPERLATIVE = re.compile(r"\b(?:most|commonest|least)\b")
_FRONTED_GROUP = re.compile(r"\W*(?:among|in)\s+(?!\d|(?:most|general|fact|addition|short|practice|total|particular|contrast|"
                            r"some|many|rare|all|this|that|these|those|our|my|the\s+past)\b)[^,;:.]{3,60},")
_COPULA = re.compile(rf"^\W*(?:\([^()]{{1,30}}\)\s*,?\s*)?(?:,[^,;:.()]{{1,60}},\s*)?(?:is|are|was|remains)\s+"
                     rf"(?:(?:also|basically|essentially|really|actually|just|simply|technically|now|usually|generally|"
                     rf"often|sometimes|considered(?:\s+to\s+be)?|regarded\s+as|thought\s+to\s+be|seen\s+as|"
                     rf"recogni[sz]ed\s+as|classified\s+as)\s+)*(?:a|an|the|one|its\s+own)\s+"
                     rf"(?:(?!(?:rather|than|not|instead|never)\b)[\w,]+\s+){{0,5}}?{TYPE_NOUN_PATTERN}\b")
# "A is (sometimes) added as a fifth (type)", "A is now recognised as a distinct type", and "some authors include
# A as a fifth type": A counted among the types, the noun may be left out after an ordinal.
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|separate|distinct|additional|further)"
_COUNTED_AS = re.compile(rf"^\W*(?:(?:is|are|was|were)\s+(?:(?:also|sometimes|often|now|usually|generally|"
                         rf"increasingly|occasionally)\s+)*(?:added|included|counted|listed|recogni[sz]ed|classified|"
                         rf"regarded|considered|treated)\s+)?as\s+(?:a|an|the|one)\s+(?:(?:own|new|full)\s+)?"
                         rf"(?:{_ORDINAL}\s+{TYPE_NOUN_PATTERN}\b|(?:second|third|fourth|fifth|sixth|seventh|eighth|"
                         rf"ninth|tenth)\b(?=\s*(?:[.,;)]|$|\s+(?:one|category|group)\b)))")
_INCLUDED_BEFORE = re.compile(r"\b(?:include|includes|included|including|add|adds|added|adding|count|counts|counted|"
                              r"list|lists|listed|recogni[sz]es?|treats?)\s+$")
# "type III X is not a true type of X": a name the sentence denies a place among the types.
_DENIED_TYPE = re.compile(rf"\W*(?:\([^()]{{1,30}}\)\s*)?(?:is|are|was|were)\s+(?:\w+\s+)?(?:not|no\s+longer|never)\s+"
                          rf"(?:(?:really|actually|considered|regarded\s+as|recogni[sz]ed\s+as)\s+)*(?:a|an)\s+"
                          rf"(?:(?:true|real|separate|distinct|proper|genuine)\s+)?{TYPE_NOUN_PATTERN}\b")
_DIVIDED = re.compile(r"\b(?:is|are|can\s+be|may\s+be|has\s+been)\s+(?:(?:further|also|usually|often|now)\s+)*"
                      r"(?:sub)?(?:divided|split|classified|categori[sz]ed|grouped|broken\s+down|separated)\b")
# A denial later in the sentence of what a copula seemed to say: "..., and it is not one of the main types".
# "..., rather than a third type", "but most authors do not regard it as a separate type".
_DENIED_LATER = re.compile(rf"\bnot\s+(?:\w+\s+)?one\s+of\s+the\s+(?:\w+\s+)?(?:types|forms|kinds|categories)\b(?!\s+of\b)|"
                           rf"(?:\bnot|\brather\s+than|\binstead\s+of)\s+(?:(?:regard|consider|count|treat|classify|list)\s+"
                           rf"(?:it|them|this)\s+as\s+)?(?:really\s+|actually\s+)?(?:a|an)\s+(?:true|real|separate|distinct|proper|"
                           rf"new|additional|extra|second|third|fourth|fifth|sixth)\s+"
                           rf"{TYPE_NOUN_PATTERN}\b(?!\s+of\b(?!\s+its\s+own\b))")
# What stands for the condition itself after "a form of": "the disorder", "this disease", "the condition".
GENERIC_CONDITION = re.compile(r"(?:the|this|that|a|an)?\s*(?:disorder|disease|condition|syndrome|illness)s?\b(?!\s+[a-z])")
_CALLED_BEFORE = re.compile(r"\b(?<!\bso\s)(?:called|known\s+as|termed|referred\s+to\s+as)\s+(?:an?\s+|the\s+)?$")
_OF_OTHER = re.compile(rf"^\s+(?:of|within)\s+(?:the\s+)?")
# "types of A, some rare, include:", "reduced the types to six and named them:" — a colon later in the clause.
_LIST_CUE_LATER = re.compile(rf"\b{TYPE_NOUN_PATTERN}\b[^.;:]{{0,120}}?:")
_OF_TYPE = re.compile(rf"^\W*(?:\w+\s+){{0,3}}?{TYPE_NOUN_PATTERN}\s+of\s+(?:the\s+)?")
_RANGE = re.compile(r"\b(?P<noun>types?)\s+(?P<low>[ivxl]+|\d{1,2})\s+(?:through|to|-|–)\s+(?:type\s+)?"
                    r"(?P<high>[ivxl]+|\d{1,2})\b")


def _claim(analysis: DocumentAnalysis, sentence: Sentence, subject: str, extractor: str, scope: str = "") -> Claim:
    return Claim(source_id=analysis.document.source_id, facet=FACET, subject=subject,
                 object=analysis.topic.condition.name, scope=scope, quote=sentence.text,
                 start=sentence.start, end=sentence.end, extractor=extractor)


def _outside_mentions(sentence: Sentence, start: int) -> bool:
    """True when a relative offset is not inside a lexicon mention ("hypermobility type," is a name, not a cue)."""
    absolute = sentence.start + start
    return not any(m.start <= absolute < m.end for m in sentence.mentions)


def _list_start(analysis: DocumentAnalysis, sentence: Sentence, previous: Sentence | None) -> int | None:
    """Where a list of types starts in the sentence (relative offset), or None when it holds no list."""
    follows_count = (previous is not None and previous.index in analysis.type_count_sentences
                     and _FOLLOW_UP_LIST.match(sentence.folded))
    if follows_count:
        return 0
    starts = [trigger.start() for pattern in (_LIST_TRIGGER, _LIST_CUE_LATER)
              for trigger in pattern.finditer(sentence.folded) if _outside_mentions(sentence, trigger.start())]
    if starts:
        return min(starts)  # the first cue opens the list; "A, the severest form, ..." inside it is no new cue
    if sentence.index in analysis.type_count_sentences:
        return 0
    return None


def list_scope(analysis: DocumentAnalysis, sentence: Sentence, previous: Sentence | None, start: int) -> str:
    """The parent of a list: the type a count or "types of A" scopes it to, else the condition."""
    condition = analysis.topic.condition.name
    for source in (sentence, previous):
        if source is None or source.index not in analysis.type_count_sentences:
            continue
        from audit.extract.type_count import count_matches

        for _match, subject, _scope, _vague in count_matches(analysis, source):
            return subject
        if source is sentence:
            break
    of_type = _OF_TYPE.search(sentence.folded[start:])
    if of_type:
        target = next((m for m in sentence.mentions if m.start == sentence.start + start + of_type.end()), None)
        if target is not None and target.kind in TYPE_LIKE:
            return target.name
    return condition


def range_members(analysis: DocumentAnalysis, sentence: Sentence, plural_only: bool) -> list[str]:
    """Types named by a numbered range: "types I through IV", "type 1 to type 4".

    Each number in the range is written out ("type ii") and looked up with
    the lexicon matcher, so only types the lexicon knows are named.
    """
    names = []
    for match in _RANGE.finditer(sentence.folded):
        if plural_only and not match.group("noun").endswith("s"):
            continue
        low, high, roman = _numeral(match.group("low")), _numeral(match.group("high")), match.group("low").isalpha()
        if low is None or high is None or not 1 <= low < high <= 40:
            continue
        for number in range(low, high + 1):
            written = f"type {_to_roman(number) if roman else number}"
            found = [m for m in analysis.matcher.find(written) if m.kind in TYPE_LIKE and m.end - m.start == len(written)]
            if found and found[0].name not in names:
                names.append(found[0].name)
    return names


_NUMERAL = r"(?:[ivxl]+|\d{1,2}|[a-h])"
_NUMERAL_LIST = re.compile(rf"\b(?P<noun>types|forms)\s+(?P<items>{_NUMERAL}(?:\s*,\s*(?:and\s+|or\s+)?{_NUMERAL}|\s+(?:and|or)\s+{_NUMERAL})+)\b")
# "The type of X (I, II, or III) is determined by ...": the alternatives in parentheses are every type.
_CLOSED_ALTERNATIVES = re.compile(rf"\b(?:type|form|kind|variant)\s+of\s+(?:the\s+)?(?P<target>[^()]{{1,40}}?)\s*"
                                  rf"\((?P<items>{_NUMERAL}(?:\s*,\s*(?:and\s+|or\s+)?{_NUMERAL}|\s+(?:and|or)\s+{_NUMERAL})+)\)")


def _type_named(analysis: DocumentAnalysis, label: str) -> str | None:
    """The type a bare label names ("ii" -> the lexicon's "type ii"), if the lexicon knows it."""
    for written in (f"type {label}", label):
        found = [m for m in analysis.matcher.find(written) if m.kind in TYPE_LIKE and m.end - m.start == len(written)]
        if found:
            return found[0].name
    return None


def numeral_list_members(analysis: DocumentAnalysis, sentence: Sentence) -> list[str]:
    """Types named by a plural noun and bare labels: "types I, II, and III"."""
    names = []
    for match in _NUMERAL_LIST.finditer(sentence.folded):
        for label in re.findall(_NUMERAL, match.group("items")):
            name = _type_named(analysis, label)
            if name and name not in names:
                names.append(name)
    return names


def closed_alternatives(analysis: DocumentAnalysis, sentence: Sentence) -> list[tuple[re.Match, list[str]]]:
    """"the type of X (I, II, or III)": (match, every label) where X is the condition."""
    found = []
    for match in _CLOSED_ALTERNATIVES.finditer(sentence.folded):
        target_start = sentence.start + match.start("target")
        target = next((m for m in sentence.mentions if m.start == target_start), None)
        if target is None or target.kind not in ("condition", "scope") or target.end != sentence.start + match.end("target"):
            continue
        labels = re.findall(_NUMERAL, match.group("items"))
        if len(labels) >= 2:
            found.append((match, labels))
    return found


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _numeral(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    total, previous = 0, 0
    for char in reversed(text):
        value = _ROMAN.get(char)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def _to_roman(number: int) -> str:
    out = ""
    for value, letters in ((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            out += letters
            number -= value
    return out


def _enumerated(analysis: DocumentAnalysis, sentence: Sentence, previous: Sentence | None) -> tuple[str, list[str]]:
    """(parent, members) of a list of types in the sentence; parent is the condition for top-level types."""
    start = _list_start(analysis, sentence, previous)
    if start is None:
        named = range_members(analysis, sentence, plural_only=True) + numeral_list_members(analysis, sentence)
        for _match, labels in closed_alternatives(analysis, sentence):
            named += [name for name in map(lambda label: _type_named(analysis, label), labels) if name]
        return analysis.topic.condition.name, list(dict.fromkeys(named))
    trigger = _LIST_TRIGGER.search(sentence.folded[start:])
    if trigger and start and _SUBTYPE_TRIGGER.search(trigger.group(0)) and not sentence.index in analysis.type_count_sentences:
        return analysis.topic.condition.name, []  # "subtypes such as A": a placement, see type_relation
    parent = list_scope(analysis, sentence, previous, start)
    members = [m.name for m in sentence.mentions_of(*TYPE_LIKE) if m.start - sentence.start >= start and m.name != parent]
    members += [name for name in range_members(analysis, sentence, plural_only=False) if name not in members]
    if len(members) < 2 and not (members and sentence.index in analysis.type_count_sentences):
        return parent, []
    return parent, list(dict.fromkeys(members))


def _copula_subject(analysis: DocumentAnalysis, sentence: Sentence) -> str | None:
    """"A is a (rare) subtype", or "This is the most common type" with A in context."""
    type_mentions = sentence.mentions_of(*TYPE_LIKE)
    candidates = []
    if type_mentions:
        first = type_mentions[0]
        candidates.append((first.name, first.end))
    if sentence.context_type:
        anaphor = re.match(r"^\W*(?:[\w ]{2,60}:\s+)?(?:this|it)\b", sentence.folded)
        if anaphor:
            candidates.append((sentence.context_type, sentence.start + anaphor.end()))
    for mention in type_mentions[1:]:
        if _INCLUDED_BEFORE.search(sentence.folded, 0, mention.start - sentence.start):
            candidates.append((mention.name, mention.end))  # "some authors include A as a fifth type"
    for name, end in candidates:
        rest = sentence.folded[end - sentence.start:]
        copula = _COPULA.match(rest) or _COUNTED_AS.match(rest)
        if not copula:
            continue
        if not _outside_mentions(sentence, end - sentence.start + copula.end() - 1):
            continue  # "A is regarded as the severe end of type 2": the noun is part of a name, not "a type"
        after_noun = rest[copula.end():]
        of_match = _OF_OTHER.match(after_noun)
        if of_match:
            target_start = end + copula.end() + of_match.end()
            target = next((m for m in sentence.mentions if m.start == target_start), None)
            if target is not None and target.kind in TYPE_LIKE:
                return None  # "A is a subtype of B": a relation, not a type of the condition
            if target is None and not GENERIC_CONDITION.match(after_noun, of_match.end()):
                return None  # "A is the most common form of occupational skin disease": a form of something else
        denial = _DENIED_LATER.search(rest, copula.end())
        if denial and not RENAMING_PATTERN.search(rest, 0, denial.start()):
            return None  # "A is a separate form, and it is not one of the main types"
        if _SUPERLATIVE.search(rest, 0, copula.end()) and _FRONTED_GROUP.match(sentence.folded, 0, end - sentence.start):
            return None  # "Among preterm babies, A is the most common form": a rank within a group, no type named
        return name
    return None


# Between a broad name and the narrower one a list item qualifies it with: ", rheumatoid factor negative (", ", ".
_QUALIFIER = re.compile(r"\s*,\s*(?:(?!(?:including|includes|such|like|e\.g|and|or|with|without|which|that|see|not|vs|also|"
                        r"called|known|termed|named|formerly|previously|once|now|aka|sometimes|often)\b)"
                        r"[\w-]+\s+){0,4}?\(?\s*")


def _qualified_by(analysis: DocumentAnalysis, sentence: Sentence, first) -> object | None:
    """The narrower type a list item names right after the broad one it opens with, or None."""
    following = next((m for m in sentence.mentions if m.start >= first.end), None)
    if following is None or following.kind not in TYPE_LIKE or following.name == first.name:
        return None
    if not _QUALIFIER.fullmatch(analysis.folded[first.end:following.start]):
        return None
    return following


def _divided_type(sentence: Sentence) -> str | None:
    """The type a sentence says is divided ("B is further divided by severity:"), or None."""
    verb = _DIVIDED.search(sentence.folded)
    if verb is None:
        return None
    named = [m for m in sentence.mentions if m.kind in TYPE_LIKE and m.end - sentence.start <= verb.start()]
    return named[-1].name if named else None


def _placed_under_type(sentence: Sentence, mention) -> bool:
    placed = _PLACED_UNDER.match(sentence.folded[mention.end - sentence.start:])
    if not placed:
        return False
    target = next((m for m in sentence.mentions if m.start == mention.end + placed.end()), None)
    return target is not None and target.kind in TYPE_LIKE


def named_types(analysis: DocumentAnalysis) -> list[Claim]:
    """Named-type claims of a document, computed once (type_relation reuses them)."""
    cached = analysis.memo.get(FACET)
    if cached is None:
        cached = analysis.memo[FACET] = _find_named_types(analysis)
    return cached


def _find_named_types(analysis: DocumentAnalysis) -> list[Claim]:
    claims: list[Claim] = []
    previous: Sentence | None = None
    open_list: str | None = None  # parent of a list whose items follow an introduction ending in ":"
    readable = {sentence.index for sentence in analysis.sentences_for(FACET)}
    for sentence in analysis.sentences:
        if sentence.block.kind not in ("item", "row") and sentence.start == sentence.block.start:
            open_list = None
        if sentence.index not in readable and (previous is None or previous.index not in analysis.type_count_sentences):
            previous = sentence  # no type, type noun or count before it: no list opens or goes on here
            continue
        parent, members = _enumerated(analysis, sentence, previous)
        qualified = None
        if open_list is not None and sentence.start == sentence.block.start and not members:
            first = next((m for m in sentence.mentions if m.kind in TYPE_LIKE), None)
            # The item names a type, not when it is a line about a symptom that a type comes late in ("- Fused
            # fingers and toes in the severe recessive form B").
            if first is not None and not any(m.kind == "symptom" and m.end <= first.start for m in sentence.mentions) \
                    and not _placed_under_type(sentence, first):
                # (an item that places itself under another type, "- A is a variant of B", is not a member)
                parent, members = open_list, [first.name]
                narrower = _qualified_by(analysis, sentence, first)
                if narrower is not None:
                    qualified = first.name
                    # "- Broad B, qualifier (Narrow A), which ...": the item is A, a subtype of the broad name it opens with
                    members = [narrower.name]
                    claims.append(Claim(source_id=analysis.document.source_id, facet="type_relation",
                                        subject=narrower.name, object=first.name, value="subtype_of",
                                        quote=sentence.text, start=sentence.start, end=sentence.end,
                                        extractor="type_relation.qualified_item"))
        elif sentence.text.rstrip().endswith(":") and sentence.end == sentence.block.end and len(members) < 2 \
                and _list_start(analysis, sentence, previous) is not None:
            open_list = parent
        elif sentence.text.rstrip().endswith(":") and sentence.end == sentence.block.end and not members:
            divided = _divided_type(sentence)
            if divided is not None:
                open_list = divided  # "B is further divided by how far it spreads:" and a list or table of B's subtypes
        scoped = set(members) if parent != analysis.topic.condition.name else set()
        first_claim = len(claims)
        for name in members:
            if parent == analysis.topic.condition.name:
                claims.append(_claim(analysis, sentence, name, "type.enumeration"))
            else:  # a list scoped to a type: its members are that type's subtypes
                claims.append(Claim(source_id=analysis.document.source_id, facet="type_relation", subject=name,
                                    object=parent, value="subtype_of", quote=sentence.text, start=sentence.start,
                                    end=sentence.end, extractor="type_relation.scoped_list"))
        if "types" in sentence.sections and sentence.block.kind in ("heading", "item", "row"):
            first = sentence.mentions[0] if sentence.mentions else None
            at_start = first is not None and not re.search(r"[a-z]", sentence.folded[: first.start - sentence.start])
            if first is not None and first.kind in TYPE_LIKE and at_start and first.name not in scoped \
                    and first.name != qualified and not _placed_under_type(sentence, first):
                narrower = _qualified_by(analysis, sentence, first)
                if narrower is not None:  # "| Polyarthritis, RF-negative | ...": the row is the narrower type
                    claims.append(Claim(source_id=analysis.document.source_id, facet="type_relation",
                                        subject=narrower.name, object=first.name, value="subtype_of",
                                        quote=sentence.text, start=sentence.start, end=sentence.end,
                                        extractor="type_relation.qualified_item"))
                    first = narrower
                claims.append(_claim(analysis, sentence, first.name, "type.heading"))
        copula_subject = _copula_subject(analysis, sentence)
        if copula_subject:
            claims.append(_claim(analysis, sentence, copula_subject, "type.copula"))
        called, denied = _called(analysis, sentence)
        claims += [_claim(analysis, sentence, name, "type.called") for name in called]
        # A full name written in passing names the type too, unless the sentence names it in a way that says more
        # (a list, a heading, a copula): the comparison tells a type listed from one merely mentioned.
        named_here = {claim.subject for claim in claims[first_claim:] if claim.facet == FACET}
        for mention in sentence.mentions_of("type"):
            if mention.compound and mention.name not in scoped and mention.name not in named_here | denied \
                    and not _placed_under_type(sentence, mention) \
                    and not _DENIED_TYPE.match(sentence.folded, mention.end - sentence.start):
                claims.append(_claim(analysis, sentence, mention.name, "type.compound"))
                named_here.add(mention.name)
        previous = sentence
    return claims


def _called(analysis: DocumentAnalysis, sentence: Sentence) -> tuple[list[str], set[str]]:
    """Types a description is given the name of: "a fluid-filled sac on the back, called a meningocele", "if the
    sac holds part of the cord, it is known as a myelomeningocele". Not "A, also called B" (an alias of a type).
    Second, the names given and then denied a place among the types ("is called A; it is ... rather than a third
    type")."""
    names = []
    denied: set[str] = set()
    types = sentence.mentions_of("type")
    for mention in types:
        cue = _CALLED_BEFORE.search(analysis.folded, sentence.start, mention.start)
        if cue is None:
            continue
        denial = _DENIED_LATER.search(sentence.folded, mention.end - sentence.start)
        if denial and not RENAMING_PATTERN.search(sentence.folded, 0, denial.start()):
            denied.add(mention.name)  # "... is called A; it is a rare cause of B rather than a third type"
            continue
        described = [t for t in sentence.mentions_of(*TYPE_LIKE) if t.end <= cue.start()]
        if not described or not re.fullmatch(r"[\s,()\u2013\u2014-]*(?:(?:the\s+(?:form|type|kind|variant)|also|once|now|"
                                             r"sometimes|often|is|are|was|were|\w+ly)\s+)*",
                                             analysis.folded[described[-1].end:cue.start()]):
            names.append(mention.name)
    return names, denied


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    yield from (claim for claim in named_types(analysis) if claim.facet == FACET)
