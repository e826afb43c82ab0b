"""JUnit XML for CI test reporters: one test case per finding (or draft claim)."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from audit.report.formatters._common import changed_lines, draft_location, first_quote, item_message, \
    quote_location
from audit.severity import rank

NAME = "junit"


def _suite(name: str, cases: list[ET.Element]) -> str:
    suites = ET.Element("testsuites", name="audit")
    suite = ET.SubElement(suites, "testsuite", name=name, tests=str(len(cases)),
                          failures=str(sum(1 for c in cases if c.find("failure") is not None)),
                          skipped=str(sum(1 for c in cases if c.find("skipped") is not None)), errors="0")
    suite.extend(cases)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _at(location: dict | None) -> str:
    if not location:
        return ""
    column = f":{location['start_column']}" if location.get("start_column") else ""
    return f"{location['path']}:{location['start_line']}{column}"


def _place(case: ET.Element, location: dict | None) -> None:
    """``file`` and ``line`` attributes (as pytest writes them), read by CI test reporters to annotate."""
    if location:
        case.set("file", location["path"])
        case.set("line", str(location["start_line"]))


def _details(document: dict, finding: dict) -> str:
    lines = []
    for position in finding.get("positions", []):
        lines.append(f"{position.get('label', position.get('value'))}: {', '.join(position.get('sources', []))}")
        for quote in position.get("quotes", []):
            if quote.get("claim_id"):
                lines.append(f"  [{_at(quote_location(document, quote))}] {quote['quote']}")
    return "\n".join(lines)


def _finding_case(document: dict, finding: dict, fail_on_info: bool = False) -> ET.Element:
    case = ET.Element("testcase", classname=f"audit.{finding['code']}", name=f"{finding['subject']} [{finding['id']}]")
    quote = first_quote(finding)
    _place(case, quote_location(document, quote) if quote else finding.get("location"))
    if finding.get("waived"):
        ET.SubElement(case, "skipped", message=f"waived: {finding.get('waiver_reason', '')}")
    elif finding["severity"] in ("error", "warning") or fail_on_info:
        failure = ET.SubElement(case, "failure", message=finding["message"], type=finding["severity"])
        failure.text = _details(document, finding)
    else:
        ET.SubElement(case, "system-out").text = finding["message"]
    return case


def audit(document: dict) -> str:
    cases = [_finding_case(document, f) for f in document["findings"]]
    for agreement in document.get("agreements", []):
        cases.append(ET.Element("testcase", classname=f"audit.agreement.{agreement['code']}",
                                name=agreement["message"]))
    return _suite(f"audit:{document['corpus']}", cases)


def diff(document: dict) -> str:
    cases = [_finding_case(document, f) for f in document["findings"]["new"]]
    for finding in document["findings"]["resolved"]:
        cases.append(ET.Element("testcase", classname=f"audit.resolved.{finding['code']}", name=finding["message"]))
    for change in document["findings"]["changed"]:
        after = change["after"]
        case = ET.Element("testcase", classname=f"audit.changed.{change['code']}",
                          name=f"{change['subject']} [{change['id']}]")
        _place(case, after.get("location"))
        details = "\n".join(changed_lines(change))
        # Like the exit code: a changed finding fails only when the change made it more severe.
        if not after.get("waived") and rank(after["severity"]) < rank(change["before"]["severity"]):
            ET.SubElement(case, "failure", message=after["message"], type=after["severity"]).text = details
        else:
            ET.SubElement(case, "system-out").text = details
        cases.append(case)
    return _suite("audit:diff", cases)


def check(document: dict) -> str:
    cases = []
    for item in document["claims"]:
        case = ET.Element("testcase", classname=f"audit.check.{item['facet']}",
                          name=f"{item['subject']}: {item['draft_value']}")
        _place(case, draft_location(document, item))
        if item["verdict"] in ("contradicted", "disputed"):
            failure = ET.SubElement(case, "failure", message=item_message(item), type=item["severity"])
            failure.text = "\n".join(f"[{r['source_id']}] {r['quote']}" for r in item["contradicting"])
        elif item["verdict"] == "unsupported":
            ET.SubElement(case, "system-out").text = item_message(item)
        cases.append(case)
    return _suite(f"audit:check:{document['draft']}", cases)
