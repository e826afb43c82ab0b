"""Where outputs go by default, and how paths are shown (relative to the git work tree: stable across clones)."""
from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def repository_root() -> Path:
    """The git work tree the command runs in, else the current folder."""
    try:
        out = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True, check=True)
        return Path(out.stdout.strip()).resolve()
    except (OSError, subprocess.CalledProcessError):
        return Path.cwd().resolve()


def display_path(path: Path) -> str:
    """A path relative to the repository root when inside it (stable across clones)."""
    resolved = path.resolve()
    try:
        return resolved.relative_to(repository_root()).as_posix()
    except ValueError:
        pass
    try:  # resolved only now: called once per source, the working folder's resolve() was half the cost
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def default_extracted_dir(corpus_dir: str | Path) -> Path:
    return Path("extracted") / Path(corpus_dir).resolve().name


def default_reports_dir(corpus_dir: str | Path) -> Path:
    return Path("reports") / Path(corpus_dir).resolve().name
