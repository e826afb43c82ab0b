"""A corpus folder: manifest + topic lexicon + article files, read lazily."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from audit.errors import InputError, warn
from audit.ingest.clean import clean_document, sha256_of
from audit.ingest.document import CleanDocument
from audit.ingest.manifest import SourceEntry, load_manifest
from audit.ingest.readers import (DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, decode_source, file_problem,
                                   read_source_bytes, resolve_inside)
from audit.topic import Topic, load_topic

HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Corpus:
    """A loaded corpus folder. Documents are read on demand by :meth:`documents`."""

    folder: Path
    name: str
    topic: Topic
    sources: tuple[SourceEntry, ...]
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = DEFAULT_MAX_CHARS

    def documents(self) -> Iterator[tuple[SourceEntry, CleanDocument | None]]:
        """Yield (entry, cleaned document) in source-id order; None for an empty file."""
        for entry in self.sources:
            yield entry, self.read(entry)

    def read_bytes(self, entry: SourceEntry) -> bytes:
        """A source's bytes: the path checked inside the corpus, without following a link swapped in since."""
        if entry.real_path is not None:
            return read_source_bytes(entry.real_path, self.max_bytes, follow_symlinks=False, shown_as=entry.path)
        return read_source_bytes(entry.path, self.max_bytes)

    def read(self, entry: SourceEntry, data: bytes | None = None) -> CleanDocument | None:
        """Clean one source; ``data`` is its bytes when the caller has read them already."""
        if data is None:
            data = self.read_bytes(entry)
        try:
            raw_text = decode_source(entry.path, data)
            if not raw_text.strip():
                warn(f"{entry.path}: file is empty; source {entry.id!r} is skipped")
                return None
            if entry.path.suffix.lower() not in HTML_SUFFIXES:
                # Text and Markdown are (nearly) all article text: counted before parsing, which
                # costs time too (markdown-it reads about 400 KB a second).
                self.check_length(entry, len(raw_text))
            document = clean_document(entry.id, raw_text, entry.path.suffix, sha256_of(data), self.topic.boilerplate)
        except InputError as error:
            if error.path is None:  # the cleaners do not know the file; name it here
                raise InputError(error.message, entry.path, error.line) from None
            raise
        if not document.blocks:
            what = ("no article text left after removing page furniture" if document.dropped_blocks
                    else "no article text found (nothing but markup, scripts or code?)")
            warn(f"{entry.path}: {what}; source {entry.id!r} is skipped")
            return None
        if entry.path.suffix.lower() in HTML_SUFFIXES:
            self.check_length(entry, len(document.text))
        return document

    def check_cached(self, entry: SourceEntry, data: bytes, cleaned: str) -> None:
        """The length check for a source served from the cache (same rule as :meth:`read`)."""
        if entry.path.suffix.lower() in HTML_SUFFIXES:
            self.check_length(entry, len(cleaned))
        else:
            self.check_length(entry, len(decode_source(entry.path, data)))

    def check_length(self, entry: SourceEntry, chars: int) -> None:
        """Refuse more text than ``max_chars``: extraction time grows with it (README, trust model).

        Counted on the file's characters for text and Markdown, on the text
        extracted from the page for HTML (whose markup may be most of the file).
        """
        if chars > self.max_chars:
            what = "of text extracted from the page" if entry.path.suffix.lower() in HTML_SUFFIXES else "of text"
            raise InputError(f"{chars:,} characters {what}, over the {self.max_chars:,} limit "
                             "(raise it with --max-chars if this is really one article)", entry.path)


def _corpus_file(folder: Path, name: str, what: str) -> Path:
    """``folder/name``, checked to be a regular file inside the corpus (a link may not lead out)."""
    shown = folder / name
    try:
        real = resolve_inside(folder, name)
    except InputError as error:
        raise InputError(error.message, shown) from None
    problem = file_problem(real)
    if problem == "missing":
        raise InputError(f"{what} {name} not found", shown)
    if problem:
        raise InputError(f"is {problem}", shown)
    return shown


def load_corpus(folder: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
                max_chars: int = DEFAULT_MAX_CHARS) -> Corpus:
    """Load a corpus folder's manifest and lexicon (articles are read lazily)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("is a file, not a corpus folder" if folder.exists() else "corpus folder not found", folder)
    topic = load_topic(_corpus_file(folder, "topic.yaml", "topic lexicon"))
    _corpus_file(folder, "sources.yaml", "manifest")
    sources = load_manifest(folder)
    return Corpus(folder=folder, name=folder.resolve().name, topic=topic, sources=sources, max_bytes=max_bytes,
                  max_chars=max_chars)
