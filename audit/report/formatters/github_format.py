"""GitHub Actions workflow commands: one annotation per finding, on the quoted line."""
from __future__ import annotations

from audit.report.formatters._common import check_items, first_quote, text_uri

NAME = "github"
_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation(level: str, message: str, title: str, file: str = "", line: int = 0) -> str:
    properties = [f"title={_property(title)}"]
    if file:
        properties[:0] = [f"file={_property(file)}", f"line={max(line, 1)}"]
    return f"::{_COMMAND[level]} {','.join(properties)}::{_data(message)}"


def audit(document: dict) -> str:
    lines = []
    for finding in document["findings"]:
        if finding.get("waived"):
            continue
        quote = first_quote(finding)
        file = text_uri(document, quote["source_id"]) if quote else ""
        lines.append(_annotation(finding["severity"], finding["message"], f"{finding['code']} {finding['subject']}",
                                 file, int(quote.get("line", 1)) if quote else 0))
    counts = document["summary"]["findings"]
    lines.append(f"audit: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} info")
    return "\n".join(lines) + "\n"


def diff(document: dict) -> str:
    lines = [_annotation(f["severity"], f"new finding: {f['message']}", f"{f['code']} {f['subject']}")
             for f in document["findings"]["new"] if not f.get("waived")]
    lines.append(f"audit diff: {len(document['findings']['new'])} new, {len(document['findings']['resolved'])} resolved")
    return "\n".join(lines) + "\n"


def check(document: dict) -> str:
    lines = []
    for item in check_items(document):
        level = item["severity"] if item["verdict"] != "unsupported" else "info"
        lines.append(_annotation(level, f"{item['verdict']}: the draft says {item['draft_value']}; references say "
                                        f"{item['reference_summary']}", f"{item['facet']} {item['subject']}",
                                 document["draft"], int(item["draft_quote"].get("line", 1))))
    lines.append(f"audit check: {document['summary']['contradicted']} contradicted")
    return "\n".join(lines) + "\n"
