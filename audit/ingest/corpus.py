"""A corpus folder: manifest + topic lexicon + article files, read lazily."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from audit.errors import InputError, warn
from audit.ingest.clean import clean_document, sha256_of
from audit.ingest.document import CleanDocument
from audit.ingest.manifest import SourceEntry, load_manifest
from audit.ingest.readers import DEFAULT_MAX_BYTES, decode_source, read_source_bytes
from audit.topic import Topic, load_topic


@dataclass(frozen=True)
class Corpus:
    """A loaded corpus folder. Documents are read on demand by :meth:`documents`."""

    folder: Path
    name: str
    topic: Topic
    sources: tuple[SourceEntry, ...]
    max_bytes: int = DEFAULT_MAX_BYTES

    def documents(self) -> Iterator[tuple[SourceEntry, CleanDocument | None]]:
        """Yield (entry, cleaned document) in source-id order; None for an empty file."""
        for entry in self.sources:
            yield entry, self.read(entry)

    def read(self, entry: SourceEntry, data: bytes | None = None) -> CleanDocument | None:
        """Clean one source; ``data`` is its bytes when the caller has read them already."""
        if data is None:
            data = read_source_bytes(entry.path, self.max_bytes)
        raw_text = decode_source(entry.path, data)
        if not raw_text.strip():
            warn(f"{entry.path}: file is empty; source {entry.id!r} is skipped")
            return None
        document = clean_document(entry.id, raw_text, entry.path.suffix, sha256_of(data), self.topic.boilerplate)
        if not document.blocks:
            warn(f"{entry.path}: no article text left after removing page furniture; source {entry.id!r} is skipped")
            return None
        return document


def load_corpus(folder: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Load a corpus folder's manifest and lexicon (articles are read lazily)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("corpus folder not found", folder)
    topic_path = folder / "topic.yaml"
    if not topic_path.is_file():
        raise InputError("topic lexicon topic.yaml not found", topic_path)
    topic = load_topic(topic_path)
    sources = load_manifest(folder)
    return Corpus(folder=folder, name=folder.resolve().name, topic=topic, sources=sources, max_bytes=max_bytes)
