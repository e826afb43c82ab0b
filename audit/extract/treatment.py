"""Facet ``treatment``: treatments a source names for the condition.

A treatment term counts when the sentence is about treating (a treatment
section, or a treatment verb such as "treat", "used", "remove", "therapy" in
the sentence, or a telling of its receipt: "gave me X", "had X", "on X for
six years", "X cleared my skin", "ask about X") and the term is not named as
a cause ("surgery itself may result in more deposits"). ``object`` is the treatment's class from the
lexicon; ``scope`` the type or population it is for, where the sentence
names one. ``polarity`` is negated when a negation in the treatment's own
clause governs it ("X is not used to treat", "X has not been shown to help",
"avoid X"); a negation elsewhere ("There is no cure, but X can help") leaves
it asserted and is noted in ``qualifier``. A treatment named as research
("agents under investigation, including X") has ``qualifier``
``investigational``: it is not (yet) a treatment of the condition; so has
every item of a list that a research cue opens ("Investigational therapies
include A, ..., and B"). A denial that others voice and the writer disputes
("everyone says X doesnt work, but that's not my experience") is no denial, and
"X is not a cure" denies no use.
"""
from __future__ import annotations

import re
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence
from audit.extract.claim import Claim
from audit.extract.lexicon import Mention
from audit.extract.cues import (CLAUSE_SPLIT_PATTERN, CONDITIONAL_BEFORE_PATTERN, HEDGE_PATTERN, NEGATION_PATTERN,
                               comment_dash)

FACET = "treatment"

_TREATING = re.compile(r"\b(treat\w*|therap\w*|manag\w*|medications?|drugs?|used|use|uses|administer\w*|"
                       r"remov\w*|excis\w*|options?|prescri\w*|help\w*|relie\w*|reduc\w*|effective|"
                       r"benefit\w*|indicated|first.line|break (?:up|down)|prevent\w*|alternatives?|approved|"
                       r"shrink\w*|dissolv\w*|resolv\w*|offer\w*|recommend\w*|give|given|gives|works?|"
                       r"contraindicated|withdrawn|pulled|abandoned|superseded|replaced|inject\w*|infus\w*|reserved|available|trials?|enrol\w*|"
                       r"tried|studied|tested|ineffective|useless|work|did\s+nothing|swear\s+by|avoid\w*|needed|required|game\s+changer|life[\s-]+chang\w*|cut\s+down|(?:does|do|did)\s+(?:\w+\s+)?nothing)\b")
# A person's own use, outside a treatment section: "I take X", "I'm on X", "most of us are on X", "we carry an X",
# "my son gets X"; and advice to do so at the start of a clause ("first thing: get an X").
_PERSONAL_USE = re.compile(
    r"(?:\b(?:i|we|you|he|she|they|us|(?:my|our|his|her|their)\s+(?:[\w-]+\s+)?(?:son|daughter|child|kid|baby|boy|"
    r"girl|husband|wife|partner|mum|mom|mother|dad|father|brother|sister)s?|i'?m|i'?ve|we'?re|we'?ve|he'?s|she'?s|"
    r"they'?re)\s+(?:(?:also|still|now|just|both|all|only|already|usually|currently|always|have|has|had|been|was|were|"
    r"are|is|am)\s+){0,3}|(?:^|[:;]\s)\W*(?:always\s+|also\s+|just\s+)?)"
    r"(?:take|takes|took|taking|carry|carries|carried|carrying|get|gets|got|getting|on|started|starting|tried|trying|"
    r"need|needs)\s+(?:[\w-]+\s+){0,3}?$")
# A treatment received, as informal text tells it without a treatment word: "my doctor gave me X", "had X",
# "did 12 weeks of X", "did 12 weeks of <brand> which is X", "ended up with an X" (after a person or at the start
# of a clause); "ask about X", "a candidate for X" (advice: no personal use).
_RECEIVED_BEFORE = re.compile(
    r"(?:\b(?:gave|give|gives|giving|given)\s+(?:me|him|her|us|them|(?:my|our|his|her|their)\s+(?:[\w-]+\s+)?\w+)\s+"
    r"(?:[\w-]+\s+){0,2}?|"
    r"(?:\b(?:i|we|he|she|they|(?:my|our|his|her|their)\s+(?:[\w-]+\s+)?\w+|i'?ve|we'?ve|he'?s|she'?s)\s+"
    r"(?:(?:also|just|now|finally|already|both|have|has|had|been)\s+){0,2}|(?:^|[:;]\s)\W*(?:also\s+|just\s+|finally\s+)?)"
    r"(?:had|has|have|having|did|done|ended\s+up\s+(?:with|on|having))\s+"
    r"(?:(?:a|an|the|my|his|her|their|some|another|more)\s+|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
    r"a\s+few|a\s+couple\s+of)\s+(?:weeks?|months?|years?|rounds?|courses?|sessions?|cycles?|doses?|shots?)\s+of\s+)?"
    r"(?:[\w-]+\s+)?(?:(?:which|that)\s+(?:is|was)\s+)?)$|"
    r"\b(?:ask(?:ed)?|asking)\s+(?:\w+\s+){0,2}?about\s+(?:[\w-]+\s+){0,2}?$|\bcandidates?\s+for\s+(?:[\w-]+\s+){0,2}?$")
