"""Bad-input catalogue: every hostile or broken input is one line, exit 2, and leaves good outputs alone.

Each case starts from a small good corpus whose outputs were published by a
good run, breaks one thing, runs the command, and asserts: exit code 2; one
line ``error: FILE[:LINE]: message`` naming the file (and line where it
applies); no traceback; the previous outputs byte-identical (no staging
folder left either); nothing read from outside the corpus in the output.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from click.testing import CliRunner

from audit.cli import main
from conftest import CALCINOSIS, ROOT

CANARY = "SECRET-CANARY-7f3a"
TOPIC = (CALCINOSIS / "topic.yaml").read_text()
MANIFEST = """sources:
  - id: alpha
    file: alpha.txt
    title: Alpha
    date: "2024-03-03"
    date_kind: updated
  - id: beta
    file: beta.md
    title: Beta
"""
ALPHA = "There are four types of calcinosis.\nDystrophic calcinosis is the most common type.\n"
BETA = "# Calcinosis\n\nThere are five main types of calcinosis: dystrophic, metastatic and idiopathic.\n"
BOMB = "".join(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
               for prev, name in zip("abcdefgh", "bcdefghi"))
BOMB = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + BOMB


def _mini(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "topic.yaml").write_text(TOPIC)
    (folder / "sources.yaml").write_text(MANIFEST)
    (folder / "alpha.txt").write_text(ALPHA)
    (folder / "beta.md").write_text(BETA)
    return folder


def _run_args(corpus: Path, tmp: Path, *extra: str) -> list[str]:
    return ["run", str(corpus), "--extracted", str(tmp / "x"), "--reports", str(tmp / "r"), "--no-cache",
            "--no-data-quality", "--fail-on", "never", *extra]


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    """A good corpus and the outputs a good run published from it."""
    base = tmp_path_factory.mktemp("good")
    corpus = _mini(base / "mini")
    result = CliRunner().invoke(main, _run_args(corpus, base))
    assert result.exit_code == 0, result.output
    return base


def _snapshot(*folders: Path) -> dict[str, bytes]:
    files = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() or path.is_symlink():
                files[str(path.relative_to(folder.parent))] = path.read_bytes() if path.is_file() else b"<link>"
            elif path.is_dir():
                files[str(path.relative_to(folder.parent)) + "/"] = b""
    return files


# --------------------------------------------------------------------------- case builders

def edit(name: str, old: str, new: str):
    def apply(corpus: Path, tmp: Path):
        path = corpus / name
        text = path.read_text()
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1))
    return apply


def write(name: str, content: str | bytes):
    def apply(corpus: Path, tmp: Path):
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            path.unlink()
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return apply


def secret_outside(tmp: Path) -> Path:
    secret = tmp / "outside" / "secret.txt"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(f"There are nine types of calcinosis. {CANARY}\n")
    return secret


def link(name: str, target: Callable[[Path, Path], Path]):
    def apply(corpus: Path, tmp: Path):
        path = corpus / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            path.unlink()
        path.symlink_to(target(corpus, tmp))
    return apply


def steps(*functions):
    def apply(corpus: Path, tmp: Path):
        for function in functions:
            function(corpus, tmp)
    return apply


def fifo(name: str):
    def apply(corpus: Path, tmp: Path):
        (corpus / name).unlink(missing_ok=True)
        os.mkfifo(corpus / name)
    return apply


def folder_named(name: str):
    def apply(corpus: Path, tmp: Path):
        (corpus / name).unlink(missing_ok=True)
        (corpus / name).mkdir()
    return apply


def unix_socket(name: str):
    def apply(corpus: Path, tmp: Path):
        (corpus / name).unlink(missing_ok=True)
        here = os.getcwd()
        os.chdir(corpus)  # a relative name: socket paths are limited to about 100 bytes
        try:
            server = socket.socket(socket.AF_UNIX)
            server.bind(name)
            server.close()
        finally:
            os.chdir(here)
    return apply


def args(*builder: str, setup=None):
    """Run another command: '{corpus}', '{tmp}' are filled in."""
    def apply(corpus: Path, tmp: Path):
        if setup:
            setup(corpus, tmp)
        return [part.format(corpus=corpus, tmp=tmp, calcinosis=CALCINOSIS) for part in builder]
    return apply


def run_with(*extra: str, setup=None):
    def apply(corpus: Path, tmp: Path):
        if setup:
            setup(corpus, tmp)
        return _run_args(corpus, tmp, *[part.format(corpus=corpus, tmp=tmp) for part in extra])
    return apply


@dataclass(frozen=True)
class Case:
    id: str
    setup: Callable
    fragments: tuple[str, ...]


M = "sources.yaml"
CASES = [
    # ---- where a listed file may be (issue 7, 1)
    Case("parent-escape", steps(lambda c, t: secret_outside(t), edit(M, "file: alpha.txt", "file: ../outside/secret.txt")),
         ("sources.yaml:3:", "goes up out of the corpus folder")),
    Case("etc-passwd", edit(M, "file: alpha.txt", "file: ../../../../etc/passwd"), ("sources.yaml:3:", "goes up out")),
    Case("absolute-path", lambda c, t: edit(M, "file: alpha.txt", f"file: {secret_outside(t)}")(c, t),
         ("sources.yaml:3:", "absolute path")),
    Case("symlinked-file", steps(link("alpha.txt", lambda c, t: secret_outside(t))),
         ("sources.yaml:3:", "leads outside the corpus folder")),
    Case("symlinked-folder", steps(lambda c, t: secret_outside(t), link("sub", lambda c, t: t / "outside"),
                                   edit(M, "file: alpha.txt", "file: sub/secret.txt")),
         ("sources.yaml:3:", "leads outside the corpus folder")),
    Case("symlink-to-device", link("alpha.txt", lambda c, t: Path("/dev/zero")), ("sources.yaml:3:", "leads outside")),
    Case("symlink-loop", steps(link("alpha.txt", lambda c, t: c / "loop.txt"), link("loop.txt", lambda c, t: c / "alpha.txt")),
         ("sources.yaml:3:", "alpha.txt")),
    Case("fifo", fifo("alpha.txt"), ("sources.yaml:3:", "named pipe (FIFO)")),
    Case("folder-named-txt", folder_named("alpha.txt"), ("sources.yaml:3:", "is a folder, not a file")),
    Case("socket", unix_socket("alpha.txt"), ("sources.yaml:3:", "socket")),
    Case("missing-file", lambda c, t: (c / "alpha.txt").unlink(), ("sources.yaml:3:", "missing file 'alpha.txt'")),
    Case("unsupported-suffix", steps(write("alpha.pdf", b"%PDF-1.4"), edit(M, "file: alpha.txt", "file: alpha.pdf"),
                                     lambda c, t: (c / "alpha.txt").unlink()),
         ("sources.yaml:3:", "unsupported type")),
    Case("unlisted-pdf", write("draft.pdf", b"%PDF-1.4 binary"), ("sources.yaml", "draft.pdf is a PDF document")),
    Case("unlisted-docx", write("notes/old.docx", b"PK\x03\x04"), ("sources.yaml", "notes/old.docx is a Word document")),
    Case("unlisted-txt", write("stray.txt", "A stray article.\n"), ("sources.yaml", "stray.txt is not listed")),
    Case("unlisted-in-subfolder", write("more/stray.md", "# Stray\n"), ("sources.yaml", "more/stray.md is not listed")),
    Case("listed-twice", edit(M, "file: beta.md", "file: ./alpha.txt"), ("sources.yaml:7:", "listed twice")),
    # ---- manifest values (issue 7, 6)
    Case("impossible-date", edit(M, '"2024-03-03"', '"2024-13-45"'), ("sources.yaml:5:", "not a calendar date")),
    Case("feb-29-non-leap", edit(M, '"2024-03-03"', '"2023-02-29"'), ("sources.yaml:5:", "not a calendar date")),
    Case("month-13", edit(M, '"2024-03-03"', '"2024-13"'), ("sources.yaml:5:", "not a calendar date")),
    Case("date-words", edit(M, '"2024-03-03"', '"March 2024"'), ("sources.yaml:5:", "YYYY")),
    Case("unquoted-impossible-date", edit(M, '"2024-03-03"', "2024-13-45"), ("sources.yaml:5:", "invalid value")),
    Case("date-kind", edit(M, "date_kind: updated", "date_kind: written"), ("sources.yaml:6:", "date_kind")),
    Case("prior-zero", edit(M, "    title: Beta\n", "    title: Beta\n    prior: 0\n"), ("sources.yaml:10:", "prior")),
    Case("prior-text", edit(M, "    title: Beta\n", "    title: Beta\n    prior: high\n"), ("sources.yaml:10:", "prior")),
    Case("unknown-entry-key", edit(M, "    title: Beta\n", "    titel: Beta\n"), ("sources.yaml:9:", "unknown key 'titel'")),
    Case("bad-id", edit(M, "id: alpha", "id: Alpha One"), ("sources.yaml:2:", "slug")),
    Case("duplicate-id", edit(M, "id: beta", "id: alpha"), ("sources.yaml:7:", "duplicate source id 'alpha'")),
    Case("entry-not-mapping", edit(M, "sources:\n", "sources:\n  - just a string\n"), ("sources.yaml:2:", "mapping")),
    Case("entry-without-file", edit(M, "    file: beta.md\n", ""), ("sources.yaml:7:", "has no 'file'")),
    Case("manifest-top-level-list", write(M, "- id: alpha\n"), ("sources.yaml:1:", "top level")),
    Case("manifest-no-sources", write(M, "sources: []\n"), ("sources.yaml:1:", "lists no sources")),
    # ---- the YAML files themselves (issue 7, 2)
    Case("manifest-missing", lambda c, t: (c / M).unlink(), ("sources.yaml", "not found")),
    Case("manifest-empty", write(M, ""), ("sources.yaml", "empty")),
    Case("manifest-is-folder", folder_named(M), ("sources.yaml", "is a folder")),
    Case("manifest-fifo", fifo(M), ("sources.yaml", "named pipe")),
    Case("manifest-symlink-out", link(M, lambda c, t: (t / "m.yaml", (t / "m.yaml").write_text(MANIFEST))[0]),
         ("sources.yaml", "leads outside")),
    Case("manifest-alias-bomb", write(M, BOMB), ("sources.yaml:", "billion laughs")),
    Case("topic-alias-bomb", write("topic.yaml", BOMB), ("topic.yaml:", "billion laughs")),
    Case("manifest-deep-nesting", write(M, "sources: " + "[" * 5000 + "]" * 5000 + "\n"), ("sources.yaml:1:", "nest")),
    Case("manifest-syntax", edit(M, "title: Beta", "title: [unclosed"), ("sources.yaml:", "invalid YAML")),
    Case("manifest-duplicate-key", edit(M, "    title: Beta\n", "    title: Beta\n    title: Again\n"),
         ("sources.yaml:10:", "duplicate key 'title'")),
    Case("manifest-python-tag", edit(M, "title: Beta", "title: !!python/object/apply:os.system [id]"),
         ("sources.yaml:9:", "unsupported tag")),
    Case("manifest-two-documents", write(M, MANIFEST + "---\nb: 1\n"),
         ("sources.yaml:10:", "one YAML document")),
    Case("manifest-not-utf8", write(M, MANIFEST.encode() + b"# \xff\n"), ("sources.yaml:10:", "UTF-8")),
    Case("manifest-huge-int", edit(M, "    title: Beta\n", "    prior: " + "9" * 5000 + "\n"), ("sources.yaml:9:", "invalid value")),
    Case("manifest-over-size", write(M, MANIFEST + "#" * (17 * 1024 * 1024) + "\n"), ("sources.yaml", "limit for a YAML file")),
    Case("manifest-recursive-alias", write(M, "sources: &a [*a]\n"), ("sources.yaml:1:", "alias")),
    # ---- the topic lexicon
    Case("topic-no-types", write("topic.yaml", "topic: t\ncondition:\n  name: calcinosis\n"),
         ("topic.yaml:1:", "lists no types")),
    Case("topic-missing", lambda c, t: (c / "topic.yaml").unlink(), ("topic.yaml", "not found")),
    Case("topic-unknown-key", edit("topic.yaml", "treatments:", "treatmnets:"), ("topic.yaml:", "unknown key 'treatmnets'")),
    Case("topic-bad-regex", lambda c, t: (c / "topic.yaml").write_text(TOPIC + "boilerplate: ['([unclosed']\n"),
         ("topic.yaml:", "not a valid regular expression")),
    Case("topic-symlink-out", link("topic.yaml", lambda c, t: (t / "t.yaml", (t / "t.yaml").write_text(TOPIC))[0]),
         ("topic.yaml", "leads outside")),
    # ---- source contents (issue 7, 3 and 7)
    Case("binary", write("alpha.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"), ("alpha.txt", "binary")),
    Case("invalid-utf8-line", write("alpha.txt", b"line one\nline two\nbad \xff byte\n"), ("alpha.txt:3:", "UTF-8")),
    Case("utf32", write("alpha.txt", "There are four types.\n".encode("utf-32")), ("alpha.txt", "UTF-32")),
    Case("utf16-broken", write("alpha.txt", b"\xff\xfeT\x00h\x00\x00\xd8"), ("alpha.txt", "not valid UTF-16")),
    Case("nul-late", write("alpha.txt", b"There are four types.\n" * 1000 + b"\x00\n"), ("alpha.txt", "NUL")),
    Case("over-max-bytes", run_with("--max-bytes", "50"), ("alpha.txt", "over the 50 bytes limit", "--max-bytes")),
    Case("over-max-chars", run_with("--max-chars", "40"), ("alpha.txt", "characters of text", "--max-chars")),
    # the shapes: 90+ s and 27 s before; refused at once now (bench/shapes.py times them at the limit)
    Case("one-megabyte-sentence", write("alpha.txt", "Calcinosis is rare and there are four types " * 23000),
         ("alpha.txt", "1,012,000 characters of text", "--max-chars")),
    Case("markdown-table-20k-rows", write("beta.md", "| a | b |\n|---|---|\n" + "| dystrophic calcinosis | four types |\n" * 20000),
         ("beta.md", "characters of text", "--max-chars")),
    Case("html-nested-100k", steps(write("beta.html", "<html><body>" + "<div>" * 100_000 + "Calcinosis.</body></html>"),
                                   edit(M, "file: beta.md", "file: beta.html"), lambda c, t: (c / "beta.md").unlink()),
         ("beta.html:1:", "nested deeper than the HTML parser reads")),
    Case("html-too-many-elements", steps(write("beta.html", "<html><body>" + "<p>x</p>" * 60_000 + "</body></html>"),
                                         edit(M, "file: beta.md", "file: beta.html"), lambda c, t: (c / "beta.md").unlink()),
         ("beta.html", "elements")),
    # ---- output folders (issue 7, 4)
    Case("extracted-is-file", run_with("--extracted", "{tmp}/afile", setup=lambda c, t: (t / "afile").write_text("x")),
         ("afile", "is a file, not a folder")),
    Case("reports-is-file", run_with("--reports", "{tmp}/afile", setup=lambda c, t: (t / "afile").write_text("x")),
         ("afile", "is a file, not a folder")),
    Case("extracted-under-a-file", run_with("--extracted", "{tmp}/afile/sub", setup=lambda c, t: (t / "afile").write_text("x")),
         ("afile/sub", "part of the path is a file")),
    Case("reports-in-sys", run_with("--reports", "/sys/audit-x"), ("/sys/audit-x", "cannot create")),
    Case("extracted-is-proc", run_with("--extracted", "/proc"), ("/proc", "cannot")),
    Case("extracted-inside-corpus", run_with("--extracted", "{corpus}/out"), ("out", "inside the corpus folder")),
    Case("same-output-folders", run_with("--reports", "{tmp}/x"), ("x", "same folder")),
    Case("missing-corpus", args("run", "{tmp}/nowhere", "--extracted", "{tmp}/x", "--reports", "{tmp}/r"),
         ("nowhere", "corpus folder not found")),
    Case("corpus-is-file", args("run", "{corpus}/alpha.txt", "--extracted", "{tmp}/x", "--reports", "{tmp}/r"),
         ("alpha.txt", "not a corpus folder")),
    Case("missing-baseline", run_with("--baseline", "{tmp}/none.yaml"), ("none.yaml", "baseline file not found")),
    Case("baseline-symlink-out", link("audit-baseline.yaml", lambda c, t: (t / "b.yaml", (t / "b.yaml").write_text("waivers: []\n"))[0]),
         ("audit-baseline.yaml", "leads outside")),
    Case("compare-without-tables", args("compare", "{corpus}", "--extracted", "{tmp}/empty", "--reports", "{tmp}/r",
                                        setup=lambda c, t: (t / "empty").mkdir()),
         ("sources.csv", "table not found")),
    # ---- diff and check
    Case("diff-outside-git", args("diff", "{corpus}", "--base-ref", "HEAD", "--out", "{tmp}/d"),
         ("mini", "not inside a git work tree")),
    Case("diff-option-like-ref", args("diff", "{calcinosis}", "--base-ref", "--output=/tmp/pwned", "--out", "{tmp}/d"),
         ("calcinosis", "not a revision name")),
    Case("diff-unknown-ref", args("diff", "{calcinosis}", "--base-ref", "no-such-ref-7", "--out", "{tmp}/d"),
         ("calcinosis", "unknown revision")),
    Case("diff-missing-folder", args("diff", "{tmp}/none", "{tmp}/x", "--out", "{tmp}/d"), ("none", "not found")),
    Case("diff-out-is-file", args("diff", "{tmp}/x", "{tmp}/x", "--out", "{tmp}/afile",
                                  setup=lambda c, t: (t / "afile").write_text("x")), ("afile", "is a file")),
    Case("check-pdf-draft", args("check", "{tmp}/draft.pdf", "--against", "{corpus}", "--out", "{tmp}/c",
                                 setup=lambda c, t: (t / "draft.pdf").write_bytes(b"%PDF-1.4")),
         ("draft.pdf", "a draft must be")),
    Case("check-fifo-draft", args("check", "{tmp}/draft.txt", "--against", "{corpus}", "--out", "{tmp}/c",
                                  setup=lambda c, t: os.mkfifo(t / "draft.txt")), ("draft.txt", "named pipe")),
    Case("check-folder-draft", args("check", "{tmp}/draft.txt", "--against", "{corpus}", "--out", "{tmp}/c",
                                    setup=lambda c, t: (t / "draft.txt").mkdir()), ("draft.txt", "is a folder")),
    Case("check-missing-draft", args("check", "{tmp}/none.md", "--against", "{corpus}", "--out", "{tmp}/c"),
         ("none.md", "draft not found")),
    Case("check-binary-draft", args("check", "{tmp}/draft.txt", "--against", "{corpus}", "--out", "{tmp}/c",
                                    setup=lambda c, t: (t / "draft.txt").write_bytes(b"\x00\x01\x02")),
         ("draft.txt", "binary")),
]


def test_the_catalogue_is_large_enough():
    assert len(CASES) >= 50 and len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, good: Path, tmp_path: Path):
    corpus = tmp_path / "mini"
    shutil.copytree(good / "mini", corpus)
    for name in ("x", "r"):
        shutil.copytree(good / name, tmp_path / name)
    before = _snapshot(tmp_path / "x", tmp_path / "r")
    arguments = case.setup(corpus, tmp_path)  # a list of arguments, or anything else for the default run
    arguments = arguments if isinstance(arguments, list) else _run_args(corpus, tmp_path)
    result = CliRunner().invoke(main, arguments)
    message = result.stderr.strip()
    assert result.exit_code == 2, (result.exit_code, result.output, repr(result.exception))
    assert message.startswith("error: "), message
    assert "\n" not in message and "Traceback" not in result.output, message
    for fragment in case.fragments:
        assert fragment in message, (fragment, message)
    assert _snapshot(tmp_path / "x", tmp_path / "r") == before, "a failing command changed the previous outputs"
    assert CANARY not in result.output


# --------------------------------------------------------------------------- what is accepted, and how

def test_tables_hold_corpus_relative_paths_only(good: Path):
    sources = (good / "x" / "sources.csv").read_text()
    assert ",alpha.txt," in sources and ",beta.md," in sources
    for path in (good / "x").rglob("*.csv"):
        assert str(good) not in path.read_text(), f"{path.name} names where the corpus lives"


def test_a_link_inside_the_corpus_is_read(tmp_path):
    corpus = _mini(tmp_path / "mini")
    (corpus / "articles").mkdir()
    (corpus / "alpha.txt").rename(corpus / "articles" / "alpha.txt")
    (corpus / "alpha.txt").symlink_to(corpus / "articles" / "alpha.txt")
    result = CliRunner().invoke(main, _run_args(corpus, tmp_path))
    assert result.exit_code == 0, result.output
    assert ",alpha.txt," in (tmp_path / "x" / "sources.csv").read_text()


def test_utf16_with_bom_is_read_like_utf8(tmp_path):
    from audit.api import extract_corpus

    corpus = _mini(tmp_path / "mini")
    plain = extract_corpus(corpus, tmp_path / "plain", cache_dir=None, progress=False)
    (corpus / "alpha.txt").write_bytes(ALPHA.replace("\n", "\r\n").encode("utf-16"))
    wide = extract_corpus(corpus, tmp_path / "wide", cache_dir=None, progress=False)
    columns = ["claim_id", "facet", "subject", "value", "quote", "start", "end"]
    assert wide.claims[columns].equals(plain.claims[columns]) and len(plain.claims)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from /proc (Linux)")
def test_alias_bomb_is_refused_in_bounded_time_and_memory(tmp_path):
    """Issue 7: under 1 s and 200 MB, in a fresh process.

    The peak is VmHWM, which starts afresh at exec (ru_maxrss would carry the
    parent pytest's peak into the child).
    """
    bomb = tmp_path / "topic.yaml"
    bomb.write_text(BOMB)
    code = f"""
import re, time
from audit.yamlio import load_yaml
from audit.errors import InputError
def peak_kb():
    return int(re.search(r"VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read()).group(1))
before = peak_kb()
start = time.perf_counter()
try:
    load_yaml({str(bomb)!r})
    print("loaded")
except InputError as error:
    print(time.perf_counter() - start, peak_kb(), before, error)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    seconds, peak_kb, before_kb, message = out.stdout.split(" ", 3)
    assert "billion laughs" in message
    assert float(seconds) < 1.0
    assert int(peak_kb) < 200 * 1024 and int(peak_kb) - int(before_kb) < 50 * 1024


def test_sentence_splitting_is_near_linear(monkeypatch):
    """The segmenter never sees more than the window, and sees each character at most about twice."""
    from audit.extract import analysis

    seen: list[int] = []
    segmenter = analysis._segmenter()
    original = segmenter.span_tokenize
    monkeypatch.setattr(segmenter, "span_tokenize", lambda text: (seen.append(len(text)), original(text))[1])
    for text in ("Calcinosis is rare and there are four types " * 5000,
                 "Calcinosis is rare. There are four types. " * 5000, "x" * 100_000):
        seen.clear()
        spans = analysis.split_sentences(text)
        assert max(seen) <= analysis._SEGMENT_WINDOW
        assert sum(seen) <= 2 * len(text)
        assert all(text[start:end] == text[start:end].strip() and end > start for start, end in spans)
        assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))


def test_normal_paragraphs_are_segmented_whole():
    """Blocks up to the window are segmented whole, exactly as the segmenter segments them."""
    from audit.extract import analysis

    for path in sorted((ROOT / "extracted" / "calcinosis" / "text").glob("*.txt")):
        for block in path.read_text().split("\n\n"):
            assert len(block) <= analysis._SEGMENT_WINDOW
            assert analysis.split_sentences(block) == analysis._segment(block)
