"""The rule interface. A rule is a class with a code, a severity and a docstring.

The docstring's first line is the rule's short description; the rest is its
user documentation (rendered into docs/rules.md by ``python -m audit.docs``).
"""
from __future__ import annotations

from typing import ClassVar, Iterable

from audit.compare.context import Context
from audit.compare.model import Agreement, Cause, Finding, Question, stable_id
from audit.severity import SEVERITIES



class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[str]
    facet: ClassVar[str]
    #: What the rule's questions are built from, so an incremental run rebuilds only the changed ones
    #: (:mod:`audit.compare.incremental`): "subject" -- a question about subject S is built from the claims
    #: whose subject is S (of any facet) and the context's per-source summaries, and has S as its subject;
    #: "source" -- one question per source, built from that source's claims alone; None -- the whole table.
    groups_by: ClassVar[str | None] = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if not (cls.__doc__ or "").strip():
            raise TypeError(f"rule {cls.__name__} needs a docstring: it is the rule's documentation")
        if getattr(cls, "severity", None) not in SEVERITIES:
            raise TypeError(f"rule {cls.__name__} has no valid severity")

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    def questions(self, ctx: Context) -> Iterable[Question]:
        raise NotImplementedError

    def judge(self, question: Question, ctx: Context) -> Finding | Agreement | None:
        raise NotImplementedError

    # Helpers so rules stay short.
    def finding(self, question: Question, message: str, causes: tuple[Cause, ...] = (),
                kind: str = "disagreement", severity: str | None = None) -> Finding:
        return Finding(id=stable_id(self.code, question.facet, question.subject, question.key), code=self.code,
                       severity=severity or self.severity, facet=question.facet, subject=question.subject,
                       message=message, positions=question.positions, silent=question.silent, causes=causes,
                       kind=kind, rule_name=self.name)

    def agreement(self, question: Question, message: str) -> Agreement:
        return Agreement(id=stable_id(f"{self.code}", "agree", question.facet, question.subject, question.key),
                         code=self.code, facet=question.facet, subject=question.subject, message=message,
                         positions=question.positions, silent=question.silent)


NAMES_SHOWN = 6  # a message names at most this many sources, then counts the rest


def join_names(names) -> str:
    """'a, b and c'; a long list becomes 'a, b, c, d, e, f and 9,994 others' (messages stay one line)."""
    names = list(names)
    if len(names) > NAMES_SHOWN + 1:
        return ", ".join(names[:NAMES_SHOWN]) + f" and {len(names) - NAMES_SHOWN:,} others"
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
