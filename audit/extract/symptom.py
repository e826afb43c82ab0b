"""Facet ``symptom``: symptoms a source asserts or denies, how typical it says they are, and for which type.

Each sentence is cut into clauses at contrasts ("though", "but", ";"), so
"Usually, the condition is not painful, though large lesions can cause pain"
gives two claims: pain negated (typicality ``usually``) and pain asserted
(``sometimes``, from "can"). A symptom is negated when its form negates
("painless") or a negation cue ("not", "no", "without", "does not cause")
stands before it in its clause, or it is the subject of a denial ("nausea is
not usually a feature"). "Not common" and "not always" are read as cues of
typicality (``rarely``; negated ``sometimes``), not as plain denials.

``typicality`` comes from the hedge words and quantifiers that govern the
mention (see :mod:`audit.extract.typicality`): "most people with X have",
"in most attacks", "is a dominant symptom" -> usually; "many", "often",
"common symptoms include" -> often; "some people", "may", "can" ->
sometimes; "rarely", "a small percentage", "is not common" -> rarely;
phenotype tables ("Blue sclerae 90%", "Occasional (5-29% of patients)") by
their figure. ``hedge`` keeps the words that set it.

A writer's own course ("I never had X", "X was never a problem for me", "my
son gets X") has ``qualifier`` ``personal``: one person without X says only
that not everyone has it (negated, ``sometimes``), not the source's denial.

``scope`` names the type a symptom is stated for: a type named before it in
the sentence ("People with type 2 have ...", "In type III, ..."), after it as
the holder ("... develops in most individuals with type 2"), a type the
sentence refers back to ("This form causes ..."), or the type a list item,
labelled block, table row or heading opens with. Statements about the whole
condition have no scope.

Mentions that are the object of relief ("helps manage pain", "pain usually
subsides"), listed causes ("causes include inflammation") and side effects (a
treatment named earlier in the clause) are skipped.

Why hand-written clause rules and not a negation library: medspaCy's ConText
and negspacy (NegEx), each on a blank spaCy English pipeline with a
rule-based sentencizer and our lexicon mentions as entities, were measured
against these rules on the development set (symptom claims scored by
``audit eval``, polarity taken from the library, negated lexicon forms
kept): precision 0.799 (ConText) and 0.793 (NegEx) against 0.801 here, the
same recall (0.879), no gold negation found that these rules miss; the
libraries deny "weakness" in "muscles cannot perform their functions,
leading to weakness". They say nothing about how typical a symptom is, which
the comparison needs, and would add spaCy to the dependencies; the clause
rules took over what they did better (negation ends at "there", "which",
...; "do not respond" denies nothing).
"""
from __future__ import annotations

import bisect
import re
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence
from audit.extract.claim import Claim
from audit.extract.clauses import clauses as _clauses
from audit.extract.clauses import is_negated as _is_negated
from audit.extract.clauses import masked as _masked
from audit.extract.cues import ANAPHOR_PATTERN, CONDITIONAL_BEFORE_PATTERN, NEGATION_PATTERN, comment_dash
from audit.extract.typicality import (BAND_PATTERN, NOT_A_DENIAL, TYPICALITY_RANK, Cue, band_typicality,
                                      clause_cues, read)

FACET = "symptom"

# ("for": not "watch for X", "look out for X", a sign to look for; not "for me the X was", whom it is said of)
_RELIEF = re.compile(r"\b(?:manag\w*|reliev\w*|reduc\w*|control\w*|treat\w*|eas(?:e|es|ed|ing)|alleviat\w*|prevent\w*|avoid\w*|"
                     r"(?<!watch\s)(?<!look\s)(?<!out\s)(?<!watching\s)(?<!looking\s)(?<!check\s)for"
                     r"(?!\s+(?:me|us|him|her|them|my|our|his)\b))\s+(?:\w+\s+){0,2}$")
# "Pain usually subsides when ...": the symptom going away, not a claim that it occurs.
_RELIEF_AFTER = re.compile(r"^\W*(?:\w+\s+){0,2}?(?:subsides?|resolves?|improves?|goes\s+away|go\s+away|disappears?|"
                           r"lessens?|eases|is\s+relieved|are\s+relieved|decreases?|clears?\s+up)\b")
# The symptom named a risk factor of the condition ("raised pressure is the most important modifiable risk factor"), or
# what people have before they develop it ("many people with X never develop #"; on the masked sentence, the
# condition is '#')
_RISK_FACTOR_AFTER = re.compile(r"\s+(?:is|are|was|were)\s+(?:[\w-]+\s+){0,4}?risk\s+factors?\b")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:\w+\s+){0,2}$")
_DEVELOPS_CONDITION_AFTER = re.compile(r"\s+(?:(?:never|not|don't|dont|do\s+not|will|won't|may|might|can|later|"
                                       r"eventually|go\s+on\s+to|also)\s+){0,2}(?:develop|get|progress\s+to)\s+#")
# A denial in quotation marks around the mention: 'the "no fever" version' (read in the text, where the marks are
# kept; not a name in quotes, 'an "inverted bottle" appearance')
_QUOTED_BEFORE = re.compile(r"[\"\u201c](?:no|not|non|never|without)\s+(?:[\w'-]+\s+){0,2}$", re.IGNORECASE)
_QUOTE_AFTER = re.compile(r"[\"\u201d]")
# What a word of the name means: '"palsy" means weakness', 'the word "migraine" comes from "half the skull"'
_WORD_MEANING_BEFORE = re.compile(r"(?:[\"'\u2018\u201c][\w-]+[\"'\u2019\u201d]|\b(?:word|term|name)\s+[\w-]+)\s+"
                                  r"(?:means?|meant|comes\s+from|refers\s+to|stands\s+for)\s+(?:[\w-]+\s+){0,3}$")
