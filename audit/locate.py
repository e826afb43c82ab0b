"""Where a quote is in the file an author edits: line and column in the raw source file.

Claims quote the *cleaned* text (``extracted/<topic>/text/<id>.txt``): lines of
a .txt file are whitespace-collapsed and flattened bullets split into items,
Markdown goes through markdown-it and HTML through trafilatura. A CI annotation
on the cleaned text lands on a generated file, so each quote is found again in
the raw file:

1. The raw file is turned into a *searchable view* that keeps, for every
   character, its offset in the file: HTML loses its tags, comments, scripts
   and ``<head>`` and has its entities decoded; Markdown loses emphasis marks,
   link targets and escapes. Text files are their own view.
2. The quote becomes a whitespace-insensitive pattern: its words, escaped,
   joined by runs of whitespace (a table cell separator ``|``, which cleaning
   adds between HTML cells, may stand for whitespace or be missing).
3. A quote that occurs several times is matched in order: its k-th
   occurrence in the cleaned text is taken to be its k-th occurrence in the
   raw file (cleaning keeps reading order); failing that, the occurrence
   nearest its relative position.

A quote that cannot be found (page furniture rewritten by trafilatura, a file
edited since it was extracted) keeps its location in the cleaned text, and the
location says so (``found: false``). Each raw file is read and indexed once.
"""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from audit.paths import display_path

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")

# HTML: what never reaches the article text, a tag, or a character reference.
_HTML_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|head|template|noscript|svg)\b[^>]*>.*?(?:</\1\s*>|\Z)|<[^>]*>|"
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.DOTALL | re.IGNORECASE)
# Tags that sit inside a word or a sentence: removed without leaving a space.
_INLINE_TAGS = frozenset("a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup "
                         "time tt u var wbr".split())
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")
# Markdown: link targets and images' addresses, emphasis/code marks, escapes, inline HTML and references.
_MARKDOWN_TOKEN = re.compile(
    r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]|!?\[|\]|"
    r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])|`+|\\(?=[!-/:-@\[-`{-~])|"
    r"<[^>\n]*>|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SEPARATOR = r"(?:\s|\|)+"


@dataclass(frozen=True)
class Span:
    """A located quote: 1-based lines and columns (in code points); ``end_column`` is one past the last character."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int

    def to_dict(self) -> dict:
        return {"start_line": self.start_line, "start_column": self.start_column, "end_line": self.end_line,
                "end_column": self.end_column}


class _View:
    """A text to search, with a map from its offsets back to the offsets of the file it came from.

    Built from segments: a copied run of the file maps one to one; a replaced token (a decoded entity,
    the space standing for a block tag) maps to the token's span as a whole.
    """

    def __init__(self):
        self.parts: list[str] = []
        self.view_starts: list[int] = []
        self.segments: list[tuple[int, int, int, bool]] = []  # (view start, raw start, raw end, copied)
        self.length = 0

    def add(self, text: str, raw_start: int, raw_end: int, copied: bool) -> None:
        if not text:
            return
        self.parts.append(text)
        self.view_starts.append(self.length)
        self.segments.append((self.length, raw_start, raw_end, copied))
        self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)

    def raw_start(self, offset: int) -> int:
        index = bisect.bisect_right(self.view_starts, offset) - 1
        view_start, raw_start, _, copied = self.segments[index]
        return raw_start + (offset - view_start) if copied else raw_start

    def raw_end(self, offset: int) -> int:
        """Raw offset one past the view character at ``offset - 1``."""
        index = bisect.bisect_right(self.view_starts, offset - 1) - 1
        view_start, raw_start, raw_end, copied = self.segments[index]
        return raw_start + (offset - view_start) if copied else raw_end


def _tokenised_view(raw: str, token: re.Pattern[str], replace) -> _View:
    view, cursor = _View(), 0
    for match in token.finditer(raw):
        view.add(raw[cursor:match.start()], cursor, match.start(), True)
        view.add(replace(match), match.start(), match.end(), False)
        cursor = match.end()
    view.add(raw[cursor:], cursor, len(raw), True)
    return view


def _html_replacement(match: re.Match) -> str:
    text = match.group(0)
    if text.startswith("&"):
        return html.unescape(text)
    if match.group(1) or text.startswith("<!--"):
        return " "
    name = _TAG_NAME.match(text)
    return "" if name and name.group(1).lower() in _INLINE_TAGS else " "


def _markdown_replacement(match: re.Match) -> str:
    text = match.group(0)
    return html.unescape(text) if text.startswith("&") else ""


def build_view(raw: str, suffix: str) -> _View:
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _tokenised_view(raw, _HTML_TOKEN, _html_replacement)
    if suffix in MARKDOWN_SUFFIXES:
        return _tokenised_view(raw, _MARKDOWN_TOKEN, _markdown_replacement)
    view = _View()
    view.add(raw, 0, len(raw), True)
    return view


# Characters a Markdown view may have removed (emphasis, code, link brackets, escapes): optional in a quote.
_OPTIONAL = frozenset("*_`[]\\")


def _word_pattern(word: str) -> str:
    return "".join(re.escape(char) + ("?" if char in _OPTIONAL else "") for char in word)


@lru_cache(maxsize=4096)
def quote_pattern(quote: str) -> re.Pattern[str] | None:
    """The quote's words in order, any whitespace (or a cell separator) between them."""
    words = [word for word in quote.split() if word.strip("|")]
    if not words:
        return None
    return re.compile(_SEPARATOR.join(_word_pattern(word) for word in words))


