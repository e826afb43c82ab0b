"""Write a large CSV again after a small change by reusing the bytes of the rows that stayed the same.

The rows of a table such as ``claims.csv`` or ``findings.csv`` come in chunks
(a document's claims, a finding's rows), each named by a key that changes when
its rows can: a document's cache key, a digest of a finding's rows. After one
article of 10,000 changed, nearly every chunk has the key it had in the last
run, and pandas formatted its rows then. So the last write leaves an index in
the cache: per key, where its bytes lie in the file it wrote. The next write
copies those byte ranges from the published file and formats only the chunks
it has not seen.

Formatting a row does not depend on the other rows (the frame's dtypes come
from its schema, and ``to_csv`` formats value by value), so the file is the
bytes ``frame.to_csv(index=False, lineterminator="\\n")`` writes for the whole
table (``tests/test_csvchunks.py``). The index names the file it describes by
size, modification time and inode: a file changed since, or a change of code
or pandas, means the index is not used and every chunk is formatted.
"""
from __future__ import annotations

import hashlib
import mmap
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import orjson
import pandas as pd

from audit.atomic import atomic_open

_INDEX_VERSION = 1
BATCH_ROWS = 20_000  # rows formatted at a time


def _stat_of(path: Path) -> list[int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def _row_ends(text: bytes, frame: pd.DataFrame) -> np.ndarray:
    """Offsets just past each row of ``text`` (``frame`` written without a header).

    A row is one line unless a field holds a line break (then written inside quotes): the
    fields' own line breaks are counted only when the line count says there are some.
    """
    newlines = np.flatnonzero(np.frombuffer(text, dtype=np.uint8) == 10) + 1
    if len(newlines) == len(frame):
        return newlines
    extra = np.zeros(len(frame), dtype=np.int64)
    for column in frame.columns:
        if frame[column].dtype == object:
            extra += frame[column].map(lambda v: v.count("\n") if isinstance(v, str) else 0).to_numpy(np.int64)
    lines_per_row = extra + 1
    if int(lines_per_row.sum()) != len(newlines):  # not as expected: the caller formats chunk by chunk
        raise ValueError("rows and lines do not match")
    return newlines[np.cumsum(lines_per_row) - 1]


def _format(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, header=False, lineterminator="\n").encode("utf-8")


class ChunkedCsv:
    """A CSV file written from keyed chunks of rows, reusing the previous write's bytes of known chunks.

    ``index_path`` (in the cache; None: no reuse) keeps where each chunk lies in ``published``,
    the file the next run reads them from. ``fingerprint`` names everything besides the rows that
    the bytes depend on (code, pandas): a different one means nothing is reused.
    """

    def __init__(self, index_path: Path | None, published: Path, fingerprint: str):
        self.index_path, self.published = index_path, published
        self.fingerprint = f"{_INDEX_VERSION}\x1f{fingerprint}\x1f{pd.__version__}"
        self.old: dict[str, tuple[int, int]] = {}
        if index_path is None:
            return
        try:
            index = orjson.loads(index_path.read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return
        if (isinstance(index, dict) and index.get("fingerprint") == self.fingerprint
                and index.get("file") == _stat_of(published) and index.get("file") is not None):
            self.old = {key: (offset, length) for key, offset, length in index.get("chunks", [])}

    def known(self, key: str) -> bool:
        return key in self.old

    @contextmanager
    def _old_bytes(self, needed: bool):
        """The published file's bytes, mapped rather than read (the index was checked against this file)."""
        if not needed:
            yield None
            return
        with open(self.published, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            view = memoryview(mapped)
            try:
                yield view
            finally:
                view.release()

    def write(self, path: Path, header: bytes, keys: Sequence[str], counts: Sequence[int],
              frame_of: Callable[[list[int]], pd.DataFrame]) -> int:
        """Write ``header`` and the chunks ``keys`` (``counts`` rows each) to ``path``; returns the chunks formatted.

        ``frame_of(chunks)`` gives the rows of those chunks (indexes into ``keys``), in order, as the
        frame to format; it is asked for at most about ``BATCH_ROWS`` rows at a time, so a file written
        whole is never held in memory whole. Chunks of no rows take no bytes.
        """
        missing = {i for i, key in enumerate(keys) if counts[i] and key not in self.old}
        chunks: list[list] = []
        with self._old_bytes(len(missing) < sum(1 for count in counts if count)) as old_data, \
                atomic_open(path, "wb") as handle:
            offset = handle.write(header)
            run_start = run_end = -1  # a run of old chunks that lie side by side: one write
            i = 0
            while i < len(keys):
                if not counts[i]:
                    i += 1
                elif i in missing:
                    if run_start >= 0:
                        handle.write(old_data[run_start:run_end])
                        run_start = run_end = -1
                    batch, rows, i = [i], counts[i], i + 1
                    while i < len(keys) and rows < BATCH_ROWS and (i in missing or not counts[i]):
                        if counts[i]:
                            batch.append(i)
                            rows += counts[i]
                        i += 1
                    for index, data in zip(batch, _formatted(frame_of(batch), [counts[j] for j in batch])):
                        handle.write(data)
                        chunks.append([keys[index], offset, len(data)])
                        offset += len(data)
                else:
                    old_offset, length = self.old[keys[i]]
                    if old_offset != run_end:
                        if run_start >= 0:
                            handle.write(old_data[run_start:run_end])
                        run_start = run_end = old_offset
                    run_end += length
                    chunks.append([keys[i], offset, length])
                    offset += length
                    i += 1
            if run_start >= 0:
                handle.write(old_data[run_start:run_end])
        if self.index_path is not None:
            index = {"fingerprint": self.fingerprint, "file": _stat_of(path), "chunks": chunks}
            with atomic_open(self.index_path, "wb") as handle:
                handle.write(orjson.dumps(index))
        return len(missing)


def _formatted(frame: pd.DataFrame, counts: list[int]) -> list[bytes]:
    """The CSV bytes of consecutive chunks of ``frame``'s rows (``counts`` rows each)."""
    text = _format(frame)
    try:
        ends = _row_ends(text, frame)
    except ValueError:  # formatted chunk by chunk
        bounds = np.cumsum([0, *counts]).tolist()
        return [_format(frame.iloc[start:end]) for start, end in zip(bounds[:-1], bounds[1:])]
    starts = np.concatenate([[0], ends])
    bounds = np.cumsum([0, *counts])
    return [text[int(starts[bounds[n]]):int(starts[bounds[n + 1]])] for n in range(len(counts))]


def index_path(cache_dir: str | Path | None, output: Path) -> Path | None:
    """Where the index of an output file is kept in the cache (one per output path)."""
    if cache_dir is None:
        return None
    key = hashlib.sha256(str(output.resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(cache_dir) / "csv" / f"{output.name}-{key}.json"


def header_of(frame: pd.DataFrame) -> bytes:
    return frame.iloc[:0].to_csv(index=False, lineterminator="\n").encode("utf-8")


def chunks_digest(values) -> str:
    """A key for a chunk from its rows' values (anything orjson writes)."""
    return hashlib.blake2b(orjson.dumps(values), digest_size=16).hexdigest()


__all__ = ["ChunkedCsv", "index_path", "header_of", "chunks_digest"]