# "Causes of the condition include trauma, inflammation": listed as a cause, not a symptom.
# ("can cause pain" is a verb and does assert the symptom.)
_AS_CAUSE = re.compile(r"\b(?:causes\s+(?:of\s+[\w\s]{0,40}?)?(?:(?:can|may|might|could|also)\s+)?(?:include|includes|including|such as|are)|caused by|"
                       r"due to|result of|risk factors?(?:\s+\w+){0,3}\s+(?:include|are))\b(?:[\s,]*[\w-]+){0,5}[\s,]*$")
# The symptom as subject, denied by what follows: "nausea is not (usually) a feature", "pain is absent",
# "pain does not occur". Not "tumors do not respond (to treatment)": only a verb of occurring denies the symptom.
_PRESENCE_VERB = (r"(?:occur|develop|appear|happen|arise|present|exist|show|accompany|affect|recur|persist|"
                  r"become\s+apparent|cause\s+problems)")
# After "X is not", what makes it a denial of X: nothing more, or words of presence ("is not present", "is not a
# feature", "is not usually seen"); "the swelling is usually not itchy" denies an attribute, not the swelling.
_DENIAL_TAIL = (r"(?=\s*(?:[.,;:)]|$|\s(?:usually|typically|generally|often|always|normally|commonly|necessarily|"
                r"present|seen|found|observed|reported|noted|noticed|detected|common|typical|usual|frequent|"
                r"a\s+(?:common\s+|typical\s+|usual\s+|major\s+|main\s+|prominent\s+)?(?:feature|symptom|sign|"
                r"problem|complaint|finding|concern|issue|part)|an?\s+(?:big\s+|real\s+|major\s+)?(?:issue|concern|problem|"
                r"thing|factor)|part\s+of|associated|"
                r"experienced|involved|among|one\s+of|an\s+early|in\s|during\s|with\s|at\s+all|"
                # "joint pain is not caused by X", "is not part of X", "is not linked to X"
                r"caused\s+by|due\s+to|related\s+to|linked\s+to|a\s+(?:sign|symptom|feature)\s+of)\b))")
_ATTRIBUTE_DENIAL = re.compile(r"\W*(?:is|are|was|were)\s+(?:\w+\s+)?(?:not|never)\b")
_NEGATED_AFTER = re.compile(r"^\W*(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:not|never)\b"
                            + _DENIAL_TAIL + "|"
                            rf"^\W*(?:does|do|did|will|would|can|may)\s+(?:\w+\s+)?(?:not|never)\s+(?:\w+\s+)?{_PRESENCE_VERB}|"
                            rf"^\W*(?:doesn't|don't|didn't|won't|never)\s+(?:\w+\s+)?{_PRESENCE_VERB}|"
                            r"^\W*(?:is|are|was|were)\s+(?:\w+\s+)?absent\b|^\W*(?:isn't|aren't)\b|"
                            # "X wasn't an issue", "X was never a thing for me"
                            r"^\W*(?:wasn't|weren't|wasnt|werent|isnt|arent)" + _DENIAL_TAIL + "|"
                            # "Blackheads - nope" (folding turns a spaced dash into three spaces)
                            r"^(?:\s[-\u2013\u2014 ]\s)\s*(?:nope|no|not|never|none|absent)\b")
# Epistemic hedges kept beside the typicality cue (they weaken a statement without saying how often).
_EPISTEMIC = re.compile(r"\b(?:likely|possibly|probably|perhaps|potentially|reportedly|appears?\s+to|seems?\s+to|"
                        r"is\s+thought\s+to|are\s+thought\s+to|is\s+believed\s+to|are\s+believed\s+to|some\s+studies)\b")
# The type a symptom after it belongs to: "... develops in most individuals with type 2", "pain is common in type 3".
_HOLDER_AFTER = re.compile(
    r"^[\s,]*(?:[\w'-]+\s+){0,5}?(?:in|with|among|of|for)\s+(?:(?:all|most|many|some|the|those|people|patients|"
    r"individuals|persons|children|adults|infants|babies|cases|forms?|types?|affected)\s+){0,3}"
    r"(?:with\s+|who\s+have\s+|affected\s+by\s+|of\s+)?$")
# The clause is about another condition: "they classify it as a separate disorder characterized by X".
_OTHER_CONDITION = re.compile(r"\b(?:a|an|another|the)\s+(?:separate|different|distinct|unrelated|other)\s+"
                              r"(?:disorders?|conditions?|diseases?|syndromes?|entity)\b")
# The symptom's name modifying a noun: "nausea meds", "pain relievers", "a headache pain diary".
_NAMES_A_REMEDY = re.compile(r"\s+(?:meds|medications?|medicines?|drugs?|relievers?|killers?|pills?|tablets?|"
                             r"management|clinics?|specialists?|diar(?:y|ies)|scores?|scales?|questionnaires?|"
                             r"relief|control|mechanisms?|cent(?:er|re)s?|receptors?|thresholds?|pathways?)\b")
# "X-related arthritis", "X-induced": the symptom's name inside a compound about something else (read in the text,
# where the hyphen is kept)
_COMPOUND_AFTER = re.compile(r"-(?:related|associated|induced|like|based|type)\b")
# "an important cause of X", "people at risk of X": X named as a possible consequence, not as how often it occurs
# (kept as the hedge; POL001 reads it as possible)
_RISK_BEFORE = re.compile(r"\b(?P<cue>causes?\s+of|risks?\s+(?:of|for))\s+(?:[^\s,;:.]+(?:\s+|,\s*)){0,12}?$")
# "look like crusted patches rather than X": X is what it is not like, no statement about X
_CONTRASTED_BEFORE = re.compile(r"\b(?:rather\s+than|instead\s+of)\s+(?:[\w-]+\s+){0,3}$")
_NON_BEFORE = re.compile(r"\bnon\s?$")  # "a non-itchy rash" (folding turns the hyphen into a space)
_ANTI_BEFORE = re.compile(r"\banti\s*$")  # "anti-nausea" (folding turns the hyphen into a space)
_EXCEPT = re.compile(r"\b(?:except|apart\s+from|other\s+than|besides|unlike|outside)\b")
_CONTRAST = re.compile(r"\b(?:whereas|while|but|although|though|however|unlike)\b|;")
_COORDINATION = re.compile(r"^[\s,]*(?:and|or|as\s+well\s+as)?[\s,]*$")
# ", and individual lumps shrink": a coordinated clause with its own subject (the mention is followed by a word that
# is no preposition or conjunction, its verb); the negation and hedges before it are the first clause's
# ("X is usually not painful, and individual lumps shrink without ...")
_NEW_CLAUSE = re.compile(r",\s*(?:and|but|so|yet)\s+")
# ", mine just hurt", ", my skin burns": a clause after a comma with a pronoun or possessive subject of its own
_PRONOUN_CLAUSE = re.compile(r",\s*(?:and\s+|but\s+)?(?:mine|i|i'm|im|we|he|she|they|it|it's|its|my|his|her|their|our|your|"
                             r"yours|hers|theirs|ours)\s+")
