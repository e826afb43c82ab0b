"""How a run's work is executed, and how its outputs are published (:mod:`audit.engine.publish`).

:mod:`audit.api` decides what a run does; an engine decides where. Two engines
offer the same methods:

- ``documents(corpus, cache, known=None)``: (entry, payload) per source, in manifest
  order. Per-document work is pure (:mod:`audit.engine.documents`), so an
  engine changes speed, never output. A document whose cache key is in ``known``
  (the claim store's, :mod:`audit.claimstore`) comes back as its key only.
- ``compare(claims, sources, topic, state_file=None, digests=None)``: the compare stage
  (incremental with a ``state_file``, :mod:`audit.compare.incremental`; ``digests`` spare it hashing rows).
- ``close()``.

``local`` (:mod:`audit.engine.local`, the default) runs on this machine with
``jobs`` processes and needs no set-up; ``dask`` (:mod:`audit.engine.dask`)
runs extraction and the building of compare's questions on a Dask cluster
(``pip install 'audit[dask]'``).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from audit.errors import InputError

ENGINES = ("local", "dask")


class Engine(Protocol):
    name: str

    def documents(self, corpus, cache, known=None) -> Iterator: ...

    def compare(self, claims, sources, topic, state_file=None, digests=None): ...

    def close(self) -> None: ...


@contextmanager
def open_engine(engine: str = "local", *, jobs: int = 1, scheduler: str | None = None) -> Iterator[Engine]:
    """The engine named ``engine``, closed on leaving (a LocalCluster started here is shut down).

    ``scheduler`` is a Dask scheduler address (``tcp://host:8786``); without
    one the dask engine starts a LocalCluster of ``jobs`` worker processes.
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if engine == "local":
        if scheduler:
            raise InputError("a scheduler address needs the dask engine (--engine dask)")
        from audit.engine.local import LocalEngine

        running: Engine = LocalEngine(jobs)
    else:
        try:
            from audit.engine.dask import DaskEngine
        except ImportError as error:
            raise InputError(f"the dask engine needs the distributed package ({error.name} is missing): "
                             "pip install 'audit[dask]'") from None
        running = DaskEngine(scheduler, workers=jobs)
    try:
        yield running
    finally:
        running.close()
