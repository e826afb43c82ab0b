"""The Dask engine: documents extracted as tasks on a ``distributed`` cluster, and questions built there.

Workers need the same ``audit`` package (same code: checked, see below) and
nothing else: the client reads each source and ships its bytes in the task,
so workers need no access to the corpus folder (no shared file system). The
per-document cache stays on the client: hits never leave it, misses are
extracted on the cluster and cached when they come back. Results are taken
in manifest order, so outputs are byte-identical to the local engine's.

Compare is a shuffle by question key (:mod:`audit.compare.partition`): the
client splits the claims by a hash of their subject and sends each part to
the cluster once, with the per-source summaries broadcast to every worker; a
task per part builds the questions of the rules grouped by subject. For the
rules grouped by source, the workers split those parts again by source and
exchange the pieces among themselves (a task per source partition gathers its
pieces); a rule grouped by neither is built by one task that gathers every
part. The questions come back to the client, which estimates reliability and
judges them: judging is cheap next to building, and some judges read the
whole claims table, which only the client holds whole.
"""
from __future__ import annotations

import gc
import logging
import operator
from collections import deque
from collections.abc import Iterator

from distributed import Client, LocalCluster

from audit.compare import compare, without_cyclic_gc
from audit.compare.context import Context
from audit.compare.incremental import RuleState, build_all, compare_incremental
from audit.compare.partition import Part, build, join, key_column, merge, source_summaries, split, whole
from audit.compare.rules.base import Rule
from audit.engine.documents import cached_source, extract_source, known_source, stored_payload
from audit.errors import AuditError, InputError, collecting_warnings, warn
from audit.extract.cache import DocumentCache, code_digest
from audit.ingest import Corpus, SourceEntry

BATCH_DOCUMENTS = 32  # documents per task: a task costs the scheduler about a millisecond, a document more
BATCH_BYTES = 4 << 20  # ... and a task's bytes stay small enough to ship without warnings
WINDOW_PER_THREAD = 2  # batches in flight per worker thread: workers stay busy, the client holds few bytes
PARTS_PER_THREAD = 2  # claim partitions per worker thread: a large subject in one part leaves the others work
MAX_PARTS = 32  # ... and at most this many: the shuffle by source is a task per pair of partitions


def _extract_batch(corpus: Corpus, items: list[tuple[SourceEntry, bytes]]) -> tuple[str, list[str], list]:
    """Run on a worker: (its code digest, the warnings, per source a payload, None, or the input error).

    A source the user must fix is an answer, not a failed task: the client raises it in manifest order, as
    the local engine would, and the worker's log stays free of tracebacks.
    """
    results: list = []
    with collecting_warnings() as warnings:
        for entry, data in items:
            try:
                results.append(extract_source(corpus, entry, data))
            except AuditError as error:
                results.append(error)
                break  # the run stops at this source: the rest of the batch would be wasted work
    return code_digest(), warnings, results


def _code_probe():
    """A function shipped by value (cloudpickle pickles nested functions whole), so it runs on a worker
    without audit installed and says so, rather than failing to unpickle."""
    def probe():
        try:
            from audit.extract.cache import code_digest as worker_digest
        except ImportError:
            return None
        return worker_digest()
    return probe


