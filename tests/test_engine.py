"""The Dask engine gives the same bytes as the local engine; a bad scheduler address is a one-line error.

Questions built by claim partitions (the Dask engine's compare) are the questions one build makes.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster

from audit.api import compare_extracted, extract_corpus, load_extracted, run_audit
from audit.cli import main
from audit.compare.context import Context
from audit.compare.incremental import build_all
from audit.compare.partition import build, join, key_column, merge, source_summaries, split, whole
from audit.compare.rules import get_rules
from conftest import CALCINOSIS, ROOT

MUSCULAR_DYSTROPHY = ROOT / "tests" / "corpora" / "muscular-dystrophy"


@pytest.fixture(scope="module")
def scheduler() -> str:
    """Two worker processes on loopback, shared by the tests of this module (starting one takes seconds)."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster:
        yield cluster.scheduler_address


def _tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def _audit_tree(corpus: Path, out: Path, **options) -> dict[str, bytes]:
    """Every file one run publishes; written to the same folder each time, so paths in the files agree."""
    shutil.rmtree(out, ignore_errors=True)
    run_audit(corpus, out / "extracted", out / "reports", progress=False, **options)
    return _tree(out)


@pytest.mark.parametrize("corpus", [CALCINOSIS, MUSCULAR_DYSTROPHY], ids=lambda path: path.name)
def test_dask_engine_publishes_the_same_bytes_as_the_local_engine(corpus, scheduler, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    local = _audit_tree(corpus, out, cache_dir=None)
    assert any(name.startswith("extracted/text/") for name in local) and "reports/report.html" in local
    on_cluster = _audit_tree(corpus, out, cache_dir=cache, engine="dask", scheduler=scheduler)
    assert sorted(on_cluster) == sorted(local)
    assert [name for name in local if on_cluster[name] != local[name]] == []
    # What the cluster extracted was cached on this machine, and serves the local engine the same tables.
    assert any(cache.rglob("*.json"))
    served = extract_corpus(corpus, tmp_path / "served", cache_dir=cache, progress=False)
    extracted = {name.removeprefix("extracted/"): data for name, data in local.items()
                 if name.startswith("extracted/") and name != "extracted/findings.csv"}
    assert {name: data for name, data in _tree(served.extracted_dir).items() if name != "generation.json"} == \
        {name: data for name, data in extracted.items() if name != "generation.json"}


def _by_partitions(ctx: Context, count: int) -> dict:
    """The Dask engine's build, in this process: subject parts, a shuffle of them by source, the whole joined."""
    rules = get_rules()
    parts = split(whole(ctx.claims), "subject", count)
    summaries = source_summaries(ctx)
    subject_rules = [rule for rule in rules if key_column(rule) == "subject"]
    source_rules = [rule for rule in rules if key_column(rule) == "source_id"]
    built = [build(subject_rules, part.claims, ctx.sources, ctx.topic, summaries) for part in parts if len(part.claims)]
    pieces = [split(part, "source_id", count) for part in parts]
    for index in range(count):
        joined = join([split_part[index] for split_part in pieces])
        if len(joined.claims):
            built.append(build(source_rules, joined.claims, ctx.sources, ctx.topic))
    built.append(build([rule for rule in rules if key_column(rule) is None], join(parts).claims, ctx.sources,
                       ctx.topic))
    return merge(built)


@pytest.mark.parametrize("count", [1, 2, 3, 16])
def test_questions_built_by_partitions_are_the_questions_built_whole(count):
    extracted = load_extracted(ROOT / "extracted" / "calcinosis", CALCINOSIS)
    claims = extracted.claims.sample(frac=1, random_state=count)  # any row order and index: it is kept
    ctx = Context(claims=claims, sources=extracted.sources, topic=extracted.corpus.topic)
    assert join(split(whole(ctx.claims), "subject", count)).claims.equals(ctx.claims)
    expected, partitioned = build_all(ctx, get_rules()), _by_partitions(ctx, count)
    assert sorted(partitioned) == sorted(expected)
    for code, state in expected.items():
        assert sorted(partitioned[code].questions, key=lambda q: q.qid) == \
            sorted(state.questions, key=lambda q: q.qid), code
        assert partitioned[code].reads == state.reads, code


def test_compare_on_the_cluster_publishes_the_same_bytes(scheduler, tmp_path):
    """Without a cache every question is built on the cluster (with one, only a run that keeps none)."""
    extracted = extract_corpus(CALCINOSIS, tmp_path / "extracted", cache_dir=None, progress=False)
    compare_extracted(extracted, tmp_path / "reports")
    local = _tree(tmp_path)
    compare_extracted(extracted, tmp_path / "reports", engine="dask", scheduler=scheduler)
    on_cluster = _tree(tmp_path)
    with Client(scheduler, set_as_default=False) as client:  # the questions were built there
        ran = client.run_on_scheduler(lambda dask_scheduler: sorted(dask_scheduler.task_prefixes))
    assert {"build_part", "split", "build_joined"} <= set(ran)  # task names, as Dask shortens them
    assert sorted(on_cluster) == sorted(local)
    assert [name for name in local if on_cluster[name] != local[name]] == []


def test_dask_engine_from_the_command_line(scheduler, tmp_path):
    local = extract_corpus(MUSCULAR_DYSTROPHY, tmp_path / "local", cache_dir=None, progress=False)
    result = CliRunner().invoke(main, ["extract", str(MUSCULAR_DYSTROPHY), "--extracted", str(tmp_path / "dask"),
                                       "--no-cache", "--engine", "dask", "--scheduler", scheduler])
    assert result.exit_code == 0, result.output
    assert _tree(tmp_path / "dask") == _tree(local.extracted_dir)


def test_dask_engine_without_a_scheduler_starts_a_local_cluster(tmp_path):
    local = extract_corpus(MUSCULAR_DYSTROPHY, write=False, cache_dir=None, progress=False)
    on_cluster = extract_corpus(MUSCULAR_DYSTROPHY, write=False, cache_dir=None, progress=False, engine="dask", jobs=1)
    assert on_cluster.claims.equals(local.claims) and on_cluster.sources.equals(local.sources)
    assert on_cluster.texts == local.texts


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path):
    """In a fresh process: a half-made Dask client must not print a traceback when the interpreter exits."""
    address = f"tcp://127.0.0.1:{_closed_port()}"
    environment = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}  # the default waits 30 s
    done = subprocess.run([sys.executable, "-m", "audit.cli", "run", str(MUSCULAR_DYSTROPHY), "--extracted",
                           str(tmp_path / "x"), "--reports", str(tmp_path / "r"), "--engine", "dask",
                           "--scheduler", address], capture_output=True, text=True, cwd=ROOT, env=environment,
                          timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"error: cannot connect to the Dask scheduler {address!r}: "
                                                f"Timed out trying to connect to {address} after 2 s"]
    assert not (tmp_path / "x").exists()  # nothing staged or published


