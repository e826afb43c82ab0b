"""State kept in the cache folder between runs (the comparison's questions, data-quality results).

Pickled, because the state is a tree of audit's own dataclasses and JSON would
need a hand-written codec for each. A pickle can name any callable, and the
cache folder may sit in a repository a pull request writes to, so loading
accepts only the classes the caller lists (the "restricting globals" recipe
of the :mod:`pickle` documentation): anything else is refused and the run
starts over, as it does when the file is missing or damaged.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
from functools import lru_cache
from pathlib import Path


class _Restricted(pickle.Unpickler):
    def __init__(self, data: bytes, allowed: frozenset[tuple[str, str]]):
        super().__init__(io.BytesIO(data))
        self._allowed = allowed

    def find_class(self, module: str, name: str):
        if (module, name) not in self._allowed:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a state file")
        return super().find_class(module, name)


@lru_cache(maxsize=1)
def package_digest() -> str:
    """Every module, data file and template of the package: state made by other code is not reused."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml", ".json", ".j2", ".css", ".js") and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def corpus_state_path(cache_dir: str | Path, kind: str, corpus_folder: str | Path) -> Path:
    """Where the state of ``kind`` for one corpus folder lives in the cache."""
    key = hashlib.sha256(str(Path(corpus_folder).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(cache_dir) / kind / f"{key}.pickle"


class StoredMap:
    """A mapping kept between runs for one version of the code: this run's entries are saved, nothing else.

    ``get(key, compute)`` returns the stored value or computes it; ``save()`` writes the entries this
    run asked for (only when they differ from what was loaded), so the file does not grow with time.
    """

    def __init__(self, path: Path | None):
        self.path = Path(path) if path is not None else None
        stored = load_state_file(self.path, frozenset()) if self.path is not None else None
        code = package_digest()
        self._old: dict = stored[1] if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == code else {}
        self._code = code
        self._used: dict = {}

    def get(self, key, compute):
        if key in self._used:
            return self._used[key]
        value = self._old[key] if key in self._old else compute()
        self._used[key] = value
        return value

    def save(self) -> None:
        if self.path is not None and self._used.keys() != self._old.keys():
            save_state_file(self.path, (self._code, self._used))


def load_state_file(path: Path, allowed: frozenset[tuple[str, str]]):
    """The object stored at ``path``; None when missing, damaged, or naming a class not in ``allowed``."""
    try:
        return _Restricted(path.read_bytes(), allowed).load()
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError,
            IndexError, KeyError, MemoryError, RecursionError):
        return None


def save_state_file(path: Path, value) -> None:
    """Written beside, then renamed: a killed run leaves the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(partial, path)
