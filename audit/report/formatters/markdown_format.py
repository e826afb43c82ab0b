"""Markdown for pull-request comments. All source text is escaped: GitHub renders HTML in Markdown."""
from __future__ import annotations

import html
import re

from audit.report.formatters._common import changed_lines, draft_location, item_message
from audit.words import words

NAME = "markdown"
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def md(text: str) -> str:
    """Escape text for Markdown: HTML entities first, then Markdown punctuation, on one line."""
    return _SPECIAL.sub(r"\\\1", html.escape(" ".join(str(text).split()), quote=False))


def _finding_row(finding: dict) -> str:
    waived = " (waived)" if finding.get("waived") else ""
    return f"| {finding['severity']}{waived} | `{finding['code']}` | {md(finding['subject'])} | {md(finding['message'])} |"


def audit(document: dict) -> str:
    counts = document["summary"]["findings"]
    lines = [f"## audit: {md(document['corpus'])}", "",
             f"**{counts['error']}** errors · **{counts['warning']}** warnings · **{counts['info']}** info · "
             f"{document['summary']['agreements']} agreements · {document['summary']['sources']} sources · "
             f"{document['summary']['claims']} claims", ""]
    if document["findings"]:
        lines += ["| severity | code | subject | finding |", "|---|---|---|---|"]
        lines += [_finding_row(f) for f in document["findings"]]
        lines.append("")
    for finding in document["findings"]:
        if finding["severity"] == "info":
            continue
        lines += [f"<details><summary>{finding['code']} {md(finding['subject'])}: quotes</summary>", ""]
        for position in finding["positions"]:
            lines.append(f"**{md(position['label'])}** ({', '.join(md(s) for s in position['sources'])})")
            for quote in position["quotes"]:
                if quote["claim_id"]:
                    lines.append(f"> {md(quote['quote'])} — {md(quote['source_id'])}")
            lines.append("")
        lines += ["</details>", ""]
    return "\n".join(lines).rstrip() + "\n"


def diff(document: dict) -> str:
    summary = document["summary"]
    lines = [f"## audit diff", "",
             f"Findings: **{summary['findings_new']}** new, {summary['findings_resolved']} resolved, "
             f"{summary['findings_changed']} changed. Claims: {summary['claims_changed']} changed, "
             f"{summary['claims_added']} added, {summary['claims_removed']} removed.", ""]
    if document["findings"]["new"]:
        lines += ["### New findings", "", "| severity | code | subject | finding |", "|---|---|---|---|"]
        lines += [_finding_row(f) for f in document["findings"]["new"]] + [""]
    if document["findings"]["resolved"]:
        lines += ["### Resolved findings", ""] + [f"- ~~{md(f['message'])}~~" for f in document["findings"]["resolved"]] + [""]
    if document["findings"]["changed"]:
        lines += ["### Changed findings", ""]
        for change in document["findings"]["changed"]:
            waived = " (waived)" if change.get("waived") else ""
            lines.append(f"- **{change['severity']}**{waived} `{change['code']}` {md(change['subject'])} "
                         f"(`{change['id']}`)")
            lines += [f"  - {md(line)}" for line in changed_lines(change)]
        lines.append("")
    if document["claims"]["changed"]:
        lines += ["### Changed claims", "", "| source | claim | before | after |", "|---|---|---|---|"]
        for change in document["claims"]["changed"]:
            lines.append(f"| {md(change['source_id'])} | {md(change['facet'])} {md(change['subject'])} | "
                         f"{md(change['before']['quote'])} | {md(change['after']['quote'])} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def check(document: dict) -> str:
    s = document["summary"]
    lines = [f"## audit check: {md(document['draft'])}", "",
             f"**{s['contradicted']}** contradicted · {s['disputed']} disputed · {s['supported']} supported · "
             f"{s['unsupported']} unsupported · {s['omitted']} omitted", ""]
    for verdict in ("contradicted", "disputed", "unsupported"):
        for item in document["claims"]:
            if item["verdict"] == verdict:
                where = draft_location(document, item)
                lines += [f"- **{verdict}** {md(words(item['facet']))} {md(item['subject'])} "
                          f"(line {where['start_line']}): {md(item_message(item))}",
                          f"  > {md(item['draft_quote']['quote'])} — draft"]
                lines += [f"  > {md(ref['quote'])} — {md(ref['source_id'])}" for ref in item["contradicting"]]
    return "\n".join(lines).rstrip() + "\n"
