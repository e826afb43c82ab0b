"""Values reach readers as words, and only http(s) addresses become links."""
from __future__ import annotations

import pytest

from audit.words import web_url, words


@pytest.mark.parametrize("value, expected", [
    ("very_rare", "very rare"), ("most_common", "the most common"), ("alias_of:metastatic", "another name for metastatic"),
    ("subtype_of:idiopathic", "a subtype of idiopathic"), ("not:alias_of:b", "not another name for b"),
    ("separate_type:calcinosis", "a type of its own"), ("named:4", "names 4"), ("type_count", "number of types"),
    ("single_source", "single source"), ("per 100000", "per 100,000"), ("5", "5"), ("", ""), (None, ""),
    (float("nan"), ""), ("https://a.org/x_y", "https://a.org/x_y"),
])
def test_words(value, expected):
    assert words(value) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&c=2"), ("http://example.org", "http://example.org"),
    (" https://example.org ", "https://example.org"), ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"),
    ("javascript:alert(1)", ""), ("JavaScript:alert(1)", ""), ("data:text/html,x", ""), ("file:///etc/passwd", ""),
    ("//example.org", ""), ("example.org", ""), ("https://", ""), ("https://exa mple.org", ""),
    ("https://example.org/\nx", ""), ("ftp://example.org", ""), ("", ""), (None, ""),
])
def test_only_http_urls_with_a_host_are_links(url, expected):
    assert web_url(url) == expected
