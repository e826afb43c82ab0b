"""The source manifest: ``sources/<topic>/sources.yaml``.

Each entry: ``id`` (short slug), ``file``, ``title``, ``publisher``, ``url``,
``author``, ``reviewer``, ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) with
``date_kind`` (published | updated | reviewed), and an optional ``prior``
reliability weight (default 1.0). Every article file in the folder must be
listed, and every listed file must exist.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from audit.errors import ManifestError
from audit.yamlio import LineDict, load_yaml

SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_ENTRY_KEYS = {"id", "file", "title", "publisher", "url", "author", "reviewer", "date", "date_kind", "prior"}
_DATE_KINDS = {"published", "updated", "reviewed"}
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
_DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class SourceEntry:
    id: str
    file: str
    path: Path
    title: str = ""
    publisher: str = ""
    url: str = ""
    author: str = ""
    reviewer: str = ""
    date: str = ""
    date_kind: str = ""
    prior: float = 1.0
    line: int | None = None


def _text(entry: LineDict, key: str, path: Path) -> str:
    value = entry.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)):
        raise ManifestError(f"{key!r} must be a string", path, entry.line_of(key))
    return str(value).strip()


def _entry(entry: object, folder: Path, path: Path, line: int | None) -> SourceEntry:
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
    source_path = folder / file_name
    if not source_path.is_file():
        raise ManifestError(f"source {source_id!r} names missing file {file_name!r}", path, entry.line_of("file"))
    if source_path.suffix.lower() not in SOURCE_SUFFIXES:
        raise ManifestError(f"file {file_name!r} has an unsupported type (use {', '.join(SOURCE_SUFFIXES)})",
                            path, entry.line_of("file"))
    date = _text(entry, "date", path)
    if date and not _DATE_PATTERN.match(date):
        raise ManifestError(f"date {date!r} must be YYYY, YYYY-MM or YYYY-MM-DD", path, entry.line_of("date"))
    date_kind = _text(entry, "date_kind", path)
    if date_kind and date_kind not in _DATE_KINDS:
        raise ManifestError(f"date_kind {date_kind!r} must be one of {', '.join(sorted(_DATE_KINDS))}",
                            path, entry.line_of("date_kind"))
    prior = entry.get("prior", 1.0)
    if isinstance(prior, bool) or not isinstance(prior, (int, float)) or not 0 < float(prior) <= 10:
        raise ManifestError("prior must be a number in (0, 10]", path, entry.line_of("prior"))
    return SourceEntry(
        id=source_id, file=file_name, path=source_path,
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
    seen_files: dict[str, str] = {}
    for index, raw in enumerate(raw_entries):
        entry = _entry(raw, folder, path, raw_entries.lines[index])
        if entry.id in seen_ids:
            raise ManifestError(f"duplicate source id {entry.id!r} (first at line {seen_ids[entry.id]})", path, entry.line)
        if entry.file in seen_files:
            raise ManifestError(f"file {entry.file!r} listed twice (ids {seen_files[entry.file]!r} and {entry.id!r})",
                                path, entry.line)
        seen_ids[entry.id] = entry.line
        seen_files[entry.file] = entry.id
        entries.append(entry)
    if not entries:
        raise ManifestError("manifest lists no sources", path, data.line_of("sources"))
    listed = {entry.path.resolve() for entry in entries}
    for candidate in sorted(folder.rglob("*")):
        if candidate.suffix.lower() in SOURCE_SUFFIXES and candidate.is_file() and candidate.resolve() not in listed:
            raise ManifestError(f"{candidate.relative_to(folder)} is not listed in sources.yaml "
                                "(add an entry for it or move it out of the folder)", path)
    return tuple(sorted(entries, key=lambda entry: entry.id))
