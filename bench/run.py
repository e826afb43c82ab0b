"""Benchmark: time and peak memory of each stage on generated corpora, beside a matching floor.

    python bench/run.py [--sizes 1000 10000] [--jobs 1 2] [--engine local|dask] [--data-quality]
    python bench/run.py --readme      # rewrite the README's table from bench/out/results.json
    python bench/run.py --calibrate   # size and claim density: the bundled corpus against a generated sample

For each size and number of jobs, on a corpus from ``bench/generate.py``:

1. the baseline: one case-folded Aho-Corasick pass (pyahocorasick, every form of
   the topic lexicon) over the same files read from disk, in a process of its
   own, three times at the start and once more before each stage (the median
   counts). Every timing below is printed as a ratio to it: the machine is
   shared and noisy, so only ratios taken in the same run compare across runs;
2. each stage in a fresh process, as a user would run it: extraction with an
   empty cache (cold), extraction again (cached), compare + reports on the
   extracted tables, ``audit run`` with nothing changed, and ``audit run`` after
   one article's text was edited (restored afterwards). Times are whole-process
   wall clock, interpreter start-up and imports included (the start-up column
   is a process that only imports ``audit.api``).

Peak memory is the whole process tree's: every 50 ms the resident set sizes of
the stage's process and all its descendants (pool or Dask workers) are summed;
the peak of that sum is reported (RSS counts pages shared between processes in
each of them, so it is an upper bound; the proportional set size, PSS, which
counts them once, is in results.json, beside each process's exact
``ru_maxrss``). Samples can miss a peak shorter than 50 ms.

Results are merged into bench/out/results.json (a row per size, jobs, engine
and data-quality setting; a new measurement replaces the old one) and printed
as Markdown.
"""
from __future__ import annotations

import argparse
import datetime
import inspect
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
RESULTS = OUT / "results.json"
README = ROOT / "README.md"
MARKERS = ("<!-- bench:start (python bench/run.py --readme) -->", "<!-- bench:end -->")
SAMPLE_SECONDS = 0.05
BASELINE_REPEATS = 3
STAGES = ("startup", "extract_cold", "extract_cached", "compare", "run_unchanged", "run_one_changed")
STAGE_LABELS = {"startup": "start-up", "extract_cold": "extract, cold", "extract_cached": "extract, cached",
                "compare": "compare + reports", "run_unchanged": "`audit run`, nothing changed",
                "run_one_changed": "`audit run`, one article changed"}


# --------------------------------------------------------------------------- stages (run in a child process)

def _engine_options(function, engine: str | None, scheduler: str | None) -> dict:
    """engine=/scheduler= for the API functions that take them (older versions do not: then nothing)."""
    parameters = inspect.signature(function).parameters
    options = {}
    if engine and "engine" in parameters:
        options["engine"] = engine
    if scheduler and "scheduler" in parameters:
        options["scheduler"] = scheduler
    return options