# (not a participle: "and a disorder called X", "and swelling affecting the knee")
_VERB_AFTER = re.compile(r"\s+(?!(?:and|or|nor|of|in|on|at|to|from|for|with|without|as|that|which|who|than|like|by|"
                         r"into|over|under|around|near|across|during|after|before|behind|between|within|along|about|"
                         r"through|throughout|elsewhere|too|also|either|if|when|whenever|unless|because|since|while|"
                         r"whereas|although|though|where|once|until|due|such|known)\b)(?![a-z]+(?:ed|ing)\b)[a-z]")
# What the condition was taken for before its diagnosis: "after years of being told it was IBS and anxiety" (someone
# else's reading of it; not "we thought it was just X", where X was there)
_TAKEN_FOR = re.compile(r"\b(?:being|was|were|been|got)\s+told\s+(?:that\s+)?(?:it|this|that|she|he|"
                        r"they|i|we)\s+(?:was|were|had|just\s+had)\s+(?:just\s+|only\s+)?(?:[\w'-]+\s+){0,3}$")
# A hypothetical person whose symptom is an instruction's condition, not a statement: "a child with X and a fever
# should be checked for an infection"
_HYPOTHETICAL_HOLDER = re.compile(r"\b(?:a|an|any|every|your)\s+(?:\w+\s+)?(?:child|person|patient|adult|baby|infant|"
                                  r"toddler|kid|teen|someone|anyone|anybody)\s+(?:with|who\s+(?:has|have|develops?|gets?|"
                                  r"shows?))\b[^,;.]*$")
_INSTRUCTION_AFTER = re.compile(r"[^,;.]{0,60}?\b(?:should|must|needs?\s+to|ought\s+to)\b")
# A negation closed inside a conditional or relative clause before the symptom does not deny it: "if intake cannot
# keep up, dehydration develops", "fevers that the doctors could never explain, turned out to be dehydration"
# A conditional or relative clause closed by a comma before a symptom: its own hedges are not the symptom's
_CLOSED_CLAUSE = re.compile(r"\b(?:if|unless|when|whenever|that|which|who|whom)\b[^,;]*,")
_CLOSED_NEGATION = re.compile(r"\b(?:if|unless|when|whenever|that|which|who|whom)\b[^,;]*?(?:\b(?:not|never|cannot|no)|"
                              r"n't)\s+\w[^,;]*,")
# A name learned from a greeting ("Hi tired, ...", "thanks @tired"): where the same word opens a sentence before a
# comma or dash ("tired - one more tip"), it addresses someone
_GREETING = re.compile(r"\b(?:hi|hey|hello|dear|thanks|thank\s+you|thx)\s+@?(?P<name>[\w'-]+)\s*[,!:]|@(?P<at>[\w'-]+)")
_ADDRESS_BEFORE = re.compile(r"^\W*(?:(?:hi|hey|hello|dear|thanks|thank\s+you|thx|also|and|ok|okay)\W+)*@?$")
_ADDRESS_AFTER = re.compile(r"\s*[,!:]|\s[-\u2013\u2014 ]\s")


# A writer's (or one named person's) own course: "I never had X", "X was never a problem for me", "my son never got
# X", "she never went yellow". One person's experience, not the source's statement of how typical X is: the claim
# says so in its qualifier ("personal"). One person without X says that not everyone has it (negated, ``sometimes``,
# as "not always"), not that X is absent in the condition; one person's X keeps that person's frequency ("I had X
# every time").
# (not the numeral of "stage I", "types I and II"; not "my patients", "in my experience": a general statement)
_PERSONAL = re.compile(r"(?<!stage\s)(?<!stages\s)(?<!type\s)(?<!types\s)(?<!grade\s)(?<!class\s)(?<!phase\s)"
                       r"(?<!level\s)(?<!group\s)(?<!form\s)(?<!part\s)(?<!tier\s)\bi\b(?!\s*(?:[,/-]|and\b|or\b|to\b)"
                       r"\s*(?:ii|iii|iv|v)\b)|\b(?:i'm|im|i've|ive|i'd|me|mine|myself)\b|\bmy\b(?!\s+(?:own\s+)?(?:patients|"
                       r"clients|practice|clinic|experience|opinion|view|understanding|reading|colleagues)\b)|"
                       r"\b(?:he|she)\s+(?:never|had|has|got|gets|went|didn't|didnt|did\s+not|wasn't|wasnt|was\s+not)\b")
# ... unless the person only reports what is said of others: "I read that X is common", "my doctor said", "told me"
_REPORTING = (re.compile(r"\b(?:i|i'm|im|i've|ive|i'd)\s+(?:\w+\s+)?(?:think|thought|believe|read|heard|know|knew|"
                         r"guess|suppose|understand|learned|learnt|told|mean|hope|wonder|agree|bet|suspect|assume|"
                         r"imagine|recall|doubt|gather)\b"),
              re.compile(r"\bmy\s+(?:\w+\s+){1,2}?(?:said|says|told|tells|thinks|explained|mentioned|reckons|confirmed)\b"),
              re.compile(r"\b(?:told|tell|tells|telling|explained\s+to|said\s+to|asked)\s+me\b"))
