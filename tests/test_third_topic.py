"""End to end on a third topic (fictional articles written for the tests, .md, .txt and .html).

Each article uses phrasings the extractor must read as a class, not as a sentence:
a list under a colon and bullets, a count scoped to a type, a placement under a
type and its denial, an alias, a scoped superlative, a denied treatment.
"""
from __future__ import annotations

import pytest

from audit import api
from conftest import ROOT

CORPUS = ROOT / "tests" / "corpora" / "muscular-dystrophy"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    work = tmp_path_factory.mktemp("md")
    extracted = api.extract_corpus(CORPUS, work / "extracted", cache_dir=None, progress=False)
    return api.compare_extracted(extracted, work / "reports", write=False, data_quality=False)


def _codes(result):
    return {(f.code, f.subject) for f in result.findings if f.severity in ("warning", "error")}


def test_claims_read_as_classes(result):
    claims = result.extract.claims
    def has(**want):
        frame = claims
        for key, value in want.items():
            frame = frame[frame[key] == value]
        return len(frame) > 0
    assert has(source_id="clinic", facet="type_relation", subject="lgmd2a", value="subtype_of", object="limb-girdle")
    assert has(source_id="clinic", facet="type_count", subject="limb-girdle", value="2")
    assert not has(source_id="clinic", facet="type", subject="lgmd2a")
    assert has(source_id="clinic", facet="type_relation", subject="becker", value="subtype_of", object="duchenne")
    assert has(source_id="family-guide", facet="type_relation", subject="becker", polarity="negated")
    assert has(source_id="clinic", facet="type_relation", subject="steinert disease", value="alias_of", object="myotonic")
    assert has(source_id="family-guide", facet="type_count", value="30", qualifier="more than")
    assert has(source_id="family-guide", facet="treatment", subject="creatine", polarity="negated")
    assert has(source_id="encyclopedia", facet="type", subject="facioscapulohumeral")


def test_disagreements_found(result):
    codes = _codes(result)
    assert ("TYPE001", "muscular dystrophy") in codes   # nine vs more than 30
    assert ("TYPE003", "becker") in codes               # a milder form of Duchenne vs not a variant of it
    assert ("TREAT001", "creatine") in codes            # may help vs is not used
    assert ("POL001", "pain") in codes                  # not usually painful vs a dominant complaint


def test_scoped_superlatives_do_not_clash(result):
    # "the most common adult form" and "the most common childhood form" answer different questions.
    assert not any(code == "FREQ001" for code, _ in _codes(result))


def test_compatible_figures_are_not_a_warning(result):
    # "1 in 3,500 to 1 in 5,000 boys" and "roughly 1 in 5,000 boys" overlap.
    assert not any(code == "NUM001" for code, _ in _codes(result))
