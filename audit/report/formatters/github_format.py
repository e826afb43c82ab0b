"""GitHub Actions workflow commands: one annotation per finding, on the quoted line."""
from __future__ import annotations

from audit.report.formatters._common import (check_items, draft_location, first_quote, item_message,
                                              quote_location)
from audit.words import words

NAME = "github"
_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation(level: str, message: str, title: str, location: dict | None = None) -> str:
    """One workflow command; ``location`` ({path, start_line, start_column, end_line, end_column}) places it."""
    properties = [f"title={_property(title)}"]
    if location:
        place = [f"file={_property(location['path'])}", f"line={location['start_line']}"]
        if location.get("end_line"):
            place.append(f"endLine={location['end_line']}")
        # GitHub reads columns only within one line
        if location.get("start_column") and location.get("end_line") == location["start_line"]:
            place += [f"col={location['start_column']}", f"endColumn={location['end_column']}"]
        properties[:0] = place
    return f"::{_COMMAND[level]} {','.join(properties)}::{_data(message)}"


def audit(document: dict) -> str:
    lines = []
    for finding in document["findings"]:
        if finding.get("waived"):
            continue
        quote = first_quote(finding)
        lines.append(_annotation(finding["severity"], finding["message"], f"{finding['code']} {finding['subject']}",
                                 quote_location(document, quote) if quote else None))
    counts = document["summary"]["findings"]
    lines.append(f"audit: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} info")
    return "\n".join(lines) + "\n"


def diff(document: dict) -> str:
    lines = [_annotation(f["severity"], f"new finding: {f['message']}", f"{f['code']} {f['subject']}",
                         f.get("location")) for f in document["findings"]["new"] if not f.get("waived")]
    lines += [_annotation(c["after"]["severity"], f"changed finding: {c['after']['message']}",
                          f"{c['code']} {c['subject']}", c["after"].get("location"))
              for c in document["findings"]["changed"] if not c["after"].get("waived")]
    findings = document["findings"]
    lines.append(f"audit diff: {len(findings['new'])} new, {len(findings['resolved'])} resolved, "
                 f"{len(findings['changed'])} changed")
    return "\n".join(lines) + "\n"


def check(document: dict) -> str:
    lines = []
    for item in check_items(document):
        lines.append(_annotation(item["severity"], item_message(item), f"{words(item['facet'])} {item['subject']}",
                                 draft_location(document, item)))
    summary = document["summary"]
    lines.append(f"audit check: {summary['contradicted']} contradicted, {summary['disputed']} disputed, "
                 f"{summary['unsupported']} unsupported")
    return "\n".join(lines) + "\n"
