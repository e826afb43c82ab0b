"""Great Expectations data-quality suites over the claims and findings tables.

The suites live as GX JSON in ``suites/`` so a data team can load them in
their own GX context. GX is imported lazily (it costs seconds and hundreds
of MB), its progress bars are silenced, and its result is rendered by audit
itself into a self-contained page (GX Data Docs load scripts from CDNs).
A failed expectation is data, never a crash.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import warnings
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pandas as pd

from audit.statefile import load_state_file, save_state_file

SUITES = ("claims", "findings")


@dataclass(frozen=True)
class ExpectationOutcome:
    suite: str
    expectation: str
    column: str
    description: str
    severity: str
    success: bool
    unexpected_count: int
    sample: tuple[str, ...]
    row_indexes: tuple[int, ...]

    def to_dict(self) -> dict:
        return {"suite": self.suite, "expectation": self.expectation, "column": self.column,
                "description": self.description, "severity": self.severity, "success": self.success,
                "unexpected_count": self.unexpected_count, "sample": list(self.sample)}


@dataclass
class DataQualityReport:
    outcomes: list[ExpectationOutcome] = field(default_factory=list)
    raw_results: dict[str, dict] = field(default_factory=dict)
    skipped: str = ""

    @property
    def failed(self) -> list[ExpectationOutcome]:
        return [outcome for outcome in self.outcomes if not outcome.success]

    def worst_failed_severity(self) -> str | None:
        from audit.severity import SEVERITIES

        for severity in SEVERITIES:
            if any(outcome.severity == severity for outcome in self.failed):
                return severity
        return None

    def summary(self) -> dict:
        suites = {}
        for suite in sorted({outcome.suite for outcome in self.outcomes}):
            mine = [outcome for outcome in self.outcomes if outcome.suite == suite]
            suites[suite] = {"evaluated": len(mine), "successful": sum(o.success for o in mine),
                             "success": all(o.success for o in mine)}
        return {"suites": suites, "failed": [outcome.to_dict() for outcome in self.failed], "skipped": self.skipped}


def load_suite_json(name: str) -> dict:
    return json.loads(resources.files("audit.validate").joinpath("suites", f"{name}.json").read_text("utf-8"))


def _strip_volatile(result: dict) -> dict:
    """Remove load timestamps and fingerprints so the saved result is byte-stable."""
    meta = result.get("meta", {})
    meta.pop("batch_markers", None)
    meta.pop("run_id", None)
    meta.pop("validation_time", None)
    meta.pop("active_batch_definition", None)
    for item in result.get("results", []):
        item.get("expectation_config", {}).get("kwargs", {}).pop("batch_id", None)
        item.get("expectation_config", {}).pop("id", None)
    return result


def _run_suite(name: str, frame: pd.DataFrame, parameters: dict) -> tuple[list[ExpectationOutcome], dict]:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()), \
            warnings.catch_warnings():
        # String row_condition is deprecated for GX 2.0 but is the form a JSON suite can hold;
        # our dependency bound (<2) keeps it working.
        warnings.simplefilter("ignore", DeprecationWarning)
        import great_expectations as gx
        from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

        spec = load_suite_json(name)
        suite = gx.ExpectationSuite(name=spec["name"])
        for item in spec["expectations"]:
            suite.add_expectation_configuration(ExpectationConfiguration(type=item["type"], kwargs=item["kwargs"],
                                                                         meta=item.get("meta", {})))
        context = gx.get_context(mode="ephemeral")
        batch = (context.data_sources.add_pandas(f"audit_{name}").add_dataframe_asset(name)
                 .add_batch_definition_whole_dataframe("all").get_batch(batch_parameters={"dataframe": frame}))
        result = batch.validate(suite, expectation_parameters=parameters, result_format="COMPLETE")
    raw = _strip_volatile(result.to_json_dict())
    outcomes = []
    # GX does not keep the suite's order in its results: read each result's own config and meta.
    for item in raw["results"]:
        details = item.get("result", {}) or {}
        sample = details.get("partial_unexpected_list") or []
        if not sample and "observed_value" in details:
            sample = [details["observed_value"]]
        config = item["expectation_config"]
        meta = config.get("meta", {}) or {}
        kwargs = config.get("kwargs", {})
        outcomes.append(ExpectationOutcome(
            suite=name, expectation=config["type"],
            column=kwargs.get("column") or f"{kwargs.get('column_A', '')}/{kwargs.get('column_B', '')}".strip("/") or "table",
            description=meta.get("description", ""), severity=meta.get("severity", "error"),
            success=bool(item["success"]), unexpected_count=int(details.get("unexpected_count") or 0),
            sample=tuple(str(value) for value in sample[:5]),
            row_indexes=tuple(int(i) for i in (details.get("unexpected_index_list") or [])[:5]),
        ))
    outcomes.sort(key=lambda o: (o.suite, o.expectation, o.column, o.description))
    return outcomes, raw


def claims_frame_for_gx(claims: pd.DataFrame, texts) -> pd.DataFrame:
    """Claims plus the derived column quote_matches_text, reading one source's text at a time."""
    matches = pd.Series(False, index=claims.index)
    for source_id, group in claims.groupby("source_id", sort=False):
        text = texts.get(source_id, "")
        matches[group.index] = [text[start:end] == quote for start, end, quote in
                                zip(group["start"].astype(int), group["end"].astype(int), group["quote"])]
    return claims.assign(quote_matches_text=matches.astype(bool)).reset_index(drop=True)


