"""Property tests: invariants that hold for any input text."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from audit.textfold import fold, lower_same_length
from conftest import claims_from_text

WORDS = ["calcinosis", "dystrophic", "four", "types", "of", "is", "not", "painful", "usually", "25–40%",
         "up", "to", "70%", "in", "systemic", "sclerosis", "also", "called", "tumoral", "the", "most", "common",
         "type", ".", ",", "\n", "\n\n", "diltiazem", "treat", "rare", "•", "There", "are", "five", ":", "?"]


@given(st.text())
def test_fold_keeps_length(text):
    assert len(fold(text)) == len(text)
    assert len(lower_same_length(text)) == len(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60))
def test_claims_always_quote_their_offsets(words):
    # claims_from_text asserts text[start:end] == quote for every claim
    rows = claims_from_text(" ".join(words))
    for row in rows:
        assert row["start"] < row["end"]
        if row["value_low"] is not None and row["value_high"] is not None:
            assert 0 <= row["value_low"] <= row["value_high"] <= 100


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_arbitrary_text_never_crashes_extraction(text):
    claims_from_text(text)
