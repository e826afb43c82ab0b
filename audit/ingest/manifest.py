"""The source manifest: ``sources/<topic>/sources.yaml``.

Each entry: ``id`` (short slug), ``file``, ``title``, ``publisher``, ``url``,
``author``, ``reviewer``, ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) with
``date_kind`` (published | updated | reviewed), and an optional ``prior``
reliability weight (default 1.0). Every article file in the folder must be
listed, and every listed file must exist.

``file`` names a regular file inside the corpus folder: an absolute path, a
``..``, a symbolic link leading out of the folder, a folder, FIFO, socket or
device is refused with the manifest line (see the README's trust model). Only
the name relative to the corpus is ever written to a table.
"""
from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from audit.errors import InputError, ManifestError
from audit.ingest.readers import file_problem, resolve_inside
from audit.yamlio import LineDict, load_yaml

SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_ENTRY_KEYS = {"id", "file", "title", "publisher", "url", "author", "reviewer", "date", "date_kind", "prior"}
_DATE_KINDS = {"published", "updated", "reviewed"}
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Documents people drop into a corpus that audit cannot read: refused rather than silently ignored.
UNREADABLE_SUFFIXES = {".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".odt": "OpenDocument", ".rtf": "RTF",
                       ".epub": "EPUB", ".pages": "Pages", ".xps": "XPS"}


@dataclass(frozen=True)
class SourceEntry:
    id: str
    file: str            # as it is written in tables: relative to the corpus folder, '/'-separated
    path: Path           # corpus folder / file, for messages
    title: str = ""
    publisher: str = ""
    url: str = ""
    author: str = ""
    reviewer: str = ""
    date: str = ""
    date_kind: str = ""
    prior: float = 1.0
    line: int | None = None
    real_path: Path | None = None  # resolved, checked inside the corpus: what is read


def _check_date(date: str, path: Path, line: int | None) -> None:
    """YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date ("2024-13-45" is not)."""
    if not _DATE_PATTERN.match(date):
        raise ManifestError(f"date {date!r} must be YYYY, YYYY-MM or YYYY-MM-DD", path, line)
    parts = [int(part) for part in date.split("-")]
    try:
        datetime.date(*parts, *[1] * (3 - len(parts)))
    except ValueError as exc:
        raise ManifestError(f"date {date!r} is not a calendar date ({exc})", path, line) from None


@dataclass(frozen=True)
class _Listing:
    """The corpus folder walked once: every file in walk order, and the plain ones by their relative name.

    A plain file is a regular file, not a link, reached through folders that are not links: its real
    path is the resolved folder joined with its name, so the manifest's names of such files need no
    resolving (a path resolved component by component, 10,000 times, was most of loading a large manifest).
    """

    root: Path
    files: tuple[tuple[Path, str, bool], ...]  # (path, name relative to the root, plain)
    plain: frozenset[str]


def _walk(folder: Path) -> _Listing:
    """Like ``os.walk(followlinks=False)``, sorted: a folder's files, then its subfolders; a link to a
    folder is not entered (it could lead anywhere, or loop); unreadable folders are skipped."""
    root = folder.resolve()
    files: list[tuple[Path, str, bool]] = []

    def visit(directory: Path, prefix: str) -> None:
        try:
            with os.scandir(directory) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            return
        subfolders = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink():
                    subfolders.append(entry)
                continue
            try:
                plain = entry.is_file(follow_symlinks=False)
            except OSError:
                plain = False
            files.append((directory / entry.name, prefix + entry.name, plain))
        for entry in subfolders:
            visit(directory / entry.name, f"{prefix}{entry.name}/")

    visit(root, "")
    return _Listing(root, tuple(files), frozenset(name for _, name, plain in files if plain))


def _source_file(file_name: str, source_id: str, folder: Path, path: Path, line: int | None,
                 listing: _Listing | None = None) -> tuple[str, Path]:
    """(name relative to the corpus, resolved path) of a listed file; ManifestError naming the line."""
    if listing is not None and "\x00" not in file_name:
        relative = PurePosixPath(file_name).as_posix()
        if relative in listing.plain:  # a plain file met in the walk: inside, regular, and its own real path
            return relative, listing.root / relative
    try:
        real = resolve_inside(folder, file_name)
    except InputError as exc:
        raise ManifestError(f"source {source_id!r}: {exc.message}", path, line) from None
    problem = file_problem(real)
    if problem == "missing":
        raise ManifestError(f"source {source_id!r} names missing file {file_name!r}", path, line)
    if problem:
        raise ManifestError(f"source {source_id!r}: {file_name!r} is {problem}", path, line)
    return PurePosixPath(file_name).as_posix(), real


def _text(entry: LineDict, key: str, path: Path) -> str:
    value = entry.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)):
        raise ManifestError(f"{key!r} must be a string", path, entry.line_of(key))
    return str(value).strip()


