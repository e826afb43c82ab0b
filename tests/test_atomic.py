"""write_json's fast path (orjson) writes the bytes the standard library's json.dumps writes."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.atomic import json_bytes

_scalars = (st.none() | st.booleans() | st.integers(min_value=-2**63, max_value=2**63 - 1)
            | st.floats(allow_nan=False, allow_infinity=False) | st.text())
_documents = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=30)


def _reference(payload) -> bytes:
    return (json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(_documents)
def test_json_bytes_are_the_standard_librarys(payload):
    assert json_bytes(payload) == _reference(payload)


def test_small_floats_and_other_keys_take_the_standard_path():
    for payload in (1e-05, [3e-07, {"a": 0.00009}], {"text": '": 0.00001'}, {1: "int key"}, 2e-9):
        assert json_bytes(payload) == _reference(payload)
