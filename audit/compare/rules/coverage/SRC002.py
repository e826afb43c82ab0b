from __future__ import annotations

import re

from audit.compare.context import Context, absent_position, position
from audit.compare.model import Cause, Question
from audit.compare.rules.base import Rule, join_names

# Words by which a source makes a symptom one of the condition's defining ones ("the main symptoms are",
# "the dominant symptom is", "the hallmark of", "a condition characterized by"). "Common" is not among them: a common
# symptom may be left out.
KEY_SYMPTOM = re.compile(r"\b(?:main|hallmark|cardinal|chief|primary|principal|dominant|defining|key|leading|"
                         r"characteri[sz]ed\s+by|defined\s+by|most\s+(?:troubling|disabling|bothersome|distressing|"
                         r"debilitating|burdensome|limiting))\b")
_KEY_WORD = re.compile(r"\b(?:main|hallmark|cardinal|chief|primary|principal|dominant|defining|key|leading)\b")
# What characterizes one type sets it apart from the others ("type A - characterized by X"): not a main symptom of
# that type that every source describing it must name; what characterizes the condition is
_CHARACTERIZES = re.compile(r"\b(?:characteri[sz]ed|defined)\s+by\b")
# "the main symptoms in toddlers are", "one of the main signs in young children": the people the main symptom is
# said of, kept in the message (an omission by a source about everyone may be one a reader would excuse)
_MAIN_FOR = re.compile(r"\b(?:main|hallmark|cardinal|chief|primary|principal|dominant|defining|key|leading)\s+"
                       r"(?:symptoms?|signs?|features?|complaints?)\s+(?:in|among)\s+"
                       r"(?P<who>(?:[a-z'-]+\s){0,2}?[a-z'-]+)(?=\s+(?:are|is|include|includes)\b|\s*[.,;:)]|$)")
DESCRIBES_SYMPTOMS = 2  # a source that names at least this many symptoms describes them


# A head word's ending that other wordings of the same word drop ("poor growth" / "grow slowly", "swelling" /
# "swells"; not "-ation", which would make "urination" match any "urine")
_SUFFIX = re.compile(r"(?:th|ing|ness|ed|es|s)$")


def _stem(word: str) -> str:
    stem = _SUFFIX.sub("", word)
    return stem if len(stem) >= 4 else word


def _head_words(ctx: Context, subject: str) -> tuple[str, ...]:
    """The stems of the head words of a symptom's lexicon forms ("dark urine" -> "urine", "poor growth" -> "grow")."""
    term = ctx.topic.term("symptom", subject)
    forms = (*term.forms, term.name) if term is not None else (subject,)
    heads = {_stem(form.lower().split()[-1]) for form in forms if form.split()}
    return tuple(sorted(head for head in heads if len(head) >= 4))


def _names_in_other_words(text: str, heads: tuple[str, ...]) -> bool:
    """Whether a source's sentences with claims use a symptom's head word outside the lexicon's forms ("dark or
    reddish urine", "grow slowly" for poor growth): then "never mentions it" would not be true, only that the
    lexicon missed its wording."""
    return any(re.search(rf"\b{re.escape(head)}", text) for head in heads)


class SRC002(Rule):
    """A source calls a symptom a main one; other sources that describe the symptoms never mention it.

    For each symptom a source states as a main, dominant or hallmark symptom
    of the condition (or of one type), or as the most troubling one, lists the sources that describe the
    symptoms (they name at least two) but never mention this one, in any
    wording the lexicon knows, asserted or denied, nor use the head word of its
    names, or its stem, in their sentences that state anything ("dark or
    reddish urine" names dark urine, "grow slowly" names poor growth, in
    words the lexicon lacks). Not a contradiction: an
    omission a reader of those articles would notice. Symptoms a source merely
    lists are not checked: articles choose which minor signs to name. When the
    calling source says for whom the symptom is a main one ("the main symptoms
    in toddlers are"), the message says so.

    **Anti-pattern**: one article says the main symptoms are bleeding and easy
    bruising; two others describe the bleeding and never mention bruising.

    **Best practice**: name the main symptoms in every article, or say why one
    is left out.
    """

    code = "SRC002"
    name = "main-symptom-omitted"
    severity = "warning"
    facet = "symptom"

    def questions(self, ctx: Context):
        symptoms = ctx.facet("symptom")
        if not len(symptoms):
            return
        hedges = symptoms["hedge"]
        # "my main symptom was X" is one writer's course, not the source calling X a main symptom
        key = symptoms[(symptoms["polarity"] == "asserted") & (symptoms["qualifier"] != "personal")
                       & hedges.str.contains(KEY_SYMPTOM)
                       & ~(hedges.str.contains(_CHARACTERIZES) & ~hedges.str.contains(_KEY_WORD)
                           & (symptoms["scope"] != ""))]
        if not len(key):
            return
        mentioning = symptoms.groupby("subject")["source_id"].agg(set)
        claims = ctx.claims
        quotes = claims.groupby("source_id")["quote"].agg(lambda q: " ".join(dict.fromkeys(q)).lower())
        for (subject, scope), rows in key.groupby(["subject", "scope"], sort=True):
            calling = set(rows["source_id"])
            heads = _head_words(ctx, subject)
            omitting = sorted(source for source in self._describing(symptoms, scope) - mentioning.get(subject, set())
                              if not _names_in_other_words(quotes.get(source, ""), heads))
            whom = {match.group("who") if match else "" for match in map(_MAIN_FOR.search, rows["quote"].str.lower())}
            who = whom.pop() if len(whom) == 1 else ""
            positions = [position("main", f"a main symptom{' of ' + scope if scope else ''}"
                                          f"{' in ' + who if who else ''}", rows)]
            if omitting:
                positions.append(absent_position("describes the symptoms without it", omitting))
            speaking = tuple(sorted(calling | set(omitting)))
            yield Question(self.code, self.facet, subject, scope, tuple(positions), speaking, ctx.silent(speaking),
                           for_truth=False, details=(("people", who),) if who else ())

    @staticmethod
    def _describing(symptoms, scope: str) -> set[str]:
        """Sources that name at least DESCRIBES_SYMPTOMS symptoms of the condition (or of ``scope``, a type):
        a source that describes only another type does not omit this type's main symptom."""
        relevant = symptoms if not scope else symptoms[symptoms["scope"].isin(["", scope])]
        named = relevant.groupby("source_id")["subject"].nunique()
        return set(named[named >= DESCRIBES_SYMPTOMS].index)

    def judge(self, question: Question, ctx: Context):
        if len(question.positions) < 2:
            return None
        main, absent = question.positions
        who = question.detail("people")
        what = f"{question.subject} a main symptom{' of ' + question.key if question.key else ''}" \
               f"{' in ' + who if who else ''}"
        one = len(absent.sources) == 1
        message = (f"{join_names(main.sources)} call{'s' if len(main.sources) == 1 else ''} {what}; "
                   f"{join_names(absent.sources)}, which describe{'s' if one else ''} the symptoms, "
                   f"never mention{'s' if one else ''} it.")
        return self.finding(question, message, (Cause("omission", "left out, not contradicted"),), kind="omission")
