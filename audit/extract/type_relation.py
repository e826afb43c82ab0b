"""Facet ``type_relation``: how a source places an entity relative to the types.

Values (subject is placed, object is what it is placed against):

- ``alias_of``: "B, also called A", "B (also known as A or C)", "B, sometimes
  called A", "A is another name for B", "B (formerly type III)", "B (the
  intermediate form)", "B (BX)" (an abbreviation defined in parentheses).
  When A and B are forms of one lexicon term, the subject is A as written
  (lower-cased), the object B's canonical name; when A is another term, its
  canonical name; when A is not in the lexicon at all, the words as written.
- ``subtype_of``: "B includes rare subtypes such as A", "subtypes like A",
  "A is a specific subtype within B", "an unusual form of B, known as A",
  members of a list scoped to B ("There are three kinds of B: A, C and D",
  see :mod:`audit.extract.type_named`) -> subject A, object B.
- ``separate_type``: an entity the source names as a type of its own
  (from the ``type`` facet) -> object is the condition.

``polarity`` is negated for "A is not a subtype of B" and "this condition is
not actually a form of B"; ``hedge`` keeps "sometimes", "may", and
``attributed`` for placements a source reports from others ("some
researchers believe ...").
"""
from __future__ import annotations

import re
from typing import Iterator

from audit.extract.analysis import TYPE_LIKE, DocumentAnalysis, Sentence, table_cells
from audit.extract.claim import Claim
from audit.extract.cues import (ATTRIBUTION_PATTERN, HEDGE_PATTERN, NEGATION_PATTERN, NUMBER_WORDS, RENAMING_PATTERN,
                                TYPE_NOUN_PATTERN)
from audit.extract.lexicon import Mention, abbreviates
from audit.extract.type_named import named_types

FACET = "type_relation"

NAMED_KINDS = (*TYPE_LIKE, "condition", "scope")
_ALIAS_CUE = re.compile(
    r"\b(?:(?:also|sometimes|often|commonly|occasionally|previously|formerly|once|originally|still|historically|"
    r"traditionally|initially|popularly|colloquially|informally|widely)\s+)*"
    r"(?<!\bso\s)(?:called|known\s+as|termed|referred\s+to\s+as|named(?!\s+(?:after|for|by)\b))(?:\s+as)?\b"
    # a bare "formerly" before a name ("B (formerly type III)"), not before a participle ("was formerly used")
    r"|\b(?:formerly|previously)\b(?!\s+\w+(?:ed|en)\b)(?!\s+used\b)|\bor\s+simply\b|\baka\b"
    # "A, which some sites call B"
    r"|\bwhich\s+(?:\w+\s+){1,3}?(?:call|calls|term|terms|dub|dubs)\b")
_ALIAS_BEFORE = re.compile(r"\bis\s+(?:also\s+|just\s+|simply\s+|merely\s+|only\s+)?(?:another|an alternative|an older|"
                           r"a different|an alternate|the former|a former|an old|the old|the older|an outdated|"
                           r"the original|the traditional|a historical|the historical)\s+(?:(?:name|term|word)\s+for|"
                           r"way\s+(?:of\s+(?:saying|describing|referring\s+to)|to\s+(?:say|describe|refer\s+to)))\b")
# What may stand between the named thing and the alias cue: "B, also called", "B (also called",
# "B (BX), also known as", "B is also known as", "it is also sometimes called".
_GAP_TO_CUE = re.compile(r"^[\s,]*(?:\([^()]{1,20}\)[\s,]*)?(?:\(\s*)?(?:[-\u2013\u2014]\s*)?"
                         r"(?:the\s+(?:form|type|kind|variant|condition|disorder|one)\s+)?"
                         r"(?:(?:is|are|was|were|used\s+to\s+be|has\s+been|have\s+been|had\s+been)\s+)?"
                         r"(?:(?:also|sometimes|often|now|once|still|widely|commonly)\s+)*$")
_NEGATED_GAP = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+\s+)?not\b|\bisn'?t\b|\baren'?t\b")
_FORM_OF_BEFORE = re.compile(
    rf"\b(?:a|an|another|one|the)\s+(?:[\w-]+\s+){{0,3}}?{TYPE_NOUN_PATTERN}\s+of\s+(?:the\s+)?$")
_LIST_END = re.compile(r"[).;:]|\s(?:is|are|was|were|has|have|which|that|who|and\s+is|and\s+are|in|for|"
                       r"because|when|describes?|comprises?|includes?|affects?|causes?|occurs?)\s")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+")
_CLASSIFIED_AS = re.compile(r"\b(?:is|are|was|were|be)\s+(?:also\s+|sometimes\s+|often\s+|usually\s+)*"
                            r"(?:classified|classed|categori[sz]ed|grouped|counted|regarded|considered)\s+as\s+"
                            r"(?:(?:a|an|one)\s+)?(?:(?:form|type|kind|subtype|variant)\s+of\s+)?")
_PARENTHESIS_AFTER = re.compile(r"^\s*\(\s*(?P<inner>[^()]{1,60}?)\s*\)")
_ABBREVIATION = re.compile(r"^[A-Z][A-Za-z0-9-]{0,3}[A-Z0-9][A-Za-z0-9-]{0,6}$")
# A name spelt out in parentheses: two to six words, no article, figure or pointer ("see below", "e.g.").
_LONG_NAME = re.compile(r"^(?!(?:the|a|an|see|e\.g|i\.e|most|about|or|and|also|formerly|previously|from|in|with|for|by|"
                        r"after|due|caused|since|at|on|to|of|as|via|without|during|like|especially|mainly|mostly)\b)"
                        r"(?!.*\b(?:than|by|at|first|usually|often|mostly|not|which|who|fatal|common|rare|mild|"
                        r"severe|onset|age|years?)\b)(?!.*\w+ly\b)"
                        r"[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){1,5}$", re.IGNORECASE)
_THE_FORM = re.compile(rf"^(?:the|a|an)\s+(?P<name>[\w\s-]{{1,40}}?\s+{TYPE_NOUN_PATTERN})$", re.IGNORECASE)
_PLURAL_NOUN_START = re.compile(r"^(?P<noun>types|forms|subtypes|variants)\s+(?P<rest>.+)$")
_SUBTYPE_SUCH_AS = re.compile(r"\bsub\s?types?\b(?:\s+\w+){0,2}?\s*,?\s*\(?\s*(?:such as|like|including|e\.g\.|namely|"
                              r"include|includes|are)\b\s*:?")
_SUBTYPE_OF = re.compile(r"\bsub\s?types?\s+(?:of|within|in)\b"
                         r"|\b(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?(?:variant|subgroup|subset|subclass)\s+(?:of|within)\b")
# "A is a (rare) form of B" with B a type: A sits under B ("a form of" the condition is a type, see type_named).
_FORM_OF_TYPE = re.compile(rf"\b(?:(?:is|are|was|were|remains?)\s+(?:\w+\s+){{0,3}}?|"
                           rf"(?:to\s+be|as)\s+|\bbut\s+)(?:a|an|one|the)\s+(?:[\w-]+\s+){{0,3}}?"
                           rf"(?:form|type|kind|variant|subtype|variety|pattern|presentation|"
                           # "the most severe end of B": a place at one end of B's range
                           rf"(?:mild|mildest|milder|severe|severest)\s+end)\s+(?:of|within)\s+(?:the\s+)?$")
# "A, a rare form of B, ..." / "A (a variant of B)": an apposition right after A places it under B.
_APPOSED_FORM_OF = re.compile(r"[,(]\s*(?:a|an|one|the|another)\s+(?:[\w-]+\s+){0,3}?(?:form|type|kind|variant|subtype|variety)\s+"
                              r"(?:of|within)\s+(?:the\s+)?$")
# "A is classed with the B forms", "A falls under (the umbrella of) B", "A belongs to the B group": A under B.
_DIVIDED_INTO = re.compile(r"\b(?:is|are|can\s+be|may\s+be|has\s+been|have\s+been)\s+(?:(?:further|also|usually|often|"
                          r"now|commonly|traditionally|in\s+turn|then|itself)\s+)*(?:divided|subdivided|split|separated|broken\s+down)\s+"
                          r"(?:further\s+)?into\s+(?:(?:two|three|four|five|six|several|\d+)\s+)?(?:(?:main|major)\s+)?"
                          r"(?:(?:sub)?types|forms|groups|subgroups|categories|variants)?[\s:,]*(?:(?:the|a|an)\s+)?")
_SUBTYPES_INCLUDE = re.compile(r"\b(?:its|their)\s+(?:(?:main|known|recogni[sz]ed|major)\s+)?sub\s?types\s+"
                               r"(?:include|are)\s*:?\s*|\bsub\s?types\s+of\s+(?P<of>)(?:the\s+)?")
_INCLUDE_VERB = re.compile(r"\s*(?:include|are)\s*:?\s*")
# A page's line or table row of other names: "Other names: A; B", "Synonyms | A, B", "Also known as: A".
_NAMES_LABEL = re.compile(r"^\W*(?:other\s+names?|also\s+(?:called|known\s+as)|synonyms?|alternative\s+names?|"
                          r"alternate\s+names?|former\s+names?|previously\s+known\s+as|aka)\s*(?:\(s\)\s*)?(?:[:|]|\s{3})\s*")
_NAMES_HEADER = re.compile(r"(?:other|alternative|alternate|former|older)\s+names?|also\s+(?:called|known\s+as)|synonyms?|"
                           r"aliases|a\.?k\.?a\.?|names?")