def _connect(scheduler: str) -> Client:
    try:
        return Client(scheduler, set_as_default=False)
    except (OSError, ValueError, TimeoutError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    # Collected now, while its event loop runs: a half-made Client left to the end of the
    # interpreter prints a traceback from its finaliser.
    gc.collect()
    raise InputError(f"cannot connect to the Dask scheduler {scheduler!r}: {reason}")


class DaskEngine:
    """Extraction as tasks on the cluster at ``scheduler``, or on a LocalCluster of ``workers`` processes."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int = 1):
        self._cluster = None
        if scheduler:
            self.client = _connect(scheduler)
        else:
            # Its logs stay quiet: what goes wrong reaches the user as an error of this client.
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                         host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                         silence_logs=logging.CRITICAL)
            self.client = Client(self._cluster, set_as_default=False)
        try:
            self._check_workers(scheduler or self._cluster.scheduler_address)
        except BaseException:
            self.close()
            raise

    def _check_workers(self, address: str) -> None:
        """Workers must run this very code: the cache is keyed by it, and outputs must not depend on where they ran."""
        try:
            self.client.wait_for_workers(1, timeout=60)
        except TimeoutError:
            raise InputError(f"the Dask scheduler {address!r} has no workers (none joined within 60 s)") from None
        ours = code_digest()
        for worker, digest in sorted(self.client.run(_code_probe()).items()):
            if digest is None:
                raise InputError(f"Dask worker {worker} cannot import audit: install this audit package there")
            if digest != ours:
                raise InputError(f"Dask worker {worker} runs other audit code than this client: install the same "
                                 "audit version on the workers")

    def documents(self, corpus: Corpus, cache: DocumentCache,
                  known: dict[str, int] | None = None) -> Iterator[tuple[SourceEntry, dict | None]]:
        """(entry, payload) in manifest order; cache misses are extracted on the cluster, a window at a time
        (``known``: see :func:`audit.engine.documents.known_source`)."""
        # Sent to each worker once, not pickled into every task (it lists every source).
        corpus_on_workers = self.client.scatter(corpus, broadcast=True, hash=False)
        window = WINDOW_PER_THREAD * max(1, sum(self.client.nthreads().values()))
        pending: deque = deque()
        for batch in _batches(corpus, cache, known):
            misses = [(entry, data) for entry, _, data, payload in batch if payload is None]
            future = self.client.submit(_extract_batch, corpus_on_workers, misses, pure=False) if misses else None
            pending.append((batch, future))
            while len(pending) > window:
                yield from self._finished(*pending.popleft(), cache)
        while pending:
            yield from self._finished(*pending.popleft(), cache)

    def _finished(self, batch: list, future, cache: DocumentCache) -> Iterator[tuple[SourceEntry, dict | None]]:
        extracted: list = []
        if future is not None:
            digest, warnings, extracted = future.result()
            if digest != code_digest():
                raise InputError("a Dask worker runs other audit code than this client: install the same audit "
                                 "version on the workers")
            for message in warnings:
                warn(message)
        fresh = iter(extracted)
        for entry, key, _, payload in batch:
            if payload is None:
                payload = next(fresh)
                if isinstance(payload, AuditError):
                    raise payload
                if payload is not None:
                    cache.put(key, payload)
            yield entry, payload

    def compare(self, claims, sources, topic, state_file=None, digests=None):
        """The comparison, its questions built on the cluster; with ``state_file``, incremental (only the
        first run's full build goes to the cluster: a rebuild after a few changes is small)."""
        if state_file is not None:
            return compare_incremental(claims, sources, topic, state_file, build=self.build_questions, digests=digests)
        return compare(claims, sources, topic, build=self.build_questions)

    def build_questions(self, ctx: Context, rules: list[Rule]) -> dict[str, RuleState]:
        """Every rule's questions over ``ctx``, built on the cluster by claim partitions (see the module's doc)."""
        if not len(ctx.claims):
            return build_all(ctx, rules)
        client = self.client
        count = min(MAX_PARTS, PARTS_PER_THREAD * max(1, sum(client.nthreads().values())))
        # The only upload of the claims; empty partitions are not sent.
        parts = client.scatter([part for part in split(whole(ctx.claims), "subject", count) if len(part.claims)],
                               hash=False)
        sources, topic, summaries = client.scatter([ctx.sources, ctx.topic, source_summaries(ctx)],
                                                   broadcast=True, hash=False)
        grouped = {column: [rule for rule in rules if key_column(rule) == column] for column in ("subject", "source_id")}
        rest = [rule for rule in rules if key_column(rule) is None]
        tasks = []
        if grouped["subject"]:
            tasks += [client.submit(_build_part, grouped["subject"], part, sources, topic, summaries, pure=False)
                      for part in parts]
        if grouped["source_id"]:
            # The shuffle: each subject part split by source on its worker, each source partition's pieces
            # gathered by the task that builds it.
            pieces = [client.submit(split, part, "source_id", count, pure=False) for part in parts]
            for index in range(count):
                mine = [client.submit(operator.getitem, split_part, index, pure=False) for split_part in pieces]
                tasks.append(client.submit(_build_joined, grouped["source_id"], sources, topic, *mine, pure=False))
        if rest:
            tasks.append(client.submit(_build_joined, rest, sources, topic, *parts, pure=False))
        built = merge(client.gather(tasks))
        return {rule.code: built.get(rule.code, RuleState([], frozenset())) for rule in rules}

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def _batches(corpus: Corpus, cache: DocumentCache,
             known: dict[str, int] | None) -> Iterator[list[tuple[SourceEntry, str, bytes, dict | None]]]:
    """Sources in manifest order, read and looked up in the claim store and the cache, grouped into tasks."""
    batch: list = []
    size = 0
    for entry in corpus.sources:
        data = corpus.read_bytes(entry)
        key, stored = known_source(corpus, entry, data, known)
        if stored:
            payload = stored_payload(key)
        else:
            key, payload = cached_source(corpus, entry, data, cache, key)
        batch.append((entry, key, data if payload is None else b"", payload))
        size += len(data) if payload is None else 0
        if len(batch) >= BATCH_DOCUMENTS or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _build_part(rules: list[Rule], part: Part, sources, topic, summaries) -> dict[str, RuleState]:
    """Run on a worker: the questions of rules grouped by ``part``'s key, the corpus's summaries standing in."""
    with without_cyclic_gc():
        return build(rules, part.claims, sources, topic, summaries)


def _build_joined(rules: list[Rule], sources, topic, *parts: Part) -> dict[str, RuleState]:
    """Run on a worker: the questions of ``rules`` over the parts put back together, in table order."""
    joined = join(list(parts))
    if not len(joined.claims):
        return {}
    with without_cyclic_gc():
        return build(rules, joined.claims, sources, topic)
