"""A CSV written from keyed chunks is the bytes pandas writes for the whole table, reused chunks or not."""
from __future__ import annotations

import math
import os

import pandas as pd
import pytest

from audit import csvchunks
from audit.csvchunks import ChunkedCsv, header_of


def _frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["key", "text", "low", "start", "flag"])
    return frame.astype({"key": object, "text": object, "low": float, "start": int, "flag": bool})


def _chunks(version: int) -> list[tuple[str, list[tuple]]]:
    """Chunks of rows whose fields hold commas, quotes and line breaks; chunk 'c' differs in version 2."""
    text_c = "plain" if version == 1 else 'now "quoted",\nover two lines'
    return [
        ("a", [("a", "one, two", 1.5, 0, True), ("a", 'say "x"', math.nan, 3, False)]),
        ("b", []),
        ("c", [("c", text_c, 0.1, 7, True)]),
        ("d", [("d", "line\nbreak\r\nand more", 1e-5, 9, False), ("d", "", 100.0, 10, True)]),
    ]


def _write(tmp_path, writer: ChunkedCsv, chunks) -> tuple[bytes, int]:
    frame = _frame([row for _, rows in chunks for row in rows])
    counts = [len(rows) for _, rows in chunks]
    starts = [sum(counts[:i]) for i in range(len(counts))]

    def frame_of(indexes):
        return frame.iloc[[row for i in indexes for row in range(starts[i], starts[i] + counts[i])]]

    out = tmp_path / "staged.csv"
    formatted = writer.write(out, header_of(frame), [key for key, _ in chunks], counts, frame_of)
    expected = frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    data = out.read_bytes()
    assert data == expected
    os.replace(out, tmp_path / "table.csv")  # published as a publication does: renamed, same inode and time
    return data, formatted


@pytest.mark.parametrize("batch_rows", [20_000, 1, 2])
@pytest.mark.parametrize("version", [1, 2])
def test_cold_write_is_the_whole_table(tmp_path, monkeypatch, version, batch_rows):
    monkeypatch.setattr(csvchunks, "BATCH_ROWS", batch_rows)  # formatted a few rows at a time, or all at once
    writer = ChunkedCsv(tmp_path / "index.json", tmp_path / "table.csv", "code")
    assert _write(tmp_path, writer, _chunks(version))[1] == 3


def test_only_a_changed_chunk_is_formatted_again(tmp_path):
    _write(tmp_path, ChunkedCsv(tmp_path / "index.json", tmp_path / "table.csv", "code"), _chunks(1))
    changed = [(key + "2" if key == "c" else key, rows) for key, rows in _chunks(2)]
    writer = ChunkedCsv(tmp_path / "index.json", tmp_path / "table.csv", "code")
    assert _write(tmp_path, writer, changed)[1] == 1
    writer = ChunkedCsv(tmp_path / "index.json", tmp_path / "table.csv", "code")
    assert _write(tmp_path, writer, changed)[1] == 0


def test_a_file_changed_since_or_other_code_reuses_nothing(tmp_path):
    _write(tmp_path, ChunkedCsv(tmp_path / "index.json", tmp_path / "table.csv", "code"), _chunks(1))
    assert _write(tmp_path, ChunkedCsv(tmp_path / "index.json", tmp_path / "table.csv", "other"), _chunks(1))[1] == 3
    published = tmp_path / "table.csv"
    published.write_bytes(published.read_bytes().replace(b"one", b"ONE"))
    assert _write(tmp_path, ChunkedCsv(tmp_path / "index.json", published, "other"), _chunks(1))[1] == 3
