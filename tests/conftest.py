"""Shared fixtures: corpus paths, a helper that extracts claims from a snippet."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from audit.extract import extract_document
from audit.ingest.clean import clean_document
from audit.topic import load_topic

ROOT = Path(__file__).resolve().parent.parent
CALCINOSIS = ROOT / "sources" / "calcinosis"
MIGRAINE = ROOT / "tests" / "corpora" / "migraine"
TOPICS = {"calcinosis": CALCINOSIS / "topic.yaml", "migraine": MIGRAINE / "topic.yaml",
          "muscular-dystrophy": ROOT / "tests" / "corpora" / "muscular-dystrophy" / "topic.yaml"}


def claims_from_text(text: str, topic: str = "calcinosis", suffix: str = ".txt", source_id: str = "snippet") -> list[dict]:
    """Extract claims from a piece of text, as a source of the given topic."""
    document = clean_document(source_id, text, suffix, "0" * 64)
    rows = extract_document(document, load_topic(TOPICS[topic]))
    for row in rows:
        assert document.text[row["start"]:row["end"]] == row["quote"]
    return rows


@pytest.fixture
def corpus_copy(tmp_path: Path):
    """A writable copy of a corpus folder: corpus_copy('calcinosis') -> Path."""
    def make(name: str = "calcinosis") -> Path:
        source = {"calcinosis": CALCINOSIS, "migraine": MIGRAINE}[name]
        target = tmp_path / name
        shutil.copytree(source, target)
        return target
    return make


def sources_frame(source_ids, dates=None, priors=None):
    import pandas as pd

    dates = dates or {}
    priors = priors or {}
    return pd.DataFrame([{"source_id": s, "path": f"{s}.txt", "title": s, "publisher": "", "url": "", "author": "",
                          "reviewer": "", "date": dates.get(s, ""), "date_kind": "published" if s in dates else "",
                          "prior": float(priors.get(s, 1.0)), "sha256": f"{i:064x}", "n_chars": 1, "n_blocks": 1,
                          "n_furniture_blocks": 0} for i, s in enumerate(sorted(source_ids))])


def compare_texts(texts: dict, topic: str = "calcinosis", dates=None, priors=None):
    """Extract each snippet as a source and compare them: {source_id: text} -> ComparisonResult."""
    import pandas as pd

    from audit.compare import compare
    from audit.extract import CLAIM_COLUMNS

    rows = []
    for source_id, text in sorted(texts.items()):
        rows.extend(claims_from_text(text, topic, source_id=source_id))
    claims = pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
    return compare(claims, sources_frame(texts, dates, priors), load_topic(TOPICS[topic]))