_NAME_SEPARATOR = re.compile(r"\s*[;,|]\s*|\s+or\s+")
_INCLUDES_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:[,(]\s*)?(?:(?:is|are)\s+(?:an?\s+)?(?:umbrella|blanket|catch-all|"
                             r"collective|broad)\s+(?:term|name|category)\s+(?:for|covering|including|encompassing|"
                             r"(?:that|which)\s+(?:covers|includes|encompasses))|(?:which\s+|that\s+)?(?:includes|include|comprises|"
                             r"encompasses|covers|takes\s+in))\s+(?:the\s+)?")
_UNDER = re.compile(r"\b(?:(?:is|are|was|were)\s+(?:(?!not\b)\w+\s+){0,2}?"
                    r"(?:classed|classified|grouped|placed|included|listed|counted|lumped)\s+(?:together\s+)?"
                    r"(?:with|among|under|within)|(?:are|were)\s+(?:\w+\s+)?(?:grouped|lumped|classed|classified)\s+"
                    r"together\s+(?:as|under|in)|falls?\s+(?:under|within)(?:\s+the\s+(?:umbrella|heading|category|"
                    r"group|spectrum)\s+of)?|belongs?\s+(?:to|in|with|under)|(?:is|are|as)\s+(?:\w+\s+)?part\s+of)\s+(?:the\s+)?$")
# what may follow the parent in "classed with the B forms", "belongs to the B category"
_UNDER_TAIL = re.compile(rf"^\s*(?:(?:{TYPE_NOUN_PATTERN}|group|family|spectrum|category|umbrella|heading)\b|[^\w\s]|$|"
                         rf"(?:and|or|but|because|since|as|in|for|which|that|when|while|rather)\b)")
# "A and B are (rare) variants of C": each of A and B sits under C.
_PLURAL_FORMS_OF = re.compile(r"\b(?:are|were)\s+(?:\w+\s+){0,3}?(?:forms|types|kinds|variants|subtypes|varieties|"
                              r"patterns|presentations|subgroups|subsets|subclasses)\s+(?:of|within)\s+(?:the\s+)?$")
_NAME_FOR_FIRST = re.compile(r"\b(?:another|an alternative|an older|a former|an old|a different)\s+(?:name|term)\s+for\s+")
_NOT_FORM_OF = re.compile(rf"(?:\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:not|no\s+longer|never)|\b(?:isn'?t|aren'?t|wasn'?t)|"
                          rf"\brather\s+than|\binstead\s+of)\s+(?:\w+\s+){{0,2}}?"
                          rf"(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?{TYPE_NOUN_PATTERN}\s+of\s+(?:the\s+)?$")
# "A is not a distinct subtype", "A isn't really a separate type; it is a stage of B", "not a subtype but a
# variant": A denied a place among the condition's types, no "of" after the noun.
_NOT_A_TYPE = re.compile(rf"(?:\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:not|no\s+longer|never)|\b(?:isn'?t|aren'?t|wasn'?t)|"
                         rf"\brather\s+than|\binstead\s+of|,\s*not|"
                         # "(most authors) do not regard it as a separate type"
                         rf"\b(?:(?:do|does|did)\s+not|don'?t|doesn'?t|didn'?t)\s+(?:regard|consider|count|treat|classify|list)\s+"
                         rf"(?:it|them|this)\s+as)\s+"
                         rf"(?:really\s+|actually\s+|truly\s+|even\s+|itself\s+|therefore\s+|considered\s+(?:to\s+be\s+)?|"
                         rf"(?:generally\s+|widely\s+|usually\s+)?(?:recogni[sz]ed|regarded|counted|classified|"
                         rf"listed|accepted)\s+as\s+)*(?:a|an|one|its\s+own|their\s+own)\s+"
                         # "a third type", "an additional form": one more type of the condition
                         rf"(?:(?:separate|distinct|true|real|independent|proper|full|new|additional|extra|further|second|"
                         rf"third|fourth|fifth|sixth)\s+)?{TYPE_NOUN_PATTERN}\b"
                         rf"(?!\s+(?:of|within)\b(?!\s+its\s+own\b))"
                         # "A is not one of the main types"
                         rf"|(?:\b(?:is|are|was|were)\s+not|\b(?:isn'?t|aren'?t))\s+(?:\w+\s+)?one\s+of\s+the\s+"
                         rf"(?:(?:main|major|recogni[sz]ed|accepted|official|true|known|principal|classic)\s+)?"
                         rf"(?:types|forms|kinds|subtypes|categories|varieties)\b(?!\s+of\b)")
# "Doctors once called A 'B'", "some people call A B": the speaker names A, then the other name.
_ACTIVE_CALL = re.compile(r"\b(?:doctors|physicians|clinicians|people|patients|some|many|others|researchers|experts|"
                          r"authors|they|we|you|texts|textbooks|sources|specialists|dermatologists|neurologists)\s+"
                          r"(?:(?:once|still|sometimes|often|also|commonly|used\s+to|may|might|would)\s+)*"
                          r"(?:call|calls|called|name|named|term|termed|dub|dubbed|refer\s+to)\s+(?:it\s+)?$")
# "A and B are used interchangeably", "A and B are synonyms": two names for one thing.
_SAME_AFTER_PAIR = re.compile(r"^\s*(?:are|were)\s+(?:\w+\s+){0,2}?(?:used\s+interchangeably|synonyms|synonymous|"
                              r"interchangeable|the\s+same\s+(?:thing|condition|disease|disorder|entity))\b")
# "A is the same (condition) as B", "A is synonymous with B", "the term A is (sometimes) used for B".
_SAME_BETWEEN = re.compile(r"^\s*(?:is|was)\s+(?:(?:also|sometimes|often|just|essentially|really|basically)\s+)*"
                           r"(?:the\s+same\s+(?:thing\s+|condition\s+|disease\s+|disorder\s+|entity\s+)?as|"
                           r"synonymous\s+with|identical\s+to|interchangeable\s+with|"
                           r"(?:a\s+(?:\w+\s+)?term\s+)?(?:(?:also|sometimes|often|commonly)\s+)?used\s+"
                           r"(?:for|to\s+(?:describe|mean|refer\s+to))|(?:an)?other\s+word\s+for)\s+(?:the\s+)?$")
# "A is distinct from B", "A is a separate condition from B", "A should not be confused with B",
# "A is not the same as B": two names for two things.
_DIFFERENT_BETWEEN = re.compile(
    # adverbs: at most three, each read one way ("\w+ly" covers "actually", "really", "completely": listing them beside
    # it would let a run of them be matched in exponentially many ways)
    r"^\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:(?:is|was)\s+(?:(?:also|now|considered|thought\s+to\s+be|quite|very|"
    r"\w+ly)\s+){0,3}"
    r"(?:(?:a|an)\s+(?:separate|distinct)\s+(?:type|form|condition|disorder|disease|entity)\s*,\s*)?"
    r"(?:(?:a|an)\s+(?:(?:\w+\s+)?(?:separate|distinct|different|unrelated)\s+(?:\w+\s+)?"
    r"(?:condition|disease|disorder|entity|thing|problem|syndrome)\s+from)|(?:distinct|different|separate)\s+from|"
    r"not\s+(?:the\s+same\s+(?:thing\s+|condition\s+|disease\s+)?as|another\s+name\s+for))|"
    r"(?:should|must|is\s+not\s+to)\s+not\s+be\s+confused\s+with|(?:should|must)\s+not\s+be\s+confused\s+with|"
    r"(?:is|are)\s+(?:often\s+|sometimes\s+)?(?:confused|mixed\s+up)\s+with|differs?\s+from)\s+(?:the\s+)?$")
# "A, which ..., is separate from <the condition>", "A and B cause ... but are separate from it", "A, which is
# kept apart from it": the condition's own name after the denial, past a relative clause or a first predicate.
_APART_FROM_CONDITION = re.compile(
    r"^\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:which|who|that)\s+(?:is|are|was|were)\s+|"
    r"(?P<aside>,\s*(?:which|who|that)\s+[^,;.()]{1,80},\s*|\s[^,;.()]{1,60}?\s(?:but|and|yet)\s+)(?:is|are|was|were)\s+)"
    r"(?:(?:also|now|still|likewise|clearly|quite|entirely|completely|usually|generally|considered)\s+)?"
    r"(?:kept\s+apart|set\s+apart|kept\s+separate|separate|distinct|different)\s+from\s+(?:the\s+)?$")
# "A is a type of <X>, separate from B": a second predicate of A, the clause's subject.
_APPOSED_APART = re.compile(r"^\s*,\s*(?:(?:quite|entirely|completely)\s+)?(?:separate|distinct|different)\s+from\s+(?:the\s+)?$")
_TYPE_OF_BEFORE = re.compile(rf"\b(?:is|are)\s+(?:\w+\s+){{0,2}}?(?:a|an|one)\s+(?:[\w-]+\s+){{0,2}}?"
                             rf"{TYPE_NOUN_PATTERN}\s+(?:of|within)\s+(?:the\s+)?$")
# A table row "A | ...; not a type of <X> | ...": verbless descriptions of the row's first cell.
_ROW_NOT_TYPE_OF = re.compile(rf"(?:(?:is|are)\s+)?not\s+(?:really\s+|actually\s+)?(?:a|an|one)\s+"
                              rf"(?:(?:true|real|separate|distinct)\s+)?{TYPE_NOUN_PATTERN}\s+(?:of|within)\s+(?:the\s+)?")
_ROW_SEPARATE = re.compile(r"(?:(?:is|are)\s+)?(?:(?:a|an)\s+(?:(?:completely|entirely)\s+)?(?:separate|distinct|different|"
                           r"unrelated)\s+(?:[\w-]+\s+){0,2}?(?:condition|disease|disorder|illness|syndrome)\b(?!\s+from)"
                           r"|(?:distinct|separate|different)\s+from\s+(?:the\s+)?(?=\S))")
_ROW_FORM_OF = re.compile(rf"(?:(?:is|are)\s+)?(?:a|an|one)\s+(?:[\w-]+\s+){{0,3}}?{TYPE_NOUN_PATTERN}\s+(?:of|within)\s+(?:the\s+)?")
_ROW_CLAUSE = re.compile(r"[;,]\s*")
_DIFFERENT_AFTER_PAIR = re.compile(r"^\s*(?:are|were)\s+(?:(?:actually|really|in\s+fact)\s+)?(?:two\s+)?"
                                   r"(?:different|separate|distinct|unrelated)\s+(?:conditions|diseases|disorders|"
                                   r"entities|things|problems|syndromes)\b")
# "A and B are (separate conditions and) not forms of C": a denial each of the pair shares.
_PAIR_NOT_FORMS_OF = re.compile(r"\s*(?:are|were)\s+(?:[\w-]+\s+){0,4}?not\s+(?:really\s+|actually\s+)?"
                                r"(?:forms|types|kinds|subtypes|variants|varieties)\s+of\s+(?:the\s+)?")
# A former name is no attribution: "was once called", "used to be known as", "formerly".
_FORMER_NAME = re.compile(r"\b(?:formerly|previously|once|used\s+to\s+be)\s+(?:\w+\s+)?(?:called|known|named|termed|"
                          r"referred)\b|\b(?:formerly|previously)\b(?!\s+(?:\w+\s+)?(?:regarded|considered|thought|believed|"
                          r"classified|described|listed|seen))")
_NOW = re.compile(r"\b(?:now|today|currently|nowadays|these\s+days|at\s+present)\b")
# "A is not a true porphyria": the condition's own name after the denial.
# "A is a separate condition (with a similar picture)": a disease of its own, not one of the condition's types.
_SEPARATE_CONDITION = re.compile(r"\s*(?:\([^()]{1,120}\)\s*)?(?:,\s*[^,;.]{0,60},\s*)?(?:is|was)\s+(?:(?:actually|really|now|likewise|"
                                 r"sometimes|often|usually|generally|widely|also|increasingly|"
                                 r"considered|thought\s+to\s+be|regarded\s+as|seen\s+as)\s+)*(?:a|an)\s+(?:(?:completely|entirely)\s+)?"
                                 r"(?:separate|distinct|different|unrelated)\s+(?:[\w-]+\s+){0,2}?(?:condition|disease|disorder|illness|"
                                 r"syndrome)\b(?!\s+from)"
                                 # "A, a recurrent hypersomnia, is likewise distinct."
                                 r"|\s*(?:,\s*[^,;.]{0,60},\s*)?(?:is|are)\s+(?:(?:likewise|also|entirely|completely|quite|clearly)\s+)?"
                                 r"(?:distinct|separate)(?=\s*[.;,)]|\s*$)")
# "A is not itself a true X", "A isn't real X", "A is a separate condition and not a true X".
_NOT_TRUE_ONE = re.compile(r"(?:\b(?:is|are|was|were)\s+(?:\w+\s+)?not|\b(?:isn'?t|aren'?t)|\band\s+not)\s+"
                           r"(?:(?:really|actually|even|itself|truly|strictly)\s+)?"
                           r"(?:(?:a|an)\s+)?(?:true|real|genuine|proper|classic)\s+$")
# "A is not <the condition>", "A isnt <the condition> at all": the name alone after the denial, then the clause ends.
_IS_NOT_BEFORE = re.compile(r"(?:\b(?:is|are|was|were)\s+not|\b(?:isn'?t|aren'?t))\s+"
                            r"(?:(?:really|actually|even|itself|truly|strictly)\s+)?(?:an?\s+)?$")
_CLAUSE_ENDS_AFTER = re.compile(r"\s*(?:[.,;:!?)]|$|\s(?:at\s+all|itself|but|and|though|although)\b)")
_AND_BEFORE = re.compile(r"\band\s+$")
_PRONOUN_START = re.compile(r"^\W*(?:this\s+(?:condition|disorder|form|type|kind|variant)|it|this|the\s+condition|"
                            r"the\s+disorder|they)\b")
_MAX_ALIAS_WORDS = 6
# A piece after an alias cue that names nothing: a time adverb ("they call it A now").
_NO_NAME = re.compile(r"(?:now|today|nowadays|anymore|any\s+more|these\s+days|instead|too|as\s+well)\b\W*$")
# A piece after a bare comma that goes on with a predicate ("presents with X"), not another name.
_PREDICATE_PIECE = re.compile(r"\b(?:with|through|by|from|into|without|in|at|to)\b")
_JUST_A_VERSION = re.compile(r"[\s,]*(?:just|only|but|simply|except)\s+(?:(?:that\s+)?it\s+is\s+)?(?:the|a|an)\s+"
                             r"(?:[\w-]+\s+){0,3}?(?:version|form|variant|kind|type|subtype|variety)\b")
_SO_IS = re.compile(r"[\s,]*(?:and\s+so\s+(?:is|are|was)|as\s+(?:is|are)|and\s+(?:is|are)\s+)\s+(?:the\s+)?")
# A line's label: "A: ..." or "- A: ..." (a name of at most six words before the first colon).
_LABEL_BEFORE = re.compile(r"[^\w'-]*(?P<name>\w[\w'-]*(?:\s+[\w'-]+){0,5})\s*:")
# "what people call A is usually B": the speaker's name A for B.
_WHAT_CALL_IS = re.compile(r"[\s\"'\u201d\u2019]*(?:is|are)\s+(?:(?:usually|often|mostly|really|actually|just|"
                           r"simply|generally|in\s+fact)\s+)?(?:the\s+|a\s+|an\s+)?$")
_ANAPHOR = re.compile(r"\b(?:it|this|these|they)\b")
# "When the wall blocks the outflow, it is called A", "In a third of people no cause is found; this is called A":
# a case the clause before describes is given a name, narrower than what the text is about.
_CASE_THEN_PRONOUN = re.compile(r"\A(?P<case>[^;]{3,200}?)[;,]\s*(?:it|this|these|they)\s+(?:is|are|was|were)\s+"
                                r"(?:(?:then|usually|sometimes|often|also)\s+)?")


def _row(analysis: DocumentAnalysis, sentence: Sentence, subject: str, value: str, obj: str, extractor: str,
         polarity: str = "asserted", hedge: str = "") -> Claim:
    return Claim(source_id=analysis.document.source_id, facet=FACET, subject=subject, object=obj, value=value,
                 polarity=polarity, hedge=hedge, quote=sentence.text, start=sentence.start, end=sentence.end,
                 extractor=extractor)


def _outside(analysis: DocumentAnalysis, sentence: Sentence, subject: str, extractor: str, hedge: str) -> Iterator[Claim]:
    """"A is not a form of <the condition>", "a separate disease": A is denied a place among the types, and a place
    anywhere within the condition (so it clashes with "another name for B" or "a subtype of B", B a type)."""
    condition = analysis.topic.condition.name
    yield _row(analysis, sentence, subject, "separate_type", condition, extractor, polarity="negated", hedge=hedge)
    yield _row(analysis, sentence, subject, "subtype_of", condition, extractor, polarity="negated", hedge=hedge)


def _written(analysis: DocumentAnalysis, start: int, end: int) -> str:
    """Words as the source wrote them, lower-cased, spaces collapsed."""
    return " ".join(analysis.text[start:end].lower().split())


def _type_of(sentence: Sentence, mentions: list[Mention]) -> Mention | None:
    """The thing a run of mentions names: "Type I SMA" (type + condition) is the type."""
    named = [m for m in mentions if m.kind in NAMED_KINDS]
    if not named:
        return None
    last = named[-1]
    if last.kind in ("condition", "scope") and len(named) > 1 and named[-2].kind in TYPE_LIKE \
            and last.start - named[-2].end <= 1:
        return named[-2]
    return last


def _first_named(mentions: list[Mention]) -> Mention | None:
    """The thing a run of mentions starting a phrase names: "SMA type II" and "type II SMA" are the type."""
    named = [m for m in mentions[:2] if m.kind in NAMED_KINDS]
    if not named:
        return None
    if len(named) == 2 and named[1].start - named[0].end <= 1 and named[0].kind in ("condition", "scope") \
            and named[1].kind in TYPE_LIKE:
        return named[1]
    return named[0]


def _hedge(sentence: Sentence, upto: int) -> str:
    clause = sentence.folded[:upto]
    attributions = list(ATTRIBUTION_PATTERN.finditer(clause))
    if attributions and not _FORMER_NAME.search(sentence.folded[max(0, upto - 20):upto + 20]) \
            and not _NOW.search(sentence.folded, attributions[-1].end(), upto + 20):
        return "attributed"  # "once regarded as B, is now classed with C": the placement in C is today's
    # a hedge in a clause set against this one ("A is sometimes listed as a type, but most do not regard it as
    # one") is that clause's
    start = max([max(0, upto - 60)] + [m.end() for m in _CONTRAST.finditer(sentence.folded, max(0, upto - 60), upto)])
    hedge = HEDGE_PATTERN.search(sentence.folded[start:upto + 30])
    return hedge.group(0) if hedge else ""


_CONTRAST = re.compile(r";|,\s*(?:but|whereas|while|although|though|yet)\b")


def _target_before(analysis: DocumentAnalysis, sentence: Sentence, cue_start: int) -> Mention | None:
    """The named thing right before an alias cue (absolute offsets), or the pronoun's referent."""
    before = [m for m in sentence.mentions if m.end <= cue_start]
    target = _type_of(sentence, before[-2:] if len(before) >= 2 else before)
    if target is not None:
        gap = analysis.folded[target.end:cue_start]
        if target is not before[-1] and before[-1].kind in ("condition", "scope"):
            gap = analysis.folded[before[-1].end:cue_start]
        if _GAP_TO_CUE.match(gap):
            return target
    clause_start = max([sentence.start] + [sentence.start + m.end() for m in re.finditer(r"[;:]", sentence.folded[: cue_start - sentence.start])])
    head = analysis.folded[clause_start:cue_start]
    pronoun = _PRONOUN_START.match(head)
    if pronoun and _GAP_TO_CUE.match(head[pronoun.end():]):
        first = next((m for m in sentence.mentions if m.kind in TYPE_LIKE and m.end <= clause_start), None)
        if first is not None:
            return first
        if sentence.context_type:
            return Mention("type", sentence.context_type, sentence.start, sentence.start)
    return None


def _alias_names(analysis: DocumentAnalysis, sentence: Sentence, start: int) -> list[tuple[str, Mention | None]]:
    """The names listed after an alias cue: [(written name, lexicon mention or None)].

    Stops at a closing parenthesis, a clause end or a verb-like word. Pieces
    joined by "or" (or "and" between short names, "types I and II") are all
    names; a piece after a bare comma only when it is a lexicon term or the
    list goes on with "or"/"and" ("A, B, or C"), since "known as A, causes X"
    continues the sentence, not the list.
    """
    rest = analysis.folded[start:sentence.end]
    rest = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), rest)  # "(HMSN)": same length, blanked
    end = _LIST_END.search(rest)
    segment = rest[: end.start() if end else len(rest)]
    inside_names = [(m.start - start, m.end - start) for m in sentence.mentions if m.start >= start]
    separators = [separator for separator in _LIST_SPLIT.finditer(segment)
                  if not any(low < separator.start() < high for low, high in inside_names)]
    spans, previous = [], 0
    for separator in separators:
        spans.append((previous, separator.start(), separator.group(0)))
        previous = separator.end()
    spans.append((previous, len(segment), ""))
    names: list[tuple[str, Mention | None, int]] = []
    plural_noun = None
    joined_later = any(re.search(r"\b(?:or|and)\b", separator.group(0)) for separator in separators)
    before_separator = ""
    for low, high, separator in spans:
        piece_start, piece_end = start + low, start + high
        text = analysis.folded[piece_start:piece_end]
        lead = re.match(r"^\s*(?:the\s+|as\s+|simply\s+)?", text)
        piece_start += lead.end()
        text = analysis.folded[piece_start:piece_end].strip()
        piece_end = piece_start + len(text)
        if not text or not re.match(r"[a-z0-9]", text):
            before_separator = separator
            continue
        if names and _ALIAS_CUE.search(text):
            break  # "also called A, and since 2004 known as B": the next cue reads B
        if _NO_NAME.match(text):
            break  # "they call it A now": a time adverb closes the clause, it names nothing
        inside = [m for m in sentence.mentions if piece_start <= m.start and m.end <= piece_end]
        mention = _type_of(sentence, inside)
        covers = mention is not None and len(text) <= (mention.end - mention.start) + 4
        if names and before_separator.strip() == "," and not covers and (not joined_later or _PREDICATE_PIECE.search(text)):
            break  # "A, formerly termed B, presents with X, Y or Z": the clause goes on past the appositive
        if names and not covers and any(m.kind in TYPE_LIKE for m in inside):
            break  # "A, formerly called B, and C spread through ...": a second subject, no other name
        if names and before_separator.strip() == "and" and len(text.split()) > 1 and not covers:
            # "A and B" splits only between names ("types I and II"), not inside one: join it back.
            merged = _written(analysis, names[-1][2], piece_end)
            if len(merged.split()) > _MAX_ALIAS_WORDS:
                break
            names[-1] = (merged, None, names[-1][2])
            before_separator = separator
            continue
        plural = _PLURAL_NOUN_START.match(text)
        if plural:
            plural_noun = plural.group("noun")[:-1]
            written = f"{plural_noun} {_written(analysis, piece_start + plural.start('rest'), piece_end)}"
        elif plural_noun and len(text.split()) == 1:
            written = f"{plural_noun} {_written(analysis, piece_start, piece_end)}"  # "types I and II"
        else:
            written = _written(analysis, piece_start, piece_end)
        if len(written.split()) > _MAX_ALIAS_WORDS:
            break
        names.append((written, mention if covers else None, piece_start))
        before_separator = separator
    return [(written, mention) for written, mention, _start in names]


