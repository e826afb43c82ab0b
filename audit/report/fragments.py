"""Rendered pieces of the report kept between runs, keyed by what they show.

The quotes grid of a finding or an agreement is most of the report's rendering
time on a large corpus, and after one article changed most grids are what
they were. A grid's HTML is a function of its positions, the anchors its
quotes link to and the code (templates and filters): :class:`Fragments` keys
the rendered HTML by a digest of all three, so a changed grid is rendered
again and an unchanged one is copied, giving the bytes a full render gives.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import orjson
from markupsafe import Markup

from audit.statefile import load_state_file, save_state_file


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The package's code, data and templates: a change to any of them renders every grid again."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json", ".j2", ".css", ".js") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def fragments_path(cache_dir: str | Path, corpus_folder: str | Path) -> Path:
    """One store per corpus folder in the cache."""
    key = hashlib.sha256(str(Path(corpus_folder).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(cache_dir) / "report" / f"{key}.pickle"


class Fragments:
    """Rendered grids by digest; loaded from ``path`` (when given) and saved holding only this run's."""

    def __init__(self, path: Path | None, code: str | None = None):
        code = code if code is not None else code_digest()
        self.path = Path(path) if path is not None else None
        stored = load_state_file(self.path, frozenset()) if self.path is not None else None
        # A state of another code version is worthless: its digests never match, so drop it at once.
        self._old: dict[str, str] = stored[1] if isinstance(stored, tuple) and stored[0] == code else {}
        self._code = code
        self._used: dict[str, str] = {}

    def grid(self, positions: list[dict], anchors: list[str], render: Callable[[], str]) -> Markup:
        """The grid's HTML: the stored one when the positions and anchors are the same, else ``render()``."""
        material = orjson.dumps([positions, anchors], option=orjson.OPT_SORT_KEYS)
        key = hashlib.blake2b(material, digest_size=16).hexdigest()
        html = self._used.get(key) or self._old.get(key)
        if html is None:
            html = str(render())
        self._used[key] = html
        return Markup(html)

    def save(self) -> None:
        if self.path is not None and self._used.keys() != self._old.keys():
            save_state_file(self.path, (self._code, self._used))