# A word one of _RECEIVED_BEFORE's readings needs (a cheap test first).
_RECEIVED_CUE = re.compile(r"\b(?:gave|giv|had|has|hav|did|done|ended|ask|candidate)")
# ... or what follows it: "X cleared my skin", "X gave me a slow pulse", "X in both eyes", "an implant that they
# put in"; "X dont do anything" (a denial, read by _INEFFECTIVE_AFTER).
_RECEIVED_AFTER = re.compile(
    r"(?<!\s)\s+(?:(?:\w+ly\s+|just\s+|also\s+|even\s+)?"
    r"(?:cleared|clears|fixed|fixes|saved|controlled|calmed|gave\s+(?:me|him|her|us|them)|"
    r"(?:do|does)(?:n'?t|\s+not)\s+do\s+anything)\b|"
    r"in\s+(?:both|each|my|his|her|their|the\s+(?:left|right|other))\s|"
    r"(?:that|which)\s+(?:they|he|she|we|i|the\s+\w+)\s+(?:put|placed|inserted|implanted|fitted)\b)")
# "on X for six years": someone's long use.
_ON_BEFORE = re.compile(r"\bon\s+(?:[\w-]+\s+){0,2}?$")
_FOR_DURATION = re.compile(r"\s+for\s+(?:about\s+|over\s+|almost\s+|nearly\s+)?(?:\d+|a|an|one|two|three|four|five|six|"
                           r"seven|eight|nine|ten|several|many|a\s+few)\s+(?:years?|months?|weeks?|days?)\b")


def _received(sentence: Sentence, mention) -> str:
    """How a sentence with no treatment word tells the treatment was received: "personal" (someone had it),
    "advice" ("ask about X"), or "" (it does not)."""
    start, end = sentence.rel(mention.start), sentence.rel(mention.end)
    low = max(0, start - 120)
    before = _RECEIVED_CUE.search(sentence.folded, low, start) and _RECEIVED_BEFORE.search(sentence.folded, low, start)
    if before:
        return "advice" if before.group(0).lstrip().startswith(("ask", "candidate")) else "personal"
    if _RECEIVED_AFTER.match(sentence.folded, end) or (_ON_BEFORE.search(sentence.folded, max(0, start - 60), start)
                                                       and _FOR_DURATION.match(sentence.folded, end)):
        return "personal"
    return ""


# "X is rarely used today", "rarely used X", "seldom needed": a use so rare that it sides with neither a use nor a denial.
_RARELY_AFTER = re.compile(r"\W*(?:\([^)]*\)\s*)?(?:(?!(?:that|which|who)\b)\w+\s+){0,2}?(?:is|are|was|were|has\s+been|have\s+been)\s+"
                           r"(?:now\s+|only\s+|very\s+)?(?:rarely|seldom|infrequently|hardly\s+ever)\s+(?:used|given|prescribed|"
                           r"recommended|needed|performed|done|tried|offered)\b")
_RARELY_BEFORE = re.compile(r"\b(?:rarely|seldom|infrequently)\s+(?:used|given|prescribed|recommended|needed|performed|tried)\s+"
                            r"(?:[\w-]+\s+){0,2}$")


def _rarely_used(sentence: Sentence, mention, clauses: list[tuple[int, int]], treatments) -> bool:
    if _RARELY_AFTER.match(sentence.folded, sentence.rel(mention.end)) \
            or _RARELY_BEFORE.search(sentence.folded, 0, sentence.rel(mention.start)):
        return True
    start = sentence.rel(mention.start)
    clause_start, clause_end = next(((a, b) for a, b in clauses if a <= start < b), (0, len(sentence.folded)))
    end = _list_end(sentence, mention, clause_end, treatments)
    return _later_denial(sentence, start, end, clause_start, treatments, _LATER_RARELY)


# Someone else's decision for the writer: "had me on X", "put my son on X", "started her on X".
_PUT_ON = re.compile(r"\b(?:had|has|have|put|puts|started|starts|kept|keeps|switched|tried)\s+(?:me|us|him|her|them|"
                     r"(?:my|our)\s+(?:[\w-]+\s+)?\w+)\s+on\s+(?:[\w-]+\s+){0,3}?$")
_AS_CAUSE = re.compile(r"^\W*(?:itself\s+)?(?:may|can|could|might|will|does|do)?\s*(?:also\s+)?"
                       r"(?:result|cause|causes|lead|leads|trigger|triggers|stimulate|stimulates|induce|induces)\b")
_CAUSED_BY = re.compile(r"\b(?:caused by|due to|secondary to|induced by|result of|following|after)\s+(?:\w+\s+){0,2}$")


# A list of risks or triggers: "risk factors include obesity and the use of certain medications during pregnancy".
_RISK_LIST = re.compile(r"\b(?:risk\s+factors?|triggers?)\b[^.;:]*?\b(?:include|includes|including|are|such\s+as)\b")


