"""Bytes of a file to text: UTF-8 only, with a plain message for the usual wrong encodings."""

from __future__ import annotations

from blueprint.fileformat.errors import BlueprintFileError
from blueprint.fileformat.jsontext import too_large
from blueprint.fileformat.limits import SizeLimits, file_limits


def _looks_like_wide_json(data: bytes) -> bool:
    """JSON saved as UTF-16/32 without a byte-order mark: its first character, `{`, padded with NULs."""
    head = data[:4]
    return b"\x00" in head[:2] and head.replace(b"\x00", b"")[:1] in (b"{", b"[", b" ", b"\n", b"\r", b"\t")


def decode(data: bytes, limits: SizeLimits | None = None) -> str:
    """UTF-8 text from the bytes of a file, with a plain message for the usual wrong encodings."""
    limits = limits or file_limits()
    if len(data) > limits.file_bytes:
        raise too_large("file", limits)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_wide_json(data):
        raise BlueprintFileError(
            "not UTF-8 text (it looks like UTF-16 or UTF-32; save it as UTF-8)", code="not-utf8"
        )
    if b"\x00" in data[:64]:  # a text file does not start with NUL bytes
        raise BlueprintFileError("not a text file (it holds binary data)", code="not-utf8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BlueprintFileError(
            f"not UTF-8 text (bad byte at position {error.start})", code="not-utf8"
        ) from None
