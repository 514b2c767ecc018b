"""Writing `.blueprint` files: canonical bytes, written atomically, the previous version kept as a backup."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from blueprint.fileformat.errors import BlueprintFileError
from blueprint.model import Blueprint

#: Whether `save` keeps the previous version next to the file unless told otherwise. The editor sets it
#: from the designer's preference at start-up (`set_keep_backup`); on by default.
_keep_backup = True


def set_keep_backup(keep: bool) -> None:
    """Turn the backup made by `save(doc, path)` on or off for this process."""
    global _keep_backup
    _keep_backup = bool(keep)


def keeps_backup() -> bool:
    return _keep_backup


def canonical(doc: Blueprint) -> dict[str, object]:
    """The document as the file holds it: every field in the spec's order, `$schema` only when set."""
    raw = doc.model_dump(mode="json", by_alias=True)
    if raw.get("$schema") is None:
        del raw["$schema"]
    return raw


def dumps(doc: Blueprint) -> str:
    """The canonical text of `doc`: the same document always gives the same text."""
    return json.dumps(canonical(doc), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def backup_path(path: str | Path) -> Path:
    """Where the previous version of `path` is kept: `trip.blueprint` -> `trip~.blueprint`.

    The backup keeps the extension so that the editor opens it like any other blueprint.
    """
    target = Path(path)
    return target.with_name(f"{target.stem}~{target.suffix}")


def _write_all(handle: BinaryIO, data: bytes) -> None:
    """The one place bytes reach the disk (tests replace it to simulate a full disk)."""
    handle.write(data)
    handle.flush()
    os.fsync(handle.fileno())


def _real_target(path: str | Path) -> Path:
    """Saving through a symbolic link writes the file it points to, and keeps the link."""
    target = Path(path)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(
    path: str | Path, data: bytes, before_replace: Callable[[Path], None] | None = None
) -> None:
    """Write `data` to `path` so that a crash or a failed write leaves the old file intact.

    A temporary file in the same folder is written, flushed and fsynced, then renamed over the target.
    The target's permission bits are kept; a new file gets the mode the user's umask gives.
    `before_replace(target)` runs once the new bytes are safely on disk, just before the rename (the
    backup is made there, so a failed write leaves it alone).
    """
    target = _real_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:  # a new file gets what the user's umask gives (mkstemp's 0600 would not)
        mode = 0o666 & ~_current_umask()
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            _write_all(handle, data)
        os.chmod(temp_name, mode)
        if before_replace is not None:
            before_replace(target)
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


def _keep_previous_version(target: Path, data: bytes) -> None:
    """Make `target~` hold the file as it is now, unless it is missing or already holds `data`.

    A hard link costs no disk space (so it works on a full disk); where links are not allowed the bytes
    are copied, atomically.
    """
    try:
        if not target.is_file() or (target.stat().st_size == len(data) and target.read_bytes() == data):
            return
    except OSError:
        return
    backup = backup_path(target)
    temp = backup.with_name(f".{backup.name}.link")
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        os.link(target, temp)
        os.replace(temp, backup)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        write_atomically(backup, target.read_bytes())


def save(doc: Blueprint, path: str | Path, *, backup: bool | None = None) -> None:
    """Save `doc` to `path` atomically; a failure raises `BlueprintFileError` and changes nothing.

    With `backup` (by default: unless `set_keep_backup(False)` was called), the previous version of the
    file is kept as `NAME~.blueprint` next to it.
    """
    if backup is None:
        backup = _keep_backup
    try:
        data = dumps(doc).encode("utf-8")
    except (UnicodeEncodeError, ValueError) as error:  # a lone surrogate, or NaN put in by code
        raise BlueprintFileError(
            f"could not save: the document holds a value that cannot be written ({error})",
            file=str(path),
            code="write-failed",
        ) from None
    try:
        keep = (lambda target: _keep_previous_version(target, data)) if backup else None
        write_atomically(path, data, keep)
    except OSError as error:
        raise BlueprintFileError(
            f"could not save: {error.strerror or error}", file=str(path), code="write-failed"
        ) from None
