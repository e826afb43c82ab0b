"""End-to-end extraction on the bundled corpus and on the second-topic corpus."""
from __future__ import annotations

import filecmp
from pathlib import Path

import pandas as pd
import pytest

from audit import extract_corpus
from conftest import CALCINOSIS, MIGRAINE, ROOT


@pytest.fixture(scope="module")
def calcinosis(tmp_path_factory):
    out = tmp_path_factory.mktemp("extracted") / "calcinosis"
    return extract_corpus(CALCINOSIS, out, cache_dir=None, progress=False)


def _rows(claims: pd.DataFrame, **where) -> pd.DataFrame:
    mask = pd.Series(True, index=claims.index)
    for column, value in where.items():
        mask &= claims[column] == value
    return claims[mask]


def test_every_quote_is_the_text_at_its_offsets(calcinosis):
    for source_id, group in calcinosis.claims.groupby("source_id"):
        text = calcinosis.text_of(source_id)
        for row in group.itertuples():
            assert text[row.start:row.end] == row.quote


def test_stated_type_counts(calcinosis):
    counts = _rows(calcinosis.claims, facet="type_count", qualifier="stated")
    per_source = counts.groupby("source_id")["value"].agg(lambda values: sorted(set(values)))
    assert per_source.to_dict() == {"healthboard": ["4"], "medindia": ["4"], "healthgrades": ["5"],
                                    "rarity-explainer": ["5"]}
    assert _rows(counts, source_id="healthgrades").iloc[0].scope == "calcinosis cutis"


def test_source_that_lists_six_types_without_a_number(calcinosis):
    claims = calcinosis.claims
    vague = _rows(claims, facet="type_count", source_id="consensus")
    assert set(vague.qualifier) == {"vague"} and set(vague.value) == {""}
    named = set(_rows(claims, facet="type", source_id="consensus").subject)
    assert named == {"dystrophic", "metastatic", "idiopathic", "iatrogenic", "calciphylaxis", "tumoral calcinosis"}


def test_five_stated_but_four_named(calcinosis):
    named = set(_rows(calcinosis.claims, facet="type", source_id="healthgrades").subject)
    assert len(named) == 4 and "iatrogenic" not in named


def test_three_placements_of_tumoral_calcinosis(calcinosis):
    relations = _rows(calcinosis.claims, facet="type_relation", subject="tumoral calcinosis")
    placements = {(row.source_id, row.value, row.object) for row in relations.itertuples()}
    assert ("medindia", "alias_of", "metastatic") in placements
    assert ("consensus", "separate_type", "calcinosis") in placements
    assert ("rarity-explainer", "subtype_of", "idiopathic") in placements


def test_prevalence_figures(calcinosis):
    prevalence = _rows(calcinosis.claims, facet="prevalence", source_id="rarity-explainer")
    figures = {(row.subject, row.object, row.measure, row.value_low, row.value_high) for row in prevalence.itertuples()}
    assert ("calcinosis", "systemic sclerosis", "prevalence", 25.0, 40.0) in figures
    assert ("calcinosis", "juvenile dermatomyositis", "prevalence", 0.0, 70.0) in figures
    assert ("calcinosis", "systemic sclerosis", "prevalence", 0.0, 40.0) in figures


def test_not_painful_is_negated_and_hedged(calcinosis):
    pain = _rows(calcinosis.claims, facet="symptom", subject="pain", source_id="healthboard", polarity="negated")
    assert len(pain) == 1
    assert pain.iloc[0].hedge == "usually"
    assert pain.iloc[0].quote.startswith("Usually, the condition is not painful")


def test_no_claim_from_page_furniture(calcinosis):
    quotes = " ".join(calcinosis.claims.quote)
    for furniture in ("commission", "Advertiser", "Cite this", "Literature degree", "Privacy", "newsletter"):
        assert furniture not in quotes
    texts = " ".join(calcinosis.text_of(s) for s in calcinosis.sources.source_id)
    for furniture in ("Advertiser Disclosure", "Discussion Comments", "Cite this Article", "All Rights Reserved",
                      "Do Not Sell My Personal Information", "Medical Disclaimer"):
        assert furniture not in texts


def test_committed_tables_are_current(calcinosis):
    """extracted/calcinosis in the repository is exactly what the code produces."""
    committed = ROOT / "extracted" / "calcinosis"
    for name in ("sources.csv", "claims.csv"):
        assert filecmp.cmp(calcinosis.extracted_dir / name, committed / name, shallow=False), f"{name} is stale: run make audit"
    for text in (calcinosis.extracted_dir / "text").glob("*.txt"):
        assert filecmp.cmp(text, committed / "text" / text.name, shallow=False)


def test_extraction_is_deterministic(tmp_path, calcinosis):
    again = extract_corpus(CALCINOSIS, tmp_path / "again", cache_dir=tmp_path / "cache", progress=False)
    cached = extract_corpus(CALCINOSIS, tmp_path / "cached", cache_dir=tmp_path / "cache", progress=False)
    for name in ("sources.csv", "claims.csv"):
        reference = (calcinosis.extracted_dir / name).read_bytes()
        assert (again.extracted_dir / name).read_bytes() == reference
        assert (cached.extracted_dir / name).read_bytes() == reference


def test_second_topic_corpus(tmp_path):
    result = extract_corpus(MIGRAINE, tmp_path / "migraine", cache_dir=None, progress=False)
    claims = result.claims
    counts = _rows(claims, facet="type_count").groupby("source_id")["value"].first().to_dict()
    assert counts == {"neuro-clinic": "3", "headache-blog": "5", "pharmacy-guide": "7"}
    # HTML: navigation, cookie banner, footer and the script are gone.
    blog = result.text_of("headache-blog")
    assert "cookies" not in blog and "Privacy" not in blog and "trackingId" not in blog
    assert "There are five main types of migraine" in blog
    # Markdown: list labels under a classification heading name types.
    clinic_types = set(_rows(claims, facet="type", source_id="neuro-clinic").subject)
    assert {"migraine without aura", "migraine with aura", "chronic migraine"} <= clinic_types
    aliases = _rows(claims, facet="type_relation", subject="ocular migraine", value="alias_of")
    assert set(aliases.object) == {"retinal migraine", "migraine with aura"}
    nausea = _rows(claims, facet="symptom", subject="nausea")
    assert set(nausea.polarity) == {"asserted", "negated"}
    assert set(result.sources.source_id) == {"neuro-clinic", "headache-blog", "pharmacy-guide"}
    # Text furniture in the .txt source is gone too.
    assert "newsletter" not in result.text_of("pharmacy-guide")