def _is_cause(sentence: Sentence, start: int, end: int) -> bool:
    before = sentence.folded[: start - sentence.start]
    return bool(_AS_CAUSE.match(sentence.folded[end - sentence.start:])
                or _CAUSED_BY.search(before) or _RISK_LIST.search(before))


# A contracted denial, also as informal text writes it without the apostrophe ("arent used", "doesnt work"; none of
# those spellings is another English word: "cant" and "wont" are, so they keep the apostrophe). Not "didn't": "X
# didn't do much for me" tells how a try went; "didn't work/help" is read as ineffective below.
_CONTRACTED_DENIAL = r"(?:(?:is|are|was|were|do|does)n'?t|won't|can't|cannot)"
# A comma-delimited aside right after the treatment, skipped before its predicate: "X, once the standard
# treatment, is no longer used".
_APPOSITIVE = r"(?:\s*,[^,.;:()]{1,60},)?"
# A word of the treatment's own clause, before its predicate: not one that opens a relative clause ("triptans that do
# not cause drowsiness" describes them) or a subordinate one ("X, when biologics have not worked": another subject).
_OWN_WORD = (r"(?!(?:that|which|who|when|whenever|if|unless|once|until|because|since|after|before|while|whereas|"
             r"although|though|where)\b)\w+\s+")
# An adverb between the auxiliary and its negation: "X is generally not used", "X is usually not needed".
_NOT_ADVERB = r"(?:(?:also|generally|usually|typically|currently|still|often|normally|routinely|now|simply)\s+)?"
# The treatment denied by what follows it: "X is not used", "X does not help", "X has never been shown".
_DENIED_AFTER = re.compile(r"^" + _APPOSITIVE + r"(?:\W*(?:(?:and|or)\s+(?:other|similar|related)\s+(?:\w+\s+){0,3}?|"
                           r"\W*(?:" + _OWN_WORD + r"){0,2}?)"
                           r"(?:is|are|was|were|does|do|did|has|have|should|can|may|will)\s+"
                           + _NOT_ADVERB + r"(?:not|never|no\s+longer)\b|"
                           r"\W*(?:" + _OWN_WORD + r"){0,2}?" + _CONTRACTED_DENIAL + r"\b|"
                           # "X is contraindicated", "X was withdrawn (from the market)", "X was pulled from the market"
                           r"\W*(?:\([^)]*\)\s*)?(?:\w+\s+){0,3}?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?"
                           r"(?:contraindicated|withdrawn|pulled\s+from|discontinued|banned)\b|"
                           # "X has been abandoned", "X has largely been superseded", "X was replaced by Y"
                           r"\W*(?:\([^)]*\)\s*)?(?:(?:has|have|had)\s+(?:\w+\s+)?been|is|are|was|were)\s+(?:\w+\s+)?"
                           r"(?:abandoned|dropped|superseded|replaced\s+(?:by|with))\b|"
                           # a list line's comment: "Steroid creams - NOT used", "X - no longer recommended"
                           r"(?:\s[-\u2013\u2014 ]\s)\s*(?:\w+\s+)?(?:not|never|no\s+longer|nope|avoid)\b)")
# A denied exclusion is an option: "X isn't totally off the table", "X is not ruled out".
_NOT_EXCLUDED = re.compile(r"^" + _APPOSITIVE + r"\W*(?:(?!(?:that|which|who)\b)\w+\s+){0,2}?(?:(?:is|are|was|were)n'?t|"
                           r"(?:is|are|was|were)\s+not|not)\s+(?:\w+\s+)?(?:off\s+the\s+table|ruled\s+out|"
                           r"out\s+of\s+the\s+question)\b")
# Not a cure is no denial of use: "X is not a cure, and flares come back", "X does not cure it but keeps it quiet".
_NOT_A_CURE = re.compile(r"^" + _APPOSITIVE + r"\W*(?:" + _OWN_WORD + r"){0,2}?(?:(?:is|are|was|were)n'?t|(?:is|are|was|were)\s+"
                         r"not|(?:do|does|will|can)(?:n'?t|\s+not)|won'?t|cannot)\s+(?:(?:really|always|necessarily|"
                         r"a|an)\s+){0,2}(?:cure|cures|curative|permanent\s+(?:fix|solution|cure))\b")
# Said by others and then disputed by the writer: "Everyone says X doesnt work, but that's not my experience".
_REPORTED_BEFORE = re.compile(r"\b(?:everyone|everybody|people|they|doctors|others|many|some)\s+(?:\w+\s+)?"
                              r"(?:says?|said|saying|claims?|claimed|claiming|thinks?|told\s+me|tells?\s+you)\s+(?:that\s+)?"
                              r"(?:[\w-]+\s+){0,3}?$")
_DISPUTED = re.compile(r"\bbut\s+(?:that'?s|thats|that\s+is|this\s+is|it'?s|its|it\s+is|that\s+was)\s+(?:just\s+)?not\s+"
                       r"(?:true|right|correct|the\s+case|my\s+experience|what)\b|"
                       r"\bbut\s+(?:i|we)\s+(?:disagree|don'?t\s+agree|dont\s+agree)\b")
