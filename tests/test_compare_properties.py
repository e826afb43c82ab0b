"""Findings do not depend on the order of sources; renaming a source changes only its id (and the ids of
its internal findings, whose question names the source)."""
from __future__ import annotations

import json

from hypothesis import given, settings, strategies as st

from audit.compare import compare
from audit.compare.model import stable_id
from audit.compare.serialize import findings_document
from audit.topic import load_topic
from conftest import CALCINOSIS
from audit.schemas import read_table

import pytest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def tables():
    claims = read_table(ROOT / "extracted" / "calcinosis" / "claims.csv", "claims")
    sources = read_table(ROOT / "extracted" / "calcinosis" / "sources.csv", "sources")
    return claims, sources, load_topic(CALCINOSIS / "topic.yaml")


def _document(claims, sources, topic) -> dict:
    return findings_document(compare(claims, sources, topic), sources, topic.name, "c", len(claims))


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_order_of_sources_and_rows_does_not_matter(tables, seed):
    claims, sources, topic = tables
    reference = _document(claims, sources, topic)
    shuffled = _document(claims.sample(frac=1, random_state=seed).reset_index(drop=True),
                         sources.sample(frac=1, random_state=seed).reset_index(drop=True), topic)
    assert json.dumps(shuffled, sort_keys=True) == json.dumps(reference, sort_keys=True)


@settings(max_examples=8, deadline=None)
@given(victim=st.sampled_from(["consensus", "healthboard", "healthgrades", "medindia", "rarity-explainer"]),
       new_name=st.from_regex(r"\Azz[a-z0-9]{1,8}\Z"))
def test_renaming_a_source_changes_only_its_id(tables, victim, new_name):
    claims, sources, topic = tables
    reference = _document(claims, sources, topic)
    renamed_claims = claims.copy()
    renamed_claims["source_id"] = renamed_claims["source_id"].replace(victim, new_name)
    renamed_claims["claim_id"] = renamed_claims["claim_id"].str.replace(f"{victim}:", f"{new_name}:", regex=False)
    renamed_sources = sources.copy()
    renamed_sources["source_id"] = renamed_sources["source_id"].replace(victim, new_name)
    renamed = _document(renamed_claims, renamed_sources, topic)
    for finding in renamed["findings"]:
        if finding["kind"] == "internal" and finding["sources"] == [new_name]:
            # "does this source contradict itself?" is a question about that source: its id names it
            assert finding["id"] == stable_id(finding["code"], finding["facet"], finding["subject"], new_name)
            finding["id"] = stable_id(finding["code"], finding["facet"], finding["subject"], victim)
    text = json.dumps(renamed, sort_keys=True).replace(new_name, victim)
    # The renamed source may sort elsewhere in lists: compare as canonical structures.
    assert _canonical(json.loads(text)) == _canonical(reference)


def _canonical(value, key=""):
    if key in ("message", "detail") and isinstance(value, str):
        # Names are listed alphabetically, so a renamed source may move within a sentence:
        # compare the words, not their order.
        return sorted(value.translate(str.maketrans(",;.()", "     ")).split())
    if isinstance(value, dict):
        return {name: _canonical(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return sorted((_canonical(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    return value
