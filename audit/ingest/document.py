"""The cleaned document: article text without page furniture, split into blocks."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit of the cleaned text; ``text == doc.text[start:end]``."""

    start: int
    end: int
    kind: str  # heading | item | row | para


@dataclass(frozen=True)
class CleanDocument:
    """A source's cleaned text. Every claim offset points into ``text``."""

    source_id: str
    text: str
    blocks: tuple[Block, ...]
    sha256: str          # of the raw source file
    dropped_blocks: int  # furniture blocks removed

    def block_text(self, block: Block) -> str:
        return self.text[block.start:block.end]
