"""Bad input: one-line error naming the file (and line), exit code 2, no half-written table."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _assert_clean_error(result, *fragments: str):
    assert result.exit_code == 2, result.output
    message = result.stderr.strip()
    assert message.startswith("error: "), message
    assert "\n" not in message and "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in message, message


@pytest.fixture
def corpus(corpus_copy, tmp_path):
    folder = corpus_copy("calcinosis")
    out = tmp_path / "out"
    return folder, out


def _extract(folder: Path, out: Path):
    return _run("extract", str(folder), "--extracted", str(out), "--no-cache")


def test_binary_file(corpus):
    folder, out = corpus
    (folder / "medindia.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    _assert_clean_error(_extract(folder, out), "medindia.txt", "binary")
    assert not (out / "claims.csv").exists()


def test_invalid_utf8_names_the_line(corpus):
    folder, out = corpus
    (folder / "medindia.txt").write_bytes(b"line one\nline two\nbad \xff byte\n")
    _assert_clean_error(_extract(folder, out), "medindia.txt:3:", "UTF-8")


def test_fifty_megabyte_file(corpus):
    folder, out = corpus
    with open(folder / "medindia.txt", "w") as handle:
        handle.write(("Calcinosis is a condition. " * 40 + "\n") * 47_000)
    assert (folder / "medindia.txt").stat().st_size > 50_000_000
    _assert_clean_error(_extract(folder, out), "medindia.txt", "MB")


def test_empty_file_is_a_warning_and_skipped(corpus):
    folder, out = corpus
    (folder / "medindia.txt").write_text("")
    result = _extract(folder, out)
    assert result.exit_code == 0
    assert "medindia.txt" in result.stderr and "empty" in result.stderr
    assert "medindia" not in (out / "sources.csv").read_text()


def test_manifest_names_missing_file(corpus):
    folder, out = corpus
    (folder / "medindia.txt").unlink()
    _assert_clean_error(_extract(folder, out), "sources.yaml:", "missing file 'medindia.txt'")


def test_file_missing_from_manifest(corpus):
    folder, out = corpus
    (folder / "stray.md").write_text("# A stray article\n")
    _assert_clean_error(_extract(folder, out), "stray.md", "not listed")


def test_duplicate_ids(corpus):
    folder, out = corpus
    manifest = folder / "sources.yaml"
    manifest.write_text(manifest.read_text().replace("id: medindia", "id: healthboard"))
    _assert_clean_error(_extract(folder, out), "sources.yaml:", "duplicate source id 'healthboard'")


@pytest.mark.parametrize("edit, fragments", [
    (lambda text: text.replace("types:\n", "types:\n  broken: [unclosed\n", 1), ("topic.yaml:", "invalid YAML")),
    (lambda text: text.replace("  metastatic: [metastatic calcinosis,", "  metastatic: [dystrophic calcinosis, metastatic calcinosis,"),
     ("topic.yaml:", "dystrophic calcinosis", "already belongs")),
    (lambda text: text.replace("treatments:", "treatmnets:"), ("topic.yaml:", "unknown key 'treatmnets'")),
])
def test_broken_lexicon(corpus, edit, fragments):
    folder, out = corpus
    topic = folder / "topic.yaml"
    topic.write_text(edit(topic.read_text()))
    _assert_clean_error(_extract(folder, out), *fragments)


def test_failure_leaves_previous_tables_untouched(corpus):
    folder, out = corpus
    assert _extract(folder, out).exit_code == 0
    before = (out / "claims.csv").read_bytes()
    (folder / "healthboard.txt").write_bytes(b"\xff\xfe broken")
    _assert_clean_error(_extract(folder, out), "healthboard.txt")
    assert (out / "claims.csv").read_bytes() == before
    assert not list(out.glob(".*tmp")) and not (out / ".staging").exists()


def test_missing_corpus_folder(tmp_path):
    _assert_clean_error(_run("extract", str(tmp_path / "nowhere")), "nowhere", "not found")
