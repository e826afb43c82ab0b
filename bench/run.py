"""Benchmark: time and peak memory of each stage on synthetic corpora.

    python bench/run.py [--sizes 100 1000 10000] [--jobs 1 2] [--data-quality]

Each size runs in a fresh subprocess so peak memory (ru_maxrss) is that run's
own. Results print as a table and go to bench/out/results.json.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from audit.api import compare_extracted, extract_corpus
corpus, work, jobs, quality = Path({corpus!r}), Path({work!r}), {jobs}, {quality}
timings = {{}}
start = time.perf_counter()
extracted = extract_corpus(corpus, work / "extracted", cache_dir=work / "cache", progress=False, jobs=jobs)
timings["extract_cold_s"] = time.perf_counter() - start
start = time.perf_counter()
extracted = extract_corpus(corpus, work / "extracted", cache_dir=work / "cache", progress=False, jobs=jobs)
timings["extract_cached_s"] = time.perf_counter() - start
start = time.perf_counter()
result = compare_extracted(extracted, work / "reports", data_quality=quality)
timings["compare_report_s"] = time.perf_counter() - start
timings["claims"] = len(extracted.claims)
timings["findings"] = len(result.findings)
timings["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
timings["peak_rss_children_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(timings))
"""


def run_one(size: int, jobs: int, quality: bool) -> dict:
    sys.path.insert(0, str(HERE))
    from generate import generate

    corpus = generate(OUT / f"corpus-{size}", size)
    work = OUT / f"work-{size}-j{jobs}"
    subprocess.run(["rm", "-rf", str(work)], check=True)
    code = CHILD.format(root=str(HERE.parent), corpus=str(corpus), work=str(work), jobs=jobs, quality=quality)
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    result.update({"articles": size, "jobs": jobs, "data_quality": quality})
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--data-quality", action="store_true", help="also run the GX suites")
    arguments = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    rows = [run_one(size, jobs, arguments.data_quality) for size in arguments.sizes for jobs in arguments.jobs]
    header = ("articles", "jobs", "claims", "findings", "extract_cold_s", "extract_cached_s", "compare_report_s",
              "peak_rss_mb", "peak_rss_children_mb")
    print(" | ".join(header))
    for row in rows:
        print(" | ".join(f"{row[k]:.2f}" if isinstance(row[k], float) else str(row[k]) for k in header))
    (OUT / "results.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