# One person's failure followed by the treatment's use by others: "didn't work for me, but it works for most people".
_WORKS_FOR_OTHERS = re.compile(r"\s+(?:for\s+)?(?:me|us|him|her|(?:my|our)\s+\w+)\b[^.;]{0,20}?\b(?:but|though|although|yet)\s+"
                               r"(?:it|they)\s+(?:\w+\s+)?(?:works?|helps?)\b")
# A list of things to avoid: "Things to avoid: A, B and C", "Avoid: A".
_AVOID_LIST = re.compile(r"\b(?:avoid|never\s+take|do\s+not\s+take|don't\s+take|stay\s+away\s+from)\w*\s*:[^.;]*$")
_CONDITION_BEFORE = re.compile(r"\b(?:when|if|where|whenever|unless|whom|in\s+case|once)\s+(?:(?:the|a|an|their|his|her)\s+)?$|"
                               # "if the injection and X don't work": X is in the condition too
                               r"\b(?:when|if|whenever|unless|in\s+case)\s+(?:[\w-]+\s+){1,4}?(?:and|or)\s+"
                               r"(?:(?:the|a|an|their|his|her)\s+)?$")
_LIST_JOINT = re.compile(r"\s*(?:,\s*)?(?:(?:and|or|nor)\s+)?(?:other\s+)?")
# Said not to work: "X is ineffective", "X and Y do not work", "X did nothing for me", "X does not help".
_INEFFECTIVE_AFTER = re.compile(r"^" + _APPOSITIVE + r"\W*(?:\([^)]*\)\s*)?(?:" + _OWN_WORD + r"){0,2}?"
                                r"(?:(?:is|are|was|were|has\s+been|"
                                r"have\s+been|proved|proven)\s+(?:\w+\s+)?(?:ineffective|useless|of\s+no\s+(?:use|benefit|value))|"
                                r"(?:do|does|did)\s+(?:not|n't)\s+(?:\w+\s+)?(?:work|help)|(?:(?:do|does|did)n'?t|won't)\s+"
                                r"(?:\w+\s+)?(?:work|help)|(?:does|do|did)\s+(?:\w+\s+)?nothing(?!\s+(?:but|except))|did\s+not\s+help|(?:has|have)\s+no\s+(?:effect|benefit|role)|"
                                r"(?:do|does)(?:n'?t|\s+not)\s+do\s+anything)\b")
# ... or by what stands right before it: "not treated with X", "no X", "avoid X", "neither X"; nobody uses it
# ("nobody prescribes X anymore") or someone does not ("we don't use X", "doctors dont recommend X").
_DENIED_BEFORE = re.compile(r"\b(?:not|never|no|avoid|avoiding|neither|nor|without|instead of|rather than)\s+"
                            r"(?:[\w-]+\s+){0,3}$")
_NOT_USED_BY = re.compile(r"\b(?:nobody|noone|(?:do|does)n'?t)\s+(?:\w+\s+)?(?:uses?|prescribes?|recommends?|gives?|"
                          r"offers?)\s+(?:[\w-]+\s+){0,2}$")
# A later predicate of the treatment's own clause that ends its use: "X was formerly used for B and is no longer
# used", "A and B, which ..., were once given to adults but are no longer recommended", "X, ..., has since been
# abandoned". The coordinated predicate has no subject of its own (or "it"/"they"), so it is the treatment's.
_LATER = (r"(?P<aside>\s{0,3},[^,.;:()]{1,60},)?(?:[^;:|]{0,100}?\s(?:and|but)\s{1,3}(?:(?:it|they)\s{1,3})?|"
          r"\s{1,3})")
_LATER_DENIAL = re.compile(_LATER +
                           r"(?:(?:is|are)\s+(?:now\s+)?no\s+longer\s+(?:\w+\s+)?(?:used|given|prescribed|recommended|offered|"
                           r"performed|done|available)|"
                           # "X has been tried near onset, but it is not an established treatment"
                           r"(?:is|are)\s+not\s+(?:an?\s+)?(?:established|recommended|approved|standard|proven|accepted)\s+"
                           r"(?:\w+\s+)?(?:treatments?|therap(?:y|ies)|options?)(?!\s+(?:for|in|of|when|if)\b)|"
                           r"(?:is|are)\s+not\s+recommended(?!\s+(?:for|in|when|if|as|during|after|before|to|unless)\b)|"
                           r"(?:has|have)\s+(?:since\s+|now\s+|largely\s+){0,2}been\s+"
                           r"(?:abandoned|dropped|superseded|replaced|withdrawn|discontinued))\b")


# "X can cure the disease but is rarely used", "X was once common, but it is rarely used today": a later
# coordinated predicate that makes the use rare
_LATER_RARELY = re.compile(_LATER + r"(?:is|are)\s+(?:now\s+|only\s+|very\s+)?(?:rarely|seldom|infrequently|"
                           r"hardly\s+ever)\s+(?:used|given|prescribed|recommended|needed|performed|done|tried|offered)\b")


