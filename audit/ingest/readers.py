"""Read a source file's bytes safely: size limit, binary detection, strict UTF-8."""
from __future__ import annotations

from pathlib import Path

from audit.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # an article is kilobytes; 10 MB is a mistake or an attack

_BINARY_SAMPLE = 8192


def read_source_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, after the size check; raise InputError naming the file."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", path) from None
    if size > max_bytes:
        raise InputError(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                         "(raise it with --max-bytes if this is really an article)", path)
    return path.read_bytes()


def decode_source(path: Path, data: bytes) -> str:
    """Strict UTF-8 text with normalised newlines; binary or invalid bytes raise InputError."""
    if b"\x00" in data[:_BINARY_SAMPLE]:
        raise InputError("file looks binary (it contains NUL bytes), not text", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "re-save the file as UTF-8", path, line) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
