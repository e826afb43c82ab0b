"""One generation of outputs: stage ``extracted/<topic>/`` and ``reports/<topic>/`` whole, then publish them together.

A run's tables, texts, findings and reports belong together. Each is written
atomically (``audit.atomic``), but a run writes many files in two folders, so
without more a kill -9 half-way leaves new tables beside old findings. So:

1. Every file of the new generation is written under ``<folder>/.staging/``
   (inside the folder it is published to: the same file system, so a rename
   is atomic). Nothing published is touched while the run works.
2. ``generation.json`` is staged in each folder: the generation id and the
   sha256 of every file the folder will hold. The id is the sha256 of the
   extracted folder's file list (names and content hashes), so it is
   deterministic: the same corpus and code give the same id, byte for byte.
   The reports carry the id of the tables they were made from.
3. Commit point: the journal ``<first folder>/.staging/PUBLISH.json`` is
   written (atomically). It names every file to move and every stale file
   to delete.
4. Files are moved into place with ``os.replace``, stale ones deleted, and
   each folder's ``generation.json`` moved last; then the staging folders are
   removed (the journal last).

Killed before step 3, the previous generation was never touched: the next
audit command that opens the folder removes the staging folder and says so.
Killed after it, the next audit command finishes the moves (roll forward)
and says so. Readers in this package open outputs through :func:`open_outputs`,
which does this first, so they see the whole previous generation or the
whole new one; ``extracted/<topic>/generation.json`` and
``reports/<topic>/generation.json`` name the same generation exactly when
the two folders belong together (:func:`check_generation`).

A folder is locked (``flock``) while a command stages or publishes into it,
so two runs on the same outputs refuse rather than mix.
"""
from __future__ import annotations

import errno
import fnmatch
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from audit.atomic import write_json
from audit.errors import InputError, warn

__all__ = ["STAGING", "JOURNAL", "PART_OF", "MARKER", "EXTRACTED_FILES", "REPORT_FILES", "OWNED", "generation_of",
           "prepare_folder", "recover", "open_outputs", "read_generation", "check_generation", "Publication"]

STAGING = ".staging"
JOURNAL = "PUBLISH.json"
PART_OF = "PART_OF.json"
MARKER = "generation.json"

# What audit owns in each folder; nothing else there is ever moved or deleted
# (reports/<topic>/diff/ and check/ belong to other commands, and users keep files beside ours).
EXTRACTED_FILES = ("sources.csv", "claims.csv", "findings.csv", "text/*.txt")
REPORT_FILES = ("findings.json", "report.html", "data_quality/gx_*_validation.json", "data_quality/index.html")
OWNED = {"extracted": EXTRACTED_FILES, "reports": REPORT_FILES}


def _owned(role: str, relative: str, patterns: tuple[str, ...] | None = None) -> bool:
    parts = PurePosixPath(relative).parts
    if not parts or ".." in parts or relative.startswith("/"):
        return False
    return any(fnmatch.fnmatchcase(relative, pattern) and relative.count("/") == pattern.count("/")
               for pattern in (patterns if patterns is not None else OWNED[role]))


def _files(folder: Path, role: str, patterns: tuple[str, ...] | None = None) -> list[str]:
    """Owned files present in ``folder`` (relative, '/'-separated, sorted)."""
    found = []
    for pattern in patterns if patterns is not None else OWNED[role]:
        for path in folder.glob(pattern):
            if path.is_file() and not path.is_symlink():
                found.append(path.relative_to(folder).as_posix())
    return sorted(set(found))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def generation_of(files: dict[str, str]) -> str:
    """The generation id of an extracted folder: sha256 of its sorted (name, content hash) list."""
    material = "".join(f"{name}\x1f{digest}\n" for name, digest in sorted(files.items()))
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- folders and locks