# "his or her": a generic person
_GENERIC_PERSON = re.compile(r"\b(?:his|her|he|she)\s+or\s+(?:his|her|he|she)\b")


# A post with its first person left out: "Never had X.", "Had X for years", "Got X with every flare"
_ELIDED_FIRST_PERSON = re.compile(r"\W*(?:(?:never|not\s+once)\s+(?:had|got|noticed|experienced|felt|went|developed)|"
                                  r"(?:had|got)\s+(?:\w+\s+){0,3}?(?:for|with|since|every|each|after|before|as)\s)\b")
_PERSONAL_OBJECT = re.compile(r"\b(?:me|mine|myself)\b")
_NEW_SUBJECT = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|he|she|we|they|it)\b")


# A negated verb phrase closed by a comma before the mention: "wasn't gaining weight, super cranky" (not "no pain,
# swelling or redness", "does not cause pain, X": the negation runs through a list of its objects)
_CLOSED_VERB_PHRASE = re.compile(r"(?:[a-z]*n't|[a-z]*nt|not|never)\s+[a-z]+ing\s+(?!(?:or|and|nor)\b)[^,§#]*,")


def _negation_closed(masked_before: str) -> bool:
    """Whether the last negation before a mention (``masked_before``: its clause up to it, mentions masked) governs
    a verb phrase of its own that a comma closes before the mention."""
    last = None
    for last in NEGATION_PATTERN.finditer(masked_before):
        pass
    return last is not None and _CLOSED_VERB_PHRASE.match(masked_before, last.start()) is not None


def _personal_text(text: str) -> str:
    """``text`` with what only reports others' words ("I read that", "my doctor said", "told me") and generic
    persons ("his or her") blanked."""
    return _blank(text, [m.span() for pattern in (*_REPORTING, _GENERIC_PERSON) for m in pattern.finditer(text)])


def _personal(text: str) -> bool:
    """Whether a clause's words speak of the writer's (or one person's) own course (see ``_PERSONAL``)."""
    return _PERSONAL.search(_personal_text(text)) is not None


# "eye redness and pain": the first conjunct's modifier is shared by a one-word second conjunct
_SHARED_MODIFIER = re.compile(r"\b(?P<modifier>[a-z]+)\s+[a-z]+\s+(?:and|or)\s+$")
_FORMS_BY_TOPIC: dict[str, dict[str, str]] = {}


def _new_clause_start(clause: str, subject_start: int) -> int:
    """Where the coordinated clause whose subject starts at ``subject_start`` begins (0: none before it)."""
    return max((m.end() for m in _NEW_CLAUSE.finditer(clause, max(0, subject_start - 60), subject_start)
                if subject_start - m.end() <= 40), default=0)


def _pronoun_clause_start(clause: str, mention_start: int) -> int:
    """Where a clause with a pronoun subject of its own begins before the mention (0: none)."""
    return max((m.start() + 1 for m in _PRONOUN_CLAUSE.finditer(clause, max(0, mention_start - 60), mention_start)
                if mention_start - m.end() <= 40), default=0)


def _symptom_forms(analysis: DocumentAnalysis) -> dict[str, str]:
    """The topic's symptom forms, folded (lower case, hyphens as spaces) -> the term's name."""
    topic = analysis.topic
    if topic.digest not in _FORMS_BY_TOPIC:
        _FORMS_BY_TOPIC[topic.digest] = {" ".join(form.lower().replace("-", " ").split()): term.name
                                         for term in topic.symptoms for form in (term.name, *term.forms)}
    return _FORMS_BY_TOPIC[topic.digest]


# "an enlarged spleen and liver": a bare second conjunct that shares the first one's modifier ("enlarged liver"),
# where the noun phrase ends after it
_SHARED_MODIFIER_AFTER = re.compile(r"\s+(?:and|or)\s+(?P<word>[a-z]+)(?=\s*(?:[.,;:)]|$)|\s+(?:in|on|of|with|and|or|"
                                    r"are|is|was|were|that|which|from|at|by|for|as|can|may|due|because)\b)")


def _shared_modifier_terms(analysis: DocumentAnalysis, sentence: Sentence, mention) -> list[str]:
    """The other symptoms a two-word form names through a bare conjunct after it: "an enlarged spleen and liver"
    names an enlarged liver too, when "enlarged liver" is a lexicon form."""
    words = sentence.folded[sentence.rel(mention.start):sentence.rel(mention.end)].split()
    if len(words) != 2:
        return []
    after = _SHARED_MODIFIER_AFTER.match(sentence.folded, sentence.rel(mention.end))
    if after is None or any(sentence.rel(m.start) == after.start("word") for m in sentence.mentions):
        return []
    other = _symptom_forms(analysis).get(f"{words[0]} {after.group('word')}")
    return [other] if other is not None and other != mention.name else []


def _other_term_by_shared_modifier(analysis: DocumentAnalysis, sentence: Sentence, mention, start: int,
                                   end: int) -> bool:
    """Whether a one-word form, read with the modifier of the conjunct before it, is another symptom's form:
    "eye redness and pain" is eye pain, not the pain a bare "pain" stands for."""
    word = sentence.folded[start:end]
    if not word.isalpha():
        return False
    shared = _SHARED_MODIFIER.search(sentence.folded, max(0, start - 60), start)
    if shared is None:
        return False
    other = _symptom_forms(analysis).get(f"{shared.group('modifier')} {word}")
    return other is not None and other != mention.name


def _addressed_names(analysis: DocumentAnalysis) -> frozenset[str]:
    """Words a document uses as someone's name in a greeting or an @-mention."""
    return frozenset((m.group("name") or m.group("at")) for m in _GREETING.finditer(analysis.folded))


_RELATIVE = re.compile(r"(?:which|that)\s+(?=(?:is|are|was|were|occurs?|develops?|appears?|affects?)\b)")


