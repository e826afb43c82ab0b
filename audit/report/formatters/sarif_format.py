"""SARIF 2.1.0 for code-scanning dashboards. Locations point at the cleaned texts the offsets index."""
from __future__ import annotations

import json

from audit.report.formatters._common import LEVELS, check_items, first_quote, text_uri

NAME = "sarif"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def _log(rules: list[dict], results: list[dict], version: str) -> str:
    run = {"tool": {"driver": {"name": "audit", "version": version, "rules": rules}},
           "results": results, "columnKind": "unicodeCodePoints"}
    return json.dumps({"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}, indent=2, ensure_ascii=False,
                      sort_keys=True) + "\n"


def _location(uri: str, quote: dict) -> dict:
    region = {"startLine": max(int(quote.get("line") or 1), 1), "snippet": {"text": quote["quote"]}}
    if "start" in quote and "end" in quote:
        region.update({"charOffset": int(quote["start"]), "charLength": int(quote["end"]) - int(quote["start"])})
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


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
    locations = [_location(text_uri(document, quote["source_id"]), quote)] if quote else []
    return _result(finding["code"], LEVELS[finding["severity"]], finding["message"], locations, finding["id"],
                   finding.get("waiver_reason", "") if finding.get("waived") else None)


def audit(document: dict) -> str:
    results = [_finding_result(document, f) for f in document["findings"]]
    return _log(_rules(document, {f["code"] for f in document["findings"]}), results, document.get("audit_version", ""))


def diff(document: dict) -> str:
    results = [_result(f["code"], LEVELS[f["severity"]], f["message"], [], f["id"], None)
               for f in document["findings"]["new"]]
    rules = [{"id": code, "name": code.lower(), "shortDescription": {"text": code}}
             for code in sorted({f["code"] for f in document["findings"]["new"]})]
    return _log(rules, results, "")


def check(document: dict) -> str:
    results = []
    for item in check_items(document):
        level = "error" if item["verdict"] == "contradicted" and item["severity"] == "error" else \
            "warning" if item["verdict"] in ("contradicted", "disputed") else "note"
        quote = dict(item["draft_quote"])
        location = {"physicalLocation": {"artifactLocation": {"uri": document["draft"]},
                                         "region": {"startLine": max(quote.get("line", 1), 1),
                                                    "snippet": {"text": quote["quote"]}}}}
        results.append(_result(f"CHECK-{item['facet']}", level,
                               f"{item['verdict']}: the draft says {item['draft_value']}; references say "
                               f"{item['reference_summary']}", [location], f"{item['facet']}:{item['subject']}", None))
    rules = [{"id": code, "name": code.lower(), "shortDescription": {"text": f"draft claim ({code[6:]})"}}
             for code in sorted({r["ruleId"] for r in results})]
    return _log(rules, results, "")
