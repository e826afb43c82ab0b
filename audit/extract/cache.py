"""Per-document cache: cleaning and extraction are pure, so key them by content.

The key is the hash of (raw file bytes, topic lexicon, file type, the code
of the ingest and extract stages); a hit skips reading, cleaning and extracting. The cache
lives in ``.audit-cache/`` and may be deleted at any time.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import orjson

from audit.atomic import atomic_open



@lru_cache(maxsize=1)
def code_digest() -> str:
    """Hash of the code and data that cleaning and extraction run: any edit invalidates the cache.

    (A hand-bumped version number is forgotten sooner or later; hashing the
    source cannot be.)
    """
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for folder in ("ingest", "extract"):
        for path in sorted((package / folder).rglob("*")):
            if path.suffix in (".py", ".yaml") and path.is_file():
                digest.update(path.relative_to(package).as_posix().encode())
                digest.update(path.read_bytes())
    digest.update((package / "textfold.py").read_bytes())
    # The sentence segmenter's model ships with it: a new version may split differently.
    digest.update(f"nupunkt {metadata.version('nupunkt')}".encode())
    return digest.hexdigest()


def cache_key(raw_sha256: str, topic_digest: str, suffix: str, source_id: str) -> str:
    material = "\x1f".join((code_digest(), raw_sha256, topic_digest, suffix.lower(), source_id))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def texts_key(sources, topic_digest: str) -> str:
    """Changes whenever any cleaned text of the corpus can: the same inputs as :func:`cache_key`, for every source.

    ``sources`` is the sources table (its source_id, path and raw sha256 columns).
    """
    material = [code_digest(), topic_digest]
    for source_id, path, raw_sha256 in zip(sources["source_id"], sources["path"], sources["sha256"]):
        material.append(f"{source_id}\x1f{path}\x1f{raw_sha256}")
    return hashlib.sha256("\x1e".join(material).encode("utf-8")).hexdigest()


class DocumentCache:
    def __init__(self, folder: str | Path | None):
        self.folder = Path(folder) if folder else None

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        if self.folder is None:
            return None
        path = self._path(key)
        try:  # orjson: a re-run reads every document's entry, and json.loads was most of that
            return orjson.loads(path.read_bytes())
        except (FileNotFoundError, orjson.JSONDecodeError):
            return None

    def put(self, key: str, payload: dict) -> None:
        if self.folder is not None:
            with atomic_open(self._path(key), "wb") as handle:
                handle.write(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS))