# Research, not treatment: "agents under investigation, including X", "X is being tested in trials".
_INVESTIGATIONAL = re.compile(r"\b(?:under investigation|being (?:studied|tested|investigated|evaluated)|"
                              r"(?:have|has) been tested|clinical trials?|experimental|investigational|"
                              r"research(?:ers)? (?:is|are) (?:studying|testing)|unproven|trials?\s+of|"
                              r"enrol\w*\s+(?:\w+\s+){0,3}?in\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:trials?|stud(?:y|ies))|"
                              # "has been studied only in animals", "only given in trials", "not yet available to
                              # patients"
                              r"(?:has|have)\s+(?:only\s+)?been\s+(?:studied|tested|tried)\s+(?:only\s+)?in\s+"
                              r"(?:animals|mice|rats|cells|(?:the\s+)?lab\w*|laborator\w+)|"
                              r"only\s+(?:\w+\s+)?(?:in|through|within)\s+(?:clinical\s+|research\s+)?(?:trials?|stud(?:y|ies))|"
                              r"not\s+(?:yet\s+)?(?:available|approved)\s+(?:to|for)\s+(?:patients|the\s+public|"
                              r"general\s+use|routine\s+use|people)|"
                              # "in early-phase trials", "a phase 2 trial"
                              r"(?:early|late|mid)[\s-]+(?:phase|stage)\s+(?:clinical\s+)?trials?|"
                              r"phase\s+(?:[1-3]|i{1,3})(?:/(?:[1-3]|i{1,3}))?\s+(?:clinical\s+)?trials?|"
                              # "X is in development", "development of X was stopped": research, ended or not
                              r"(?:in|under)\s+development|development\s+of\s+(?:[\w-]+\s+){1,4}?(?:was|were|has\s+been|"
                              r"have\s+been)\s+(?:\w+\s+)?(?:stopped|halted|discontinued|abandoned|cancell?ed|terminated))\b")
# A research cue that opens a list: "Investigational therapies include A, a ..., and B": every item is research.
_RESEARCH_LIST = re.compile(r"\b(?:investigational|experimental|unproven)\s+(?:[\w-]+\s+)?(?:therap\w*|treatments?|drugs?|"
                            r"medicines?|medications?|agents?|options?|approaches)\s*(?:include|includes|including|are|"
                            r"such\s+as|:)[^;.]*$")
# "X has been studied, but its benefit remains uncertain": said of the treatment across the contrast.
_UNCERTAIN_BENEFIT = re.compile(r"\b(?:its|their|the)\s+(?:benefits?|effectiveness|efficacy|evidence|value|role)\s+"
                                r"(?:is|are|remains?)\s+(?:\w+\s+)?(?:uncertain|unclear|unproven|unknown|inconclusive)\b|"
                                # "..., but it remains experimental", "its efficacy has not been established"
                                r"\b(?:it|this|they|which)\s+(?:\w+\s+)?(?:remains?|is|are)\s+(?:still\s+)?"
                                r"(?:experimental|investigational|unproven|under\s+study)\b|"
                                r"\b(?:efficacy|effectiveness|benefit)\s+(?:has|have)\s+not\s+(?:yet\s+)?been\s+"
                                r"(?:established|proven|shown|demonstrated)\b|"
                                r"\bevidence\s+(?:of|for)\s+(?:its\s+|their\s+)?(?:benefit|efficacy|effectiveness)\s+"
                                r"(?:is|remains?)\s+(?:weak|limited|lacking|poor|scarce|sparse)\b|"
                                # "A and B; neither is approved", "nothing is approved, it's all trials"
                                r"\b(?:neither|none|nothing)\s+(?:of\s+(?:them|these|those)\s+)?(?:is|are|has\s+been|"
                                r"have\s+been)\s+(?:yet\s+|currently\s+)?approved\b|"
                                r"\b(?:it'?s|it\s+is|they'?re|they\s+are)\s+(?:all|only|still)\s+(?:in\s+)?"
                                r"(?:trials?|experimental|research)\b")
_FOR_GROUP = re.compile(r"\b(?:(?:for|as)\s+(?P<use>(?:a\s+)?(?:long[\s-]term|prolonged|extended|routine|daily|"
                        r"first[\s-]line)\s+(?:use|treatment|therapy|periods?|option))|"
                        r"(?:in|for|during)\s+(?P<group>(?:(?:people|patients|those|persons|individuals|children|"
                        r"kids|infants|babies|adults|women|men|anyone)\s+(?:with|who|under|over|younger|older|aged)"
                        r"(?:\s+[\w-]+){1,4}|pregnancy|pregnant\s+women|children|infants|the\s+elderly|older\s+adults)))")
_NEXT_PART = re.compile(r",\s+(?:and|but|while|whereas)\s+")


def _clause_spans(sentence: Sentence) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    kept = comment_dash(sentence.text, {sentence.rel(m.start) for m in sentence.mentions})
    for boundary in CLAUSE_SPLIT_PATTERN.finditer(sentence.folded):
        if boundary.span() == kept:
            continue  # "Steroid creams - NOT used": the comment is said of the treatment
        spans.append((cursor, boundary.start()))
        cursor = boundary.end()
    spans.append((cursor, len(sentence.folded)))
    return spans


