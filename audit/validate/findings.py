"""Failed Great Expectations expectations as findings (codes DQ001, DQ002), so they are reported like the rules'."""
from __future__ import annotations

import pandas as pd

from audit.compare.model import Finding, Position, Quote, stable_id
from audit.validate.expectations import DataQualityReport

DATA_QUALITY_CODES = {"claims": "DQ001", "findings": "DQ002"}


def data_quality_findings(report: DataQualityReport, claims: pd.DataFrame) -> list[Finding]:
    """Each failed expectation becomes a finding, with failing claims quoted where GX names them."""
    findings = []
    for outcome in report.failed:
        quotes: list[Quote] = []
        if outcome.suite == "claims":
            for index in outcome.row_indexes:
                if 0 <= index < len(claims):
                    row = claims.iloc[index]
                    quotes.append(Quote(row.source_id, row.claim_id, row.quote, int(row.start), int(row.end)))
        code = DATA_QUALITY_CODES[outcome.suite]
        sample = f" (e.g. {', '.join(outcome.sample[:3])})" if outcome.sample else ""
        message = (f"Data quality: expectation '{outcome.description}' failed on {outcome.suite}.{outcome.column}: "
                   f"{outcome.unexpected_count} row(s){sample}.")
        position = Position(value="failed", label=outcome.expectation, quotes=tuple(quotes),
                            support=len({q.source_id for q in quotes}))
        findings.append(Finding(id=stable_id(code, outcome.suite, outcome.expectation, outcome.column,
                                             outcome.description),
                                code=code, severity=outcome.severity, facet="data_quality",
                                subject=f"{outcome.suite}.{outcome.column}", message=message,
                                positions=(position,), silent=(), kind="internal", rule_name="gx-expectation"))
    return findings