# An apposition after the term that says it is absent: ", often absent in adults,", ", usually missing"
_APPOSED_ABSENCE = re.compile(r"\s*,\s*(?P<adverb>(?:usually|often|frequently|commonly|typically|sometimes|"
                              r"occasionally|generally|mostly|rarely)(?=\s))?\s*(?:absent|missing|lacking)\b")
# What stands between two coordinated subjects once their mentions are taken out: "A and B", "A, B and C"
_COORDINATED_SUBJECT = re.compile(r"[\s,]*(?:(?:and|or)\s+)?")
# A prepositional modifier between a subject and its copula: "the odour from draining sores is ...", "swelling of
# the ankles is ..." (on the masked clause: a lexicon mention is '§')
_MODIFIER_BEFORE_COPULA = re.compile(r"\s+(?:from|of|in|during|with|after|on|at|around|behind)\s+(?:[\w'§-]+\s+){1,4}?"
                                     r"(?=(?:is|are|was|were)\s)")


# A relative clause (its pronoun blanked) that says how common the term before it is: "courses for X, which is
# common in people with #" names X a symptom, whatever the courses are for
_PRESENCE_RELATIVE = re.compile(r"\W*(?:is|are|was|were)\s+(?:also\s+|very\s+|quite\s+)?(?:common|frequent|usual|typical|"
                                r"rare|uncommon|often\s+present|often\s+seen|present|seen)\b")
# A relative clause (its pronoun blanked) that denies the presence of the term before it: ", which is not present",
# ", which is usually not seen in ..."
_RELATIVE_DENIAL = re.compile(r"\W*(?:is|are|was|were)\s+(?:\w+\s+)?(?:not|never)\s+(?:\w+\s+)?(?:present|seen|found|"
                              r"observed|reported|noted|detected|experienced)\b(?!\s+(?:in|for|with|during|at)\s+"
                              r"(?:all|every|each)\b)")


def _relative_after(sentence: Sentence, masked: str, spans: list[tuple[int, int]], index: int) -> str:
    """The relative clause that follows clause ``index`` (", which is usually present"), its pronoun blanked
    so it reads as the predicate of the term before it; "" when none follows."""
    if index + 1 >= len(spans):
        return ""
    start, end = spans[index + 1]
    pronoun = _RELATIVE.match(sentence.folded[start:end])
    if pronoun is None or sentence.folded[spans[index][1]:start].strip() != ",":
        return ""
    gap = masked[spans[index][1]:start]
    return gap + " " * pronoun.end() + masked[start + pronoun.end():end]


_INTRO_VERB = re.compile(r"\b(?:include|includes|including|are|can\s+be|may\s+be|involve|such\s+as|have|has|get|"
                         r"experience|develop|show|notice)\s*:\s*$")


def _list_intro_cue(analysis: DocumentAnalysis, sentence: Sentence) -> str:
    """The introduction of the list an item sits in, when it says how typical its items are ("Other symptoms may
    include:", "Some people have:"): its text up to the colon, else ""."""
    index = sentence.index - 1
    while index >= 0 and analysis.sentences[index].block.kind == "item":
        index -= 1
    if index < 0:
        return ""
    intro = analysis.sentences[index]
    if not _INTRO_VERB.search(intro.folded):
        return ""
    text = _masked(intro)
    cues = clause_cues(text)
    return text if cues and cues[-1].tier > 0 else ""


# Where a list item's head ends and its description begins: "Nocturia - waking at night, which leads to daytime
# fatigue": the introduction ("The cardinal features are:") is said of the head, not of what the description names.
_ITEM_DESCRIPTION = re.compile(r"\s[-\u2013\u2014 ]\s|,\s*(?:which|that|leading|causing)\b|\b(?:leads?|leading)\s+to\b|:")


def _label_members(sentence: Sentence, symptoms, start: int) -> bool:
    """Whether the mention at ``start`` is a member listed after an item's label that is no symptom itself
    ("- Blood changes - anaemia and low platelets, leading to tiredness": anaemia and low platelets are the
    label's members and take the list introduction's grade; what they lead to does not)."""
    label = _ITEM_DESCRIPTION.search(sentence.folded)
    if label is None or label.start() >= start or not (label.group(0).strip() in ("", ":", "-", "\u2013", "\u2014")):
        return False
    if any(sentence.rel(m.start) < label.start() for m in symptoms):
        return False
    further = _ITEM_DESCRIPTION.search(sentence.folded, label.end())
    return further is None or start < further.start()


_REPEATED_HEAD = re.compile(r"^\W*(?P<head>[^\W\d][\w' ]{0,40}?)\s{3,}")


def _list_head_end(sentence: Sentence) -> int | None:
    """Where a list line's head ends ("Nausea - rare for most of us", "Pain -- pain is common"): the term before a
    dash that a comment follows; None for other sentences."""
    head_dash = comment_dash(sentence.text, {sentence.rel(m.start) for m in sentence.mentions})
    if head_dash:
        return head_dash[1]
    head = _REPEATED_HEAD.match(sentence.folded)  # the comment opens with the head's own term
    symptoms = sentence.mentions_of("symptom")
    if head and len(symptoms) >= 2 and sentence.rel(symptoms[0].start) < head.end("head") \
            and symptoms[1].name == symptoms[0].name and sentence.rel(symptoms[1].start) == head.end():
        return head.end()
    return None


_LABEL = re.compile(r"^\W*[^:.!?]{2,60}:\s")


def _listed_until(sentence: Sentence) -> int:
    """Offset (in the sentence) up to which symptoms are only listed, not stated: a heading, a table row or
    table-like line, or a 'Label:' that opens the sentence."""
    if sentence.block.kind in ("heading", "row") or sentence.is_table_like:
        return len(sentence.text)
    label = _LABEL.match(sentence.folded)
    return label.end() if label else 0


def _blank(text: str, spans) -> str:
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _leading_type(sentence: Sentence) -> tuple[str | None, bool]:
    """(the type a sentence opens with, whether it names only that type)."""
    types = sentence.mentions_of(*TYPE_LIKE)
    if not types or re.search(r"[a-z]", sentence.folded[: sentence.rel(types[0].start)]):
        return None, False
    return types[0].name, len({m.name for m in types}) == 1


