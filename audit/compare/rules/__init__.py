"""The rule registry. One module per rule, grouped in families like sqlfluff's.

``get_rules()`` returns one instance of every built-in rule, in code order.
A third-party rule is any subclass of :class:`audit.compare.rules.base.Rule`
passed to :func:`audit.compare.compare` in ``rules=``.
"""
from __future__ import annotations

from audit.compare.rules.base import Rule
from audit.compare.rules.coverage.SRC001 import SRC001
from audit.compare.rules.coverage.SRC002 import SRC002
from audit.compare.rules.frequency.FREQ001 import FREQ001
from audit.compare.rules.frequency.FREQ002 import FREQ002
from audit.compare.rules.numbers.NUM001 import NUM001
from audit.compare.rules.numbers.NUM002 import NUM002
from audit.compare.rules.numbers.NUM003 import NUM003
from audit.compare.rules.onset.ONSET001 import ONSET001
from audit.compare.rules.polarity.POL001 import POL001
from audit.compare.rules.treatment.TREAT001 import TREAT001
from audit.compare.rules.types.TYPE001 import TYPE001
from audit.compare.rules.types.TYPE002 import TYPE002
from audit.compare.rules.types.TYPE003 import TYPE003
from audit.compare.rules.types.TYPE004 import TYPE004

BUILTIN_RULES: tuple[type[Rule], ...] = (TYPE001, TYPE002, TYPE003, TYPE004, NUM001, NUM002, NUM003, POL001, FREQ001,
                                         FREQ002, SRC001, SRC002, TREAT001, ONSET001)


def get_rules() -> list[Rule]:
    return [rule() for rule in sorted(BUILTIN_RULES, key=lambda rule: rule.code)]


def rule_codes() -> list[str]:
    return sorted(rule.code for rule in BUILTIN_RULES)
