"""The per-document task of extraction: a source's bytes -> its cleaned text and claim rows.

It is pure (a function of the bytes, the topic and the code), so it can run
anywhere -- in this process, a pool worker or a Dask worker -- and is cached
by content hash (:mod:`audit.extract.cache`).
"""
from __future__ import annotations

from audit.extract import extract_document
from audit.extract.cache import DocumentCache, cache_key
from audit.ingest import Corpus, SourceEntry
from audit.ingest.clean import sha256_of
from audit.ingest.corpus import HTML_SUFFIXES
from audit.ingest.readers import decode_source


def extract_source(corpus: Corpus, entry: SourceEntry, data: bytes) -> dict | None:
    """Clean and extract one source from its bytes; None when it holds no article text (a warning says so)."""
    document = corpus.read(entry, data)
    if document is None:
        return None
    rows = extract_document(document, corpus.topic)
    for row in rows:  # provenance is a hard invariant, checked where it is made
        if document.text[row["start"]:row["end"]] != row["quote"]:
            raise AssertionError(f"{entry.id}: quote does not match offsets for {row['claim_id']}")
    return {"text": document.text, "sha256": document.sha256, "rows": rows,
            "n_blocks": len(document.blocks), "n_furniture_blocks": document.dropped_blocks}


def source_key(corpus: Corpus, entry: SourceEntry, data: bytes) -> str:
    return cache_key(sha256_of(data), corpus.topic.digest, entry.path.suffix, entry.id)


def cached_source(corpus: Corpus, entry: SourceEntry, data: bytes, cache: DocumentCache,
                  key: str | None = None) -> tuple[str, dict | None]:
    """The source's cache key (``key`` when the caller has it), and its payload when the cache holds it
    (checked against today's limits)."""
    key = key or source_key(corpus, entry, data)
    cached = cache.get(key)
    if cached is not None:
        corpus.check_cached(entry, data, cached["text"])  # the limit may be lower than when it was cached
    return key, cached


_VALIDATED = "validated-keys.txt"


def validated_keys(cache: DocumentCache) -> set[str]:
    """The cache keys whose claim rows passed the claims schema in an earlier run.

    One file of keys beside the entries, not in them: entries are written by the workers,
    before the main process validates the table; one file, not a marker per entry: a run
    reads it once rather than testing 10,000 files. (A key a pull request plants skips the
    check of rows it could plant in the cache as well.)
    """
    if cache.folder is None:
        return set()
    try:
        return set((cache.folder / _VALIDATED).read_text("ascii").split())
    except (OSError, UnicodeDecodeError):
        return set()


def mark_validated(cache: DocumentCache, keys) -> None:
    """Add ``keys`` to :func:`validated_keys` (appended: the file grows by 65 bytes per new document)."""
    if cache.folder is None or not keys:
        return
    cache.folder.mkdir(parents=True, exist_ok=True)
    with open(cache.folder / _VALIDATED, "a", encoding="ascii") as handle:
        handle.write("".join(f"{key}\n" for key in keys))


def stored_payload(key: str) -> dict:
    """The payload of a document the claim store holds (:mod:`audit.claimstore`): only its key. The caller
    takes its rows and what the sources table needs from the store, and its text from the cache if at all."""
    return {"stored": key}


def known_source(corpus: Corpus, entry: SourceEntry, data: bytes,
                 known: dict[str, int] | None) -> tuple[str | None, bool]:
    """(the source's cache key or None when not computed, whether ``known`` (key -> cleaned length) holds
    it); a known source is checked against today's limits without reading its cache entry."""
    if not known:
        return None, False
    key = source_key(corpus, entry, data)
    if key not in known:
        return key, False
    # Corpus.check_cached's rule, knowing only the cleaned text's length: HTML by its cleaned text,
    # text and Markdown by the file's characters.
    if entry.path.suffix.lower() in HTML_SUFFIXES:
        corpus.check_length(entry, known[key])
    else:
        corpus.check_length(entry, len(decode_source(entry.path, data)))
    return key, True


def process_source(corpus: Corpus, entry: SourceEntry, cache: DocumentCache,
                   known: dict[str, int] | None = None) -> dict | None:
    """Read one source, and serve it from the claim store (``known``: see :func:`known_source`), from the
    cache, or extract (and cache) it."""
    data = corpus.read_bytes(entry)  # read once: hashed for the cache, then cleaned
    key, stored = known_source(corpus, entry, data, known)
    if stored:
        return stored_payload(key)
    key, payload = cached_source(corpus, entry, data, cache, key)
    if payload is None:
        payload = extract_source(corpus, entry, data)
        if payload is not None:
            cache.put(key, payload)
    return payload