def findings_frame_for_gx(findings: pd.DataFrame, kinds: dict[str, str]) -> pd.DataFrame:
    sources_per_finding = findings.groupby("finding_id")["source_id"].nunique()
    return findings.assign(finding_sources=findings["finding_id"].map(sources_per_finding).fillna(0).astype(int),
                           finding_kind=[kinds.get(finding_id, "") for finding_id in findings["finding_id"]]
                           ).reset_index(drop=True)


def _suite_key(name: str, table: pd.DataFrame, parameters: dict, texts_key: str = "") -> str:
    """Everything a suite's result depends on: the suite, its parameters, the table (and, for the claims,
    the texts its quotes are checked against), GX's and our code."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for part in (json.dumps(load_suite_json(name), sort_keys=True), json.dumps(parameters, sort_keys=True),
                 version("great_expectations"), Path(__file__).read_text("utf-8"), texts_key,
                 json.dumps([[str(column), str(dtype)] for column, dtype in table.dtypes.items()])):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1e")
    digest.update(pd.util.hash_pandas_object(table, index=True).to_numpy().tobytes())
    return digest.hexdigest()


_CACHED_CLASSES = frozenset({("audit.validate.expectations", "ExpectationOutcome")})


def _cached_suite(name: str, key: str | None, frame, parameters: dict, cache_dir: str | Path | None
                  ) -> tuple[list[ExpectationOutcome], dict]:
    """A suite's result, reused when what it reads is unchanged since a run that cached it under ``key``.

    GX costs seconds to import and to run; unchanged input gives the same result, so the suite is
    skipped (and GX never imported) on a re-run where nothing it reads changed. ``frame()`` builds
    the table GX checks, only when the suite runs.
    """
    if cache_dir is None or key is None:
        return _run_suite(name, frame(), parameters)
    path = Path(cache_dir) / "data_quality" / f"{key}.pickle"
    cached = load_state_file(path, _CACHED_CLASSES)
    if isinstance(cached, tuple) and len(cached) == 2:
        return cached
    result = _run_suite(name, frame(), parameters)
    save_state_file(path, result)
    return result


def run_expectations(claims: pd.DataFrame, findings: pd.DataFrame | None, texts: dict[str, str],
                     source_ids: list[str], facets: list[str], rule_codes: list[str],
                     finding_kinds: dict[str, str] | None = None,
                     cache_dir: str | Path | None = None, texts_key: str | None = None) -> DataQualityReport:
    """Validate claims (and findings, when given) against the stored suites.

    With a ``cache_dir``, a suite whose input did not change is not run again. The claims suite also
    reads the texts (does each quote match its text?): it is cached only with a ``texts_key`` that
    changes whenever any text does.
    """
    report = DataQualityReport()
    parameters = {"source_ids": sorted(source_ids), "facets": sorted(facets), "rule_codes": sorted(rule_codes)}
    suites = {"claims": (_suite_key("claims", claims, parameters, texts_key) if cache_dir and texts_key else None,
                         lambda: claims_frame_for_gx(claims, texts))}
    if findings is not None and len(findings):
        findings_frame = findings_frame_for_gx(findings, finding_kinds or {})
        suites["findings"] = (_suite_key("findings", findings_frame, parameters) if cache_dir else None,
                              lambda: findings_frame)
    for name, (key, frame) in suites.items():
        outcomes, raw = _cached_suite(name, key, frame, parameters, cache_dir)
        report.outcomes.extend(outcomes)
        report.raw_results[name] = raw
    return report
