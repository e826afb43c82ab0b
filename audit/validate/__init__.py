"""Validate stage: pandera schemas gate every table (see :mod:`audit.schemas`);
Great Expectations suites measure data quality (see :mod:`audit.validate.expectations`)."""
from audit.validate.expectations import DataQualityReport, ExpectationOutcome, load_suite_json, run_expectations

__all__ = ["DataQualityReport", "ExpectationOutcome", "load_suite_json", "run_expectations"]