def _own_part(sentence: Sentence, mention, clauses: list[tuple[int, int]]) -> str:
    """The treatment's clause, cut at ", and" / ", but": "X has been approved, and Y is under investigation"."""
    start = sentence.rel(mention.start)
    clause_start, clause_end = next(((a, b) for a, b in clauses if a <= start < b), (0, len(sentence.folded)))
    cuts = [clause_start, *(m.start() for m in _NEXT_PART.finditer(sentence.folded, clause_start, clause_end)), clause_end]
    part = max(i for i, cut in enumerate(cuts[:-1]) if cut <= start)
    return sentence.folded[cuts[part]:cuts[part + 1]]


def _is_denied(sentence: Sentence, mention, clauses: list[tuple[int, int]], treatments) -> bool:
    """A negation in the treatment's own clause that governs it (not one about the condition elsewhere). In a
    list of treatments ("A, B and C do not work") the negation after the last item governs every item."""
    start, end = sentence.rel(mention.start), sentence.rel(mention.end)
    clause_start, clause_end = next(((a, b) for a, b in clauses if a <= start < b), (0, len(sentence.folded)))
    end = _list_end(sentence, mention, clause_end, treatments)
    after = sentence.folded[end:clause_end]
    before = sentence.folded[clause_start:start]
    if _CONDITION_BEFORE.search(before):
        return False  # "B is used when A is contraindicated": a condition for B, not a denial of A
    if _NOT_EXCLUDED.match(after) or _NOT_A_CURE.match(after):
        return False
    failed = _INEFFECTIVE_AFTER.match(after)
    if failed and _WORKS_FOR_OTHERS.match(sentence.folded, end + failed.end()):
        return False  # "X didn't work for me, but it works for loads of people": a use, told with one failure
    # "nobody uses X", "we don't use X"; not "if you don't use X, ...": supposed, not said
    not_used = _NOT_USED_BY.search(before) and not CONDITIONAL_BEFORE_PATTERN.search(before)
    return bool(_DENIED_AFTER.match(after) or _INEFFECTIVE_AFTER.match(after) or _DENIED_BEFORE.search(before)
                or not_used or _AVOID_LIST.search(sentence.folded, 0, start)
                or _later_denial(sentence, start, end, clause_start, treatments))


# What may stand before a clause's subject: "In the past, X ...", "Older drugs such as X ...".
_BEFORE_SUBJECT = re.compile(r"\W*(?:(?!(?:which|that|who|whom|whose)\b)\w+\W+){0,5}")


def _later_denial(sentence: Sentence, start: int, end: int, clause_start: int, treatments,
                  pattern: re.Pattern = _LATER_DENIAL) -> bool:
    """A later coordinated predicate ends the use (``_LATER_DENIAL``; or makes it rare, ``_LATER_RARELY``), read
    across clause boundaries up to the end of the sentence. Only for the subject of the clause (the list the
    treatment is in opens it), and unless another treatment is named between its list and that predicate (it
    may be the predicate's subject)."""
    match = pattern.match(sentence.folded, end)
    if match is None:
        return False
    for other in sorted(treatments, key=lambda m: -m.start):  # back to the start of the treatment's list
        other_start, other_end = sentence.rel(other.start), sentence.rel(other.end)
        if clause_start <= other_start < start and _LIST_JOINT.fullmatch(sentence.folded[other_end:start]):
            start = other_start
    if not _BEFORE_SUBJECT.fullmatch(sentence.folded[clause_start:start]):
        return False
    middle = match.end("aside") if match.group("aside") else end
    return not any(middle <= sentence.rel(m.start) < match.end() for m in treatments)


def _introduced_as_treatment(analysis: DocumentAnalysis, sentence: Sentence) -> bool:
    """A list item or table row under an introduction or header row about treating ("What helps:", a column
    "First-line treatment")."""
    if sentence.block.kind not in ("item", "row"):
        return False
    index = sentence.index - 1
    while index >= 0 and analysis.sentences[index].block.kind == sentence.block.kind:
        index -= 1
    first = index + 1  # the list's first item or the table's header row
    intro = analysis.sentences[index] if index >= 0 and sentence.block.kind == "item" else analysis.sentences[first]
    return intro is not sentence and bool(_TREATING.search(intro.folded))


# At most two words before the treatment that opens an item: "Custom ankle braces made on site".
_OPENS_ITEM = re.compile(r"\W*(?:[\w-]+\W+){0,2}")


def _in_treatment_list(analysis: DocumentAnalysis, sentence: Sentence, treatments, lists: dict) -> bool:
    """A list item that opens with a treatment, in a list where two other items name treatments with a
    treatment word: "- Surgery. Tendon lengthening and rhizotomy." beside "- Therapy. Physical therapy ..."
    and "- Spasticity. Botox injections ..." under a heading such as "Our programs". ``lists`` keeps, for
    each sentence of a list read before, the list's items with a treatment word, so a list is read once."""
    if sentence.block.kind != "item" or not _OPENS_ITEM.fullmatch(sentence.folded, 0, sentence.rel(treatments[0].start)):
        return False
    treating = lists.get(sentence.index)
    if treating is None:
        items = analysis.sentences
        low = high = sentence.index
        while low > 0 and items[low - 1].block.kind == "item":
            low -= 1
        while high + 1 < len(items) and items[high + 1].block.kind == "item":
            high += 1
        treating = {item.block_index for item in items[low:high + 1]
                    if item.mentions_of("treatment") and _TREATING.search(item.folded)}
        lists.update(dict.fromkeys(range(low, high + 1), treating))
    return len(treating - {sentence.block_index}) >= 2