def _stage(name: str, corpus: Path, work: Path, jobs: int, quality: bool, engine: str | None,
           scheduler: str | None) -> dict:
    """Run one stage and return what it measured in-process (the parent times the whole process)."""
    import resource

    start = time.perf_counter()
    from audit import api  # imports count: a user's process pays them

    imported = time.perf_counter()
    extracted, reports, cache = work / "extracted", work / "reports", work / "cache"
    result: dict = {}
    if name == "startup":
        pass
    elif name in ("extract_cold", "extract_cached"):
        options = _engine_options(api.extract_corpus, engine, scheduler)
        out = api.extract_corpus(corpus, extracted, cache_dir=cache, progress=False, jobs=jobs, **options)
        result = {"claims": len(out.claims), "engine_used": options.get("engine", "local")}
    elif name == "compare":
        options = _engine_options(api.compare_extracted, engine, scheduler)
        if options and "jobs" in inspect.signature(api.compare_extracted).parameters:
            options["jobs"] = jobs  # the workers of the LocalCluster a dask engine without a scheduler starts
        out = api.compare_extracted(api.load_extracted(extracted, corpus), reports, data_quality=quality, **options)
        result = {"claims": len(out.extract.claims), "findings": len(out.findings),
                  "engine_used": options.get("engine", "local")}
    elif name in ("run_unchanged", "run_one_changed"):
        options = _engine_options(api.run_audit, engine, scheduler)
        out = api.run_audit(corpus, extracted, reports, cache_dir=cache, progress=False, jobs=jobs,
                            data_quality=quality, **options)
        result = {"claims": len(out.extract.claims), "findings": len(out.findings),
                  "engine_used": options.get("engine", "local")}
    else:
        raise SystemExit(f"unknown stage {name!r}")
    result.update({
        "import_s": imported - start, "call_s": time.perf_counter() - imported,
        "ru_maxrss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # The largest of the waited-for children, not their sum: the sampled tree peak is the total.
        "ru_maxrss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    })
    return result


def _baseline(corpus: Path) -> dict:
    """One case-folded Aho-Corasick pass of the lexicon's forms over the corpus files, read from disk."""
    import ahocorasick

    from audit.topic import load_topic

    topic = load_topic(corpus / "topic.yaml")
    automaton = ahocorasick.Automaton()
    for term in topic.terms():
        for form in (*term.forms, *term.negated_forms):
            automaton.add_word(form.casefold(), term.name)
    automaton.make_automaton()
    files = sorted(path for path in corpus.iterdir() if path.suffix in (".txt", ".md", ".html"))
    start = time.perf_counter()
    matches = size = 0
    for path in files:
        data = path.read_bytes()
        size += len(data)
        for _ in automaton.iter(data.decode("utf-8").casefold()):
            matches += 1
    return {"seconds": time.perf_counter() - start, "bytes": size, "articles": len(files), "matches": matches}


# --------------------------------------------------------------------------- the parent: processes and memory

class TreeSampler(threading.Thread):
    """Peak of the summed RSS (and PSS) of a process and all its descendants, sampled in the background."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        import psutil

        self.psutil, self.root = psutil, psutil.Process(pid)
        self.peak_rss = self.peak_pss = self.peak_processes = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except self.psutil.Error:
                return
            rss = pss = 0
            for process in processes:
                try:
                    memory = process.memory_full_info()
                except self.psutil.Error:  # exited between the listing and the read
                    continue
                rss += memory.rss
                pss += memory.pss
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self.peak_processes = max(self.peak_processes, len(processes))
            self.stop.wait(SAMPLE_SECONDS)


def _child(arguments: list[str], timeout: float | None) -> tuple[dict, float, TreeSampler | None]:
    """Run ``bench/run.py`` with ``arguments`` in a fresh process: (its JSON, wall seconds, memory sampler)."""
    command = [sys.executable, str(Path(__file__).resolve()), *arguments]
    environment = dict(os.environ)
    if CODE["folder"]:  # --at REV: the children import that commit's audit, ahead of the installed one
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [CODE["folder"], environment.get("PYTHONPATH")]))
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                               env=environment)
    sampler = None
    try:
        sampler = TreeSampler(process.pid)
        sampler.start()
    except ImportError:
        print("psutil is not installed (pip install -e '.[bench]'): no whole-tree memory", file=sys.stderr)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise
    wall = time.perf_counter() - start
    if sampler is not None:
        sampler.stop.set()
        sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(arguments[:2])} failed (exit {process.returncode}): {stderr.strip()[-2000:]}")
    return json.loads(stdout.strip().splitlines()[-1]), wall, sampler


def _editing_marker(corpus: Path) -> Path:
    return corpus.with_name(corpus.name + ".editing")


def _edit_one_article(corpus: Path) -> tuple[Path, bytes]:
    """Change the text of the middle article (a figure and a sentence more); returns what to restore.

    A marker beside the corpus stays until the article is restored: a corpus left edited
    by a killed benchmark is generated again.
    """
    from audit.topic import load_topic

    files = sorted(path for path in corpus.iterdir() if path.suffix in (".txt", ".md", ".html"))
    path = files[len(files) // 2]
    original = path.read_bytes()
    _editing_marker(corpus).touch()
    condition = load_topic(corpus / "topic.yaml").condition.name
    text = original.decode("utf-8").replace(" people", " adults", 1)
    path.write_text(text + f"\nA later review says there are nine main types of {condition}.\n", encoding="utf-8")
    return path, original


def measure(size: int, jobs: int, quality: bool, engine: str | None, scheduler: str | None, seed: int,
            timeout: float | None, stages: tuple[str, ...] = STAGES) -> dict:
    sys.path.insert(0, str(HERE))
    from generate import generate

    started = time.perf_counter()
    if _editing_marker(OUT / f"corpus-{size}").exists():  # a run was killed with one article edited
        shutil.rmtree(OUT / f"corpus-{size}")
        _editing_marker(OUT / f"corpus-{size}").unlink()
    corpus = generate(OUT / f"corpus-{size}", size, seed, _topic_path())
    generated = time.perf_counter() - started
    work = OUT / f"work-{size}-j{jobs}{'-' + engine if engine else ''}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    common = ["--corpus", str(corpus), "--work", str(work), "--jobs", str(jobs)]
    common += ["--data-quality"] * quality + (["--engine", engine] if engine else [])
    common += ["--scheduler", scheduler] if scheduler else []
    row: dict = {"articles": size, "jobs": jobs, "engine": engine or "local", "data_quality": quality,
                 "seed": seed, "generate_s": round(generated, 2), "commit": _commit(),
                 "measured": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                 "cpus": os.cpu_count()}
    baselines = [_child(["--baseline", str(corpus)], timeout)[0] for _ in range(BASELINE_REPEATS)]
    row["bytes"], row["stages"] = baselines[0]["bytes"], {}
    for stage in stages:
        # The load of a shared machine changes during a run: one more pass before each stage.
        baselines.append(_child(["--baseline", str(corpus)], timeout)[0])
        restore = _edit_one_article(corpus) if stage == "run_one_changed" else None
        try:
            print(f"  {size:,} articles, jobs {jobs}: {stage} ...", file=sys.stderr, flush=True)
            result, wall, sampler = _child(["--stage", stage, *common], timeout)
        except (RuntimeError, subprocess.TimeoutExpired) as error:
            row["stages"][stage] = {"error": str(error)[-500:]}
            print(f"  {stage}: {error}", file=sys.stderr)
            continue
        finally:
            if restore is not None:
                restore[0].write_bytes(restore[1])
                _editing_marker(corpus).unlink()
        result["wall_s"] = wall
        if sampler is not None:
            result.update(tree_peak_rss_mb=sampler.peak_rss / 2**20, tree_peak_pss_mb=sampler.peak_pss / 2**20,
                          tree_processes=sampler.peak_processes)
        row["stages"][stage] = result
        for key in ("claims", "findings", "engine_used"):
            if key in result:
                row[key] = result[key]
    row["baseline"] = {**baselines[0], "seconds": statistics.median(b["seconds"] for b in baselines),
                       "all_seconds": [round(b["seconds"], 4) for b in baselines]}
    return row


# The code measured: the work tree (folder None), or a commit exported by --at.
CODE: dict = {"folder": None, "commit": None}


def _git(*arguments: str) -> str:
    return subprocess.run(["git", *arguments], capture_output=True, text=True, cwd=ROOT, check=True).stdout


def _commit() -> str:
    """The commit measured; '+changes' when the work tree's audit/ differs from it."""
    if CODE["commit"]:
        return CODE["commit"]
    try:
        commit = _git("rev-parse", "--short", "HEAD").strip()
        return commit + ("+changes" if _git("status", "--porcelain", "--", "audit").strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return ""


def _topic_path() -> Path:
    """The lexicon the corpora are generated from: the measured commit's bundled one."""
    return Path(CODE["folder"] or ROOT) / "sources" / "calcinosis" / "topic.yaml"


def export_commit(revision: str) -> None:
    """Measure ``revision`` rather than the work tree: ``git archive`` it under bench/out/code-<commit>/.

    Others may be editing the work tree while a long benchmark runs; an exported commit
    cannot change under it, and the results name exactly what was measured.
    """
    commit = _git("rev-parse", "--short", f"{revision}^{{commit}}").strip()
    folder = OUT / f"code-{commit}"
    if not (folder / "audit" / "__init__.py").is_file() or not (folder / "sources").is_dir():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", commit, "audit", "sources/calcinosis/topic.yaml"],
                                 capture_output=True, cwd=ROOT, check=True)
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    CODE.update(folder=str(folder), commit=commit)
    sys.path.insert(0, str(folder))


# --------------------------------------------------------------------------- tables

def _seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s" if value < 100 else f"{value:.0f} s"


def _megabytes(value: float) -> str:
    return f"{value / 1024:.1f} GB" if value >= 1024 else f"{value:.0f} MB"


def _cell(row: dict, stage: str) -> str:
    result = row["stages"].get(stage, {})
    if "wall_s" not in result:
        return "failed" if "error" in result else "-"
    return f"{_seconds(result['wall_s'])} ({result['wall_s'] / row['baseline']['seconds']:.0f}x)"


def _rate(row: dict, stage: str) -> str:
    result = row["stages"].get(stage, {})
    if "wall_s" not in result:
        return "-"
    seconds = result["wall_s"]
    return f"{row['bytes'] / 1e6 / seconds:.2f} MB/s, {row['articles'] / seconds:,.0f} art/s"


def _peak(row: dict) -> str:
    """The largest tree RSS of any stage, with that stage's tree PSS (shared pages counted once)."""
    stages = [result for result in row["stages"].values() if result.get("tree_peak_rss_mb")]
    if not stages:
        return "-"
    top = max(stages, key=lambda result: result["tree_peak_rss_mb"])
    return f"{_megabytes(top['tree_peak_rss_mb'])} (PSS {_megabytes(top['tree_peak_pss_mb'])})"


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (r["articles"], r["engine"], r["data_quality"], r["jobs"]))


def markdown(rows: list[dict]) -> str:
    """The timings table (each beside the Aho-Corasick pass, as a ratio) and the throughput table."""
    timed = [stage for stage in STAGES if stage != "startup"]
    header = ["articles (MB)", "jobs", "commit", "claims", "findings", "Aho-Corasick pass", "start-up",
              *(STAGE_LABELS[stage] for stage in timed), "peak RSS, whole tree"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in _sorted(rows):
        baseline = row["baseline"]
        jobs = f"{row['jobs']}" + (f" ({row['engine']})" if row["engine"] != "local" else "")
        jobs += " +GX" if row["data_quality"] else ""
        lines.append("| " + " | ".join([
            f"{row['articles']:,} ({row['bytes'] / 1e6:.{0 if row['bytes'] >= 1e7 else 1}f})", jobs,
            row.get("commit", ""), f"{row.get('claims', 0):,}", f"{row.get('findings', 0):,}",
            f"{_seconds(baseline['seconds'])} ({baseline['bytes'] / 1e6 / baseline['seconds']:.0f} MB/s)",
            _cell(row, "startup").split(" (")[0], *(_cell(row, stage) for stage in timed), _peak(row),
        ]) + " |")
    throughput = ["articles", "jobs", "extract, cold, per job", *(STAGE_LABELS[stage] for stage in timed)]
    lines += ["", "| " + " | ".join(throughput) + " |", "|" + "---|" * len(throughput)]
    for row in _sorted(rows):
        jobs = f"{row['jobs']}" + (f" ({row['engine']})" if row["engine"] != "local" else "")
        cold = row["stages"].get("extract_cold", {}).get("wall_s")
        per_job = f"{row['bytes'] / 1e6 / cold / row['jobs']:.2f} MB/s" if cold else "-"
        lines.append("| " + " | ".join([f"{row['articles']:,}", jobs, per_job,
                                        *(_rate(row, stage) for stage in timed)]) + " |")
    commits = sorted({row.get("commit", "") for row in rows} - {""})
    dates = sorted({row.get("measured", "")[:10] for row in rows} - {""})
    lines += ["", f"Measured at commit {', '.join(commits) or '?'} on {', '.join(dates) or '?'}, "
                  f"{rows[0].get('cpus', '?') if rows else '?'} cores."]
    return "\n".join(lines)


def extrapolate(rows: list[dict], articles: int) -> str:
    """Each stage's time and the peak memory at ``articles``, from the two largest sizes measured per jobs.

    A power law through those two points (time = a * size ** k): k is printed, 1 is linear.
    """
    lines = []
    for setting in sorted({(row["jobs"], row["engine"], row["data_quality"]) for row in rows}):
        measured = sorted((r for r in rows if (r["jobs"], r["engine"], r["data_quality"]) == setting),
                          key=lambda r: r["articles"])
        if len(measured) < 2 or measured[-1]["articles"] >= articles:
            continue
        small, large = measured[-2], measured[-1]
        ratio = large["articles"] / small["articles"]
        parts = []
        for stage in [*STAGES[1:], "peak"]:
            if stage == "peak":
                a = max(r.get("tree_peak_rss_mb", 0) for r in small["stages"].values())
                b = max(r.get("tree_peak_rss_mb", 0) for r in large["stages"].values())
            else:
                a = small["stages"].get(stage, {}).get("wall_s")
                b = large["stages"].get(stage, {}).get("wall_s")
            if not a or not b:
                continue
            exponent = math.log(b / a) / math.log(ratio)
            value = b * (articles / large["articles"]) ** exponent
            label = "peak RSS" if stage == "peak" else STAGE_LABELS[stage]
            shown = _megabytes(value) if stage == "peak" else _seconds(value)
            parts.append(f"{label} {shown} (k={exponent:.2f})")
        lines.append(f"{articles:,} articles, jobs {setting[0]} ({setting[1]}{', +GX' if setting[2] else ''}), "
                     f"from {small['articles']:,} and {large['articles']:,}: "
                     + "; ".join(parts))
    return "\n".join(lines)


def write_readme(rows: list[dict]) -> None:
    text = README.read_text("utf-8")
    start, end = (text.find(marker) for marker in MARKERS)
    if start < 0 or end < start:
        raise SystemExit(f"{README}: the markers {MARKERS[0]!r} and {MARKERS[1]!r} are missing")
    README.write_text(text[:start + len(MARKERS[0])] + "\n\n" + markdown(rows) + "\n\n" + text[end:], "utf-8")


def _load_results() -> list[dict]:
    rows = json.loads(RESULTS.read_text()) if RESULTS.is_file() else []
    return [row for row in rows if "stages" in row]  # rows of an older bench/run.py are dropped


def _merge(old: list[dict], new: list[dict]) -> list[dict]:
    key = lambda row: (row["articles"], row["jobs"], row["engine"], row["data_quality"])  # noqa: E731
    merged = {key(row): row for row in old}
    merged.update({key(row): row for row in new})
    return _sorted(list(merged.values()))


# --------------------------------------------------------------------------- calibration

def calibrate(articles: int, seed: int) -> None:
    """Mean article size and claims per KB: the bundled corpus's committed tables against a generated sample."""
    import csv

    sys.path.insert(0, str(HERE))
    from generate import generate

    from audit.api import extract_corpus

    def describe(name: str, folder: Path, paths: list[str], claims: int) -> None:
        size = sum((folder / path).stat().st_size for path in paths)
        print(f"{name}: {len(paths)} articles, {size / len(paths) / 1000:.2f} KB per article, "
              f"{claims / (size / 1000):.2f} claims per KB")

    bundled = ROOT / "sources" / "calcinosis"
    with open(ROOT / "extracted" / "calcinosis" / "sources.csv", encoding="utf-8", newline="") as handle:
        paths = [row["path"] for row in csv.DictReader(handle)]
    with open(ROOT / "extracted" / "calcinosis" / "claims.csv", encoding="utf-8", newline="") as handle:
        claims = sum(1 for _ in csv.DictReader(handle))
    describe("bundled corpus, committed tables (extracted/calcinosis)", bundled, paths, claims)
    fresh = extract_corpus(bundled, write=False, cache_dir=None, progress=False)
    describe("bundled corpus, extracted by the code measured", bundled, list(fresh.sources["path"]),
             len(fresh.claims))
    print("facets:", fresh.claims["facet"].value_counts(normalize=True).round(3).to_dict())
    corpus = generate(OUT / f"corpus-{articles}", articles, seed, _topic_path())
    result = extract_corpus(corpus, write=False, cache_dir=None, progress=False)
    describe(f"generated, seed {seed}", corpus, list(result.sources["path"]), len(result.claims))
    print("facets:", result.claims["facet"].value_counts(normalize=True).round(3).to_dict())


# --------------------------------------------------------------------------- command line

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000], help="numbers of articles")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--engine", help="passed as engine= to the API where it takes one (local, dask)")
    parser.add_argument("--scheduler", help="passed as scheduler= to the API where it takes one")
    parser.add_argument("--data-quality", action="store_true", help="also run the GX suites")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--at", metavar="REV", help="measure this commit (exported with git archive), "
                        "not the work tree")
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES),
                        help="a subset, in this order, for large sizes (the 'audit run' stages need a previous "
                             "extraction: extract_cold run_unchanged run_one_changed is the shortest chain)")
    parser.add_argument("--timeout", type=float, help="seconds after which a stage is stopped and marked failed")
    parser.add_argument("--readme", action="store_true",
                        help="only rewrite the README's table from bench/out/results.json")
    parser.add_argument("--extrapolate", type=int, metavar="ARTICLES",
                        help="only estimate each stage at this size from bench/out/results.json")
    parser.add_argument("--calibrate", type=int, nargs="?", const=300, metavar="ARTICLES",
                        help="only compare size and claim density with the bundled corpus")
    # Internal: what the child processes run.
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("--baseline", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.stage:
        print(json.dumps(_stage(arguments.stage, arguments.corpus, arguments.work, arguments.jobs[0],
                                arguments.data_quality, arguments.engine, arguments.scheduler)))
        return 0
    if arguments.baseline:
        print(json.dumps(_baseline(arguments.baseline)))
        return 0
    if arguments.calibrate:
        if arguments.at:
            export_commit(arguments.at)
        calibrate(arguments.calibrate, arguments.seed)
        return 0
    if arguments.extrapolate:
        print(extrapolate(_load_results(), arguments.extrapolate))
        return 0
    if arguments.readme:
        write_readme(_load_results())
        print(f"rewrote the table in {README}")
        return 0
    OUT.mkdir(exist_ok=True)
    if arguments.at:
        export_commit(arguments.at)
    rows = []
    for size in arguments.sizes:
        for jobs in arguments.jobs:
            rows.append(measure(size, jobs, arguments.data_quality, arguments.engine, arguments.scheduler,
                                arguments.seed, arguments.timeout, tuple(s for s in STAGES if s in arguments.stages)))
            RESULTS.write_text(json.dumps(_merge(_load_results(), rows[-1:]), indent=2) + "\n")
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