def _line_starts(text: str) -> list[int]:
    # str.find runs in C: a generator over every character cost 11 s per run at 10,000 articles.
    starts, at = [0], text.find("\n")
    while at != -1:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _span(line_starts: list[int], start: int, end: int) -> Span:
    start_line = bisect.bisect_right(line_starts, start)
    last = max(end - 1, start)  # the last character's line: a quote never ends on the next line
    end_line = bisect.bisect_right(line_starts, last)
    return Span(start_line, start - line_starts[start_line - 1] + 1, end_line, end - line_starts[end_line - 1] + 1)


class RawFile:
    """One source file, indexed once: its searchable view and its line starts."""

    def __init__(self, raw: str, suffix: str):
        self._view = build_view(raw, suffix)
        self._text = self._view.text()
        self._lines = _line_starts(raw)
        self._length = max(len(raw), 1)

    def find(self, quote: str, occurrence: int, fraction: float) -> Span | None:
        """The ``occurrence``-th (0-based) match of the quote, else the one nearest ``fraction`` of the file."""
        # Fast path, most quotes of text files: the quote itself is there, as often as needed.
        exact = _exact_starts(self._text, quote, occurrence + 1)
        if len(exact) > occurrence:
            start = exact[occurrence]
            return _span(self._lines, self._view.raw_start(start), self._view.raw_end(start + len(quote)))
        pattern = quote_pattern(quote)
        if pattern is None:
            return None
        matches = [(self._view.raw_start(m.start()), self._view.raw_end(m.end())) for m in pattern.finditer(self._text)]
        if not matches:
            return None
        if occurrence < len(matches):
            start, end = matches[occurrence]
        else:
            start, end = min(matches, key=lambda pair: (abs(pair[0] / self._length - fraction), pair[0]))
        return _span(self._lines, start, end)


def _exact_starts(text: str, quote: str, limit: int, end: int | None = None) -> list[int]:
    """Offsets of the first ``limit`` non-overlapping occurrences of ``quote`` in ``text[:end]``."""
    starts, cursor = [], 0
    while quote and len(starts) < limit:
        found = text.find(quote, cursor, end)
        if found < 0:
            break
        starts.append(found)
        cursor = found + len(quote)
    return starts


def occurrence_in(cleaned: str, quote: str, start: int) -> int:
    """How many times the quote occurs in the cleaned text before ``start`` (its ordinal among them).

    The quote is an exact slice of the cleaned text, so plain search counts it (no pattern to build).
    """
    return len(_exact_starts(cleaned, quote, start + 1, start + len(quote) - 1 if quote else start)) \
        if cleaned[start:start + len(quote)] == quote else _pattern_count(cleaned, quote, start)


def _pattern_count(cleaned: str, quote: str, start: int) -> int:
    pattern = quote_pattern(quote)
    return sum(1 for _ in pattern.finditer(cleaned, 0, start)) if pattern is not None else 0