def _alias_claims(analysis: DocumentAnalysis, sentence: Sentence, target: Mention, names, extractor: str,
                  hedge: str) -> Iterator[Claim]:
    for written, mention in names:
        if mention is not None and mention.kind in ("condition", "scope") and target.kind in TYPE_LIKE:
            continue  # "type I (also called SMA)": naming the condition is no alias of the type
        if mention is not None and mention.name != target.name:
            subject = mention.name
        else:
            subject = written
        if fold_equal(subject, target.name):
            continue
        yield _row(analysis, sentence, subject, "alias_of", target.name, extractor, hedge=hedge)


def fold_equal(a: str, b: str) -> bool:
    return " ".join(re.sub(r"[-\u2010-\u2015]", " ", a.lower()).split()) == " ".join(re.sub(r"[-\u2010-\u2015]", " ", b.lower()).split())


def _form_of_before(analysis: DocumentAnalysis, sentence: Sentence, cue_start: int) -> Mention | None:
    """"an unusual form of B, known as A" / "another form of the disorder, known as A": the B."""
    named = [m for m in sentence.mentions if m.end <= cue_start and m.kind in NAMED_KINDS]
    if named:
        parent = _type_of(sentence, named[-2:])
        first = named[-2] if parent is not named[-1] and len(named) >= 2 else named[-1]
        if parent is not None and re.fullmatch(r"[\s,]*", analysis.folded[named[-1].end:cue_start]) \
                and _FORM_OF_BEFORE.search(analysis.folded[sentence.start:first.start]):
            return parent
    head = re.sub(r"[\s,]+$", " ", analysis.folded[sentence.start:cue_start])
    if re.search(r"\b(?:another|an?)\s+(?:[\w-]+\s+){0,2}?(?:form|type|variant)\s+of\s+(?:the\s+|this\s+)?"
                 r"(?:disorder|disease|condition|syndrome)\s*$", head):
        return Mention("condition", analysis.topic.condition.name, sentence.start, sentence.start)
    return None


