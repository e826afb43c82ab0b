"""The lexicon matcher: word boundaries, longest match, and abbreviations written in capitals."""
from __future__ import annotations

from pathlib import Path

from audit.extract.lexicon import LexiconMatcher
from audit.textfold import fold
from audit.topic import load_topic

TOPIC = """\
topic: hair-loss
condition: {name: alopecia areata, forms: [alopecia areata, AA]}
types:
  alopecia totalis: [alopecia totalis, AT]
  alopecia universalis: [alopecia universalis, AU]
  patchy alopecia areata: [patchy alopecia areata, patchy]
"""


def _names(matcher: LexiconMatcher, text: str) -> list[str]:
    return [m.name for m in matcher.find(fold(text), text=text)]


def test_an_abbreviation_in_capitals_matches_only_in_capitals(tmp_path: Path):
    (tmp_path / "topic.yaml").write_text(TOPIC, "utf-8")
    matcher = LexiconMatcher(load_topic(tmp_path / "topic.yaml"))
    assert _names(matcher, "At least 2% get it at some point, and AT is rarer.") == ["alopecia totalis"]
    assert _names(matcher, "Alopecia totalis (AT) and AU are the severe forms.") == [
        "alopecia totalis", "alopecia totalis", "alopecia universalis"]


def test_without_the_text_every_case_matches(tmp_path: Path):
    (tmp_path / "topic.yaml").write_text(TOPIC, "utf-8")
    matcher = LexiconMatcher(load_topic(tmp_path / "topic.yaml"))
    assert [m.name for m in matcher.find(fold("at home"))] == ["alopecia totalis"]


def test_a_lower_case_form_matches_in_any_case(tmp_path: Path):
    (tmp_path / "topic.yaml").write_text(TOPIC, "utf-8")
    matcher = LexiconMatcher(load_topic(tmp_path / "topic.yaml"))
    assert _names(matcher, "Patchy hair loss, then PATCHY regrowth.") == ["patchy alopecia areata"] * 2
