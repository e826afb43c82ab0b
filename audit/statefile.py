"""State kept in the cache folder between runs (the comparison's questions, data-quality results).

Pickled, because the state is a tree of audit's own dataclasses and JSON would
need a hand-written codec for each. A pickle can name any callable, and the
cache folder may sit in a repository a pull request writes to, so loading
accepts only the classes the caller lists (the "restricting globals" recipe
of the :mod:`pickle` documentation): anything else is refused and the run
starts over, as it does when the file is missing or damaged.
"""
from __future__ import annotations

import io
import os
import pickle
from pathlib import Path


class _Restricted(pickle.Unpickler):
    def __init__(self, data: bytes, allowed: frozenset[tuple[str, str]]):
        super().__init__(io.BytesIO(data))
        self._allowed = allowed

    def find_class(self, module: str, name: str):
        if (module, name) not in self._allowed:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a state file")
        return super().find_class(module, name)


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
