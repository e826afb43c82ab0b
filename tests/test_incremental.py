"""An incremental run (one article edited since the last run) writes exactly what a full run writes.

Each case audits a copy of a corpus with a cache (which keeps the comparison
state), edits one article, audits again with the same cache, and then audits
the same files from scratch without any cache: every file under extracted/
and reports/ must be byte-identical.
"""
from __future__ import annotations

import pickle
import re
import shutil
from pathlib import Path

import pytest

from audit.api import run_audit
from audit.compare.incremental import state_path
from conftest import CALCINOSIS

ROOT = Path(__file__).resolve().parent


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def _figure(folder: Path) -> None:
    path = folder / "rarity-explainer.txt"
    text = path.read_text()
    assert "40%" in text
    path.write_text(text.replace("40%", "45%", 1))


def _count(folder: Path) -> None:
    path = folder / "healthgrades.txt"
    text = path.read_text()
    assert "There are five main types" in text
    path.write_text(text.replace("There are five main types", "There are six main types"))


def _cut(folder: Path) -> None:
    """Half an article gone: its types, placements and symptoms with it."""
    path = folder / "healthboard.txt"
    text = path.read_text()
    path.write_text(text[:len(text) // 2])


def _symptom(folder: Path) -> None:
    path = next(p for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md", ".html"))
    text = path.read_text()
    path.write_text(text + "\n\nThe condition is usually not painful. Diltiazem is not used to treat it.\n")


def _audit(corpus: Path, out: Path, cache: Path | None, data_quality: bool):
    return run_audit(corpus, out / "extracted", out / "reports", cache_dir=cache, progress=False,
                     data_quality=data_quality)


@pytest.mark.parametrize("corpus,edit,data_quality", [
    (CALCINOSIS, _figure, True),
    (CALCINOSIS, _count, False),
    (CALCINOSIS, _cut, False),
    (ROOT / "corpora" / "migraine", _symptom, False),
])
def test_incremental_run_is_byte_identical_to_a_full_run(tmp_path, corpus, edit, data_quality):
    folder = tmp_path / "corpus" / corpus.name
    shutil.copytree(corpus, folder)
    cache, out = tmp_path / "cache", tmp_path / "out"
    _audit(folder, out, cache, data_quality)
    edit(folder)
    _audit(folder, out, cache, data_quality)
    state = pickle.loads(state_path(cache, folder).read_bytes())
    assert set(state.rebuilt.values()) - {"whole"}, "the second run rebuilt everything: nothing incremental tested"
    incremental = {name: _files(out / name) for name in ("extracted", "reports")}
    shutil.rmtree(out)
    _audit(folder, out, None, data_quality)
    for name in ("extracted", "reports"):
        full = _files(out / name)
        assert sorted(full) == sorted(incremental[name])
        different = [file for file in full if full[file] != incremental[name][file]]
        assert not different, f"{name}: {different} differ between the incremental and the full run"


def test_unchanged_texts_are_kept_in_place(tmp_path):
    """A text with the bytes already published is not staged again (the same file, not a copy renamed over it)."""
    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    out = tmp_path / "out"
    _audit(folder, out, tmp_path / "cache", False)
    texts = out / "extracted" / "text"
    before = {path.name: path.stat().st_ino for path in texts.iterdir()}
    _figure(folder)
    _audit(folder, out, tmp_path / "cache", False)
    after = {path.name: path.stat().st_ino for path in texts.iterdir()}
    assert sorted(after) == sorted(before)
    assert [name for name in sorted(after) if after[name] != before[name]] == ["rarity-explainer.txt"]


def test_only_new_documents_rows_are_schema_checked(tmp_path, monkeypatch):
    """Rows validated once (keyed by the document's content) are not validated again; a new document's are."""
    import audit.api

    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    first = _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    checked: list[set[str]] = []
    real = audit.api.validate_table

    def recording(frame, name, failures_dir=None):
        if name == "claims":
            checked.append(set(frame["source_id"]))
        return real(frame, name, failures_dir)

    monkeypatch.setattr(audit.api, "validate_table", recording)
    _figure(folder)
    second = _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    assert checked == [{"rarity-explainer"}]
    assert list(second.extract.claims.dtypes) == list(first.extract.claims.dtypes)
    checked.clear()
    _audit(folder, tmp_path / "out", None, False)  # no cache: nothing is known, everything is checked
    assert len(checked) == 1 and len(checked[0]) > 1


def test_report_grids_are_rendered_again_only_where_they_changed(tmp_path, monkeypatch):
    import audit.report.report

    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    rendered: list[int] = []
    real = audit.report.report.render_grid

    def counting(positions, anchor):
        rendered.append(1)
        return real(positions, anchor)

    monkeypatch.setattr(audit.report.report, "render_grid", counting)
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    first = len(rendered)
    assert first > 2
    rendered.clear()
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    assert rendered == []  # nothing changed: every grid is the stored one
    _figure(folder)
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    assert 0 < len(rendered) < first


def test_quote_locations_are_found_again_only_in_changed_files(tmp_path, monkeypatch):
    import audit.locate

    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    indexed: list[int] = []
    real = audit.locate.RawFile

    def counting(raw, suffix):
        indexed.append(1)
        return real(raw, suffix)

    monkeypatch.setattr(audit.locate, "RawFile", counting)
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    assert indexed == []  # every location is the stored one: no source file read and indexed
    _figure(folder)
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    assert len(indexed) == 1  # the edited article's


def test_unchanged_corpus_keeps_every_question(tmp_path):
    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    cache = tmp_path / "cache"
    first = _audit(folder, tmp_path / "one", cache, False)
    second = _audit(folder, tmp_path / "two", cache, False)
    state = pickle.loads(state_path(cache, folder).read_bytes())
    assert set(state.rebuilt.values()) == {"kept"}
    assert [f.to_dict() for f in first.findings] == [f.to_dict() for f in second.findings]


def test_unchanged_tables_skip_the_data_quality_suites(tmp_path, monkeypatch):
    """Same claims, texts and findings: the suites' cached results are the outputs, GX is not run."""
    from audit.validate import expectations

    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    cache = tmp_path / "cache"
    _audit(folder, tmp_path / "one", cache, True)

    def refuse(*args):
        raise AssertionError("a suite ran although nothing it reads changed")

    monkeypatch.setattr(expectations, "_run_suite", refuse)
    _audit(folder, tmp_path / "two", cache, True)
    for name in ("gx_claims_validation.json", "gx_findings_validation.json", "index.html"):
        assert ((tmp_path / "one" / "reports" / "data_quality" / name).read_bytes()
                == (tmp_path / "two" / "reports" / "data_quality" / name).read_bytes())


def test_a_changed_text_reruns_the_claims_suite(tmp_path, monkeypatch):
    """A quote is checked against its text: a text that changed without its claims still reruns the suite."""
    from audit.validate import expectations

    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    cache = tmp_path / "cache"
    _audit(folder, tmp_path / "one", cache, True)
    path = folder / "healthgrades.txt"
    path.write_text(path.read_text() + "\n\nThanks for reading.\n")
    ran = []
    real = expectations._run_suite
    monkeypatch.setattr(expectations, "_run_suite", lambda name, *args: ran.append(name) or real(name, *args))
    _audit(folder, tmp_path / "one", cache, True)
    assert "claims" in ran


def test_a_changed_rule_starts_over(tmp_path, monkeypatch):
    """The state names the code it was built with: other code, a full comparison."""
    from audit.compare import incremental

    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    cache = tmp_path / "cache"
    _audit(folder, tmp_path / "one", cache, False)
    monkeypatch.setattr(incremental, "_code_digest", lambda: "other code")
    _audit(folder, tmp_path / "two", cache, False)
    state = pickle.loads(state_path(cache, folder).read_bytes())
    assert set(state.rebuilt.values()) == {"whole"}


class _Planted:
    """A pickle that would create a file when loaded by a plain pickle.load."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_a_planted_state_runs_no_code(tmp_path):
    """The cache folder may come with a repository: a state naming anything but audit's own classes is refused."""
    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    cache, marker = tmp_path / "cache", tmp_path / "ran"
    path = state_path(cache, folder)
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps(_Planted(marker)))
    _audit(folder, tmp_path / "one", cache, True)
    assert not marker.exists()
    for planted in (cache / "data_quality").glob("*.pickle"):
        planted.write_bytes(pickle.dumps(_Planted(marker)))
    _audit(folder, tmp_path / "one", cache, True)
    assert not marker.exists()


def test_unreadable_state_means_a_full_run(tmp_path):
    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    cache = tmp_path / "cache"
    path = state_path(cache, folder)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    result = _audit(folder, tmp_path / "one", cache, False)
    assert result.findings
    assert re.fullmatch(rb"\x80.*", state_path(cache, folder).read_bytes(), re.S)  # replaced by a real state


def test_tables_are_written_again_only_where_their_rows_changed(tmp_path, monkeypatch):
    """claims.csv and findings.csv copy the rows of unchanged documents and findings from the published files."""
    import audit.csvchunks

    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    formatted: list[int] = []
    real = audit.csvchunks._formatted

    def counting(frame, counts):
        formatted.append(len(counts))
        return real(frame, counts)

    monkeypatch.setattr(audit.csvchunks, "_formatted", counting)
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    assert formatted == []  # nothing changed: every chunk copied
    _figure(folder)
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    assert formatted and formatted[0] == 1  # the edited document's claims, then the findings that changed
    findings = (tmp_path / "out" / "extracted" / "findings.csv").read_text().count("\n") - 1
    assert sum(formatted[1:]) < findings


def test_lines_of_quotes_in_unchanged_texts_are_not_counted_again(tmp_path, monkeypatch):
    """A quote's line comes from the newline offsets kept for its text (by the document's cache key)."""
    import audit.compare.serialize

    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    counted: list[int] = []
    real = audit.compare.serialize._NEWLINE

    class Counting:
        def finditer(self, text):
            counted.append(1)
            return real.finditer(text)

    monkeypatch.setattr(audit.compare.serialize, "_NEWLINE", Counting())
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    assert counted == []
    _figure(folder)
    _audit(folder, tmp_path / "out", tmp_path / "cache", False)
    assert counted == [1]  # the edited article's text


def test_rows_of_unchanged_documents_come_from_the_claim_store(tmp_path, monkeypatch):
    """Only the edited document's rows are built from its payload; the others are taken from the store, and the
    store grows by a segment of that document's rows rather than being written again."""
    import audit.claimstore

    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    cache = tmp_path / "cache"
    first = _audit(folder, tmp_path / "out", cache, False)
    built: list[set[str]] = []
    real = audit.claimstore.ClaimStore.assemble

    def recording(self, parts, new):
        built.append(set(new["source_id"]))
        return real(self, parts, new)

    monkeypatch.setattr(audit.claimstore.ClaimStore, "assemble", recording)
    _audit(folder, tmp_path / "out", cache, False)
    assert built == [set()]  # nothing changed: every row stored
    _figure(folder)
    second = _audit(folder, tmp_path / "out", cache, False)
    assert built[1] == {"rarity-explainer"}
    segments = sorted((cache / "claims").glob("*/*.pickle"))
    assert len(segments) == 2  # the first run's rows and the edited document's
    assert list(second.extract.claims.dtypes) == list(first.extract.claims.dtypes)
    claims = second.extract.claims
    assert claims["value_low"].isna().any() and claims["value_low"].notna().any()  # intervals kept exactly


@pytest.mark.parametrize("damage", ["garbage", "planted", "short"])
def test_a_damaged_claim_store_is_ignored(tmp_path, damage):
    """A store that does not read as one (garbage, a class in the pickle, columns of the wrong length) is no
    store: the run builds every row and writes the same files as a run without a cache."""
    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    cache, marker = tmp_path / "cache", tmp_path / "ran"
    _audit(folder, tmp_path / "out", cache, False)
    (segment,) = (cache / "claims").glob("*/*.pickle")
    if damage == "garbage":
        segment.write_bytes(b"not a pickle")
    elif damage == "planted":
        segment.write_bytes(pickle.dumps(_Planted(marker)))
    else:
        stored = pickle.loads(segment.read_bytes())
        stored["columns"]["quote"].pop()
        segment.write_bytes(pickle.dumps(stored))
    _figure(folder)
    _audit(folder, tmp_path / "out", cache, False)
    assert not marker.exists()
    cached = {name: _files(tmp_path / "out" / name) for name in ("extracted", "reports")}
    shutil.rmtree(tmp_path / "out")
    _audit(folder, tmp_path / "out", None, False)
    for name in ("extracted", "reports"):
        assert _files(tmp_path / "out" / name) == cached[name]


def test_stored_documents_cache_entries_are_not_read(tmp_path, monkeypatch):
    """A document the claim store holds is served by its key: its cache entry (text and rows) is not read,
    nor its text when the published one has the same digest; without the entry its text is made again."""
    from audit.extract.cache import DocumentCache

    folder = tmp_path / "corpus" / CALCINOSIS.name
    shutil.copytree(CALCINOSIS, folder)
    cache, out = tmp_path / "cache", tmp_path / "out"
    _audit(folder, out, cache, False)
    read: list[str] = []
    real = DocumentCache.get

    def recording(self, key):
        read.append(key)
        return real(self, key)

    monkeypatch.setattr(DocumentCache, "get", recording)
    _figure(folder)
    _audit(folder, out, cache, False)
    assert len(read) == 1  # the edited article, not cached yet
    for entry in cache.glob("??/*.json"):  # entries gone, a published text gone: texts made again
        entry.unlink()
    (out / "extracted" / "text" / "healthgrades.txt").unlink()
    cached = _audit(folder, out, cache, False)
    incremental = {name: _files(out / name) for name in ("extracted", "reports")}
    shutil.rmtree(out)
    full = _audit(folder, out, None, False)
    assert len(cached.extract.claims) == len(full.extract.claims)
    for name in ("extracted", "reports"):
        assert _files(out / name) == incremental[name]