def _aliases(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    for cue in _ALIAS_CUE.finditer(sentence.folded):
        cue_start, cue_end = sentence.start + cue.start(), sentence.start + cue.end()
        names = _alias_names(analysis, sentence, cue_end)
        if not names:
            continue
        hedge = _hedge(sentence, cue.start())
        form_of = _form_of_before(analysis, sentence, cue_start)
        if form_of is not None:
            for written, mention in names:
                subject = mention.name if mention is not None else written
                if subject != form_of.name:
                    obj = form_of.name if form_of.kind in TYPE_LIKE else analysis.topic.condition.name
                    yield _row(analysis, sentence, subject, "subtype_of", obj, "type_relation.form_of", hedge=hedge)
            continue
        case = _CASE_THEN_PRONOUN.fullmatch(sentence.folded, 0, cue.start())
        if case is not None and not _FORMER_NAME.search(cue.group(0)) and not any(
                m.kind in (*TYPE_LIKE, "condition", "scope") and m.end <= sentence.start + case.end("case")
                for m in sentence.mentions):
            parent = _previous_first_type(analysis, sentence)
            narrower = [(mention.name if mention is not None else re.sub(r"\s*\([^()]*\)$", "", written), written)
                        for written, mention in names]
            narrower = [subject for subject, written in narrower if parent is not None and subject != parent
                        and _holds_name_of(analysis, written, parent)]
            for subject in narrower:
                yield _row(analysis, sentence, subject, "subtype_of", parent, "type_relation.case_named", hedge=hedge)
            if narrower:
                continue
        target = _target_before(analysis, sentence, cue_start)
        if target is None:
            continue
        if target.start == target.end and not _FORMER_NAME.search(cue.group(0)):
            # "This is termed A" under A's heading: the text names what it describes, no second name ("This form was
            # previously known as A" gives it a former one).
            names = [(written, mention) for written, mention in names if mention is None or mention.name != target.name]
        between = analysis.folded[target.end:cue_start] if target.end > sentence.start else sentence.folded[: cue.start()]
        polarity = "negated" if _NEGATED_GAP.search(between) else "asserted"
        for claim in _alias_claims(analysis, sentence, target, names, "type_relation.alias", hedge):
            yield claim if polarity == "asserted" else _negate(claim)
    for cue in _NAME_FOR_FIRST.finditer(sentence.folded):
        after = [m for m in sentence.mentions if m.start >= sentence.start + cue.end()]
        target = _first_named(after)
        if target is None or target.start != sentence.start + cue.end():
            continue
        verb = re.match(r"^\s*(?:is|was)\s+(?:also\s+)?", analysis.folded[target.end:sentence.end])
        if verb:
            names = _alias_names(analysis, sentence, target.end + verb.end())
            yield from _alias_claims(analysis, sentence, target, names, "type_relation.alias",
                                     _hedge(sentence, cue.start()))
    for cue in _ALIAS_BEFORE.finditer(sentence.folded):
        cue_start = sentence.start + cue.start()
        before = [m for m in sentence.mentions if m.end <= cue_start and m.kind in TYPE_LIKE]
        after = [m for m in sentence.mentions if m.start >= sentence.start + cue.end()]
        target = _first_named(after)
        if before and target is not None and before[-1].name != target.name:
            yield _row(analysis, sentence, before[-1].name, "alias_of", target.name, "type_relation.alias",
                       hedge=_hedge(sentence, cue.start()))


def _holds_name_of(analysis: DocumentAnalysis, written: str, parent: str) -> bool:
    """True when a name holds every word of one of the parent's names and more: "early adult B" of "adult B",
    the parent's own name narrowed by a modifier."""
    words = set(re.findall(r"[\w'-]+", written.lower()))
    for kind in ("type", "entity"):
        term = analysis.topic.term(kind, parent)
        if term is not None:
            return any(len(words) > len(form_words) and form_words <= words
                       for form_words in (set(re.findall(r"[\w'-]+", form.lower())) for form in (parent, *term.forms)))
    return False


def _previous_first_type(analysis: DocumentAnalysis, sentence: Sentence) -> str | None:
    """The type the text is about before this sentence: the previous sentence's first, else the one in context."""
    if sentence.index > 0:
        previous = analysis.sentences[sentence.index - 1]
        first = next((m for m in previous.mentions if m.kind in TYPE_LIKE), None)
        if first is not None:
            return first.name
    return sentence.context_type or None


def _classified_as(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """"A may also be classified as B or C": A placed under each type named."""
    for cue in _CLASSIFIED_AS.finditer(sentence.folded):
        cue_start = sentence.start + cue.start()
        parents = _list_after(sentence, sentence.start + cue.end())
        if not parents:
            continue
        child = _subject_before(analysis, sentence, cue_start)
        negated = bool(re.search(r"\bnot\b", cue.group(0)))
        for parent in parents:
            if child and child != parent.name:
                yield _row(analysis, sentence, child, "subtype_of", parent.name, "type_relation.classified_as",
                           polarity="negated" if negated else "asserted", hedge=_hedge(sentence, cue.start()))


def _negate(claim: Claim) -> Claim:
    from dataclasses import replace

    return replace(claim, polarity="negated")


def _parenthetical_aliases(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """"B (BX)" and "B (the intermediate form)": a name defined in parentheses right after B."""
    mentions = [m for m in sentence.mentions if m.kind in NAMED_KINDS]
    for index, mention in enumerate(mentions):
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if mention.kind in TYPE_LIKE and following is not None and following.kind in ("condition", "scope") \
                and following.start - mention.end <= 1:
            continue  # "Type 1 NF (NF1)": the parenthesis follows the whole name
        target = mention
        if mention.kind in ("condition", "scope") and index > 0 and mentions[index - 1].kind in TYPE_LIKE \
                and mention.start - mentions[index - 1].end <= 1:
            target = mentions[index - 1]
        parenthesis = _PARENTHESIS_AFTER.match(analysis.text[mention.end:sentence.end])
        if not parenthesis:
            continue
        inner = parenthesis.group("inner")
        inner_start = mention.end + parenthesis.start("inner")
        inner_mentions = [m for m in sentence.mentions if inner_start <= m.start and m.end <= inner_start + len(inner)]
        written = " ".join(inner.lower().split())
        if _ABBREVIATION.match(inner) and not inner_mentions \
                and not abbreviates(inner, analysis.text[target.start:mention.end]):
            continue  # "(V122I)", "(FHM1)": a variant's code or a subtype's label, not this name shortened
        if _ABBREVIATION.match(inner):
            inner_mention = inner_mentions[0] if inner_mentions else None
            if inner_mention is not None and inner_mention.name != target.name:
                continue  # an abbreviation of something else
            if target.kind in ("condition", "scope") and inner_mention is None:
                continue  # "(SMA)" after the condition's name: the condition's own abbreviation, not a type alias
            if target.kind in ("condition", "scope"):
                continue
            if fold_equal(written, target.name):
                # The lexicon names the type by its abbreviation: the long name as written is the alias.
                long_name = _written(analysis, target.start, mention.end)
                if not fold_equal(long_name, written):
                    yield _row(analysis, sentence, long_name, "alias_of", target.name, "type_relation.abbreviation")
                continue
            yield _row(analysis, sentence, written, "alias_of", target.name, "type_relation.abbreviation")
        elif target.kind in TYPE_LIKE:
            the_form = _THE_FORM.match(inner.strip())
            if the_form and all(m.name == target.name for m in inner_mentions):
                yield _row(analysis, sentence, " ".join(the_form.group("name").lower().split()), "alias_of",
                           target.name, "type_relation.apposition")
            elif _ABBREVIATION.match(analysis.text[mention.start:mention.end]) and _LONG_NAME.match(inner) \
                    and all(m.kind in NAMED_KINDS for m in inner_mentions):
                # "SS (sickle cell anemia)": the short name first, the long one defined in parentheses.
                named = [m for m in inner_mentions if m.kind in TYPE_LIKE]
                other = named[0].name if len(named) == 1 and len(inner_mentions) == 1 else written
                if other != target.name:
                    yield _row(analysis, sentence, other, "alias_of", target.name, "type_relation.abbreviation")


def _subject_before(analysis: DocumentAnalysis, sentence: Sentence, position: int) -> str | None:
    """What a placement is about: a type named earlier in the clause, or what "it"/"this form" refers to.

    A pronoun refers to the previous sentence's first type (or the type in
    context) only when this sentence names no type before it: "when ...
    mutations underlie the condition, it is classified as type VIII" after a
    clause about type VII is left alone rather than guessed.
    """
    relative = position - sentence.start
    clause_start = max((m.end() for m in re.finditer(r"[;:]", sentence.folded[:relative])), default=0)
    before = [m for m in sentence.mentions if sentence.start + clause_start <= m.start and m.end <= position
              and m.kind in TYPE_LIKE]
    if before:
        return before[-1].name
    label = _LABEL_BEFORE.match(sentence.folded, 0, clause_start)
    if label and label.end() == clause_start and re.fullmatch(r"\s*(?:an?\s+|the\s+)?", sentence.folded[clause_start:relative]):
        named = [m for m in sentence.mentions if m.end <= sentence.start + label.end("name") and m.kind in TYPE_LIKE]
        if len(named) == 1:
            return named[0].name  # "A: a subtype of B", a label and its description
    if not _ANAPHOR.search(sentence.folded[clause_start:relative]):
        return None
    if any(m.kind in TYPE_LIKE and m.end <= position for m in sentence.mentions):
        return None  # an earlier clause names a type: the pronoun may mean it or the condition
    if sentence.index > 0:
        previous = analysis.sentences[sentence.index - 1]
        first = next((m for m in previous.mentions if m.kind in TYPE_LIKE), None)
        if first is not None:
            return first.name
    return sentence.context_type


_IN_PART = re.compile(r"\(\s*(?:in\s+part|partly|partially|in\s+some\s+cases)\s*\)")
_CELL_FORMER = re.compile(r"(?:formerly|previously|once|originally)\s+(?:(?:called|known\s+as|termed|named)\s+)?")
_LIST_GAP = re.compile(r"[\s,(]*(?:(?:or|and|as|the)\s+)*")
_LIST_GAP_ASIDES = re.compile(r"[\s,()]*(?:[^\s()][^()]{0,19}\)[\s,]*)?(?:(?:in\s+which|which|where|whose)\b[^;:.()]{0,150}?,\s*)?(?:(?:or|and|as|the)\s+)*")


def _list_after(sentence: Sentence, position: int, asides: bool = False) -> list[Mention]:
    """Type-like mentions right after ``position`` joined by 'or', 'and' or commas; with ``asides``, a member may
    carry its own description ("A (AB), in which ..., and C (CD), in which ...")."""
    found = []
    cursor = position
    gap_pattern = _LIST_GAP_ASIDES if asides else _LIST_GAP
    for mention in sentence.mentions:
        if mention.start < cursor or (asides and mention.kind not in TYPE_LIKE):
            continue  # (a symptom named inside a member's description)
        gap = sentence.folded[cursor - sentence.start: mention.start - sentence.start]
        if mention.kind not in TYPE_LIKE or not gap_pattern.fullmatch(gap):
            break
        found.append(mention)
        cursor = mention.end
    return found

def nomenclature_parent(analysis: DocumentAnalysis, child: Mention, sentence: Sentence) -> str | None:
    """The type whose written name is the child's name less a final letter ("XY1A" under "XY1").

    Subtype names often extend their type's name by a letter or number; used
    only when a list of subtypes has no parent named in the text ("within the
    various types, subtypes such as XY1A, XY2B are distinguished").
    """
    written = analysis.folded[child.start:child.end].replace(" ", "")
    for cut in (1, 2):
        stem = written[:-cut]
        if len(stem) < 2 or stem == written:
            continue
        for term in (*analysis.topic.types, *analysis.topic.entities):
            if term.name != child.name and any(form.lower().replace(" ", "").replace("-", "") == stem.replace("-", "")
                                               for form in term.forms):
                return term.name
    return None


def _subtypes(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    condition = analysis.topic.condition.name
    for cue in _SUBTYPE_SUCH_AS.finditer(sentence.folded):
        cue_start = sentence.start + cue.start()
        before = [m for m in sentence.mentions if m.end <= cue_start and m.kind in NAMED_KINDS]
        if before and before[-1].kind in TYPE_LIKE:
            parent = before[-1].name
        elif before:
            parent = condition  # "within the various types of the condition, subtypes such as ..."
        else:
            parent = sentence.context_type or condition
        for child in _list_after(sentence, sentence.start + cue.end()):
            child_parent = parent
            if parent == condition:
                child_parent = nomenclature_parent(analysis, child, sentence) or condition
            if child.name != child_parent:
                yield _row(analysis, sentence, child.name, "subtype_of", child_parent, "type_relation.subtype_list",
                           hedge=_hedge(sentence, cue.start()))
    for cue in _SUBTYPE_OF.finditer(sentence.folded):
        after = [m for m in sentence.mentions if m.start >= sentence.start + cue.end()]
        parent_mention = _first_named(after)
        parent = condition if parent_mention is None or parent_mention.kind in ("condition", "scope") else parent_mention.name
        child = _subject_past_apposition(analysis, sentence, sentence.start + cue.start())
        if child and child != parent:
            negated = bool(re.search(r"\bnot\b|\bno\s+longer\b|\bnever\b|\brather\s+than\s+(?:an?\s+)?$|"
                                     r"\binstead\s+of\s+(?:an?\s+)?$",
                                     sentence.folded[max(0, cue.start() - 40):cue.start()]))
            yield _row(analysis, sentence, child, "subtype_of", parent, "type_relation.subtype_of",
                       polarity="negated" if negated else "asserted", hedge=_hedge(sentence, cue.start()))


def _form_of_type(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """"A is a rare form of B" and "A and B are variants of C" (the parent a type): each child is placed under it."""
    for mention in sentence.mentions:
        if mention.kind not in TYPE_LIKE:
            continue
        before = sentence.folded[: mention.start - sentence.start]
        for cue_pattern, plural in ((_FORM_OF_TYPE, False), (_PLURAL_FORMS_OF, True), (_APPOSED_FORM_OF, False)):
            cue = cue_pattern.search(before)
            if not cue or NEGATION_PATTERN.search(cue.group(0)):
                continue
            if cue_pattern is _APPOSED_FORM_OF and not any(
                    m.kind in TYPE_LIKE and m.end == sentence.start + cue.start() for m in sentence.mentions):
                continue  # the apposition describes a type named right before it, nothing else
            at = sentence.start + cue.start()
            child = _subject_past_apposition(analysis, sentence, at)
            children = _coordinated_before(analysis, sentence, at) if plural else [child] if child else []
            for name in [*children, *_so_is(analysis, sentence, mention)]:
                if name != mention.name:
                    yield _row(analysis, sentence, name, "subtype_of", mention.name, "type_relation.form_of",
                               hedge=_hedge(sentence, cue.start()))


def _counted_then_named(analysis: DocumentAnalysis) -> Iterator[Claim]:
    """"B itself has two subtypes. A1, ..., comes on .... A2 is brought on by ...": a type's count that closes its
    sentence, and the next sentences opening with that many other types, one each, name its subtypes."""
    from audit.extract.type_count import count_matches

    sentences = analysis.sentences
    for sentence in analysis.sentences_for("type_count"):
        for match, subject, scope, vague in count_matches(analysis, sentence):
            if vague or scope or subject == analysis.topic.condition.name or match.group("high"):
                continue
            if not re.fullmatch(r"\W*", sentence.folded[match.end():]):
                continue  # the count's own sentence goes on (a list or a description follows)
            word = match.group("number")
            number = int(word) if word.isdigit() else NUMBER_WORDS[word]
            following = sentences[sentence.index + 1:sentence.index + 1 + number]
            openers = []
            for other in following:
                first = next((m for m in other.mentions if m.kind in TYPE_LIKE), None)
                if first is None or first.start - other.start > 3 or first.name == subject:
                    break
                openers.append((other, first))
            if len(openers) == number and 2 <= number <= 6 and len({m.name for _s, m in openers}) == number:
                for other, first in openers:
                    yield _row(analysis, other, first.name, "subtype_of", subject, "type_relation.counted_then_named")


def _so_is(analysis: DocumentAnalysis, sentence: Sentence, parent: Mention) -> list[str]:
    """"A is a form of B, and so is C" / ", as is C": C takes the same place."""
    found = _SO_IS.match(analysis.folded, parent.end, sentence.end)
    if found is None:
        return []
    after = next((m for m in sentence.mentions if m.start == found.end()), None)
    return [after.name] if after is not None and after.kind in TYPE_LIKE else []


def _divided_into(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """"A is divided into B and C", "A's subtypes include B and C", "Subtypes of A include B": B, C under A."""
    for pattern in (_DIVIDED_INTO, _SUBTYPES_INCLUDE):
        for cue in pattern.finditer(sentence.folded):
            at = sentence.start + cue.start()
            if cue.groupdict().get("of") is not None:
                after_of = [m for m in sentence.mentions if m.start == sentence.start + cue.end()]
                if not after_of or after_of[0].kind not in TYPE_LIKE:
                    continue
                verb = _INCLUDE_VERB.match(analysis.folded, after_of[0].end)
                if verb is None:
                    continue
                parent, children = after_of[0].name, _list_after(sentence, verb.end())
            else:
                parent = _subject_past_apposition(analysis, sentence, at)
                if parent is None and cue.group(0).startswith(("its", "their")):
                    parent = _previous_type(analysis, sentence)  # "Its subtypes include ...": the type just named
                children = _list_after(sentence, sentence.start + cue.end(), asides=True)
            negated = NEGATION_PATTERN.search(cue.group(0)) is not None
            for child in children:
                if parent and child.name != parent:
                    yield _row(analysis, sentence, child.name, "subtype_of", parent, "type_relation.divided_into",
                               polarity="negated" if negated else "asserted", hedge=_hedge(sentence, cue.start()))


def _previous_type(analysis: DocumentAnalysis, sentence: Sentence) -> str | None:
    """The type a possessive ("its", "their") at the start of a sentence refers to: the sentence's own first
    type before it, else the previous sentence's first type, else the type in context."""
    if sentence.index > 0:
        previous = analysis.sentences[sentence.index - 1]
        first = next((m for m in previous.mentions if m.kind in TYPE_LIKE), None)
        if first is not None:
            return first.name
    return sentence.context_type or None


def _page_subject(analysis: DocumentAnalysis, sentence: Sentence) -> Mention | None:
    """What a page's "Other names:" line names: the type in context, the heading above it, the first named thing
    of the text right after it, else the condition."""
    if sentence.context_type:
        return Mention("type", sentence.context_type, sentence.start, sentence.start)
    for index in range(sentence.index - 1, -1, -1):
        earlier = analysis.sentences[index]
        if earlier.block.kind == "heading":
            named = _first_named([m for m in earlier.mentions if m.kind in NAMED_KINDS])
            if named is not None:
                return named
            break
    for later in analysis.sentences[sentence.index + 1:sentence.index + 4]:
        if _NAMES_LABEL.match(later.folded):
            continue
        named = _first_named([m for m in later.mentions if m.kind in NAMED_KINDS])
        if named is not None:
            return named
    return Mention("condition", analysis.topic.condition.name, sentence.start, sentence.start)


def _names_line(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """"Other names: A; B", a table row "Synonyms | A, B", "Also known as: A": aliases of what the page is about."""
    label = _NAMES_LABEL.match(sentence.folded)
    if label is None:
        return
    target = _page_subject(analysis, sentence)
    if target is None:
        return
    former = label.group(0).lstrip().startswith(("former", "previously"))
    cursor = sentence.start + label.end()
    for piece in _NAME_SEPARATOR.split(analysis.folded[cursor:sentence.end]):
        start = analysis.folded.find(piece, cursor, sentence.end)
        cursor = start + len(piece) if start >= 0 else cursor
        if start < 0:
            continue
        written = " ".join(analysis.text[start:start + len(piece)].lower().strip(" .").split())
        if not written or len(written.split()) > _MAX_ALIAS_WORDS:
            continue
        inside = [m for m in sentence.mentions if start <= m.start and m.end <= start + len(piece)]
        mention = _type_of(sentence, inside)
        covers = mention is not None and len(written) <= (mention.end - mention.start) + 4
        yield from _alias_claims(analysis, sentence, target, [(written, mention if covers else None)],
                                 "type_relation.names_line", "attributed" if former else "")


def _names_column(analysis: DocumentAnalysis, header: Sentence) -> Iterator[Claim]:
    """A table whose header has an "Other names" column: each row's cell there names aliases of the type its
    first cell names ("Central | Cranial X, neurogenic X | ...")."""
    if header.block.kind != "row" or (header.index > 0 and analysis.sentences[header.index - 1].block.kind == "row"):
        return  # not a table's first row
    columns = table_cells(header.folded)
    column = next((i for i, (a, b) in enumerate(columns) if i > 0 and _NAMES_HEADER.fullmatch(header.folded, a, b)), None)
    if column is None:
        return
    index = header.index + 1
    while index < len(analysis.sentences) and analysis.sentences[index].block.kind == "row":
        row = analysis.sentences[index]
        index += 1
        cells = table_cells(row.folded)
        if len(cells) <= column:
            continue
        first_start, first_end = (row.start + at for at in cells[0])
        target = _type_of(row, [m for m in row.mentions if first_start <= m.start and m.end <= first_end])
        if target is None or target.kind not in TYPE_LIKE:
            continue
        cell_start, cell_end = (row.start + at for at in cells[column])
        cursor = cell_start
        for piece in _NAME_SEPARATOR.split(analysis.folded[cell_start:cell_end]):
            start = analysis.folded.find(piece, cursor, cell_end) if piece.strip() else -1
            if start < 0:
                continue
            cursor = start + len(piece)
            written = " ".join(analysis.text[start:cursor].lower().strip(" .").split())
            if _IN_PART.search(written):
                continue  # "B (in part)": the type is one part of B, B is no other name for it
            # 'formerly "old name"': the cue and the quotes are not part of the name
            former = _CELL_FORMER.match(written)
            if former:
                written = written[former.end():]
            written = written.strip("\"'\u201c\u201d\u2018\u2019 ")
            if not written or written in ("-", "\u2013", "none", "n/a") or len(written.split()) > _MAX_ALIAS_WORDS:
                continue
            inside = [m for m in row.mentions if start <= m.start and m.end <= cursor]
            mention = _type_of(row, inside)
            covers = mention is not None and len(written) <= (mention.end - mention.start) + 4
            yield from _alias_claims(analysis, row, target, [(written, mention if covers else None)],
                                     "type_relation.names_column", "attributed" if former else "")


def _includes(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """"B, which includes A and C", "B includes A": with B a type, its members are its subtypes (a condition's
    members are its types, read by the type facet)."""
    for mention in sentence.mentions:
        if mention.kind not in TYPE_LIKE:
            continue
        cue = _INCLUDES_AFTER.match(analysis.folded, mention.end, sentence.end)
        if cue is None:
            continue
        for child in _list_after(sentence, cue.end()):
            if child.name != mention.name:
                yield _row(analysis, sentence, child.name, "subtype_of", mention.name, "type_relation.includes",
                           hedge=_hedge(sentence, cue.start() - sentence.start))


def _placed_under(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """"A is classed with the B forms", "A falls under B", "A belongs to the B group": A is placed under B."""
    for mention in sentence.mentions:
        if mention.kind not in TYPE_LIKE:
            continue
        before = sentence.folded[: mention.start - sentence.start]
        cue = _UNDER.search(before)
        if cue is None:
            continue
        tail = sentence.folded[mention.end - sentence.start:]
        if not _UNDER_TAIL.match(tail) or re.match(r"^\s*(?:syndrome|disease|patients|people)\b", tail):
            continue
        at = sentence.start + cue.start()
        children = _coordinated_before(analysis, sentence, at) or [_subject_past_apposition(analysis, sentence, at)]
        negated = NEGATION_PATTERN.search(cue.group(0)) is not None
        for name in children:
            if name and name != mention.name:
                yield _row(analysis, sentence, name, "subtype_of", mention.name, "type_relation.placed_under",
                           polarity="negated" if negated else "asserted", hedge=_hedge(sentence, cue.start()))


def _subject_past_apposition(analysis: DocumentAnalysis, sentence: Sentence, position: int) -> str | None:
    """The subject of a verb at ``position``, past an apposition: in "A, once regarded as a form of B, is now
    classed with C" the verb's subject is A, not B."""
    head = analysis.folded[sentence.start:position]
    apposition = re.search(r"^(?P<subject>[^,]*?),[^,]{3,120},\s*(?:(?:is|are|was|were)\s+(?:\w+\s+){0,3}?"
                           r"(?:a|an|one)\s+(?:[\w-]+\s+){0,2})?$", head)
    if apposition:
        named = [m for m in sentence.mentions if m.kind in TYPE_LIKE
                 and m.end <= sentence.start + apposition.end("subject")]
        if named:
            return named[-1].name
    return _subject_before(analysis, sentence, position)


def _coordinated_before(analysis: DocumentAnalysis, sentence: Sentence, position: int) -> list[str]:
    """The type names joined by commas and 'and' that end right before ``position``: "A, B and C are ..."."""
    before = [m for m in sentence.mentions if m.end <= position and m.kind in TYPE_LIKE]
    if not before or analysis.folded[before[-1].end:position].strip():
        return []
    chosen = [before[-1]]
    for previous in reversed(before[:-1]):
        if not re.fullmatch(r"\s*(?:,\s*)?(?:and|or|,)\s*", analysis.folded[previous.end:chosen[-1].start]):
            break
        chosen.append(previous)
    return [m.name for m in reversed(chosen)] if len(chosen) >= 2 else []


def _not_a_form(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """"A is not (actually) a form of B": A is denied a place among B's types."""
    for mention in sentence.mentions:
        if mention.kind not in NAMED_KINDS:
            continue
        before = sentence.folded[: mention.start - sentence.start]
        denial = _NOT_FORM_OF.search(before)
        if not denial:
            continue
        subject = _subject_before(analysis, sentence, sentence.start + denial.start())
        if denial.group(0).startswith(("rather", "instead")):
            # "A, once labelled B, is now a separate type rather than a form of C": the contrast is A's predicate
            first = next((m for m in sentence.mentions if m.kind in TYPE_LIKE
                          and m.end <= sentence.start + denial.start()), None)
            subject = first.name if first is not None else subject
        if subject is None or subject == mention.name:
            continue
        if mention.kind in ("condition", "scope"):
            yield from _outside(analysis, sentence, subject, "type_relation.not_a_form", _hedge(sentence, denial.start()))
            continue
        yield _row(analysis, sentence, subject, "subtype_of", mention.name, "type_relation.not_a_form",
                   polarity="negated", hedge=_hedge(sentence, denial.start()))


def _separate_condition(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    first = next((m for m in sentence.mentions if m.kind in NAMED_KINDS), None)
    separate = _SEPARATE_CONDITION.match(analysis.folded, first.end, sentence.end) \
        if first is not None and first.kind in TYPE_LIKE else None
    if separate is None:
        return
    hedge = _hedge(sentence, first.end - sentence.start)
    rather = _RATHER_THAN.match(analysis.folded, separate.end(), sentence.end)
    named = next((m for m in sentence.mentions if rather and m.start == rather.end() and m.kind in TYPE_LIKE), None)
    if named is not None and named.name != first.name:
        # "A is a separate X disease rather than a B": set apart from B, which names what A is not
        yield _row(analysis, sentence, first.name, "subtype_of", named.name, "type_relation.separate_condition",
                   polarity="negated", hedge=hedge)
        return
    yield from _outside(analysis, sentence, first.name, "type_relation.separate_condition", hedge)


_RATHER_THAN = re.compile(r"\s*(?:,\s*)?(?:rather\s+than|instead\s+of)\s+(?:(?:a|an|the|one\s+of\s+the)\s+)?")


def _not_a_type(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """"A is not a distinct subtype", "A is not a true porphyria": A is denied a place among the condition's
    types. In "A is a form of B and is not considered a separate type" the denial is A's, the clause's subject."""
    denials = list(_NOT_A_TYPE.finditer(sentence.folded))
    outside: set[int] = set()
    for mention in sentence.mentions_of("condition", "scope"):
        true_one = _NOT_TRUE_ONE.search(sentence.folded, 0, mention.start - sentence.start)
        if true_one is not None and true_one.end() == mention.start - sentence.start:
            denials.append(true_one)
            outside.add(true_one.start())
        bare = _IS_NOT_BEFORE.search(sentence.folded, 0, mention.start - sentence.start)
        if bare is not None and bare.end() == mention.start - sentence.start \
                and _CLAUSE_ENDS_AFTER.match(sentence.folded, mention.end - sentence.start):
            denials.append(bare)  # "A is not <the condition> (at all)"
            outside.add(bare.start())
    for denial in denials:
        if RENAMING_PATTERN.search(sentence.folded, 0, denial.start()):
            continue  # "renamed it B, so it's the same thing, not a separate type": the old name's, not B's
        subject = _subject_before(analysis, sentence, sentence.start + denial.start())
        if _AND_BEFORE.search(sentence.folded, 0, denial.start()):
            first = next((m for m in sentence.mentions if m.kind in TYPE_LIKE), None)
            subject = first.name if first is not None and first.end <= sentence.start + denial.start() else subject
        if denial.group(0).startswith(("rather", "instead")):
            # "A is a variant of B rather than a distinct type": the contrast is with A's own predicate.
            first = next((m for m in sentence.mentions if m.kind in TYPE_LIKE
                          and m.end <= sentence.start + denial.start()), None)
            subject = first.name if first is not None else subject
        condition = analysis.topic.condition.name
        if subject is not None and subject != condition:
            if denial.start() in outside:
                yield from _outside(analysis, sentence, subject, "type_relation.not_a_type", _hedge(sentence, denial.start()))
                continue
            yield _row(analysis, sentence, subject, "separate_type", condition, "type_relation.not_a_type",
                       polarity="negated", hedge=_hedge(sentence, denial.start()))


def _active_call(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """"Doctors once called A 'B'": the speaker gives A another name."""
    for mention in sentence.mentions:
        if mention.kind not in TYPE_LIKE:
            continue
        cue = _ACTIVE_CALL.search(sentence.folded, 0, mention.start - sentence.start)
        if cue is None or cue.end() != mention.start - sentence.start:
            continue
        start = mention.end
        if re.search(r"\bwhat\s+$", sentence.folded[:cue.start()]):
            # "What people call A is usually B": A is the speaker's name for B
            following = next((m for m in sentence.mentions if m.start >= mention.end and m.kind in TYPE_LIKE), None)
            if following is not None and following.name != mention.name \
                    and _WHAT_CALL_IS.fullmatch(analysis.folded[mention.end:following.start]):
                yield _row(analysis, sentence, mention.name, "alias_of", following.name, "type_relation.called",
                           hedge=_hedge(sentence, mention.end - sentence.start + 20))
            continue
        quote = re.match(r"[\s,]*[\"'\u201c\u2018]?", analysis.text[start:sentence.end])
        if re.match(r"\s*(?:is|are|was|were|has|have|had|can|may|does|do|did|will|would)\b", analysis.folded[start + quote.end():sentence.end]):
            continue  # "people call A is ...": no second name follows
        names = _alias_names(analysis, sentence, start + quote.end())
        names = [(written.strip("\"'\u201d\u2019. "), named) for written, named in names]
        yield from _alias_claims(analysis, sentence, mention, [n for n in names if n[0]][:1], "type_relation.called",
                                 _hedge(sentence, cue.start()))


def _pairs(sentence: Sentence) -> Iterator[tuple[Mention, Mention, int, int]]:
    """Consecutive named things of a sentence, with the relative span between them."""
    named = [m for m in sentence.mentions if m.kind in NAMED_KINDS]
    for first, second in zip(named, named[1:]):
        yield first, second, first.end - sentence.start, second.start - sentence.start


def _sameness(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """Two names said to mean one thing ("A and B are used interchangeably", "A is the same as B") or two
    things ("A is distinct from B", "A should not be confused with B"): an alias of B, asserted or denied (and,
    for two things, no subtype of B either). "A is distinct from <the condition>" denies A a place among its
    types."""
    for first, second, gap_start, gap_end in _pairs(sentence):
        if first.kind in TYPE_LIKE and second.kind in ("condition", "scope") \
                and _DIFFERENT_BETWEEN.fullmatch(sentence.folded[gap_start:gap_end]):
            yield from _outside(analysis, sentence, first.name, "type_relation.different", _hedge(sentence, gap_start))
            continue
        if first.kind in TYPE_LIKE and second.kind in ("condition", "scope"):
            apart = _APART_FROM_CONDITION.fullmatch(sentence.folded[gap_start:gap_end])
            if apart is not None:
                subjects = _coordinated_before(analysis, sentence, first.end) or [first.name]
                # a hedge inside the aside ("which is often linked to X") is not the placement's
                hedge = _hedge(sentence, gap_start)
                if apart.group("aside") and hedge != "attributed":
                    own = HEDGE_PATTERN.search(sentence.folded, gap_start + apart.end("aside"), gap_end)
                    hedge = own.group(0) if own else ""
                for name in subjects:
                    yield from _outside(analysis, sentence, name, "type_relation.different", hedge)
                continue
        if second.kind in TYPE_LIKE and _APPOSED_APART.fullmatch(sentence.folded[gap_start:gap_end]) \
                and _TYPE_OF_BEFORE.search(sentence.folded, 0, first.start - sentence.start):
            # "A is a type of X, separate from B": A, not X, is set apart from B
            subject = _subject_before(analysis, sentence, first.start)
            if subject is not None and subject != second.name:
                for value in ("alias_of", "subtype_of"):
                    yield _row(analysis, sentence, subject, value, second.name, "type_relation.different",
                               polarity="negated", hedge=_hedge(sentence, gap_start))
            continue
        if first.kind == "condition" and second.kind in TYPE_LIKE \
                and _DIFFERENT_BETWEEN.fullmatch(sentence.folded[gap_start:gap_end]):
            # "<the condition> is different from B": B is no part of it
            yield from _outside(analysis, sentence, second.name, "type_relation.different", _hedge(sentence, gap_start))
            continue
        if first.kind not in TYPE_LIKE or second.kind not in TYPE_LIKE:
            continue
        if first.name == second.name:
            yield from _same_term_denied(analysis, sentence, first, second, gap_start, gap_end)
            continue
        gap = sentence.folded[gap_start:gap_end]
        after = sentence.folded[second.end - sentence.start:]
        paired = re.fullmatch(r"\s*(?:and|&)\s+(?:the\s+(?:term\s+)?)?", gap) is not None
        hedge = _hedge(sentence, gap_start)
        not_forms = _PAIR_NOT_FORMS_OF.match(after) if paired else None
        parent = next((m for m in sentence.mentions if not_forms and m.start == second.end + not_forms.end()
                       and m.kind in NAMED_KINDS), None)
        if parent is not None:
            # "A and B are separate conditions and not forms of C": the denial is each one's, with C; A and B
            # are not set against each other
            for subject in (first, second):
                if parent.kind in ("condition", "scope"):
                    yield from _outside(analysis, sentence, subject.name, "type_relation.not_a_form", hedge)
                elif parent.name != subject.name:
                    yield _row(analysis, sentence, subject.name, "subtype_of", parent.name, "type_relation.not_a_form",
                               polarity="negated", hedge=hedge)
            continue
        if (paired and _SAME_AFTER_PAIR.match(after)) or _SAME_BETWEEN.fullmatch(gap):
            denied = NEGATION_PATTERN.search(after[:40] if paired else gap)
            # "the same thing as B, just the endemic version": a narrower form of B, not another name for it
            value = "subtype_of" if not paired and _JUST_A_VERSION.match(after) else "alias_of"
            claim = _row(analysis, sentence, first.name, value, second.name, "type_relation.same", hedge=hedge)
            yield _negate(claim) if denied else claim
        elif (paired and _DIFFERENT_AFTER_PAIR.match(after)) or _DIFFERENT_BETWEEN.fullmatch(gap):
            for value in ("alias_of", "subtype_of"):
                yield _row(analysis, sentence, first.name, value, second.name, "type_relation.different",
                           polarity="negated", hedge=hedge)


def _same_term_denied(analysis: DocumentAnalysis, sentence: Sentence, first: Mention, second: Mention,
                      gap_start: int, gap_end: int) -> Iterator[Claim]:
    """"A1 and A2 are not the same thing", "A1 is distinct from A2", two names the lexicon files under one term: the
    source denies the name as written is another name for it (a source that gives A1 as a former name of A2 writes it
    as the alias's subject too)."""
    written = _written(analysis, first.start, first.end)
    if fold_equal(written, _written(analysis, second.start, second.end)) or fold_equal(written, first.name):
        return
    gap = sentence.folded[gap_start:gap_end]
    after = sentence.folded[second.end - sentence.start:]
    paired = re.fullmatch(r"\s*(?:and|&)\s+(?:the\s+(?:term\s+)?)?", gap) is not None
    same = (paired and _SAME_AFTER_PAIR.match(after)) or _SAME_BETWEEN.fullmatch(gap)
    denied_same = same and NEGATION_PATTERN.search(after[:40] if paired else gap)
    different = (paired and _DIFFERENT_AFTER_PAIR.match(after)) or _DIFFERENT_BETWEEN.fullmatch(gap)
    if denied_same or different:
        yield _row(analysis, sentence, written, "alias_of", first.name, "type_relation.different",
                   polarity="negated", hedge=_hedge(sentence, gap_start))


def _row_description(analysis: DocumentAnalysis, sentence: Sentence) -> Iterator[Claim]:
    """A table row "A | inherited; not a type of <X>", "A | a separate disorder, distinct from <X>", "A | a rare
    form of B": the later cells describe the thing the first cell names, without a verb."""
    if sentence.block.kind != "row":
        return
    cells = table_cells(sentence.folded)
    if len(cells) < 2:
        return
    first_start, first_end = (sentence.start + at for at in cells[0])
    first = [m for m in sentence.mentions if first_start <= m.start and m.end <= first_end]
    subject = _type_of(sentence, first)
    if subject is None or subject.kind not in TYPE_LIKE or len({m.name for m in first if m.kind in TYPE_LIKE}) != 1:
        return
    for cell_start, cell_end in cells[1:]:
        starts = [cell_start] + [m.end() for m in _ROW_CLAUSE.finditer(sentence.folded, cell_start, cell_end)]
        for at in starts:
            for pattern, value in ((_ROW_NOT_TYPE_OF, "not"), (_ROW_SEPARATE, "separate"), (_ROW_FORM_OF, "form")):
                cue = pattern.match(sentence.folded, at, cell_end)
                if cue is None:
                    continue
                hedge = _hedge(sentence, cue.start())
                if value == "separate" and not cue.group(0).rstrip().endswith(("from", "the")):
                    yield from _outside(analysis, sentence, subject.name, "type_relation.row", hedge)
                    return
                target = next((m for m in sentence.mentions if m.start == sentence.start + cue.end()), None)
                target = _first_named([m for m in sentence.mentions if m.start >= sentence.start + cue.end()][:2]) \
                    if target is not None else None
                if target is None or target.name == subject.name:
                    continue
                if target.kind in ("condition", "scope"):
                    if value != "form":
                        yield from _outside(analysis, sentence, subject.name, "type_relation.row", hedge)
                        return
                elif target.kind in TYPE_LIKE:
                    yield _row(analysis, sentence, subject.name, "subtype_of", target.name, "type_relation.row",
                               polarity="asserted" if value == "form" else "negated", hedge=hedge)
                    if value == "separate":
                        yield _row(analysis, sentence, subject.name, "alias_of", target.name, "type_relation.row",
                                   polarity="negated", hedge=hedge)
                    return


def extract(analysis: DocumentAnalysis) -> Iterator[Claim]:
    entity_names = {entity.name for entity in analysis.topic.entities}
    for sentence in analysis.sentences_for(FACET):
        if sentence.is_question:
            continue
        yield from _aliases(analysis, sentence)
        yield from _parenthetical_aliases(analysis, sentence)
        yield from _subtypes(analysis, sentence)
        yield from _classified_as(analysis, sentence)
        yield from _not_a_form(analysis, sentence)
        yield from _not_a_type(analysis, sentence)
        yield from _separate_condition(analysis, sentence)
        yield from _form_of_type(analysis, sentence)
        yield from _placed_under(analysis, sentence)
        yield from _names_line(analysis, sentence)
        yield from _names_column(analysis, sentence)
        yield from _divided_into(analysis, sentence)
        yield from _includes(analysis, sentence)
        yield from _active_call(analysis, sentence)
        yield from _sameness(analysis, sentence)
        yield from _row_description(analysis, sentence)
    yield from _counted_then_named(analysis)
    for named in named_types(analysis):
        if named.facet == FACET:
            yield named  # a member of a list scoped to a type
        elif named.subject in entity_names:
            yield Claim(source_id=named.source_id, facet=FACET, subject=named.subject, object=named.object,
                        value="separate_type", quote=named.quote, start=named.start, end=named.end,
                        extractor="type_relation.separate_type")
