"""Lists keep their structure through cleaning: flattened bullets, items under furniture."""
from __future__ import annotations

import re

from audit.ingest.clean import blocks_from_text, clean_document


def test_flattened_bullets_become_items_but_a_prose_dash_does_not():
    blocks = blocks_from_text("Symptoms include   - Loose joints   - Fragile vessels\nA defect - a kind of birth defect.")
    assert blocks == [("Symptoms include", "heading"), ("- Loose joints", "item"), ("- Fragile vessels", "item"),
                      ("A defect - a kind of birth defect.", "para")]


def test_items_go_with_their_dropped_introduction():
    text = "Read more here:   - Overview of the disease   - Registry entry\nThe disease is rare."
    document = clean_document("s", text, ".txt", "0" * 64, (re.compile(r"^read more here", re.IGNORECASE),))
    assert document.text == "The disease is rare.\n"
    assert document.dropped_blocks == 3


def test_items_of_a_kept_introduction_stay():
    document = clean_document("s", "Forms include:   - Overview of one form   - Another form\n", ".txt", "0" * 64)
    assert "Another form" in document.text


def test_a_period_after_a_word_the_model_learned_as_an_abbreviation_ends_a_sentence():
    from audit.extract.analysis import split_sentences

    text = "Children often wet the bed. Babies may be irritable. It was seen in people with AL. Then it went away."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Children often wet the bed.", "Babies may be irritable.", "It was seen in people with AL.", "Then it went away."]
    kept = "Smith et al. Reported it in approx. Ten cases in the U.S. Army."
    assert [kept[a:b] for a, b in split_sentences(kept)] == [kept]
