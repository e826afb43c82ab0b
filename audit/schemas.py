"""Table schemas: one pandera ``DataFrameModel`` per table, used at every stage boundary.

Validation is lazy (every failure is collected, not just the first); a failed
validation writes the failure cases under ``reports/<topic>/`` and raises a
:class:`~audit.errors.SchemaValidationError` with a one-line summary.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from audit.atomic import write_csv
from audit.errors import SchemaValidationError
from audit.extract.claim import FACETS, FREQUENCIES, MEASURES, POLARITIES, RELATIONS, TYPICALITIES
from audit.severity import SEVERITIES

SOURCE_ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,63}$"


class SourcesTable(pa.DataFrameModel):
    """``sources.csv``: one row per ingested source."""

    source_id: Series[str] = pa.Field(unique=True, str_matches=SOURCE_ID_PATTERN)
    path: Series[str] = pa.Field(str_length={"min_value": 1})
    title: Series[str]
    publisher: Series[str]
    url: Series[str]
    author: Series[str]
    reviewer: Series[str]
    date: Series[str] = pa.Field(str_matches=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")
    date_kind: Series[str] = pa.Field(isin=["", "published", "updated", "reviewed"])
    prior: Series[float] = pa.Field(gt=0, le=10)
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    n_chars: Series[int] = pa.Field(ge=0)
    n_blocks: Series[int] = pa.Field(ge=0)
    n_furniture_blocks: Series[int] = pa.Field(ge=0)

    class Config:
        strict = True   #: no column beyond the ones declared
        ordered = True  #: columns in the declared order, so the CSV is stable
        coerce = True


class ClaimsTable(pa.DataFrameModel):
    """``claims.csv``: one row per claim, with its exact quote and offsets."""

    claim_id: Series[str] = pa.Field(unique=True, str_matches=r"^[a-z0-9][a-z0-9_.-]*:[a-z_]+:[0-9a-f]{10}$")
    source_id: Series[str] = pa.Field(str_matches=SOURCE_ID_PATTERN)
    facet: Series[str] = pa.Field(isin=list(FACETS))
    subject: Series[str] = pa.Field(str_length={"min_value": 1})
    object: Series[str]
    value: Series[str]
    value_low: Series[float] = pa.Field(nullable=True, ge=0)
    value_high: Series[float] = pa.Field(nullable=True, ge=0)
    unit: Series[str]
    measure: Series[str] = pa.Field(isin=["", *MEASURES])
    qualifier: Series[str]
    scope: Series[str]
    polarity: Series[str] = pa.Field(isin=list(POLARITIES))
    hedge: Series[str]
    typicality: Series[str] = pa.Field(isin=["", *TYPICALITIES])
    quote: Series[str] = pa.Field(str_length={"min_value": 1})
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=1)
    extractor: Series[str] = pa.Field(str_length={"min_value": 1})

    @pa.dataframe_check(error="start < end")
    def start_before_end(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start"] < df["end"]

    @pa.dataframe_check(error="quote length == end - start")
    def quote_matches_span(cls, df: pd.DataFrame) -> Series[bool]:
        return df["quote"].str.len() == df["end"] - df["start"]

    @pa.dataframe_check(error="value_low <= value_high")
    def low_not_above_high(cls, df: pd.DataFrame) -> Series[bool]:
        both = df["value_low"].notna() & df["value_high"].notna()
        return ~both | (df["value_low"] <= df["value_high"])

    @pa.dataframe_check(error="percentages lie in [0, 100]")
    def percentages_in_range(cls, df: pd.DataFrame) -> Series[bool]:
        percent = df["unit"] == "%"
        return ~percent | (df["value_low"].between(0, 100) & df["value_high"].between(0, 100))

    @pa.dataframe_check(error="a prevalence figure says what it measures")
    def prevalence_has_measure(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["facet"] != "prevalence") | (df["measure"] != "")

    @pa.dataframe_check(error="type_relation value is alias_of, subtype_of or separate_type")
    def known_relation(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["facet"] != "type_relation") | df["value"].isin(RELATIONS)

    @pa.dataframe_check(error="frequency value is a known frequency")
    def known_frequency(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["facet"] != "frequency") | df["value"].isin(FREQUENCIES)

    class Config:
        strict = True
        ordered = True
        coerce = True


class FindingsTable(pa.DataFrameModel):
    """``findings.csv``: one row per (finding, position, source) — the flat view of findings.json."""

    finding_id: Series[str] = pa.Field(str_matches=r"^[A-Z]+\d{3}-[0-9a-f]{10}$")
    code: Series[str] = pa.Field(str_matches=r"^[A-Z]+\d{3}$")
    severity: Series[str] = pa.Field(isin=list(SEVERITIES))
    facet: Series[str] = pa.Field(isin=[*FACETS, "data_quality"])
    subject: Series[str] = pa.Field(str_length={"min_value": 1})
    message: Series[str] = pa.Field(str_length={"min_value": 1})
    cause: Series[str]
    value: Series[str]
    source_id: Series[str] = pa.Field(str_matches=SOURCE_ID_PATTERN)
    claim_id: Series[str]
    quote: Series[str]
    start: Series[int] = pa.Field(ge=0)
    end: Series[int] = pa.Field(ge=0)
    support: Series[int] = pa.Field(ge=0)
    confidence: Series[float] = pa.Field(ge=0, le=1)
    waived: Series[bool]

    class Config:
        strict = True
        ordered = True
        coerce = True


TABLE_MODELS: dict[str, type[pa.DataFrameModel]] = {
    "sources": SourcesTable,
    "claims": ClaimsTable,
    "findings": FindingsTable,
}


def _string_columns(model: type[pa.DataFrameModel]) -> list[str]:
    schema = model.to_schema()
    return [name for name, column in schema.columns.items() if str(column.dtype) in ("str", "string", "object")]


def empty_frame(model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """An empty frame with the model's columns and dtypes."""
    schema = model.to_schema()
    return schema.coerce_dtype(pd.DataFrame({name: pd.Series(dtype=str(column.dtype) if str(column.dtype) != "str" else "object")
                                             for name, column in schema.columns.items()}))


