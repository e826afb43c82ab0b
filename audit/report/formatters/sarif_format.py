"""SARIF 2.1.0 for code-scanning dashboards.

Locations point at the source file an author edits (line and column, found
through the cleaning by :mod:`audit.locate`); the cleaned text and the claim's
offsets into it are kept in the location's properties.
"""
from __future__ import annotations

import json

from audit.report.formatters._common import LEVELS, check_items, draft_location, first_quote, item_message, \
    quote_location, text_uri
from audit.words import words

NAME = "sarif"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def _log(rules: list[dict], results: list[dict], version: str) -> str:
    run = {"tool": {"driver": {"name": "audit", "version": version, "rules": rules}},
           "results": results, "columnKind": "unicodeCodePoints"}
    return json.dumps({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False,
                      sort_keys=True) + "\n"


def _region(location: dict, snippet: str) -> dict:
    region = {"startLine": location["start_line"], "snippet": {"text": snippet}}
    if location.get("start_column"):
        region.update({"startColumn": location["start_column"], "endLine": location["end_line"],
                       "endColumn": location["end_column"]})
    return region


def _location(location: dict, snippet: str, properties: dict) -> dict:
    return {"physicalLocation": {"artifactLocation": {"uri": location["path"]}, "region": _region(location, snippet),
                                 "properties": {**properties, "foundInSource": bool(location.get("found"))}}}


def _quote_location(document: dict, quote: dict) -> dict:
    cleaned = {"cleanedText": text_uri(document, quote["source_id"]), "sourceId": quote["source_id"],
               "claimId": quote.get("claim_id", "")}
    if "start" in quote and "end" in quote:
        cleaned.update({"cleanedStart": int(quote["start"]), "cleanedEnd": int(quote["end"])})
    if quote.get("line"):
        cleaned["cleanedLine"] = int(quote["line"])
    return _location(quote_location(document, quote), quote["quote"], cleaned)


def _rules(document: dict, extra: set[str]) -> list[dict]:
    rules = [{"id": r["code"], "name": r["name"], "shortDescription": {"text": r["summary"]},
              "defaultConfiguration": {"level": LEVELS[r["severity"]]}} for r in document.get("rules", [])]
    known = {rule["id"] for rule in rules}
    rules += [{"id": code, "name": code.lower(), "shortDescription": {"text": code}} for code in sorted(extra - known)]
    return rules


def _result(code: str, level: str, message: str, locations: list[dict], identity: str, waiver: str | None) -> dict:
    result = {"ruleId": code, "level": level, "message": {"text": message}, "locations": locations,
              "partialFingerprints": {"auditFindingId/v1": identity}}
    if waiver is not None:
        result["suppressions"] = [{"kind": "external", "justification": waiver}]
    return result


def _finding_result(document: dict, finding: dict) -> dict:
    quote = first_quote(finding)
    locations = [_quote_location(document, quote)] if quote else []
    return _result(finding["code"], LEVELS[finding["severity"]], finding["message"], locations, finding["id"],
                   finding.get("waiver_reason", "") if finding.get("waived") else None)


def audit(document: dict) -> str:
    results = [_finding_result(document, f) for f in document["findings"]]
    return _log(_rules(document, {f["code"] for f in document["findings"]}), results, document.get("audit_version", ""))


def diff(document: dict) -> str:
    """New findings (baselineState "new") and changed ones ("updated": same question, other answers)."""
    results = []
    changed = [change["after"] for change in document["findings"]["changed"]]
    for state, findings in (("new", document["findings"]["new"]), ("updated", changed)):
        for finding in findings:
            location = finding.get("location")
            locations = [_location(location, finding.get("quote", ""), {})] if location else []
            result = _result(finding["code"], LEVELS[finding["severity"]], finding["message"], locations,
                             finding["id"], "waived" if finding.get("waived") else None)
            result["baselineState"] = state
            results.append(result)
    rules = [{"id": code, "name": code.lower(), "shortDescription": {"text": code}}
             for code in sorted({r["ruleId"] for r in results})]
    return _log(rules, results, "")


def check(document: dict) -> str:
    results = []
    for item in check_items(document):
        quote = item["draft_quote"]
        location = _location(draft_location(document, item), quote["quote"],
                             {"cleanedStart": int(quote["start"]), "cleanedEnd": int(quote["end"])})
        results.append(_result(f"CHECK-{item['facet']}", LEVELS[item["severity"]], item_message(item), [location],
                               f"{item['facet']}:{item['subject']}", None))
    rules = [{"id": code, "name": code.lower(), "shortDescription": {"text": f"draft claim ({words(code[6:])})"}}
             for code in sorted({r["ruleId"] for r in results})]
    return _log(rules, results, "")