def _entry(entry: object, folder: Path, path: Path, line: int | None, listing: _Listing | None = None) -> SourceEntry:
    if not isinstance(entry, LineDict):
        raise ManifestError("each source must be a mapping with id and file", path, line)
    for key in entry:
        if key not in _ENTRY_KEYS:
            raise ManifestError(f"unknown key {key!r} (known: {', '.join(sorted(_ENTRY_KEYS))})",
                                path, entry.line_of(key))
    source_id = _text(entry, "id", path)
    if not _ID_PATTERN.match(source_id):
        raise ManifestError(f"id {source_id!r} must be a short lower-case slug (a-z, 0-9, '-', '_', '.')",
                            path, entry.line_of("id"))
    file_name = _text(entry, "file", path)
    if not file_name:
        raise ManifestError(f"source {source_id!r} has no 'file'", path, entry.line)
    relative, real = _source_file(file_name, source_id, folder, path, entry.line_of("file"), listing)
    if PurePosixPath(file_name).suffix.lower() not in SOURCE_SUFFIXES:
        raise ManifestError(f"file {file_name!r} has an unsupported type (use {', '.join(SOURCE_SUFFIXES)})",
                            path, entry.line_of("file"))
    date = _text(entry, "date", path)
    if date:
        _check_date(date, path, entry.line_of("date"))
    date_kind = _text(entry, "date_kind", path)
    if date_kind and date_kind not in _DATE_KINDS:
        raise ManifestError(f"date_kind {date_kind!r} must be one of {', '.join(sorted(_DATE_KINDS))}",
                            path, entry.line_of("date_kind"))
    prior = entry.get("prior", 1.0)
    if isinstance(prior, bool) or not isinstance(prior, (int, float)) or not 0 < float(prior) <= 10:
        raise ManifestError("prior must be a number in (0, 10]", path, entry.line_of("prior"))
    return SourceEntry(
        id=source_id, file=relative, path=folder / relative, real_path=real,
        title=_text(entry, "title", path), publisher=_text(entry, "publisher", path),
        url=_text(entry, "url", path), author=_text(entry, "author", path),
        reviewer=_text(entry, "reviewer", path), date=date, date_kind=date_kind,
        prior=float(prior), line=entry.line,
    )


def load_manifest(folder: str | Path) -> tuple[SourceEntry, ...]:
    """Load ``sources.yaml`` from ``folder``; entries are returned sorted by id."""
    folder = Path(folder)
    path = folder / "sources.yaml"
    if not path.is_file():
        raise ManifestError("manifest sources.yaml not found", path)
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise ManifestError("top level must be a mapping with a 'sources' list", path, 1)
    raw_entries = data["sources"]
    entries: list[SourceEntry] = []
    seen_ids: dict[str, int | None] = {}
    seen_files: dict[Path, str] = {}
    listing = _walk(folder)
    for index, raw in enumerate(raw_entries):
        entry = _entry(raw, folder, path, raw_entries.lines[index], listing)
        if entry.id in seen_ids:
            raise ManifestError(f"duplicate source id {entry.id!r} (first at line {seen_ids[entry.id]})", path, entry.line)
        if entry.real_path in seen_files:  # also 'a.txt' and './a.txt', or a link to a listed file
            raise ManifestError(f"file {entry.file!r} listed twice (ids {seen_files[entry.real_path]!r} and {entry.id!r})",
                                path, entry.line)
        seen_ids[entry.id] = entry.line
        seen_files[entry.real_path] = entry.id
        entries.append(entry)
    if not entries:
        raise ManifestError("manifest lists no sources", path, data.line_of("sources"))
    _check_unlisted(listing, set(seen_files), path)
    return tuple(sorted(entries, key=lambda entry: entry.id))


def _check_unlisted(listing: _Listing, listed: set[Path], path: Path) -> None:
    """Every article file in the folder is listed; documents audit cannot read are named, not ignored.

    The folder as :func:`_walk` saw it (sorted, so the error is the same on every run).
    """
    for candidate, relative, plain in listing.files:
        suffix = candidate.suffix.lower()
        if suffix in UNREADABLE_SUFFIXES:
            raise ManifestError(f"{relative} is a {UNREADABLE_SUFFIXES[suffix]} document, which audit does not "
                                "read: save its text as .txt, .md or .html and list that, or move it out of the folder",
                                path)
        if suffix in SOURCE_SUFFIXES and (plain or candidate.is_file()):
            if plain:
                real = candidate  # the resolved root joined with names that are no links: already real
            else:
                try:
                    real = candidate.resolve()
                except (OSError, RuntimeError):
                    real = candidate
            if real not in listed:
                raise ManifestError(f"{relative} is not listed in sources.yaml "
                                    "(add an entry for it or move it out of the folder)", path)