def prepare_folder(folder: Path, what: str) -> None:
    """Create an output folder, or say in one line why it cannot be one (exit 2, never a traceback)."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"is a file, not a folder; choose another {what} folder", folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"cannot create the {what} folder: part of the path is a file", folder) from None
    except OSError as exc:
        raise InputError(f"cannot create the {what} folder ({exc.strerror})", folder) from None


class _Lock:
    """An exclusive, non-blocking ``flock`` on a folder (released on close, and by the kernel if we die)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.fd: int | None = None

    def acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # no flock (Windows): runs on the same outputs must not overlap
            return
        try:
            self.fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise InputError(f"cannot open the folder ({exc.strerror})", self.folder) from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(self.fd)
            self.fd = None
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise InputError("another audit command is writing this folder; run again when it has finished",
                                 self.folder) from None
            raise InputError(f"cannot lock the folder ({exc.strerror})", self.folder) from None

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


# --------------------------------------------------------------------------- recovery

def _read_json(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _roll_forward(journal: dict, journal_path: Path) -> None:
    """Finish a committed publication; every step may already be done (a second kill is fine)."""
    targets = journal.get("targets", [])
    for target in targets:
        folder = Path(target["folder"])
        staging = folder / STAGING
        role = target["role"]
        if staging != journal_path.parent:
            # Only a folder whose own staging says it belongs to this journal is touched:
            # a journal cannot send us to delete files elsewhere.
            part_of = _read_json(staging / PART_OF)
            if not part_of or Path(part_of.get("journal", "")) != journal_path:
                continue
        moves = [name for name in target.get("moves", []) if _owned(role, name) or name == MARKER]
        for name in [name for name in moves if name != MARKER]:
            source = staging / name
            if source.is_file():
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                os.replace(source, folder / name)
        for name in target.get("delete", []):
            if _owned(role, name):
                (folder / name).unlink(missing_ok=True)
        for name in ("data_quality", "text"):  # a folder emptied by the deletions goes too
            try:
                (folder / name).rmdir()
            except OSError:
                pass
        if (staging / MARKER).is_file():
            os.replace(staging / MARKER, folder / MARKER)
    for target in targets:
        staging = Path(target["folder"]) / STAGING
        if staging != journal_path.parent and (staging / PART_OF).is_file():
            shutil.rmtree(staging, ignore_errors=True)
    journal_path.unlink(missing_ok=True)  # the journal goes before its staging folder: it is the commit record
    shutil.rmtree(journal_path.parent, ignore_errors=True)


def recover(folder: Path) -> None:
    """Finish or discard what an interrupted command left in ``folder/.staging`` (the caller holds its lock)."""
    staging = folder / STAGING
    if not staging.exists():
        return
    journal_path = (staging / JOURNAL).resolve()
    other_lock = None
    if not journal_path.is_file():
        part_of = _read_json(staging / PART_OF)
        if part_of and Path(part_of.get("journal", "")).is_file():
            journal_path = Path(part_of["journal"])
            other_lock = _Lock(journal_path.parent.parent)  # the journal's folder: no one may be publishing it
            other_lock.acquire()
    try:
        journal = _read_json(journal_path) if journal_path.is_file() else None
        if journal is None:
            shutil.rmtree(staging, ignore_errors=True)
            warn(f"{staging}: removed an unfinished staging folder left by an interrupted run")
            return
        try:
            _roll_forward(journal, journal_path)
        except OSError as exc:
            raise InputError(f"cannot finish publishing an interrupted run ({exc.strerror})", folder) from None
        warn(f"{folder}: finished publishing generation {str(journal.get('generation'))[:12]} of an interrupted run")
    finally:
        if other_lock is not None:
            other_lock.release()


def open_outputs(*folders: Path | None) -> None:
    """Make folders safe to read: finish or discard an interrupted publication first."""
    for folder in folders:
        if folder is None or not (Path(folder) / STAGING).exists():
            continue
        lock = _Lock(Path(folder))
        lock.acquire()
        try:
            recover(Path(folder))
        finally:
            lock.release()


def read_generation(folder: Path) -> dict | None:
    """A folder's ``generation.json`` ({'generation': id, 'files': {name: sha256}}), or None."""
    return _read_json(Path(folder) / MARKER)


def check_generation(extracted: Path, reports: Path, *, verify_files: bool = True) -> str:
    """The generation id both folders carry; InputError when they do not belong together.

    ``verify_files`` also checks that every file listed is there with its hash
    and that no owned file is missing from the list.
    """
    ids = {}
    for role, folder in (("extracted", Path(extracted)), ("reports", Path(reports))):
        marker = read_generation(folder)
        if marker is None:
            raise InputError(f"no {MARKER}: not published by this version of audit, or the run never finished",
                             folder)
        ids[role] = marker.get("generation")
        if verify_files:
            listed = marker.get("files", {})
            present = set(_files(folder, role))
            if present != set(listed):
                extra, missing = sorted(present - set(listed)), sorted(set(listed) - present)
                raise InputError(f"files do not match {MARKER} (not listed: {extra[:3]}, missing: {missing[:3]})",
                                 folder)
            for name, digest in sorted(listed.items()):
                if _sha256(folder / name) != digest:
                    raise InputError(f"{name} is not the file of generation {str(ids[role])[:12]}", folder)
    if ids["extracted"] != ids["reports"]:
        raise InputError(f"reports are of generation {str(ids['reports'])[:12]}, the tables in {extracted} of "
                         f"{str(ids['extracted'])[:12]}: run `audit compare` or `audit run`", reports)
    return str(ids["extracted"])


# --------------------------------------------------------------------------- publication

@dataclass
class _Target:
    role: str
    folder: Path
    replace: tuple[str, ...]
    lock: _Lock = field(init=False)

    @property
    def staging(self) -> Path:
        return self.folder / STAGING


class Publication:
    """Stage a new generation of one or both output folders, then publish it in one step.

    ``replace`` names, per folder, the owned files this command produces:
    those present but not staged are stale and deleted when publishing;
    owned files outside ``replace`` are kept (``audit compare`` keeps the
    extracted tables and texts and replaces findings.csv). ``data_folder`` is
    the extracted folder whose generation the reports describe when only the
    reports are published (``audit validate``).

        with Publication(corpus, extracted=x, reports=r) as publication:
            ... write into publication.staging("extracted") and ("reports") ...
            publication.publish()
    """

    def __init__(self, corpus_folder: Path | None = None, *, extracted: Path | None = None,
                 reports: Path | None = None, replace: dict[str, tuple[str, ...]] | None = None,
                 data_folder: Path | None = None):
        replace = replace or OWNED
        self.targets = [_Target(role, Path(folder), replace.get(role, OWNED[role]))
                        for role, folder in (("extracted", extracted), ("reports", reports)) if folder is not None]
        self.corpus_folder = corpus_folder
        self.data_folder = Path(data_folder) if data_folder is not None else (Path(extracted) if extracted else None)
        self.generation: str | None = None
        self._published = False
        self._reused: dict[str, dict[str, str]] = {target.role: {} for target in self.targets}

    def staging(self, role: str) -> Path:
        return next(target.staging for target in self.targets if target.role == role)

    def folder(self, role: str) -> Path:
        """The folder ``role`` is published to."""
        return next(target.folder for target in self.targets if target.role == role)

    def stage_bytes(self, role: str, name: str, data: bytes) -> bool:
        """Stage ``data`` as ``name``, unless the published file already holds exactly these bytes.

        Such a file stays where it is and belongs to the new generation as it is: after one
        article changed, 10,000 texts are not written, renamed and hashed again. Returns
        whether the file was staged (else it was reused).
        """
        target = next(target for target in self.targets if target.role == role)
        published = target.folder / name
        try:
            same = (not published.is_symlink() and published.stat().st_size == len(data)
                    and published.read_bytes() == data)
        except OSError:
            same = False
        if same:
            self._reused[role][name] = hashlib.sha256(data).hexdigest()
            return False
        staged = target.staging / name
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_bytes(data)
        return True

    def stage_known(self, role: str, name: str, size: int, sha256: str, load) -> bool:
        """:meth:`stage_bytes` for bytes known by their size and SHA-256: ``load()`` gives them, called
        only when the published file does not hold them (so a document's text need not be read to be
        found unchanged). Returns whether the file was staged."""
        target = next(target for target in self.targets if target.role == role)
        published = target.folder / name
        try:
            same = (not published.is_symlink() and published.stat().st_size == size
                    and hashlib.sha256(published.read_bytes()).hexdigest() == sha256)
        except OSError:
            same = False
        if same:
            self._reused[role][name] = sha256
            return False
        return self.stage_bytes(role, name, load())

    def _check_folders(self) -> None:
        resolved = {}
        corpus = self.corpus_folder.resolve() if self.corpus_folder is not None else None
        for target in self.targets:
            what = f"--{target.role}"
            real = target.folder.resolve()
            if corpus is not None and (real == corpus or corpus in real.parents):
                raise InputError(f"is inside the corpus folder {self.corpus_folder}; write {what} elsewhere "
                                 "(its files would be taken for articles)", target.folder)
            if real in resolved:
                raise InputError(f"{what} and --{resolved[real]} are the same folder; give two folders", target.folder)
            resolved[real] = target.role

    def __enter__(self) -> "Publication":
        self._check_folders()
        acquired: list[_Target] = []
        try:
            for target in self.targets:
                prepare_folder(target.folder, f"--{target.role}")
                target.lock = _Lock(target.folder)
                target.lock.acquire()
                acquired.append(target)
                recover(target.folder)
                try:
                    target.staging.mkdir()
                except OSError as exc:
                    raise InputError(f"cannot write into the folder ({exc.strerror})", target.folder) from None
            first = self.targets[0].staging / JOURNAL
            for target in self.targets[1:]:  # tells a reader of this folder where the commit record will be
                write_json(target.staging / PART_OF, {"journal": str(first.resolve())})
        except BaseException:
            self._discard(acquired)
            raise
        return self

    def _discard(self, targets: list[_Target]) -> None:
        for target in targets:
            if not self._published:
                shutil.rmtree(target.staging, ignore_errors=True)
            target.lock.release()

    def __exit__(self, *exc_info) -> None:
        self._discard(self.targets)

    def _plan(self, target: _Target) -> tuple[dict[str, str], list[str]]:
        """(every file the folder will hold -> sha256, stale files to delete)."""
        staged = {name: _sha256(target.staging / name) for name in _files(target.staging, target.role)}
        staged.update(self._reused[target.role])  # published already, with the bytes this run staged
        present = _files(target.folder, target.role)
        kept = {name: _sha256(target.folder / name) for name in present
                if name not in staged and not _owned(target.role, name, target.replace)}
        stale = [name for name in present if name not in staged and name not in kept]
        return {**kept, **staged}, stale

    def publish(self) -> str | None:
        """Publish everything staged as one generation; returns its id (None without an extracted folder)."""
        plans = {target.role: self._plan(target) for target in self.targets}
        if "extracted" in plans:
            self.generation = generation_of(plans["extracted"][0])
        elif self.data_folder is not None:
            marker = read_generation(self.data_folder)
            self.generation = (marker or {}).get("generation") or generation_of(
                {name: _sha256(self.data_folder / name) for name in _files(self.data_folder, "extracted")})
        journal = {"generation": self.generation, "targets": []}
        for target in self.targets:
            files, stale = plans[target.role]
            write_json(target.staging / MARKER, {"generation": self.generation, "files": files})
            moved = sorted(name for name in files if (target.staging / name).is_file())
            journal["targets"].append({"role": target.role, "folder": str(target.folder.resolve()),
                                       "moves": [*moved, MARKER], "delete": stale})
        journal_path = self.targets[0].staging / JOURNAL
        try:
            write_json(journal_path, journal)  # the commit point
            self._published = True
            _roll_forward(journal, journal_path.resolve())
        except OSError as exc:
            if self._published:
                raise InputError(f"publishing stopped half-way ({exc.strerror}); the next audit command "
                                 "finishes it", self.targets[0].folder) from None
            raise InputError(f"cannot write ({exc.strerror})", exc.filename or self.targets[0].folder) from None
        return self.generation
