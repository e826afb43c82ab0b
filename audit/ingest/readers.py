"""Read a corpus file's bytes safely: inside the corpus, a regular file, bounded, decoded strictly.

The corpus is input we do not trust (see the README's trust model). A name in
``sources.yaml`` must not make the tool read anything outside the corpus
folder: no absolute path, no ``..``, no symbolic link leading out, and only
regular files (a FIFO would block the run forever, a device never ends).
"""
from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath

from audit.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # an article is kilobytes; 10 MB is a mistake or an attack
# Extraction time grows with the article text (10-20 microseconds a character on the
# worst shapes: bench/shapes.py), so it is bounded too. A long review article is
# 100,000-200,000 characters; at this bound any one source takes about 10 s.
DEFAULT_MAX_CHARS = 500_000

_BINARY_SAMPLE = 8192
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),  # before UTF-16: FF FE starts both
         (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def size_text(size: int) -> str:
    """A byte count for people: '812 bytes', '10.5 MB'."""
    return f"{size:,} bytes" if size < 100_000 else f"{size / 1e6:.1f} MB"


class TooLargeError(InputError):
    """A file over its size limit (``size`` bytes, or more)."""

    def __init__(self, size: int, max_bytes: int, path: Path):
        self.size, self.max_bytes = size, max_bytes
        super().__init__(f"file is {size_text(size)}, over the {size_text(max_bytes)} limit "
                         "(raise it with --max-bytes if this is really an article)", path)


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    return "not a regular file"


def resolve_inside(folder: Path, name: str) -> Path:
    """The real path of ``name`` relative to ``folder``; InputError (no path) when it leads outside.

    The caller adds the file and line that named it. Checked on the resolved
    path, so a symbolic link (to a file or to a folder on the way) that leads
    out of the corpus is refused like a ``..``.
    """
    if "\x00" in name:
        raise InputError(f"{name!r} contains a NUL character")
    pure = PurePosixPath(name)
    if pure.is_absolute() or Path(name).is_absolute():
        raise InputError(f"{name!r} is an absolute path; name files relative to the corpus folder")
    if ".." in pure.parts:
        raise InputError(f"{name!r} goes up out of the corpus folder ('..'); name files inside it")
    root = folder.resolve()
    try:
        real = (root / pure).resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise InputError(f"{name!r} cannot be resolved ({exc})") from None
    if real != root and root not in real.parents:
        raise InputError(f"{name!r} leads outside the corpus folder through a symbolic link")
    return real


def file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a source ('missing', 'a folder', 'a FIFO'...); None when it can."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        return f"unreadable ({exc.strerror})"
    return _kind(mode)


def read_source_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, *, follow_symlinks: bool = True,
                      shown_as: Path | None = None) -> bytes:
    """The file's bytes, after the size check; raise InputError naming the file.

    Opened without blocking (a FIFO would otherwise wait for a writer forever)
    and checked to be a regular file on the open descriptor, so what is
    checked is what is read. At most ``max_bytes + 1`` bytes are read, however
    large the file is or grows. ``follow_symlinks=False`` refuses a symbolic
    link as the last component (for paths already resolved inside the corpus).
    Errors name ``shown_as`` (the path as the user wrote it) when given.
    """
    shown = shown_as or path
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError("file not found", shown) from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", shown) from None
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind:
            raise InputError(f"is {kind}", shown)
        if info.st_size > max_bytes:
            raise TooLargeError(info.st_size, max_bytes, shown)
        os.set_blocking(fd, True)
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise TooLargeError(total, max_bytes, shown)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", shown) from None
    finally:
        os.close(fd)


def decode_source(path: Path, data: bytes) -> str:
    """Text with normalised newlines; binary or invalid bytes raise InputError naming the file (and line).

    UTF-8 is expected. A byte-order mark says the encoding exactly, so UTF-16
    with a BOM (what some Windows editors save as "Unicode") is decoded too,
    rather than mistaken for binary because of its NUL bytes.
    """
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), "utf-8")
    if encoding == "utf-32":
        raise InputError("file is UTF-32 (it starts with a UTF-32 byte-order mark); re-save it as UTF-8", path)
    if encoding == "utf-16":
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"file starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason} "
                             f"at offset {exc.start}); re-save it as UTF-8", path) from None
    else:
        if b"\x00" in data[:_BINARY_SAMPLE]:
            raise InputError("file looks binary (it contains NUL bytes), not text", path)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            line = data[:exc.start].count(b"\n") + 1
            raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                             "re-save the file as UTF-8", path, line) from None
    if "\x00" in text:
        raise InputError("file looks binary (it contains NUL characters), not text", path)
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
