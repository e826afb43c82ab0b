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


def _matcher(tmp_path: Path) -> LexiconMatcher:
    (tmp_path / "topic.yaml").write_text(TOPIC + """\
  frontal fibrosing alopecia: [frontal fibrosing alopecia]
treatments:
  corticosteroid injections: {class: corticosteroid, forms: [corticosteroid injections]}
symptoms:
  nail pitting: [nail pitting]
  bald patch: [bald patch]
  burning pain: [burning pain]
""", "utf-8")
    return LexiconMatcher(load_topic(tmp_path / "topic.yaml"))


def test_the_other_number_of_a_form_matches(tmp_path: Path):
    matcher = _matcher(tmp_path)
    assert _names(matcher, "Bald patches grew; one corticosteroid injection helped.") == [
        "bald patch", "corticosteroid injections"]
    # the variant of a form never displaces a form the lexicon writes itself
    assert _names(matcher, "Patchy alopecia areata is common.") == ["patchy alopecia areata"]


def test_a_word_without_number_gets_no_variant():
    from audit.extract.lexicon import number_variants

    assert number_variants("frontal fibrosis") == ()
    assert number_variants("allergy") == ("allergies",)
    assert number_variants("rashes") == ("rash",)
    assert number_variants("AT") == ()


def _with_abbreviations(matcher: LexiconMatcher, text: str) -> list[tuple[str, str]]:
    mentions = matcher.with_defined_abbreviations(text, matcher.find(fold(text), text=text))
    return [(text[m.start:m.end], m.name) for m in mentions]


def test_an_abbreviation_the_text_defines_names_the_term_again(tmp_path: Path):
    matcher = _matcher(tmp_path)
    text = "Frontal fibrosing alopecia (FFA) is rising. FFA is a scarring form; 3 ffa cases."
    assert _with_abbreviations(matcher, text) == [
        ("Frontal fibrosing alopecia", "frontal fibrosing alopecia"), ("FFA", "frontal fibrosing alopecia")]


def test_a_parenthesis_that_does_not_abbreviate_the_name_defines_nothing(tmp_path: Path):
    matcher = _matcher(tmp_path)
    text = "Frontal fibrosing alopecia (UK) is rising. UK clinics see it."
    assert _with_abbreviations(matcher, text) == [("Frontal fibrosing alopecia", "frontal fibrosing alopecia")]
    # one short form defined for two terms names neither
    text = "Bald patch (BP) and burning pain (BP) both occur. BP is common."
    assert _with_abbreviations(matcher, text) == [("Bald patch", "bald patch"), ("burning pain", "burning pain")]
    # an abbreviation the lexicon has already is the lexicon's
    text = "Alopecia totalis (AT) is rare. AT is severe."
    assert [name for _written, name in _with_abbreviations(matcher, text)] == ["alopecia totalis"] * 3


def test_a_name_with_a_short_parenthesis_inside_is_the_name(tmp_path: Path):
    matcher = _matcher(tmp_path)
    text = "Frontal fibrosing (FF) alopecia is rising; frontal fibrosing (mostly in women) alopecia is not matched."
    assert [(text[m.start:m.end], m.name) for m in matcher.find(fold(text), text=text)] == [
        ("Frontal fibrosing (FF) alopecia", "frontal fibrosing alopecia")]


def test_a_one_word_symptom_gets_no_other_number(tmp_path: Path):
    (tmp_path / "topic.yaml").write_text(TOPIC + "symptoms:\n  pain: [pain, sore]\n  mouth sores: [mouth sores]\n", "utf-8")
    matcher = LexiconMatcher(load_topic(tmp_path / "topic.yaml"))
    assert _names(matcher, "Sores in the mouth; a sore mouth sore.") == ["pain", "mouth sores"]
