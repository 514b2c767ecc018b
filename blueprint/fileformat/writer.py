"""Writing `.blueprint` files: canonical bytes, written atomically."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

from blueprint.fileformat.errors import BlueprintFileError
from blueprint.model import Blueprint


def dumps(doc: Blueprint) -> str:
    """The canonical text of `doc`: the same document always gives the same text."""
    return json.dumps(doc.model_dump(mode="json"), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def write_atomically(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` so that a crash or a failed write leaves the old file intact.

    A temporary file in the same folder is written, flushed and fsynced, then renamed over the target.
    The target's permission bits are kept.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable where the platform allows it
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def save(doc: Blueprint, path: str | Path) -> None:
    """Save `doc` to `path` atomically; a failure raises `BlueprintFileError` and changes nothing."""
    data = dumps(doc).encode("utf-8")
    try:
        write_atomically(path, data)
    except OSError as error:
        raise BlueprintFileError(
            f"could not save: {error.strerror or error}", file=str(path), code="write-failed"
        ) from None
