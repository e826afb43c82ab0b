"""Benchmark: one hostile-shaped source per run, at the size limit (10 MB by default).

Each shape is a one-source corpus extracted in a fresh process with the
default limits. It must finish in under 30 s, either with its claims or
refused with a one-line message (``--max-chars``, HTML nesting); a shape that
turns super-linear again shows up here as a time far past that.

    python bench/shapes.py [--size 10485760] [--shapes one_sentence md_table ...] [--max-chars N]

Results print as a table and go to bench/out/shapes.json.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
TOPIC = ROOT / "sources" / "calcinosis" / "topic.yaml"
BUDGET_S = 30.0


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    count = max(0, (size - len(head.encode()) - len(tail.encode())) // len(unit.encode()))
    return head + unit * count + tail


# name -> (suffix, text of about `size` bytes)
SHAPES = {
    # one sentence without a full stop, on one line (pysbd was quadratic on it)
    "one_sentence": (".txt", lambda n: _repeat("Calcinosis is rare and there are four types ", n)),
    # many short sentences, all on one line (one block: per-sentence scans of the block were quadratic)
    "one_line": (".txt", lambda n: _repeat("Calcinosis is rare. There are four types. ", n)),
    # ordinary lines, one sentence each
    "many_lines": (".txt", lambda n: _repeat("Dystrophic calcinosis is the most common type of calcinosis.\n", n)),
    # one word, no space at all
    "one_word": (".txt", lambda n: "x" * n),
    # a Markdown table of many rows
    "md_table": (".md", lambda n: _repeat("| dystrophic calcinosis | four types | rare |\n", n,
                                          "| type | count | rarity |\n|---|---|---|\n")),
    # Markdown nested 1,000 block quotes deep on every line
    "md_nested": (".md", lambda n: _repeat(">" * 1000 + " Calcinosis is rare.\n", n)),
    # HTML nested 100,000+ elements deep
    "html_deep": (".html", lambda n: _repeat("<div>", n, "<html><body>", "</body></html>")),
    # an HTML table of many rows
    "html_table": (".html", lambda n: _repeat("<tr><td>dystrophic calcinosis</td><td>four types</td></tr>\n", n,
                                              "<html><body><table>", "</table></body></html>")),
    # a run of adverbs between two names (a pattern that read "actually" both as itself and as "-ly" backtracked
    # exponentially on it)
    "adverb_run": (".txt", lambda n: _repeat("actually ", n, "Dystrophic calcinosis is ",
                                             " similar to metastatic calcinosis.")),
    # ordinary HTML paragraphs
    "html_paragraphs": (".html", lambda n: _repeat("<p>Calcinosis is rare. There are four types of calcinosis.</p>\n",
                                                   n, "<html><body><article>", "</article></body></html>")),
}

CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
from audit.api import extract_corpus
from audit.errors import AuditError
start = time.perf_counter()
try:
    result = extract_corpus({corpus!r}, {work!r}, cache_dir=None, progress=False, max_chars={max_chars})
    outcome = f"ok: {{len(result.claims):,}} claims"
except AuditError as error:
    outcome = f"refused: {{error.message}}"
print(json.dumps({{"seconds": time.perf_counter() - start, "outcome": outcome,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def make_corpus(shape: str, size: int, folder: Path) -> Path:
    suffix, make = SHAPES[shape]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy(TOPIC, folder / "topic.yaml")
    (folder / f"shape{suffix}").write_text(make(size), encoding="utf-8")
    (folder / "sources.yaml").write_text(f"sources:\n  - {{id: shape, file: shape{suffix}}}\n", encoding="utf-8")
    return folder


def run_shape(shape: str, size: int, max_chars: int | None) -> dict:
    from audit.ingest.readers import DEFAULT_MAX_CHARS

    corpus = make_corpus(shape, size, OUT / "shapes" / shape)
    work = OUT / "shapes-work" / shape
    shutil.rmtree(work, ignore_errors=True)
    code = CHILD.format(root=str(ROOT), corpus=str(corpus), work=str(work), max_chars=max_chars or DEFAULT_MAX_CHARS)
    started = time.perf_counter()
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if completed.returncode != 0:
        tail = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        return {"shape": shape, "bytes": size, "seconds": time.perf_counter() - started, "outcome": f"CRASH: {tail}",
                "peak_rss_mb": 0.0}
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    result.update({"shape": shape, "bytes": (corpus / next(p.name for p in corpus.iterdir()
                                                            if p.name.startswith("shape"))).stat().st_size})
    return result


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from audit.ingest.readers import DEFAULT_MAX_BYTES

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=DEFAULT_MAX_BYTES, help="bytes per source (default: the limit)")
    parser.add_argument("--shapes", nargs="+", choices=sorted(SHAPES), default=list(SHAPES))
    parser.add_argument("--max-chars", type=int, default=None, help="override the text limit (measure raw speed)")
    arguments = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    rows = []
    print(f"{'shape':<16} {'bytes':>11} {'seconds':>8} {'peak MB':>8}  outcome")
    for shape in arguments.shapes:
        row = run_shape(shape, arguments.size, arguments.max_chars)
        rows.append(row)
        flag = "" if row["seconds"] < BUDGET_S and not row["outcome"].startswith("CRASH") else "  <-- over budget"
        print(f"{shape:<16} {row['bytes']:>11,} {row['seconds']:>8.1f} {row['peak_rss_mb']:>8.0f}  "
              f"{row['outcome'][:90]}{flag}", flush=True)
    (OUT / "shapes.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 1 if any(row["seconds"] >= BUDGET_S or row["outcome"].startswith("CRASH") for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
