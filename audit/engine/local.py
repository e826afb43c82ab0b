"""The local engine: documents in this process, or in a pool of worker processes on this machine."""
from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from audit.engine.documents import process_source
from audit.extract.cache import DocumentCache
from audit.ingest import Corpus, SourceEntry

_WORKER_STATE: dict = {}


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when its parent dies.

    Without it a kill -9 of the parent leaves workers running their current
    chunk for seconds. Linux only (prctl PR_SET_PDEATHSIG); elsewhere workers
    still exit once they find the pool's pipe closed.
    """
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _init_worker(corpus: Corpus, cache_folder, parent: int, known: dict[str, int] | None) -> None:
    _die_with_parent(parent)
    # Sent once per worker process: pickling the corpus (with its list of every source)
    # for each task would cost O(N) per document, O(N^2) per run.
    _WORKER_STATE["corpus"] = corpus
    _WORKER_STATE["cache"] = DocumentCache(cache_folder)
    _WORKER_STATE["known"] = known


def _process_in_worker(entry: SourceEntry) -> dict | None:
    return process_source(_WORKER_STATE["corpus"], entry, _WORKER_STATE["cache"], _WORKER_STATE["known"])


class LocalEngine:
    """``jobs`` documents at a time on this machine; needs no set-up."""

    name = "local"

    def __init__(self, jobs: int = 1):
        self.jobs = jobs

    def documents(self, corpus: Corpus, cache: DocumentCache,
                  known: dict[str, int] | None = None) -> Iterator[tuple[SourceEntry, dict | None]]:
        """(entry, payload) in manifest order; with jobs > 1, documents are processed in parallel.

        Per-document work is pure, so a process pool changes speed, never output:
        ``map`` returns results in input order. ``known``: see :func:`audit.engine.documents.known_source`.
        """
        if self.jobs <= 1 or len(corpus.sources) < 2 * self.jobs:
            for entry in corpus.sources:
                yield entry, process_source(corpus, entry, cache, known)
            return
        with ProcessPoolExecutor(max_workers=self.jobs, initializer=_init_worker,
                                 initargs=(corpus, cache.folder, os.getpid(), known)) as pool:
            yield from zip(corpus.sources, pool.map(_process_in_worker, corpus.sources, chunksize=32))

    def compare(self, claims, sources, topic, state_file=None, digests=None):
        """The comparison, in this process; with ``state_file``, incremental (``digests``: see
        :func:`audit.compare.incremental.source_digests`)."""
        from audit.compare import compare
        from audit.compare.incremental import compare_incremental

        if state_file is not None:
            return compare_incremental(claims, sources, topic, state_file, digests=digests)
        return compare(claims, sources, topic)

    def close(self) -> None:
        pass
