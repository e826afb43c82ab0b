"""Fuzz targets (hypothesis) over what a corpus feeds the tool: YAML loaders, decoding, the text cleaners.

Whatever the input, a loader returns a value or raises AuditError (a one-line
message for the user); any other exception would be exit 3, a bug. Each
target runs a bounded number of examples, derandomized, so CI time and
results are fixed; run with ``--hypothesis-seed`` or a larger
``max_examples`` locally to search further.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from audit.errors import AuditError
from audit.extract.analysis import split_sentences
from audit.ingest.clean import clean_document
from audit.ingest.manifest import load_manifest
from audit.ingest.readers import decode_source
from audit.topic import load_topic
from audit.yamlio import LineDict, LineList, load_yaml
from conftest import CALCINOSIS

FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# YAML's structural characters, anchors/aliases, tags and a few words, so that
# examples reach the parser's corners rather than failing on the first byte.
YAML_TOKENS = st.sampled_from([
    "sources:", "\n", "  ", "- ", "id: ", "file: ", "a.txt", "date: ", "2024-13-45", "'2024-02-30'", "prior: ",
    "1e999", "-0", "&a ", "*a", "*b", "&b ", "[", "]", "{", "}", ", ", ": ", "? ", "!!str ", "!!python/name:os.system ",
    "!!binary ", "|", ">", "'", '"', "#", "---\n", "...\n", "<<: *a", "~", "null", "yes", "0x1F", "9" * 50, "\t", "%YAML 1.1\n",
    "types:", "condition:", "name: x", "forms: [x, y]", "topic: t", "\ufeff", "\x00", "\x85", "é",
])
yaml_text = st.one_of(st.lists(YAML_TOKENS, max_size=40).map("".join), st.text(max_size=200))


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    return path


def _plain(value, depth: int = 0) -> None:
    """Loaded values are plain data with line numbers, never deeper than the loader's bound."""
    assert depth <= 64
    if isinstance(value, LineDict):
        for key, item in value.items():
            assert isinstance(key, (str, int, float, bool))
            _plain(item, depth + 1)
    elif isinstance(value, LineList):
        assert len(value.lines) == len(value)
        for item in value:
            _plain(item, depth + 1)


@FUZZ
@given(yaml_text)
def test_yaml_loader_returns_data_or_a_clean_error(text):
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "x.yaml", text)
        try:
            _plain(load_yaml(path))
        except AuditError as error:
            assert "\n" not in str(error)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["id", "file", "date", "date_kind", "prior", "title", "junk"]),
                          st.one_of(st.sampled_from(["a", "a.txt", "../a.txt", "/etc/passwd", "b.md", "2024-13-45",
                                                     "2024-02-29", "0", "11", "published", "x" * 70, "[1, 2]", "*a",
                                                     "sub/../a.txt", "./a.txt", "a.txt\x00"]),
                                    st.text(max_size=20))), max_size=6),
       st.booleans())
def test_manifest_loader_returns_entries_or_a_clean_error(pairs, nested):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _write(root, "a.txt", "Text.\n")
        (root / "sub").mkdir()
        lines = ["sources:", "  - id: a", "    file: a.txt"]
        for key, value in pairs:
            lines.append(f"    {key}: {value!r}" if not nested else f"  - {key}: {value!r}")
        _write(root, "sources.yaml", "\n".join(lines) + "\n")
        try:
            entries = load_manifest(root)
        except AuditError as error:
            assert "\n" not in str(error)
            return
        for entry in entries:  # whatever was accepted is a regular file inside the corpus
            assert entry.real_path is not None and entry.real_path.is_file()
            assert root.resolve() in entry.real_path.parents
            assert not os.path.isabs(entry.file) and ".." not in Path(entry.file).parts


@FUZZ
@given(st.lists(YAML_TOKENS, max_size=30).map("".join))
def test_topic_loader_returns_a_topic_or_a_clean_error(extra):
    with tempfile.TemporaryDirectory() as folder:
        base = (CALCINOSIS / "topic.yaml").read_text()
        path = _write(Path(folder), "topic.yaml", base + extra)
        try:
            topic = load_topic(path)
        except AuditError as error:
            assert "\n" not in str(error)
            return
        assert topic.types


@FUZZ
@given(st.binary(max_size=300) | st.text(max_size=200).map(lambda t: t.encode("utf-16")))
def test_decoding_returns_text_or_a_clean_error(data):
    try:
        text = decode_source(Path("x.txt"), data)
    except AuditError as error:
        assert "\n" not in str(error)
        return
    assert "\r" not in text and "\x00" not in text


MARKUP = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "</td></tr></table>", "<script>",
                          "</script>", "# ", "## ", "- ", "1. ", "| a | b |\n|---|---|\n", "> ", "```\n", "\n", "\n\n",
                          "Calcinosis is rare. ", "There are four types of calcinosis. ", "e.g. ", "Dr. ", "&amp; ",
                          "<!--", "-->", "*", "_", "[x](y)", "\t", " ", "\u2028", "\x0c"])
document_text = st.one_of(st.lists(MARKUP, max_size=60).map("".join), st.text(max_size=300))


@FUZZ
@given(document_text, st.sampled_from([".txt", ".md", ".html"]))
def test_cleaned_blocks_point_into_the_text(text, suffix):
    try:
        document = clean_document("x", text, suffix, "0" * 64)
    except AuditError as error:
        assert "\n" not in str(error)
        return
    previous_end = -1
    for block in document.blocks:
        assert previous_end < block.start < block.end <= len(document.text)
        assert document.text[block.start:block.end].strip() == document.text[block.start:block.end]
        previous_end = block.end
    assert not document.blocks or document.text.endswith("\n")


@FUZZ
@given(document_text | st.text(alphabet=" .?!aeT\u00a0", max_size=5000))
def test_sentences_are_ordered_trimmed_spans(text):
    spans = split_sentences(text)
    end = 0
    for start, stop in spans:
        assert end <= start < stop <= len(text)
        assert text[start:stop] == text[start:stop].strip()
        end = stop
