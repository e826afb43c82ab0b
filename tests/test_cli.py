"""CLI: --fail-on and exit codes, run in a subprocess through the console script."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CALCINOSIS

AUDIT = [str(Path(sys.executable).with_name("audit"))]


def _run(*args, cwd=None):
    return subprocess.run([*AUDIT, *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def dirs(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli")
    return base / "extracted", base / "reports"


@pytest.mark.parametrize("fail_on, expected", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on(dirs, fail_on, expected):
    extracted, reports = dirs
    result = _run("run", str(CALCINOSIS), "--extracted", str(extracted), "--reports", str(reports),
                  "--fail-on", fail_on, "--no-data-quality")
    assert result.returncode == expected, result.stderr
    assert "TYPE001" in result.stdout


def test_clean_corpus_exits_zero(tmp_path):
    corpus = tmp_path / "agree"
    corpus.mkdir()
    shutil.copy(CALCINOSIS / "topic.yaml", corpus / "topic.yaml")
    (corpus / "a.txt").write_text("Four main forms of calcinosis exist.\n")
    (corpus / "b.txt").write_text("There are 4 types of calcinosis.\n")
    (corpus / "sources.yaml").write_text("sources:\n  - {id: a, file: a.txt}\n  - {id: b, file: b.txt}\n")
    result = _run("run", str(corpus), "--extracted", str(tmp_path / "x"), "--reports", str(tmp_path / "r"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_usage_error_exits_two():
    result = _run("run")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
