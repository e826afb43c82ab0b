"""The benchmark's corpus generator and table (never its speed: timings are not tests).

The generator must be deterministic, make a corpus audit accepts, and make a
smaller corpus the prefix of a larger one (so sizes compare like with like);
the README table is rewritten only between its markers.
"""
from __future__ import annotations

import importlib.util
import sys

from audit.ingest import load_corpus
from conftest import ROOT


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _files(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_generated_corpus_is_deterministic_and_a_prefix(tmp_path):
    generate = _module("generate")
    small = generate.generate(tmp_path / "small", 6, seed=3)
    again = generate.generate(tmp_path / "again", 6, seed=3)
    large = generate.generate(tmp_path / "large", 9, seed=3)
    assert _files(small) == _files(again)
    small_files, large_files = _files(small), _files(large)
    articles = [name for name in small_files if name.startswith("a")]
    assert len(articles) == 6 and all(small_files[name] == large_files[name] for name in articles)
    corpus = load_corpus(small)
    assert [entry.id for entry in corpus.sources] == [f"a{index:06d}" for index in range(6)]
    assert generate.generate(tmp_path / "other", 6, seed=4) and _files(tmp_path / "other") != small_files


def test_readme_table_is_rewritten_between_markers(tmp_path, monkeypatch):
    run = _module("run")
    readme = tmp_path / "README.md"
    readme.write_text(f"before\n{run.MARKERS[0]}\nold table\n{run.MARKERS[1]}\nafter\n", "utf-8")
    monkeypatch.setattr(run, "README", readme)
    stage = {"wall_s": 20.0, "tree_peak_rss_mb": 300.0, "tree_peak_pss_mb": 250.0}
    row = {"articles": 1000, "jobs": 2, "engine": "local", "data_quality": False, "bytes": 8_500_000,
           "claims": 50_000, "findings": 900, "commit": "abc1234", "measured": "2026-01-01 10:00 UTC", "cpus": 2,
           "baseline": {"seconds": 0.1, "bytes": 8_500_000},
           "stages": {name: dict(stage) for name in run.STAGES}}
    run.write_readme([row])
    text = readme.read_text("utf-8")
    assert text.startswith("before\n") and text.endswith(f"{run.MARKERS[1]}\nafter\n")
    assert "old table" not in text and "20.0 s (200x)" in text and "300 MB (PSS 250 MB)" in text and "abc1234" in text