@pytest.mark.parametrize("address", ["no-port-here", "http://127.0.0.1:8786"])
def test_a_malformed_scheduler_address_is_a_one_line_error(address, tmp_path):
    result = CliRunner().invoke(main, ["extract", str(MUSCULAR_DYSTROPHY), "--extracted", str(tmp_path / "x"),
                                       "--engine", "dask", "--scheduler", address])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: cannot connect to the Dask scheduler {address!r}: ")
    assert len(result.output.strip().splitlines()) == 1


def test_a_scheduler_needs_the_dask_engine(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(MUSCULAR_DYSTROPHY), "--extracted", str(tmp_path / "x"),
                                       "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "needs the dask engine" in result.output


def test_warnings_and_input_errors_from_workers_reach_the_user_as_locally(scheduler, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(MUSCULAR_DYSTROPHY, corpus)
    (corpus / "clinic.md").write_text("", encoding="utf-8")
    runs = {engine: CliRunner().invoke(main, ["extract", str(corpus), "--extracted", str(tmp_path / engine),
                                              "--no-cache", *options])
            for engine, options in {"local": [], "dask": ["--engine", "dask", "--scheduler", scheduler]}.items()}
    for result in runs.values():
        assert result.exit_code == 0, result.output
        assert f"warning: {corpus / 'clinic.md'}: file is empty; source 'clinic' is skipped" in result.output
    too_long = {engine: CliRunner().invoke(main, ["extract", str(corpus), "--extracted", str(tmp_path / engine),
                                                  "--no-cache", "--max-chars", "100", *options])
                for engine, options in {"local": [], "dask": ["--engine", "dask", "--scheduler", scheduler]}.items()}
    assert too_long["dask"].exit_code == too_long["local"].exit_code == 2
    assert too_long["dask"].output == too_long["local"].output
    assert "over the 100 limit" in too_long["dask"].output and "Traceback" not in too_long["dask"].output