# A short label that opens a list item or line: "Hereditary form: ...".
_LABEL = re.compile(r"\s*(?:[^\w\s]+\s+)?(?:[\w'()/-]+\s+){0,5}?[\w'()/-]+\s*:")


def _row_hedge(sentence: Sentence, mention, clauses: list[tuple[int, int]]) -> str:
    """A table row's hedge of a treatment: the one in its own cell ("Type B | Sometimes | Drug X": the
    "Sometimes" answers another column)."""
    start = sentence.rel(mention.start)
    low, high = next(((a, b) for a, b in clauses if a <= start < b), (0, len(sentence.folded)))
    hedge = HEDGE_PATTERN.search(sentence.folded, low, high)
    return hedge.group(0) if hedge else ""


_INDEPENDENT = re.compile(r";|\b(?:but|whereas|while)\b")


def _own_target(sentence: Sentence, mention, clauses: list[tuple[int, int]], targets, treatments) -> str:
    """The type or group a treatment is named for: one in its own clause, else (in the sentence's first clause)
    one anywhere in the sentence; "A is used in adults, although A may be given to teenagers" keeps them apart."""
    start = sentence.rel(mention.start)
    index = next((i for i, (a, b) in enumerate(clauses) if a <= start < b), 0)
    low, high = clauses[index] if clauses else (0, len(sentence.folded))
    part_end = _NEXT_PART.search(sentence.folded, sentence.rel(mention.end), high)
    high = part_end.start() if part_end else high  # "A is ..., and B is ... in children": children are B's
    own = [t for t in targets if low <= sentence.rel(t.start) < high]
    label = _LABEL.match(sentence.folded)
    if label and start >= label.end() and all(t.kind == "population" for t in own):
        # "Hereditary form: X remains an option for some younger patients": the type the item is labelled with
        typed = [t for t in targets if t.kind in TYPE_LIKE and sentence.rel(t.end) <= label.end()]
        if typed:
            return typed[0].name
    if own:
        return own[0].name
    if sentence.block.kind == "row" and clauses:
        # "Type B | Sometimes | Drug X": the type that heads the row
        typed = [t for t in targets if t.kind in TYPE_LIKE and sentence.rel(t.start) < clauses[0][1]]
        if typed and index > 0:
            return typed[0].name
    if index != 0:
        return ""
    if part_end is not None:  # "A is ..., and B is ... in children": only what comes before B's part
        targets = [t for t in targets if sentence.rel(t.start) < high]
    # "A treats X; B is used for Y", "A ..., whereas B ... Y": a later independent clause with a treatment of
    # its own keeps its targets (not one after a colon or a relative pronoun, which says more of the first)
    later = next((a for (_, previous_end), (a, b) in zip(clauses, clauses[1:])
                  if _INDEPENDENT.search(sentence.folded, previous_end, a)
                  and any(a <= sentence.rel(t.start) < b for t in treatments)), None)
    if later is not None:
        targets = [t for t in targets if sentence.rel(t.start) < later]
    return targets[0].name if targets else ""


def _list_end(sentence: Sentence, mention, clause_end: int, treatments) -> int:
    """The end of the list of treatments a mention opens ("antihistamines, corticosteroids and epinephrine")."""
    end = sentence.rel(mention.end)
    for other in treatments:
        other_start = sentence.rel(other.start)
        if other_start < end or other_start >= clause_end:
            continue
        gap = sentence.folded[end:other_start]
        if not (_LIST_JOINT.fullmatch(gap) or _EXAMPLE_JOINT.fullmatch(gap)):
            break
        end = sentence.rel(other.end)
    closing = _CLOSING.match(sentence.folded, end)  # "Triptans (such as A and B) are no longer used"
    return closing.end() if closing else end


# Examples of the treatment before them: "older drugs such as A", "A (for example B and C)".
_EXAMPLE_JOINT = re.compile(r"[\s,(]*(?:such\s+as|like|including|e\.g\.?,?|for\s+example,?|especially)\s+")
_CLOSING = re.compile(r"\s*\)")


# Coordination with a shared head or modifier: "H1 and H2 blockers", "X carbonate or hydroxide", "A/B blockers".
_WORD_BEFORE = re.compile(r"(?<![\w-])(?P<word>\w[\w-]*)(?:\s+(?:and|or)\s+|\s*/\s*)$")
_WORD_AFTER = re.compile(r"(?:\s+(?:and|or)\s+|\s*/\s*)(?P<word>\w[\w-]*)(?![\w-])")