def coerce_table(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` with the dtypes :func:`validate_table` gives it, unchecked (for rows checked before)."""
    return TABLE_MODELS[name].to_schema().coerce_dtype(frame)


def validate_table(frame: pd.DataFrame, name: str, failures_dir: str | Path | None = None) -> pd.DataFrame:
    """Validate ``frame`` against the model named ``name``; lazy, all failures at once."""
    model = TABLE_MODELS[name]
    try:
        return model.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        failures_path = None
        if failures_dir is not None:
            failures_path = Path(failures_dir) / f"schema_failures_{name}.csv"
            columns = [c for c in ("schema_context", "column", "check", "failure_case", "index") if c in cases.columns]
            write_csv(failures_path, cases[columns].astype(str))
        checks = ", ".join(sorted({f"{row.column or 'table'}: {row.check}" for row in cases.itertuples()})[:4])
        where = f"; details in {failures_path}" if failures_path else ""
        raise SchemaValidationError(
            f"{name} table failed its schema: {len(cases)} failure(s) ({checks}){where}",
            failures_path=str(failures_path) if failures_path else None) from None


def read_table(path: str | Path, name: str) -> pd.DataFrame:
    """Read a CSV written by audit, with empty strings kept as empty strings."""
    from audit.errors import InputError

    model = TABLE_MODELS[name]
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{name} table not found", path)
    try:
        frame = pd.read_csv(path, dtype={column: str for column in _string_columns(model)}, keep_default_na=False,
                            na_values={"value_low": [""], "value_high": [""]})
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"cannot read CSV ({str(exc).splitlines()[0]})", path) from None
    return validate_table(frame, name)