# A section of links to other pages ("See also", "Related topics", "Further reading"): its items are names, not
# statements
_LINK_SECTION = re.compile(r"\W*(?:see\s+also|related(?:\s+(?:topics|conditions|pages|articles|reading|links))?|"
                           r"further\s+reading|external\s+links|more\s+to\s+read|references)\W*$")


def _link_blocks(analysis: DocumentAnalysis) -> frozenset[int]:
    """The blocks under a heading of links, up to the next heading."""
    found: set[int] = set()
    inside = False
    for sentence in analysis.sentences:
        if sentence.block.kind == "heading":
            inside = _LINK_SECTION.match(sentence.folded) is not None
        elif inside:
            found.add(sentence.block_index)
    return frozenset(found)


_FRONTED = re.compile(r"\W*(?:in|among|for)\s+(?:young\s+|older\s+|most\s+|many\s+)?$")


def _opens_with_population(sentence: Sentence) -> bool:
    """Whether a sentence opens with a fronted lexicon population and a comma ("In children, ...")."""
    populations = sentence.mentions_of("population")
    if not populations:
        return False
    first = populations[0]
    return _FRONTED.match(sentence.folded[:sentence.rel(first.start)]) is not None \
        and sentence.folded[sentence.rel(first.end):].lstrip().startswith(",")


def _block_types(analysis: DocumentAnalysis) -> tuple[dict[int, str], frozenset[int]]:
    """(block index -> the type a block is about: it opens with that type, or sits under that type's heading;
    the blocks whose type comes from the document's title, the heading it opens with)."""
    result: dict[int, str] = {}
    titled: set[int] = set()
    heading_type: str | None = None
    from_title = False
    seen: set[int] = set()
    for sentence in analysis.sentences:
        if sentence.block_index in seen:
            continue
        seen.add(sentence.block_index)
        lead, only = _leading_type(sentence)
        if sentence.block.kind == "heading":
            heading_type = lead
            from_title = not seen - {sentence.block_index}
            continue
        if lead and only:
            result[sentence.block_index] = lead
        elif heading_type:
            result[sentence.block_index] = heading_type
            if from_title:
                titled.add(sentence.block_index)
    return result, frozenset(titled)


def _scopes(analysis: DocumentAnalysis, sentence: Sentence, mention, block_type: str | None) -> list[str]:
    """The types a symptom mention is stated for ([""] for the whole condition)."""
    types = sentence.mentions_of(*TYPE_LIKE)
    before = [t for t in types if t.end <= mention.start]
    if before and _CONTRAST.search(analysis.folded, before[-1].end, mention.start):
        # "In A, blisters heal without scarring, whereas scarring is a hallmark of B": the contrast's own type
        for after in types:
            if after.start >= mention.end and _HOLDER_AFTER.match(analysis.folded[mention.end:after.start]):
                return [after.name]
    if before:
        chosen = [before[-1]]
        for previous in reversed(before[:-1]):  # "In types A and B, ...": both
            if not _COORDINATION.match(analysis.folded[previous.end:chosen[-1].start]):
                break
            chosen.append(previous)
        return sorted({t.name for t in chosen})
    for after in types:
        between = analysis.folded[mention.end:after.start]
        if after.start >= mention.end and _HOLDER_AFTER.match(between) and not _EXCEPT.search(between):
            return [after.name]  # not "uncommon except in B": B is where it is not uncommon
    if sentence.context_type and ANAPHOR_PATTERN.match(sentence.folded):
        return [sentence.context_type]
    return [block_type or ""]


