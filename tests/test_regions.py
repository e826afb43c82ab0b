"""The cheap first pass (audit/extract/regions.py) changes speed, never claims.

Every extractor case and every article of the test corpora, the bundled
corpus and (when present) the development set is extracted twice: with the
pass on, and with every block split into sentences and analysed. The claims
must be the same, row for row.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from audit.extract import EXTRACTORS, analysis, extract_document, regions
from audit.ingest import load_corpus
from conftest import ROOT, claims_from_text

CASES = sorted((ROOT / "tests" / "cases" / "extract").glob("*.yaml"))
DEVSET = ROOT.parent / "shared" / "devset"


def _corpora() -> list[Path]:
    folders = [ROOT / "sources" / "calcinosis", *sorted((ROOT / "tests" / "corpora").iterdir())]
    if DEVSET.is_dir():  # its articles are staged beside each eval/<topic> lexicon at run time (as audit eval does)
        folders += sorted(path for path in (ROOT / "eval").iterdir() if (DEVSET / path.name).is_dir())
    return [folder for folder in folders if (folder / "topic.yaml").is_file()]


def _every_block_analysed(monkeypatch) -> None:
    monkeypatch.setattr(analysis, "regions_for", lambda facets: regions.ClaimRegions(()))


def test_every_extractor_has_a_gate():
    """A facet without a gate turns the pass off for all: add the words its rules need to regions.GATES."""
    missing = [module.FACET for module in EXTRACTORS if module.FACET not in regions.GATES]
    assert not missing
    assert regions.regions_for(tuple(module.FACET for module in EXTRACTORS)).enabled


def test_type_noun_stems_cover_the_type_nouns():
    """Every type noun the rules read (cues.TYPE_NOUN_PATTERN) starts with a stem the gates look for."""
    from audit.extract.cues import TYPE_NOUN_PATTERN

    nouns = re.compile(rf"^{TYPE_NOUN_PATTERN}$")
    words = ["type", "types", "form", "forms", "kind", "kinds", "subtype", "subtypes", "sub type", "sub types",
             "category", "categories", "classes", "classification", "classifications", "variant", "variants",
             "variety", "varieties", "subgroup", "subgroups"]
    assert all(nouns.match(word) for word in words)
    alternatives = TYPE_NOUN_PATTERN.strip("(?:)").split("|")
    assert all(alternative.startswith(regions.TYPE_NOUN_STEMS) for alternative in alternatives), alternatives


def test_extractor_cases_give_the_same_claims(monkeypatch):
    cases = [case for path in CASES for case in yaml.safe_load(path.read_text("utf-8"))]
    arguments = [(case["text"], case.get("topic", "calcinosis"), case.get("format", ".txt")) for case in cases]
    with_pass = [claims_from_text(*argument) for argument in arguments]
    _every_block_analysed(monkeypatch)
    without_pass = [claims_from_text(*argument) for argument in arguments]
    assert with_pass == without_pass


@pytest.mark.parametrize("folder", _corpora(), ids=lambda folder: folder.name)
def test_corpus_gives_the_same_claims(folder, monkeypatch, tmp_path):
    if (DEVSET / folder.name).is_dir():
        staged = tmp_path / folder.name
        staged.mkdir()
        for path in [*folder.iterdir(), *(DEVSET / folder.name).glob("*.txt")]:
            (staged / path.name).write_bytes(path.read_bytes())
        folder = staged
    corpus = load_corpus(folder)
    documents = [document for document in (corpus.read(entry) for entry in corpus.sources) if document is not None]
    assert documents
    with_pass = [extract_document(document, corpus.topic) for document in documents]
    _every_block_analysed(monkeypatch)
    without_pass = [extract_document(document, corpus.topic) for document in documents]
    assert with_pass == without_pass
