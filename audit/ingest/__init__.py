"""Ingest stage: read a corpus folder into cleaned documents.

``iter_documents(corpus_dir)`` streams one :class:`CleanDocument` per source,
in source-id order, so memory stays flat however large the corpus is.
"""
from audit.ingest.corpus import Corpus, load_corpus
from audit.ingest.document import Block, CleanDocument
from audit.ingest.manifest import SourceEntry, load_manifest

__all__ = ["Block", "CleanDocument", "Corpus", "SourceEntry", "load_corpus", "load_manifest"]
