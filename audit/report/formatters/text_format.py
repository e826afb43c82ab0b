"""Plain text for terminals and logs: a summary, then one line per finding."""
from __future__ import annotations

from audit.report.formatters._common import changed_lines, draft_location, item_message
from audit.words import words

NAME = "text"
_MARK = {"error": "E", "warning": "W", "info": "I"}


def _finding_line(finding: dict) -> str:
    waived = " [waived]" if finding.get("waived") else ""
    return f"  {_MARK[finding['severity']]} {finding['code']} {finding['subject']}: {finding['message']}{waived}"


def audit(document: dict) -> str:
    summary = document["summary"]
    counts = summary["findings"]
    lines = [f"{document['corpus']}: {summary['sources']} sources, {summary['claims']} claims, "
             f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} info, "
             f"{summary['agreements']} agreements" + (f", {summary['waived']} waived" if summary["waived"] else "")]
    for finding in document["findings"]:
        if finding["severity"] != "info" or len(document["findings"]) <= 40:
            lines.append(_finding_line(finding))
    hidden = sum(1 for f in document["findings"] if f["severity"] == "info") if len(document["findings"]) > 40 else 0
    if hidden:
        lines.append(f"  ... and {hidden} info findings (see findings.json or the HTML report)")
    for stale in document.get("baseline", {}).get("stale", []):
        lines.append(f"  baseline: {stale['id']} is {stale['status']}: {stale['detail']}")
    return "\n".join(lines) + "\n"


def diff(document: dict) -> str:
    claims, findings = document["claims"], document["findings"]
    lines = [f"claims: +{len(claims['added'])} -{len(claims['removed'])} ~{len(claims['changed'])}; "
             f"findings: {len(findings['new'])} new, {len(findings['resolved'])} resolved, "
             f"{len(findings['changed'])} changed"]
    for change in claims["changed"]:
        lines.append(f"  ~ {change['source_id']} {change['facet']} {change['subject']}: "
                     f"{change['before']['value']} -> {change['after']['value']}")
    for claim in claims["added"]:
        lines.append(f"  + {claim['source_id']} {claim['facet']} {claim['subject']} {claim['value']}".rstrip())
    for claim in claims["removed"]:
        lines.append(f"  - {claim['source_id']} {claim['facet']} {claim['subject']} {claim['value']}".rstrip())
    for finding in findings["new"]:
        lines.append("  new" + _finding_line(finding)[1:])
    for finding in findings["resolved"]:
        lines.append("  resolved" + _finding_line(finding)[1:])
    for change in findings["changed"]:
        lines.append("  changed" + _finding_line(change["after"])[1:] + f" ({change['id']})")
        lines.extend(f"      {line}" for line in changed_lines(change))
    return "\n".join(lines) + "\n"


def check(document: dict) -> str:
    counts = document["summary"]
    lines = [f"draft {document['draft']}: {counts['supported']} supported, {counts['contradicted']} contradicted, "
             f"{counts['disputed']} disputed, {counts['unsupported']} unsupported, {counts['omitted']} omitted"]
    for verdict in ("contradicted", "disputed", "unsupported"):
        for item in document["claims"]:
            if item["verdict"] == verdict:
                where = draft_location(document, item)
                lines.append(f"  {_MARK[item['severity']]} {verdict} {words(item['facet'])} {item['subject']} "
                             f"(line {where['start_line']}): {item_message(item)}")
    for item in document["omitted"]:
        lines.append(f"  I omitted: {item['message']}")
    return "\n".join(lines) + "\n"