def _band_before(analysis: DocumentAnalysis, sentence: Sentence, offset: int,
                 bands: dict[int, tuple[list, list]]) -> tuple[str, str]:
    """(typicality, label) of a phenotype-table band heading before ``offset`` in the same block, no sentence between.

    Band headings and sentence ends are found once per block (``bands`` caches them), then looked up by position.
    """
    block = sentence.block
    if sentence.block_index not in bands:
        region = analysis.folded[block.start:block.end]
        found = [(m.end() + block.start, band_typicality(m), " ".join(m.group(0).split()))
                 for m in BAND_PATTERN.finditer(region)]
        stops = [m.start() + block.start for m in re.finditer(r"[a-z]\.\s", region)] if found else []
        bands[sentence.block_index] = (found, stops)
    found, stops = bands[sentence.block_index]
    index = bisect.bisect_right([end for end, _, _ in found], offset) - 1
    if index < 0:
        return "", ""
    end, typicality, label = found[index]
    stop = bisect.bisect_left(stops, end)
    if stop < len(stops) and stops[stop] < offset:
        return "", ""
    return typicality, label


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    block_types: dict[int, str] | None = None
    links: frozenset[int] = frozenset()
    titled: frozenset[int] = frozenset()
    names: frozenset[str] | None = None
    bands: dict[int, tuple[list, list]] = {}
    for sentence in analysis.sentences_for(FACET):
        symptoms = sentence.mentions_of("symptom")
        if not symptoms or sentence.is_question:
            continue
        if block_types is None:
            block_types, titled = _block_types(analysis)
            links = _link_blocks(analysis)
        if sentence.block_index in links:
            continue
        treatments = sentence.mentions_of("treatment")
        masked = _masked(sentence)
        listed_until = _listed_until(sentence)
        head_end = _list_head_end(sentence)
        # (symptom, polarity, scope) -> (rank, typicality, hedge, extractor, qualifier): one claim per sentence, the
        # statement before the listing, then a general statement before one person's, then the least hedged reading
        found: dict[tuple[str, str, str], tuple[tuple[int, ...], str, str, str, str]] = {}
        spans = _clauses(sentence)
        for index, (clause_start, clause_end) in enumerate(spans):
            clause = sentence.folded[clause_start:clause_end]
            clause_masked = masked[clause_start:clause_end]
            relative = _relative_after(sentence, masked, spans, index)
            cues = clause_cues(clause_masked)
            # Negation is looked for with "not common", "with or without" and the like blanked out.
            denial_text = _blank(clause, [(c.start, c.end) for c in cues if c.cancels]
                                 + [m.span() for m in NOT_A_DENIAL.finditer(clause)])
            epistemic = [m.group(0) for m in _EPISTEMIC.finditer(clause_masked)]
            # where each coordinated clause a symptom is the subject of begins, as a running maximum by position
            subject_positions: list[int] = []
            subject_starts: list[int] = []
            subject_ends: list[int] = []
            for m in sorted(symptoms, key=lambda m: m.start):
                if clause_start <= sentence.rel(m.start) < clause_end \
                        and (_VERB_AFTER.match(sentence.folded, sentence.rel(m.end))
                             or _MODIFIER_BEFORE_COPULA.match(masked, sentence.rel(m.end))):
                    subject_positions.append(sentence.rel(m.start))
                    subject_ends.append(sentence.rel(m.end))
                    subject_starts.append(max(subject_starts[-1] if subject_starts else 0,
                                              _new_clause_start(clause, sentence.rel(m.start) - clause_start)))
            for mention in symptoms:
                start, end = sentence.rel(mention.start), sentence.rel(mention.end)
                if not (clause_start <= start and end <= clause_end):
                    continue
                before = sentence.folded[clause_start:start]
                if _QUOTED_BEFORE.search(sentence.text, max(0, start - 40), start) \
                        and _QUOTE_AFTER.match(sentence.text, end):
                    continue  # 'the "no fever" version': a denial quoted, not said
                if _WORD_MEANING_BEFORE.search(before, max(0, len(before) - 80)):
                    continue  # '"palsy" means weakness': what a word means, not a symptom
                at_clause_end = not sentence.folded[end:clause_end].strip(" ,")
                if (_RELIEF.search(before) and not (at_clause_end and relative and _PRESENCE_RELATIVE.match(relative)))\
                        or _AS_CAUSE.search(before) or _OTHER_CONDITION.search(before) \
                        or CONDITIONAL_BEFORE_PATTERN.search(before):
                    continue
                if _RISK_FACTOR_AFTER.match(masked, end, clause_end) or (
                        _WITH_BEFORE.search(before) and _DEVELOPS_CONDITION_AFTER.match(masked, end, clause_end)):
                    continue  # "X is the main risk factor", "people with X never develop #": a risk, not a symptom
                if _RELIEF_AFTER.match(sentence.folded[end:clause_end]) or _NAMES_A_REMEDY.match(sentence.folded, end) \
                        or _COMPOUND_AFTER.match(sentence.text, end) \
                        or _ANTI_BEFORE.search(sentence.folded, 0, start):
                    continue  # "nausea meds", "a pain diary", "anti-nausea drugs": the word names something else
                if any(t.end <= mention.start and sentence.rel(t.start) >= clause_start for t in treatments):
                    continue  # "propranolol can cause nausea": a side effect, not a symptom of the condition
                if _HYPOTHETICAL_HOLDER.search(before) and _INSTRUCTION_AFTER.match(sentence.folded, end):
                    continue
                if _CONTRASTED_BEFORE.search(before, max(0, len(before) - 80)):
                    continue
                if _TAKEN_FOR.search(before):
                    continue  # "being told it was IBS and anxiety": a misdiagnosis, not a symptom
                if _other_term_by_shared_modifier(analysis, sentence, mention, start, end):
                    continue
                if names is None:
                    names = _addressed_names(analysis)
                if sentence.folded[start:end] in names and _ADDRESS_BEFORE.match(sentence.folded, 0, start) \
                        and _ADDRESS_AFTER.match(sentence.folded, end):
                    continue  # "Hi tired, ...": a name, not a symptom
                # a coordinated clause with its own subject: what stands before it is not said of this mention
                # (its subject is this mention or one before it in the clause: "..., and lumps fade without ulcers")
                own = subject_starts[bisect.bisect_right(subject_positions, start) - 1] \
                    if subject_positions and subject_positions[0] <= start else 0
                own = max(own, _pronoun_clause_start(clause, start - clause_start))
                later_subject = bisect.bisect_right(subject_positions, start)
                shared = None  # the subject this mention is coordinated with: (start, end) in the clause
                if later_subject < len(subject_positions) and subject_starts[later_subject] <= start - clause_start \
                        and _COORDINATED_SUBJECT.fullmatch(
                            masked[end:subject_positions[later_subject]].replace("\u00a7", "")):
                    # "..., and A and B sometimes occur": A is coordinated with the subject B of the new clause and
                    # shares its predicate
                    own = max(own, subject_starts[later_subject])
                    shared = (subject_positions[later_subject] - clause_start, subject_ends[later_subject] - clause_start)
                mention_cues = [c for c in cues if c.start >= own or c.attributive] if own else cues
                said, said_masked = clause, clause_masked  # the clause as read for this mention
                modifier = _MODIFIER_BEFORE_COPULA.match(said_masked, end - clause_start)
                if modifier and not any(end - clause_start <= c.start < modifier.end() for c in cues):
                    # "the odour from draining sores is one of the main symptoms": the predicate is read as if
                    # the subject's modifier were not there
                    said_masked = said_masked[:end - clause_start] + " " + said_masked[modifier.end():]
                    said = said[:end - clause_start] + " " + said[modifier.end():]
                    mention_cues = [c for c in clause_cues(said_masked)
                                    if c.end <= end - clause_start or c.start >= end - clause_start + 1]
                    mention_cues = [c for c in mention_cues if c.start >= own or c.attributive] if own else mention_cues
                cue: Cue | None = read(said_masked, mention_cues, start - clause_start, end - clause_start)
                if cue is None and shared is not None and said_masked is clause_masked:
                    cue = read(said_masked, mention_cues, *shared)
                    cue = cue if cue is not None and cue.start >= shared[1] else None
                if cue is not None and cue.end <= start - clause_start and cue.tier > 0 and not cue.attributive:
                    closed = [m.span() for m in _CLOSED_CLAUSE.finditer(said_masked, 0, start - clause_start)]
                    if any(c_start <= cue.start and cue.end <= c_end for c_start, c_end in closed):
                        # "fevers that the doctors could never explain, turned out to be X": "could" is the
                        # relative clause's
                        cue = read(said_masked, [c for c in mention_cues if not any(
                            c_start <= c.start and c.end <= c_end for c_start, c_end in closed)],
                            start - clause_start, end - clause_start)
                relative_denial = False
                if cue is None and relative and not sentence.folded[end:clause_end].strip(" ,"):
                    # "Nausea, which is usually present, ...": the relative clause is said of the term before it,
                    # and so is its denial of presence ("X, which is not present in most people with #": usually
                    # absent, as "X is not present in most people with #")
                    joined = said_masked + relative
                    cue = read(joined, clause_cues(joined), start - clause_start, end - clause_start)
                    relative_denial = _RELATIVE_DENIAL.match(relative) is not None
                    if cue is not None:
                        said = said + sentence.folded[clause_end:clause_end + len(relative)]
                denied = (mention.negated or _NON_BEFORE.search(sentence.folded, 0, start) is not None
                          or (_is_negated(_CLOSED_NEGATION.sub(" ", denial_text[own: start - clause_start]))
                              and not _negation_closed(clause_masked[own:start - clause_start]))
                          or bool(_NEGATED_AFTER.match(denial_text[end - clause_start:])) or relative_denial
                          or bool(cue and cue.negates))
                apposed = _APPOSED_ABSENCE.match(said_masked, end - clause_start)
                if apposed is not None and not denied:
                    # "weight loss, often absent in adults, ...": an apposition says how often the term is absent
                    denied = True
                    aside_end = said_masked.find(",", apposed.end())
                    aside_end = len(said_masked) if aside_end < 0 else aside_end
                    cue = next((c for c in cues if apposed.start() <= c.start < aside_end and c.tier <= 2), None)
                attribute = _ATTRIBUTE_DENIAL.match(said, end - clause_start)
                if attribute and not denied and cue is not None and not cue.cancels \
                        and end - clause_start <= cue.start < attribute.end():
                    cue = None  # "the nausea is usually not severe": "usually" is said of the severity
                if cue is None and sentence.block.kind == "item" and (
                        not _ITEM_DESCRIPTION.search(sentence.folded, 0, start)
                        or _label_members(sentence, symptoms, start)
                        or any(m.name == mention.name and not _ITEM_DESCRIPTION.search(
                            sentence.folded, 0, sentence.rel(m.start)) for m in symptoms)):
                    cue_text = _list_intro_cue(analysis, sentence)  # "Symptoms may include:" then "- seizures"
                else:
                    cue_text = ""
                if cue is not None:
                    typicality = cue.typicality
                    words = [said[cue.start:cue.end]]
                elif cue_text:
                    intro_cues = clause_cues(cue_text)
                    typicality, words = intro_cues[-1].typicality, [cue_text[intro_cues[-1].start:intro_cues[-1].end]]
                else:
                    typicality, label = _band_before(analysis, sentence, mention.start, bands)
                    words = [label] if label else []
                    risk = None if label else _RISK_BEFORE.search(before, max(0, len(before) - 200))
                    if risk is not None:
                        words = [risk.group("cue")]
                hedge = "; ".join(dict.fromkeys(" ".join(w.split()) for w in [*words, *epistemic]))
                polarity = "negated" if denied else "asserted"
                # one person's own course, unless a quantifier or a figure counts people ("most of us never had X")
                # (before the mention from where its own clause begins; after it, up to another subject, only the
                # person as object: "X was never a problem for me", not "X is common and I never had it")
                later = _NEW_SUBJECT.search(said, end - clause_start)
                personal = (cue is None or cue.tier > 1) and (
                    _personal(said[own:start - clause_start])
                    or (clause_start + own == 0 and _ELIDED_FIRST_PERSON.match(said) is not None)
                    or _PERSONAL_OBJECT.search(
                        _personal_text(said[end - clause_start:later.start() if later else len(said)])) is not None)
                if personal and denied:
                    # one person without X: not everyone has it ("not always"), no more; that person's own
                    # frequency is no hedge of it
                    typicality = "sometimes"
                    hedge = "; ".join(dict.fromkeys(" ".join(w.split()) for w in epistemic))
                stated = end > listed_until
                # "Pain -- pain is common for most of us": the comment's statement outranks its list head
                head = 0 if head_end is not None and end <= head_end else 1
                # an item's own words outrank its list introduction's ("- Lung disease - A and B occur rarely")
                own_words = int(not (cue is None and cue_text))
                rank = (int(stated), head, own_words, int(not personal),
                        TYPICALITY_RANK.get(typicality, 5))  # plain > usually > ... > rarely
                extractor = "symptom.clause" if stated else "symptom.listed"
                block_type = block_types.get(sentence.block_index)
                if sentence.block_index in titled and sentence.mentions_of("condition"):
                    block_type = None  # a thread titled by a type: a sentence naming the condition is said of it
                elif block_type and sentence.block.kind == "para" and _opens_with_population(sentence):
                    block_type = None  # "A presents with X. In children, Y and Z are typical.": a new frame
                for scope in _scopes(analysis, sentence, mention, block_type):
                    for name in (mention.name, *_shared_modifier_terms(analysis, sentence, mention)):
                        key = (name, polarity, scope)
                        if key not in found or rank > found[key][0]:
                            found[key] = (rank, typicality, hedge, extractor, "personal" if personal else "")
        for (name, polarity, scope), (_, typicality, hedge, extractor, qualifier) in found.items():
            yield Claim(
                source_id=analysis.document.source_id, facet=FACET, subject=name,
                object=analysis.topic.condition.name, qualifier=qualifier, scope=scope, polarity=polarity, hedge=hedge,
                typicality=typicality, quote=sentence.text, start=sentence.start, end=sentence.end,
                extractor=extractor)
