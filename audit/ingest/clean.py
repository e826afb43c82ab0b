"""Turn a source file's text into article blocks, per format, then drop furniture.

- ``.html``: trafilatura extracts the main content (as Markdown, which keeps
  headings, lists and tables), then it is read like a Markdown source.
- ``.md``: markdown-it-py gives the block structure (headings, list items,
  table rows, paragraphs); inline markup is reduced to its text.
- ``.txt``: each non-empty line is a block.
"""
from __future__ import annotations

import hashlib
import re

from markdown_it import MarkdownIt

from audit.errors import InputError
from audit.ingest.document import Block, CleanDocument
from audit.ingest.furniture import keep_mask

_BULLET = re.compile(r"^\s*([•·▪◦‣*\-–]|\d{1,2}[.)])\s+")
_HEADING_MAX_WORDS = 12
_BLOCK_SEPARATOR = "\n\n"

RawBlock = tuple[str, str]  # (text, kind)


def _plain_kind(line: str) -> str:
    if _BULLET.match(line):
        return "item"
    if len(line.split()) <= _HEADING_MAX_WORDS and not line.rstrip().endswith((".", "!", ";", ",")):
        return "heading"
    return "para"


# A bullet flattened into a line: two or more spaces, then a dash or bullet ("Symptoms include   - A   - B").
# A dash after a single space is prose ("a defect - a type of birth defect") and stays.
_FLATTENED_BULLET = re.compile(r"\s{2,}(?=[-•*–]\s)")


def blocks_from_text(text: str) -> list[RawBlock]:
    """Each non-empty line is a block; bullets flattened into one line become item blocks of their own."""
    blocks = []
    for line in text.split("\n"):
        for piece in _FLATTENED_BULLET.split(line):
            stripped = " ".join(piece.split())
            if stripped:
                blocks.append((stripped, _plain_kind(stripped)))
    return blocks


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(child.content)
    return " ".join("".join(parts).split())


def blocks_from_markdown(text: str) -> list[RawBlock]:
    parser = MarkdownIt("commonmark").enable("table")
    blocks: list[RawBlock] = []
    stack: list[str] = []
    row_cells: list[str] | None = None
    for token in parser.parse(text):
        if token.type.endswith("_open"):
            stack.append(token.type[: -len("_open")])
            if token.type == "tr_open":
                row_cells = []
        elif token.type.endswith("_close"):
            if stack:
                stack.pop()
            if token.type == "tr_close" and row_cells is not None:
                cells = [cell for cell in row_cells if cell]
                if cells:
                    blocks.append((" | ".join(cells), "row"))
                row_cells = None
        elif token.type == "inline":
            content = _inline_text(token)
            if row_cells is not None:
                row_cells.append(content)
            elif content:
                kind = "heading" if "heading" in stack else "item" if "list_item" in stack else "para"
                blocks.append((content, kind))
        elif token.type in ("fence", "code_block", "html_block"):
            continue  # code and raw HTML are not article prose
    return blocks


# trafilatura's time grows with the square of a page's paragraphs (32,000 took 3.5 s, 63,000
# took 13 s); a long real article page has a few thousand elements, a heavy one tens of thousands.
MAX_HTML_ELEMENTS = 50_000


def _check_html_shape(html: str) -> None:
    """Refuse HTML that trafilatura cannot read whole, or not in bounded time.

    libxml2 stops at depth 256 and drops the rest of the page (a hostile page
    of 100,000 nested elements would otherwise yield no text and be blamed on
    page furniture); and too many elements make trafilatura quadratic. One
    extra parse with the same parser trafilatura uses, linear in the page.
    """
    from lxml import etree

    parser = etree.HTMLParser()
    tree = etree.HTML(html.encode("utf-8", "surrogatepass"), parser)
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise InputError(f"HTML is nested deeper than the HTML parser reads ({entry.message.split(',')[0]}); "
                             "a broken or hostile page, not an article", None, entry.line)
    elements = sum(1 for _ in tree.iter()) if tree is not None else 0
    if elements > MAX_HTML_ELEMENTS:
        raise InputError(f"HTML page has {elements:,} elements, over the {MAX_HTML_ELEMENTS:,} that can be read in "
                         "bounded time; save the article's own text as .txt or .md")


def blocks_from_html(html: str) -> list[RawBlock]:
    import trafilatura  # imported here: only HTML sources pay for it

    if html.strip():
        _check_html_shape(html)

    extracted = trafilatura.extract(html, output_format="markdown", include_tables=True,
                                    include_comments=False, include_links=False, include_images=False,
                                    with_metadata=False, deduplicate=False, favor_recall=True)
    if not extracted:
        _, extracted, _ = trafilatura.baseline(html)
    return blocks_from_markdown(extracted or "")


def raw_blocks(text: str, suffix: str) -> list[RawBlock]:
    suffix = suffix.lower()
    if suffix in (".html", ".htm"):
        return blocks_from_html(text)
    if suffix in (".md", ".markdown"):
        return blocks_from_markdown(text)
    return blocks_from_text(text)


def clean_document(source_id: str, raw_text: str, suffix: str, raw_sha256: str,
                   extra_furniture: tuple[re.Pattern[str], ...] = ()) -> CleanDocument:
    """Build the cleaned document: article blocks joined by blank lines."""
    candidates = raw_blocks(raw_text, suffix)
    mask = _with_list_items(candidates, keep_mask([text for text, _ in candidates], extra_furniture))
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for (text, kind), keep in zip(candidates, mask):
        if not keep:
            continue
        if pieces:
            pieces.append(_BLOCK_SEPARATOR)
            offset += len(_BLOCK_SEPARATOR)
        pieces.append(text)
        blocks.append(Block(offset, offset + len(text), kind))
        offset += len(text)
    cleaned = "".join(pieces) + ("\n" if pieces else "")
    return CleanDocument(source_id=source_id, text=cleaned, blocks=tuple(blocks), sha256=raw_sha256,
                         dropped_blocks=mask.count(False))


def _with_list_items(candidates: list[RawBlock], mask: list[bool]) -> list[bool]:
    """A list belongs to its introduction: items after a dropped "...:" block are dropped with it."""
    mask = list(mask)
    dropping = False
    for index, (text, kind) in enumerate(candidates):
        if kind == "item":
            if dropping:
                mask[index] = False
            continue
        dropping = not mask[index] and text.rstrip().endswith(":")
    return mask


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
