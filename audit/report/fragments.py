"""Rendered pieces of the report kept between runs, keyed by what they show.

The quotes grid of a finding or an agreement is most of the report's rendering
time on a large corpus, and after one article changed most grids are what
they were. A grid's HTML is a function of its positions, the anchors its
quotes link to and the code (templates and filters): :class:`Fragments` keys
the rendered HTML by a digest of the first two, in a store kept for one
version of the code (:class:`audit.statefile.StoredMap`), so a changed grid
is rendered again and an unchanged one is copied: the bytes a full render gives.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import orjson
from markupsafe import Markup

from audit.statefile import StoredMap, corpus_state_path


def fragments_path(cache_dir: str | Path, corpus_folder: str | Path) -> Path:
    return corpus_state_path(cache_dir, "report", corpus_folder)


class Fragments:
    """Rendered grids by digest, loaded from ``path`` when given; :meth:`save` keeps this run's."""

    def __init__(self, path: Path | None):
        self._store = StoredMap(path)

    def grid(self, positions: list[dict], anchors: list[str], render: Callable[[], str]) -> Markup:
        """The grid's HTML: the stored one when the positions and anchors are the same, else ``render()``."""
        material = orjson.dumps([positions, anchors], option=orjson.OPT_SORT_KEYS)
        key = hashlib.blake2b(material, digest_size=16).hexdigest()
        return Markup(self._store.get(key, lambda: str(render())))

    def save(self) -> None:
        self._store.save()
