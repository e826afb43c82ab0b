"""The claims of earlier runs, kept column by column, so a re-run does not rebuild the table cell by cell.

A document's claim rows are a function of its cache key (content, lexicon,
code: :func:`audit.extract.cache.cache_key`), so a run takes the rows of every
document it has seen before from here and builds rows only for the others.
The table is assembled per column: one array of the stored values and the new
ones, and one ``take`` by row numbers, instead of a Python object per cell
(at 10,000 articles, 530,000 rows, the cell-by-cell table took seconds more
than the run's whole comparison of one changed source).

Kept in the cache folder, one folder per corpus, as segments: a run writes
the rows of the documents new to the store as one new segment (a few rows
after an edit, not the whole table again), and the store is written whole
again as one segment when the segments hold more than twice the rows in use
or there are many of them. Each segment is a pickle of built-in values only
(lists of strings, and the bytes of the numeric columns: exact, NaN
included), loaded with no class allowed (:mod:`audit.statefile`): a planted
file can run no code, and one that does not read as a store is ignored (the
rows are built as without one). Like a document cache entry, a planted store
can plant rows: the cache folder is trusted as far as that (README, trust model).
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import pandas as pd

from audit.statefile import corpus_state_path, load_state_file, save_state_file

_FORMAT = "claims-store 2"
_MAX_SEGMENTS = 16
# Per document, beside its rows: what the sources table and the publication of its text need, so a
# stored document's cache entry (its text and rows as JSON) is not read at all. All functions of the key.
META = {"sha256": str, "n_chars": int, "n_blocks": int, "n_furniture_blocks": int, "text_sha256": str,
        "text_bytes": int}


class ClaimStore:
    """The stored rows of the documents of one corpus, by cache key.

    ``columns`` names the table's columns and ``dtypes`` their dtypes (numeric
    ones are stored as the bytes of their array). Use :meth:`rows` for the stored
    rows of a key, :meth:`assemble` to build this run's table, :meth:`save` after it.
    """

    def __init__(self, cache_dir: str | Path, corpus_folder: str | Path, dtypes: dict[str, np.dtype | str]):
        self.index_path = corpus_state_path(cache_dir, "claims", corpus_folder)
        self.folder = self.index_path.with_suffix("")
        self.dtypes = dict(dtypes)
        self.columns = tuple(self.dtypes)
        self._numeric_columns = {name for name, dtype in self.dtypes.items()
                                 if not isinstance(dtype, pd.api.extensions.ExtensionDtype)
                                 and np.dtype(dtype).kind in "biuf"}
        self._segments: list[str] = []
        self._where: dict[str, tuple[int, int, int]] = {}  # key -> (segment, first row, rows)
        self._meta: dict[str, dict] = {}  # key -> its META values
        self._data: list[dict] = []
        self._load()

    # ------------------------------------------------------------------ reading

    def _load(self) -> None:
        index = load_state_file(self.index_path, frozenset())
        if not (isinstance(index, dict) and index.get("format") == _FORMAT
                and index.get("columns") == list(self.columns) and isinstance(index.get("segments"), list)):
            return
        where: dict[str, tuple[int, int, int]] = {}
        meta: dict[str, dict] = {}
        data: list[dict] = []
        for name in index["segments"]:
            segment = load_state_file(self.folder / f"{name}.pickle", frozenset()) if isinstance(name, str) else None
            if not self._well_formed(segment):
                return  # a damaged store is no store
            first = 0
            values = segment["meta"]
            for i, (key, count) in enumerate(zip(segment["keys"], segment["counts"])):
                where[key] = (len(data), first, count)
                meta[key] = {field: values[field][i] for field in META}
                first += count
            data.append(segment)
        self._segments = list(index["segments"])
        self._where, self._meta, self._data = where, meta, data

    def _well_formed(self, segment) -> bool:
        if not isinstance(segment, dict):
            return False
        keys, counts, columns = segment.get("keys"), segment.get("counts"), segment.get("columns")
        if not (isinstance(keys, list) and isinstance(counts, list) and len(keys) == len(counts)
                and all(isinstance(key, str) for key in keys)
                and all(type(count) is int and count >= 0 for count in counts)
                and isinstance(columns, dict) and list(columns) == list(self.columns)):
            return False
        meta = segment.get("meta")
        if not (isinstance(meta, dict) and list(meta) == list(META)
                and all(isinstance(values, list) and len(values) == len(keys)
                        and all(type(value) is kind for value in values) for (field, kind), values
                        in zip(META.items(), meta.values()))):
            return False
        total = sum(counts)
        for name, values in columns.items():
            if self._numeric(name):
                if not isinstance(values, bytes) or len(values) != total * np.dtype(self.dtypes[name]).itemsize:
                    return False
            elif not isinstance(values, list) or len(values) != total:
                return False
        return True

    def _numeric(self, name: str) -> bool:
        return name in self._numeric_columns

    def __contains__(self, key: str) -> bool:
        return key in self._where

    def rows(self, key: str) -> int:
        """How many claim rows the stored document has."""
        return self._where[key][2]

    def meta(self, key: str) -> dict:
        """The stored document's META values."""
        return self._meta[key]

    def known(self) -> dict[str, int]:
        """Per stored key, the length of its cleaned text: an engine serves these documents without
        reading their cache entries (:func:`audit.engine.documents.process_source`)."""
        return {key: meta["n_chars"] for key, meta in self._meta.items()}

    # ------------------------------------------------------------------ building the table

    def assemble(self, parts: list[tuple[str | None, int]], new: dict[str, list]) -> pd.DataFrame:
        """This run's table: per document in order, (its key, its row count); a key this store holds
        takes its stored rows, any other (or None) the next rows of ``new`` (column lists)."""
        # Row numbers into one array per column: the stored segments, one after another, then the new rows.
        offsets = np.cumsum([0, *(sum(segment["counts"]) for segment in self._data)]).tolist()
        stored_total = offsets[-1]
        starts, counts = [], []
        fresh = stored_total
        for key, count in parts:
            place = self._where.get(key) if key is not None else None
            if place is not None:
                segment, first, count = place
                starts.append(offsets[segment] + first)
            else:
                starts.append(fresh)
                fresh += count
            counts.append(count)
        counts_array = np.asarray(counts, dtype=np.int64)
        total = int(counts_array.sum())
        # Row i of document d is starts[d] + (i - the first row of d in the table).
        before = np.cumsum(counts_array) - counts_array
        take = np.repeat(np.asarray(starts, dtype=np.int64) - before, counts_array) + np.arange(total, dtype=np.int64)
        columns = {}
        for name in self.columns:
            if self._numeric(name):
                pieces = [np.frombuffer(segment["columns"][name], dtype=self.dtypes[name]) for segment in self._data]
                pieces.append(np.asarray(new[name], dtype=self.dtypes[name]))
                columns[name] = np.concatenate(pieces)[take]
            else:
                values = np.empty(stored_total + len(new[name]), dtype=object)
                position = 0
                for segment in self._data:
                    stored = segment["columns"][name]
                    values[position:position + len(stored)] = stored
                    position += len(stored)
                values[position:] = new[name]
                columns[name] = pd.array(values[take], dtype=self.dtypes[name])
        return pd.DataFrame(columns, columns=list(self.columns))

    # ------------------------------------------------------------------ writing

    def save(self, table: pd.DataFrame, parts: list[tuple[str | None, int]], metas: dict[str, dict]) -> None:
        """Keep the rows of this run's documents (``table``, ``parts`` as given to :meth:`assemble`), and
        ``metas``, the META values of the keys this store did not hold.

        The rows of keys the store lacks become one new segment; when the store would then hold more than
        twice the rows in use, or too many segments, it is written again as one segment of this run's rows.
        """
        keyed = [(key, count) for key, count in parts if key is not None]
        live = {key for key, _ in keyed}
        missing = [i for i, (key, _) in enumerate(parts) if key is not None and key not in self._where]
        if not missing and len(self._where) == len(live):
            return
        stored_rows = sum(count for _, _, count in self._where.values())
        live_rows = sum(count for _, count in keyed)
        new_rows = sum(parts[i][1] for i in missing)
        starts = np.cumsum([0, *(count for _, count in parts)]).tolist()
        if (len(self._segments) + 1 > _MAX_SEGMENTS or stored_rows + new_rows > 2 * live_rows
                or not self._segments):
            chosen = [i for i, (key, _) in enumerate(parts) if key is not None]
            segments: list[str] = []
        else:
            chosen = missing
            segments = list(self._segments)
        if chosen:
            segments.append(self._write_segment(table, parts, starts, chosen, metas))
        save_state_file(self.index_path, {"format": _FORMAT, "columns": list(self.columns), "segments": segments})
        self._remove_unused(segments)

    def _write_segment(self, table: pd.DataFrame, parts, starts: list[int], chosen: list[int],
                       metas: dict[str, dict]) -> str:
        rows = np.concatenate([np.arange(starts[i], starts[i + 1]) for i in chosen]) if chosen else np.empty(0, int)
        part = table.iloc[rows]
        columns = {}
        for name in self.columns:
            if self._numeric(name):
                columns[name] = np.ascontiguousarray(part[name].to_numpy(dtype=self.dtypes[name])).tobytes()
            else:
                columns[name] = part[name].tolist()
        keys = [parts[i][0] for i in chosen]
        meta = [metas[key] if key in metas else self._meta[key] for key in keys]
        segment = {"keys": keys, "counts": [parts[i][1] for i in chosen], "columns": columns,
                   "meta": {field: [values[field] for values in meta] for field in META}}
        name = hashlib.sha256("\n".join(keys).encode("ascii", "replace")).hexdigest()[:24]
        save_state_file(self.folder / f"{name}.pickle", segment)
        return name

    def _remove_unused(self, segments: list[str]) -> None:
        keep = {f"{name}.pickle" for name in segments}
        try:
            present = os.listdir(self.folder)
        except OSError:
            return
        for name in present:
            if name.endswith(".pickle") and name not in keep:
                try:
                    os.remove(self.folder / name)
                except OSError:
                    pass
