"""One generation: a run killed with SIGKILL at any point leaves the previous outputs or the new ones, whole.

The run is the real command line in a subprocess that counts its file-system
steps (writes, renames, deletions) and kills itself with SIGKILL at a chosen
step: while staging, at the commit point, half-way through moving files into
place, and while cleaning up. Then a reader opens the outputs the way the
library does (``open_outputs``) and must see exactly the files of the
previous run or exactly those of the new run, with matching generation ids.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audit.publish import STAGING, check_generation, open_outputs
from conftest import CALCINOSIS, ROOT

KILLER = r"""
import atexit, os, pathlib, signal, sys
kill_at, log_path = int(sys.argv[1]), sys.argv[2]
log = open(log_path, "w")
steps = 0

def counted(name, real):
    def step(*args, **kwargs):
        global steps
        steps += 1
        log.write(f"{steps} {name} {args[1] if name == 'replace' else args[0]}\n")
        log.flush()
        if steps == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return step

os.replace = counted("replace", os.replace)
os.unlink = counted("unlink", os.unlink)
pathlib.Path.write_text = counted("write_text", pathlib.Path.write_text)
pathlib.Path.write_bytes = counted("write_bytes", pathlib.Path.write_bytes)
from audit.cli import main
main(sys.argv[3:])
"""

MANIFEST_V1 = "sources:\n  - {id: alpha, file: alpha.txt}\n  - {id: beta, file: beta.txt}\n"
MANIFEST_V2 = "sources:\n  - {id: alpha, file: alpha.txt}\n  - {id: gamma, file: gamma.txt}\n"


def _run(corpus: Path, tmp: Path, kill_at: int = 0, log: str = "steps.log") -> subprocess.CompletedProcess:
    arguments = ["run", str(corpus), "--extracted", str(tmp / "x"), "--reports", str(tmp / "r"), "--no-cache",
                 "--no-data-quality", "--fail-on", "never"]
    return subprocess.run([sys.executable, "-c", KILLER, str(kill_at), str(tmp / log), *arguments],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def _files(tmp: Path) -> dict[str, bytes]:
    return {str(path.relative_to(tmp)): path.read_bytes()
            for name in ("x", "r") for path in sorted((tmp / name).rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def generations(tmp_path_factory):
    """The previous run's files (A), the new run's files (B), and the new run's logged steps."""
    tmp = tmp_path_factory.mktemp("generation")
    corpus = tmp / "corpus"
    corpus.mkdir()
    shutil.copy(CALCINOSIS / "topic.yaml", corpus / "topic.yaml")
    (corpus / "alpha.txt").write_text("There are four types of calcinosis.\n")
    (corpus / "beta.txt").write_text("Dystrophic calcinosis is the most common type.\n")
    (corpus / "sources.yaml").write_text(MANIFEST_V1)
    assert _run(corpus, tmp).returncode == 0
    previous = _files(tmp)
    shutil.copytree(tmp / "x", tmp / "saved-x")
    shutil.copytree(tmp / "r", tmp / "saved-r")
    # The new run changes a claim, drops a source (its text must go) and adds one.
    (corpus / "alpha.txt").write_text("There are seven types of calcinosis.\n")
    (corpus / "beta.txt").unlink()
    (corpus / "gamma.txt").write_text("Metastatic calcinosis is rare.\n")
    (corpus / "sources.yaml").write_text(MANIFEST_V2)
    completed = _run(corpus, tmp)
    assert completed.returncode == 0, completed.stderr
    new = _files(tmp)
    assert previous != new
    steps = (tmp / "steps.log").read_text().splitlines()
    return tmp, corpus, previous, new, steps


