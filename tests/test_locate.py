"""Quotes of the cleaned text are found again in the raw .txt, .md and .html files, with line and column."""
from __future__ import annotations

import html
import re

import pytest

from audit.ingest.clean import clean_document
from audit.locate import QuoteLocator, RawFile, occurrence_in

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Five types of migraine</title><script>var t = "There are five main types";</script></head>
<body><nav><a href="/">Home</a></nav>
<article>
<h1>The five   faces of <em>migraine</em></h1>
<p>There are <strong>five</strong> main types of migraine: migraine without aura,
   migraine with aura &amp; chronic migraine.</p>
<p>Retinal migraine, also called ocular&nbsp;migraine, affects vision in one eye only.</p>
<ul><li>Triptans such as <a href="https://example.org">sumatriptan</a> treat attacks.</li>
<li>Propranolol prevents attacks.</li></ul>
<table><tr><th>Type</th><th>Share</th></tr><tr><td>Migraine without aura</td><td>70&#37;</td></tr></table>
<p>There are <strong>five</strong> main types of migraine: migraine without aura,
   migraine with aura &amp; chronic migraine.</p>
</article></body></html>
"""

MARKDOWN = """# Understanding *migraine*

Neurologists recognise **3 broad** categories of migraine, see [the guide](https://example.org/guide "Guide").

- **Migraine without aura**: the commonest variety, accounting for most attacks.
- _Chronic migraine_: headache on 15 or more days \\* every month.

| Type | Share |
|---|---|
| Migraine with aura | 25 &amp; more |

Acute attacks are treated with `triptans`
such as sumatriptan.
"""

TEXT = """Calcinosis   guide

  • Several types exist, including dystrophic and   metastatic.
Symptoms include   - Lumps under the skin   - Pain in the joints
Four main forms exist. Four main forms exist.
"""


def _raw_slice(raw: str, location: dict) -> str:
    lines = raw.split("\n")[location["start_line"] - 1:location["end_line"]]
    lines[-1] = lines[-1][:location["end_column"] - 1]
    lines[0] = lines[0][location["start_column"] - 1:]
    return "\n".join(lines)


def _visible(text: str) -> str:
    """The words a reader sees in a slice of markup."""
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "", text)
    return " ".join(html.unescape(re.sub(r"[*_`\\[\]]", "", text)).replace("|", " ").split())


@pytest.mark.parametrize("raw, suffix", [(HTML_PAGE, ".html"), (MARKDOWN, ".md"), (TEXT, ".txt")])
def test_every_cleaned_block_is_found_in_the_raw_file(raw, suffix):
    document = clean_document("s", raw, suffix, "0" * 64)
    assert len(document.blocks) >= 4
    locator = QuoteLocator({"s": ("article" + suffix, None, suffix, "")}, {"s": document.text}, "text",
                           read=lambda item: raw)
    for block in document.blocks:
        quote = document.text[block.start:block.end]
        location = locator.locate("s", quote, block.start, block.end)
        assert location["found"], quote
        assert location["path"] == "article" + suffix
        assert _visible(_raw_slice(raw, location)) == _visible(quote), quote


def test_repeated_quotes_are_matched_in_reading_order():
    document = clean_document("s", HTML_PAGE, ".html", "0" * 64)
    quote = "There are five main types of migraine"
    starts = [m.start() for m in re.finditer(quote, document.text)]
    assert len(starts) == 2
    raw = RawFile(HTML_PAGE, ".html")
    lines = [raw.find(quote, occurrence_in(document.text, quote, start), 0.5).start_line for start in starts]
    assert lines == [6, 12]  # never the <script> of the <head>, and the second one second


def test_line_and_columns_of_a_text_quote():
    raw = RawFile(TEXT, ".txt")
    span = raw.find("Pain in the joints", 0, 0.5)
    assert (span.start_line, span.start_column, span.end_line) == (4, 47, 4)
    assert TEXT.split("\n")[3][span.start_column - 1:span.end_column - 1] == "Pain in the joints"


def test_a_quote_across_lines_spans_them():
    raw = RawFile(MARKDOWN, ".md")
    span = raw.find("Acute attacks are treated with triptans such as sumatriptan.", 0, 0.9)
    assert (span.start_line, span.end_line) == (12, 13)
    assert span.start_column == 1 and span.end_column == len("such as sumatriptan.") + 1


def test_a_quote_not_in_the_raw_file_keeps_its_cleaned_location():
    text = "First line.\n\nThe quote is here.\n"
    locator = QuoteLocator({"s": ("src/s.txt", None, ".txt", "")}, {"s": text}, "extracted/t/text",
                           read=lambda item: "something else entirely\n")
    location = locator.locate("s", "The quote is here.", 13, 31)
    assert location == {"path": "extracted/t/text/s.txt", "start_line": 3, "start_column": 1, "end_line": 3,
                        "end_column": 19, "found": False}
