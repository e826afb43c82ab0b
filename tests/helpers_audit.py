"""Builders for audits of modified corpora, shared by diff, check, format and browser tests."""
from __future__ import annotations

import shutil
from pathlib import Path

from audit.api import run_audit
from conftest import CALCINOSIS


def audited_copy(tmp_path: Path, name: str, edit=None, corpus: Path = CALCINOSIS, data_quality: bool = False):
    """Copy a corpus, apply ``edit(folder)``, audit it; return (corpus, extracted, reports, result)."""
    folder = tmp_path / name / "corpus" / corpus.name
    shutil.copytree(corpus, folder)
    if edit:
        edit(folder)
    extracted, reports = tmp_path / name / "extracted", tmp_path / name / "reports"
    result = run_audit(folder, extracted, reports, cache_dir=None, progress=False, data_quality=data_quality)
    return folder, extracted, reports, result


def four_to_seven(folder: Path) -> None:
    source = folder / "healthboard.txt"
    text = source.read_text()
    assert "Four main forms exist" in text
    source.write_text(text.replace("Four main forms exist", "Seven main forms exist"))


SEVEN_TYPES_DRAFT = """# Calcinosis, a short guide

Calcinosis means calcium deposits in soft tissue. There are seven types of calcinosis.

Dystrophic calcinosis is the most common type.
"""