def _kill_points(steps: list[str]) -> dict[str, int]:
    """Named points of the new run: staging, the commit point, moving into place, cleaning up."""
    numbered = [(int(line.split(" ", 1)[0]), line) for line in steps]
    journal = next(n for n, line in numbered if "replace" in line and line.endswith("PUBLISH.json"))
    moves = [n for n, line in numbered if n > journal and "replace" in line and f"/{STAGING}/" not in line]
    return {
        "first staged text": next(n for n, line in numbered if " write_" in line and f"/{STAGING}/text/" in line),
        "staged claims table": next(n for n, line in numbered if "replace" in line and line.endswith(f"{STAGING}/claims.csv")),
        "staged report": next(n for n, line in numbered if "replace" in line and line.endswith(f"{STAGING}/report.html")),
        "commit point (journal)": journal,
        "first move into place": moves[0],
        "half-way through the moves": moves[len(moves) // 2],
        "last generation.json": moves[-1],
        "cleaning up": max(n for n, _ in numbered),
    }


def test_the_steps_cover_staging_commit_moves_and_cleanup(generations):
    points = _kill_points(generations[4])
    assert len(set(points.values())) == len(points), points
    assert points["commit point (journal)"] < points["first move into place"] < points["last generation.json"]


@pytest.mark.parametrize("point", ["first staged text", "staged claims table", "staged report",
                                   "commit point (journal)", "first move into place", "half-way through the moves",
                                   "last generation.json", "cleaning up"])
def test_kill_at_any_point_leaves_one_whole_generation(generations, point, capsys):
    tmp, corpus, previous, new, steps = generations
    kill_at = _kill_points(steps)[point]
    for name in ("x", "r"):
        shutil.rmtree(tmp / name)
        shutil.copytree(tmp / f"saved-{name}", tmp / name)
    killed = _run(corpus, tmp, kill_at, log="killed.log")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    open_outputs(tmp / "x", tmp / "r")  # what every reader in the package does first
    seen = _files(tmp)
    # A step is counted before it runs: killed on the journal's rename, the commit never happened.
    expected = new if kill_at > _kill_points(steps)["commit point (journal)"] else previous
    assert seen == expected, f"killed at {point}: a mix of generations"
    assert not (tmp / "x" / STAGING).exists() and not (tmp / "r" / STAGING).exists()
    check_generation(tmp / "x", tmp / "r")
    warnings = capsys.readouterr().err
    assert "removed an unfinished staging folder" in warnings or "finished publishing" in warnings


def test_generation_id_is_a_content_hash(generations, tmp_path):
    """Re-running the same corpus gives byte-identical outputs, generation.json included."""
    tmp, corpus, _, new, _ = generations
    for name in ("x", "r"):
        shutil.rmtree(tmp / name, ignore_errors=True)
    assert _run(corpus, tmp).returncode == 0
    assert _files(tmp) == new
    markers = [json.loads((tmp / name / "generation.json").read_text()) for name in ("x", "r")]
    assert markers[0]["generation"] == markers[1]["generation"]
    assert set(markers[0]["files"]) == {"claims.csv", "findings.csv", "sources.csv", "text/alpha.txt", "text/gamma.txt"}


def test_extract_alone_leaves_the_reports_naming_their_generation(generations, tmp_path):
    tmp, corpus, _, _, _ = generations
    shutil.copytree(tmp / "x", tmp_path / "x")
    shutil.copytree(tmp / "r", tmp_path / "r")
    (corpus / "gamma.txt").write_text("Metastatic calcinosis is very rare.\n")
    try:
        completed = subprocess.run([str(Path(sys.executable).with_name("audit")), "extract", str(corpus),
                                    "--extracted", str(tmp_path / "x"), "--no-cache"], capture_output=True, text=True)
        assert completed.returncode == 0, completed.stderr
        assert not (tmp_path / "x" / "findings.csv").exists(), "findings of the old claims were kept"
        with pytest.raises(Exception, match="run `audit compare`"):
            check_generation(tmp_path / "x", tmp_path / "r")
    finally:
        (corpus / "gamma.txt").write_text("Metastatic calcinosis is rare.\n")


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie is dead; it only waits for its new parent to reap it


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_workers_die_with_a_killed_parent(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CALCINOSIS / "topic.yaml", corpus / "topic.yaml")
    manifest = ["sources:"]
    for index in range(6):  # seconds of work per document, so workers are busy when the parent dies
        (corpus / f"d{index}.txt").write_text("Calcinosis is rare and there are four types of it " * 6000 + "\n")
        manifest.append(f"  - {{id: d{index}, file: d{index}.txt}}")
    (corpus / "sources.yaml").write_text("\n".join(manifest) + "\n")
    parent = subprocess.Popen([str(Path(sys.executable).with_name("audit")), "run", str(corpus), "--jobs", "2",
                               "--no-cache", "--no-data-quality", "--extracted", str(tmp_path / "x"),
                               "--reports", str(tmp_path / "r")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while time.monotonic() < deadline and not workers:
            time.sleep(0.2)
            workers = [pid for pid in _children(parent.pid) if _alive(pid)]
        assert workers, "no worker process started"
        time.sleep(1.0)
        assert any(_alive(pid) for pid in workers), "the workers finished before the parent could be killed"
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in workers), "workers outlived their killed parent"
    finally:
        parent.kill()
        for pid in _children(parent.pid):
            os.kill(pid, signal.SIGKILL)