def cleaned_span(cleaned: str, start: int, end: int, line_starts: list[int] | None = None) -> Span:
    return _span(line_starts or _line_starts(cleaned), start, end)


class QuoteLocator:
    """Locate quotes of one corpus in their source files, each file read and indexed once.

    ``files`` maps a source id to (path to show, path to read, suffix, sha256 of the bytes extracted), and
    ``texts`` a source id to its cleaned text; ``texts_dir`` is shown for quotes not found in the raw file.
    ``read(path) -> str`` reads a source file as the extractor did (decoded, newlines normalised).
    """

    def __init__(self, files: dict, texts, texts_dir: str, read, stored=None):
        self._files, self._texts, self._texts_dir, self._read = files, texts, texts_dir, read
        self._raw: dict[str, RawFile | None] = {}
        self._cleaned_lines: dict[str, list[int]] = {}
        # Locations found by earlier runs (an audit.statefile.StoredMap): keyed by the source's bytes
        # (sha256), the paths shown and the quote, and kept for one version of the code, a location is
        # what locating again would find, without reading and indexing the file.
        self._stored = stored

    def _raw_file(self, source_id: str) -> RawFile | None:
        if source_id not in self._raw:
            self._raw.clear()  # quotes come grouped by source: keep one file in memory, not the corpus
            entry = self._files.get(source_id)
            raw = self._read(entry) if entry else None
            self._raw[source_id] = RawFile(raw, entry[2]) if raw is not None else None
        return self._raw[source_id]

    def locate(self, source_id: str, quote: str, start: int, end: int) -> dict:
        """``{"path", "start_line", "start_column", "end_line", "end_column", "found"}`` for one quote."""
        entry = self._files.get(source_id)
        if self._stored is None or entry is None:
            return self._locate(source_id, quote, start, end)
        key = (entry[0], entry[3], self._texts_dir, source_id, quote, start, end)
        return dict(self._stored.get(key, lambda: self._locate(source_id, quote, start, end)))

    def _locate(self, source_id: str, quote: str, start: int, end: int) -> dict:
        cleaned = self._texts.get(source_id, "") if self._texts is not None else ""
        raw = self._raw_file(source_id)
        if raw is not None and cleaned:
            span = raw.find(quote, occurrence_in(cleaned, quote, start), start / max(len(cleaned), 1))
            if span is not None:
                return {"path": self._files[source_id][0], **span.to_dict(), "found": True}
        if source_id not in self._cleaned_lines:
            self._cleaned_lines = {source_id: _line_starts(cleaned)}
        span = cleaned_span(cleaned, start, end, self._cleaned_lines[source_id]) if cleaned else Span(1, 1, 1, 1)
        return {"path": f"{self._texts_dir}/{source_id}.txt" if self._texts_dir else f"{source_id}.txt",
                **span.to_dict(), "found": False}


def corpus_locator(corpus, sources, texts, texts_dir: str, shown, stored=None) -> QuoteLocator:
    """A locator for an extracted corpus: ``shown(path) -> str`` gives the repository-relative path to show.

    A source whose file no longer has the bytes it was extracted from is not searched (its quotes keep their
    cleaned-text locations): a match in other text would be a wrong annotation. ``stored``: locations of
    earlier runs (see :class:`QuoteLocator`), for tables extracted in this run from these very bytes.
    """
    from audit.errors import InputError
    from audit.ingest.clean import sha256_of
    from audit.ingest.readers import decode_source

    entries = {entry.id: entry for entry in corpus.sources}
    files = {}
    for row in sources.itertuples():
        entry = entries.get(row.source_id)
        if entry is not None:
            files[row.source_id] = (shown(entry.path), entry, entry.path.suffix, row.sha256)

    def read(item) -> str | None:
        _, entry, _, sha256 = item
        try:
            data = corpus.read_bytes(entry)
            return decode_source(entry.path, data) if sha256_of(data) == sha256 else None
        except (InputError, OSError):
            return None

    return QuoteLocator(files, texts, texts_dir, read, stored)


def path_shown(path: Path) -> str:
    """A path relative to the repository root when inside it: what an author edits, as CI names it."""
    return display_path(path)