def _elided(analysis: DocumentAnalysis, sentence: Sentence, treatments: list[Mention]) -> list[Mention]:
    """Treatments named by coordination with a lexicon name: in "H1 and H2 blockers" (the lexicon has both
    full forms) the "H1" names the H1 blockers; in "aluminum carbonate or hydroxide", "hydroxide" names the
    aluminum hydroxide. Only when the word with the shared words makes a whole form of the lexicon, and the
    word is no part of another name."""
    taken = [(m.start, m.end) for m in sentence.mentions]
    found: list[Mention] = []
    for mention in treatments:
        words = analysis.folded[mention.start:mention.end].split()
        if len(words) < 2:
            continue
        start = sentence.rel(mention.start)
        before = _WORD_BEFORE.search(sentence.folded, max(0, start - 40), start)
        after = _WORD_AFTER.match(sentence.folded, sentence.rel(mention.end))
        for match, form in ((before, lambda w: " ".join([w, *words[1:]])), (after, lambda w: " ".join([*words[:-1], w]))):
            if match is None:
                continue
            at, end = sentence.start + match.start("word"), sentence.start + match.end("word")
            if any(a < end and at < b for a, b in taken):
                continue
            candidate = form(match.group("word"))
            named = analysis.matcher.find(candidate)
            if len(named) == 1 and named[0].kind == "treatment" and (named[0].start, named[0].end) == (0, len(candidate)):
                found.append(Mention("treatment", named[0].name, at, end))
    return found


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    lists: dict[int, set[int]] = {}
    for sentence in analysis.sentences_for(FACET):
        treatments = sentence.mentions_of("treatment")
        if not treatments or sentence.is_question:
            continue
        if "treatment" not in sentence.sections and not _TREATING.search(sentence.folded) \
                and not _introduced_as_treatment(analysis, sentence) \
                and not _in_treatment_list(analysis, sentence, treatments, lists) \
                and not any(_PERSONAL_USE.search(sentence.folded, 0, sentence.rel(m.start))
                            or _PUT_ON.search(sentence.folded, 0, sentence.rel(m.start)) or _received(sentence, m)
                            for m in treatments):
            continue
        elided = _elided(analysis, sentence, treatments)
        if elided:
            treatments = sorted([*treatments, *elided], key=lambda m: m.start)
        targets = sentence.mentions_of(*TYPE_LIKE, "population", "scope")
        hedge = HEDGE_PATTERN.search(sentence.folded)
        row = sentence.block.kind == "row"
        research_cue = any(word in sentence.folded for word in ("investigational", "experimental", "unproven"))
        negated = NEGATION_PATTERN.search(sentence.folded)
        clauses = _clause_spans(sentence)
        # one claim per treatment and polarity: "A does not work in children, although A may help teenagers";
        # research when any of its mentions' own parts says so ("adding X, but X is still experimental")
        seen: set[tuple[str, bool]] = set()
        research: set[tuple[str, bool]] = set()
        kept = []
        for mention in treatments:
            if _is_cause(sentence, mention.start, mention.end):
                continue
            denied = _is_denied(sentence, mention, clauses, treatments)
            if denied and _REPORTED_BEFORE.search(sentence.folded, max(0, sentence.rel(mention.start) - 80),
                                                  sentence.rel(mention.start)) \
                    and _DISPUTED.search(sentence.folded, sentence.rel(mention.end)):
                continue  # the writer disputes what others say of it
            if _INVESTIGATIONAL.search(_own_part(sentence, mention, clauses)) \
                    or (research_cue and _RESEARCH_LIST.search(sentence.folded, 0, sentence.rel(mention.start))):
                research.add((mention.name, denied))
            if (mention.name, denied) not in seen:
                seen.add((mention.name, denied))
                kept.append((mention, denied))
        for mention, denied in kept:
            term = analysis.topic.term("treatment", mention.name)
            investigational = (mention.name, denied) in research or _UNCERTAIN_BENEFIT.search(sentence.folded) \
                or "research" in sentence.sections
            scope = _own_target(sentence, mention, clauses, targets, treatments)
            if denied and not scope:
                # "contraindicated in people with asthma", "not recommended for children under 5": a denial for
                # some, as written (the lexicon need not name every group).
                group = _FOR_GROUP.search(sentence.folded, sentence.rel(mention.end))
                scope = " ".join((group.group("group") or group.group("use")).split()) if group else ""
            before = sentence.folded[:sentence.rel(mention.start)]
            personal = not denied and bool(_PUT_ON.search(before) or _PERSONAL_USE.search(before)
                                           or _received(sentence, mention) == "personal")
            yield Claim(
                source_id=analysis.document.source_id, facet=FACET, subject=mention.name,
                object=term.category if term else "", scope=scope,
                polarity="negated" if denied else "asserted", hedge=_row_hedge(sentence, mention, clauses) if row
                else hedge.group(0) if hedge else "",
                # a writer's own use ("I take X", "had me on X") says less than a general statement (TREAT001)
                qualifier="investigational" if investigational else "personal" if personal
                else "rarely used" if not denied and _rarely_used(sentence, mention, clauses, treatments)
                else "negation nearby" if negated and not denied else "",
                quote=sentence.text, start=sentence.start, end=sentence.end, extractor="treatment.mention")
