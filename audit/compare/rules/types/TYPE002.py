from __future__ import annotations

from audit.compare.causes import classify
from audit.compare.context import Context, absent_position, position
from audit.compare.model import Cause, Question
from audit.compare.rules.base import Rule, join_names
from audit.words import words


class TYPE002(Rule):
    """An entity is counted as a type by some sources and not by others.

    For every entity any source names as a type, shows the sources that name
    it, the sources that place it otherwise (as another name for a type, or a
    subtype of one), and the sources whose list of types is closed without it
    (they state a number and name exactly that many types). A source that
    names a few types without closing its list only leaves the others out: it
    is not counted against them. Entities every listing source names are
    reported as agreements: safe to state. A source that places the entity
    under another type is counted on that side, however else it names it
    (a place under a grouping the lexicon keeps as an entity or a scope,
    such as a group of types by the size of what they affect, or another
    name that is none of the lexicon's types, leaves it a type),
    and so is one that denies it a place among the types and names it only
    in passing;
    a name only written in passing (a full name holding the condition's,
    outside a list, heading or "is a type" sentence) is not set against
    sources that place it. When the sources simply classify differently (every
    source that leaves the entity out closes a list of types that shares
    no type with, and is longer or shorter than, the closed list of every
    source that names it), the finding is informational: TYPE001 reports
    the two classifications once, as a disagreement of counts. So is it when the sources that leave the entity out list,
    as types, the entities some source places under it: the same
    classification at a finer grain.

    **Anti-pattern**: three articles list vestibular migraine among the types
    of migraine; two list the types and never mention it.

    **Best practice**: include it with a note that some classifications treat
    it separately, or explain why it is left out.
    """

    code = "TYPE002"
    name = "type-membership-differs"
    severity = "warning"
    facet = "type"
    groups_by = "subject"

    def questions(self, ctx: Context):
        relations = ctx.facet("type_relation")
        asserted = relations["polarity"] == "asserted"
        # another placement ("another name for B", "a subtype of B"), or a denial of a place among the types
        # ("not a true type"); not a denial of another placement ("not a subtype of B" says nothing of membership)
        # "a subtype of B" or "another name for B" places it elsewhere only when B is one of the lexicon's types:
        # under a grouping the lexicon keeps as an entity or a scope ("a large-vessel form", "one of the two ANCA
        # forms") it is still a type of the condition, and a type with another name ("A, also known as C") is
        # still a type, whichever way the sentence puts it
        type_names = {term.name for term in ctx.topic.terms() if term.kind == "type"}
        under_group = relations["value"].isin(("subtype_of", "alias_of")) \
            & ~relations["object"].isin(type_names | ctx.topic.condition_names())
        relations = relations[((asserted & (relations["value"] != "separate_type")) & ~under_group)
                              | (~asserted & (relations["value"] == "separate_type"))]
        # "a form of <the condition>" is a type of it, not a place under another type
        placing_rows = relations[(relations["polarity"] == "asserted") & relations["value"].isin(("subtype_of", "alias_of"))
                                 & ~relations["object"].isin(ctx.topic.condition_names())]
        type_rows = ctx.facet("type")
        for subject, named_rows in type_rows.groupby("subject", sort=True):
            # A source that places the entity under another type is on that side, however it also names it.
            placers = set(placing_rows.loc[placing_rows["subject"] == subject, "source_id"])
            # a source that denies it a place among the types and writes its name only in passing denies it
            in_passing = named_rows.groupby("source_id")["extractor"].agg(lambda found: bool((found == "type.compound").all()))
            deniers = set(relations.loc[(relations["subject"] == subject) & (relations["polarity"] == "negated"), "source_id"])
            placers |= deniers & set(in_passing[in_passing].index)
            named_rows = named_rows[~named_rows["source_id"].isin(placers)]
            if named_rows.empty or (placers and (named_rows["extractor"] == "type.compound").all()):
                continue  # only written in passing by sources that do not place it, beside sources that do
            positions = [position("named", "named as a type", named_rows)]
            naming = set(named_rows["source_id"])
            placed = relations[(relations["subject"] == subject) & ~relations["source_id"].isin(naming)]
            for (value, obj, polarity), rows in placed.groupby(["value", "object", "polarity"], sort=True):
                if polarity == "negated":
                    positions.append(position("not:separate_type", "denied a place among the types", rows))
                else:
                    positions.append(position(f"{value}:{obj}", words(f"{value}:{obj}"), rows))
            placing = set(placed["source_id"])
            absent = [s for s in ctx.closed_list_sources if s not in naming and s not in placing]
            if absent:
                positions.append(absent_position("closes its list of types without it", absent))
            speaking = tuple(sorted(naming | placing | set(absent)))
            yield Question(self.code, self.facet, subject, "", tuple(positions), speaking,
                           ctx.silent(speaking))

    def judge(self, question: Question, ctx: Context):
        named = question.positions[0]
        others = question.positions[1:]
        if not others:
            if len(named.sources) >= 2:
                return self.agreement(question, f"All {len(named.sources)} sources that list types include "
                                                f"{question.subject}.")
            return None
        if len(question.speaking) < 2:
            return None
        not_named = sorted({s for p in others for s in p.sources})
        message = (f"{question.subject} is counted as a type by {join_names(named.sources)} "
                   f"but not by {join_names(not_named)}.")
        if _named_by_its_subtypes(question.subject, others, ctx):
            message += " They list its subtypes as types instead: the same classification at a finer grain."
            return self.finding(question, message, (Cause("scheme", f"{join_names(not_named)} list"
                                                                    f"{'s' if len(not_named) == 1 else ''} the subtypes of "
                                                                    f"{question.subject} as types"),),
                                severity="info")
        if _other_classification(named.sources, others, ctx):
            message += (" Their lists of types have no type in common and differ in number: two classifications,"
                        " reported once by TYPE001.")
            return self.finding(question, message, (Cause("scheme", "different classifications: the lists of types "
                                                                    "have no type in common"),),
                                severity="info")
        return self.finding(question, message, classify(question, ctx, scheme=True))


def _named_by_its_subtypes(subject: str, others, ctx: Context) -> bool:
    """Whether every source leaving the entity out names, as types, entities some source places under it: "A1 and
    A2" listed where another lists "A (A1 and A2)" is one classification at a finer grain, not a disagreement."""
    if not all(p.value == "absent" for p in others):
        return False
    relations = ctx.facet("type_relation")
    children = set(relations.loc[(relations["value"] == "subtype_of") & (relations["object"] == subject)
                                 & (relations["polarity"] == "asserted"), "subject"])
    if not children:
        return False
    return all(children & set(ctx.named_types.get(source, {})) for p in others for source in p.sources)


def _other_classification(naming: tuple[str, ...], others, ctx: Context) -> bool:
    """Whether the entity is left out only because the sources classify differently: every other source closes a
    list of types that shares no type with, and counts differently from, the closed list of every source naming it
    ("axillary, follicular and gluteal" against six types by site). TYPE001 reports that as one disagreement of
    counts; a warning per type would repeat it."""
    if not all(p.value == "absent" for p in others):
        return False
    closed = set(ctx.closed_list_sources)
    leaving_out = {s for p in others for s in p.sources}
    if not (set(naming) <= closed and leaving_out <= closed):
        return False
    for source in naming:
        kinds = set(ctx.named_types.get(source, {}))
        for other in leaving_out:
            other_kinds = set(ctx.named_types.get(other, {}))
            if kinds & other_kinds or len(kinds) == len(other_kinds):
                return False
    return True
