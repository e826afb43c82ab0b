"""Baselines: accepted findings stop failing CI but stay visible as waived.

``audit-baseline.yaml``::

    waivers:
      - id: TYPE001-7570a60d3f        # the finding's stable id
        reason: Classifications differ in the literature; we say so in the article.   # required
        who: J. Editor
        date: "2026-11-21"
        expires: "2027-06-30"          # optional
        fingerprint: 0cb206205848      # optional; written by `audit baseline`
        severity: warning              # optional; written by `audit baseline`

A finding's id names the question it answers (rule, facet, subject, scope;
the source for an internal finding), never the values sources give, so a
waiver follows its finding through edits. When the competing values or quotes
differ from the recorded fingerprint, the waiver still applies but is reported
as *changed*, for review; it stops applying only when the finding became more
severe than when it was waived. A waiver whose finding is *gone*, or that is
*expired* after its expiry date, waives nothing and is reported.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from audit.atomic import write_text
from audit.errors import InputError
from audit.severity import SEVERITIES, rank
from audit.yamlio import LineDict, load_yaml

_KEYS = {"id", "reason", "who", "date", "expires", "fingerprint", "severity"}
_ID = re.compile(r"^[A-Z]+\d{3}-[0-9a-f]{10}$")


@dataclass(frozen=True)
class Waiver:
    id: str
    reason: str
    who: str = ""
    date: str = ""
    expires: str = ""
    fingerprint: str = ""
    severity: str = ""
    line: int | None = None


@dataclass
class Baseline:
    path: Path
    waivers: dict[str, Waiver]
    today: dt.date
    seen: set[str] = field(default_factory=set)
    stale: list[dict] = field(default_factory=list)

    def apply(self, findings: list) -> list:
        """Mark waived findings; remember changed and expired waivers."""
        result = []
        for finding in findings:
            waiver = self.waivers.get(finding.id)
            if waiver is None:
                result.append(finding)
                continue
            self.seen.add(finding.id)
            if waiver.expires and dt.date.fromisoformat(waiver.expires) < self.today:
                self.stale.append({"id": waiver.id, "status": "expired", "detail": f"expired on {waiver.expires}"})
                result.append(finding)
            elif waiver.severity and rank(finding.severity) < rank(waiver.severity):
                self.stale.append({"id": waiver.id, "status": "changed",
                                   "detail": f"now {finding.severity}, waived as {waiver.severity}: no longer "
                                             "waived; review it and re-baseline"})
                result.append(finding)
            elif waiver.fingerprint and waiver.fingerprint != finding.fingerprint:
                # Same question, other answers (e.g. a count edited): the waiver holds, the editor is told.
                self.stale.append({"id": waiver.id, "status": "changed",
                                   "detail": "what the sources say changed since it was waived (still waived); "
                                             "review it and re-baseline"})
                result.append(replace(finding, waived=True, waiver_reason=waiver.reason))
            else:
                result.append(replace(finding, waived=True, waiver_reason=waiver.reason))
        return result

    def report(self) -> dict:
        gone = [{"id": waiver_id, "status": "gone", "detail": "no such finding any more; remove the waiver"}
                for waiver_id in sorted(set(self.waivers) - self.seen)]
        return {"file": self.path.as_posix(), "waivers": len(self.waivers),
                "stale": sorted(self.stale + gone, key=lambda item: (item["id"], item["status"]))}


def _date(value, what: str, path: Path, line: int | None) -> str:
    if value in (None, ""):
        return ""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{what} {text!r} is not a date (YYYY-MM-DD)", path, line) from None
    return text


def load_baseline(path: str | Path, today: dt.date | None = None) -> Baseline:
    path = Path(path)
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("waivers", []), list):
        raise InputError("top level must be a mapping with a 'waivers' list", path, 1)
    waivers: dict[str, Waiver] = {}
    entries = data.get("waivers") or []
    for index, entry in enumerate(entries):
        line = entries.lines[index] if hasattr(entries, "lines") else None
        if not isinstance(entry, LineDict):
            raise InputError("each waiver must be a mapping with id and reason", path, line)
        for key in entry:
            if key not in _KEYS:
                raise InputError(f"unknown key {key!r} (known: {', '.join(sorted(_KEYS))})", path, entry.line_of(key))
        finding_id = str(entry.get("id", "")).strip()
        if not _ID.match(finding_id):
            raise InputError(f"id {finding_id!r} is not a finding id (e.g. TYPE001-0123456789)", path, entry.line_of("id"))
        reason = str(entry.get("reason") or "").strip()
        if not reason:
            raise InputError(f"waiver {finding_id} needs a reason", path, entry.line)
        fingerprint = entry.get("fingerprint", "")
        if fingerprint is not None and not isinstance(fingerprint, str):
            # YAML reads 000123 as a number and drops the zeros: a fingerprint must stay text.
            raise InputError("fingerprint must be a quoted string, e.g. fingerprint: '0123abcd4567'",
                             path, entry.line_of("fingerprint"))
        severity = str(entry.get("severity") or "").strip()
        if severity and severity not in SEVERITIES:
            raise InputError(f"severity {severity!r} is not one of {', '.join(SEVERITIES)}", path,
                             entry.line_of("severity"))
        if finding_id in waivers:
            raise InputError(f"finding {finding_id} is waived twice", path, entry.line)
        waivers[finding_id] = Waiver(finding_id, reason, str(entry.get("who") or ""),
                                     _date(entry.get("date"), "date", path, entry.line_of("date")),
                                     _date(entry.get("expires"), "expires", path, entry.line_of("expires")),
                                     fingerprint or "", severity, entry.line)
    return Baseline(path=path, waivers=waivers, today=today or dt.date.today())


def write_baseline(findings: list, path: str | Path, reason: str, who: str = "", date: str = "",
                   expires: str = "") -> int:
    """Write a baseline waiving every given finding; returns how many.

    Each entry is preceded by a one-line comment saying what the finding is, for reviewers.
    """
    lines = ["# audit baseline: accepted findings. Each waiver needs a reason; see audit/baseline.py.",
             "waivers:"]
    ordered = sorted(findings, key=lambda f: f.id)
    for finding in ordered:
        entry = {"id": finding.id, "reason": reason, "who": who, "date": date, "fingerprint": finding.fingerprint,
                 "severity": finding.severity}
        if expires:
            entry["expires"] = expires
        lines.append("  # " + " ".join(f"{finding.code} {finding.subject}: {finding.message}".split()))
        dumped = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=10_000)
        lines.extend("  " + line for line in dumped.splitlines())
    if not ordered:
        lines[-1] = "waivers: []"
    write_text(path, "\n".join(lines) + "\n")
    return len(ordered)
