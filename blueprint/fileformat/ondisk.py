"""What a file on disk was when the editor read or wrote it, so that Save never replaces another
program's change without asking.

A `DiskState` records the file's identity (device and inode), size, modification time and the hash of
its bytes, and where its name led (a symbolic link may be retargeted while the file is open).
`changed_on_disk` compares the file as it is now with that record: equal identity, size and time mean
unchanged, unless the time is too close to the moment of the record to trust (file systems keep times
in ticks, some of a whole second or two), and then the bytes are hashed. Different metadata with the
same bytes (a sync tool writing the same file again) is not a change.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from blueprint.fileformat.errors import BlueprintFileError
from blueprint.fileformat.limits import SizeLimits, file_limits

#: A modification time this close to the moment it was recorded may hide a later write in the same tick.
DOUBT_NS = 2_000_000_000
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class DiskState:
    """A file as it was read or written."""

    real_path: str
    device: int
    inode: int
    size: int
    mtime_ns: int
    sha256: str
    recorded_ns: int

    @classmethod
    def of(cls, path: str | Path, info: os.stat_result, data: bytes | None) -> DiskState:
        """The state of the file at `path` with status `info` and bytes `data` (None: unreadable, the
        hash unknown, so that equal metadata is all there is to go by)."""
        return cls(
            real_path=os.path.realpath(path),
            device=info.st_dev,
            inode=info.st_ino,
            size=info.st_size,
            mtime_ns=info.st_mtime_ns,
            sha256=hashlib.sha256(data).hexdigest() if data is not None else "",
            recorded_ns=time.time_ns(),
        )

    def same_metadata(self, info: os.stat_result) -> bool:
        return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns) == (
            self.device,
            self.inode,
            self.size,
            self.mtime_ns,
        )

    @property
    def in_doubt(self) -> bool:
        """True when the recorded time could also be the time of a write just after the record."""
        return abs(self.recorded_ns - self.mtime_ns) < DOUBT_NS


def _hash_of(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def changed_on_disk(path: str | Path, known: DiskState) -> str | None:
    """Why the file at `path` is no longer what `known` records, or None when it is the same.

    A missing file is not a change (saving writes it again). A file that cannot be read, or is too
    large to open, is still reported when its size or identity tell that it changed.
    """
    real = os.path.realpath(path)
    if real != known.real_path:
        return f"now points to another file ({real})"
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"cannot be checked ({error.strerror or error})"
    if not stat.S_ISREG(info.st_mode):
        return "is no longer a regular file"
    if known.same_metadata(info) and (not known.in_doubt or not known.sha256):
        return None  # (with no hash to compare, equal metadata is all there is to go by)
    if info.st_size != known.size:
        return "was changed by another program"
    try:
        same = _hash_of(path) == known.sha256
    except OSError as error:
        return f"was changed by another program and cannot be read ({error.strerror or error})"
    return None if same else "was changed by another program"


def read_file(path: str | Path, limits: SizeLimits | None = None) -> tuple[bytes, DiskState]:
    """The bytes of a regular file of at most the size limit, and its state (pipes are never read).

    The file is opened without blocking (a FIFO would block an ordinary open), then checked on its
    open descriptor, so what is read is the file that was checked.
    """
    limits = limits or file_limits()
    name = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise BlueprintFileError("no such file", file=name, code="not-found") from None
    except IsADirectoryError:
        raise BlueprintFileError("is a folder, not a file", file=name, code="not-a-file") from None
    except OSError as error:
        raise BlueprintFileError(
            f"cannot read: {error.strerror or error}", file=name, code="unreadable"
        ) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BlueprintFileError("is a folder, not a file", file=name, code="not-a-file")
        if not stat.S_ISREG(info.st_mode):
            raise BlueprintFileError("is not a regular file", file=name, code="not-a-file")
        if info.st_size > limits.file_bytes:
            raise BlueprintFileError(
                f"the file is larger than {limits.megabytes} MB ({info.st_size // (1024 * 1024)} MB)",
                file=name,
                code="too-large",
            )
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limits.file_bytes + 1)  # the file may grow after fstat
    except OSError as error:
        raise BlueprintFileError(
            f"cannot read: {error.strerror or error}", file=name, code="unreadable"
        ) from None
    finally:
        os.close(fd)
    if len(data) > limits.file_bytes:
        raise BlueprintFileError(
            f"the file is larger than {limits.megabytes} MB", file=name, code="too-large"
        )
    return data, DiskState.of(path, info, data)


def is_read_only(info: os.stat_result, uid: int | None = None, groups: Iterable[int] | None = None) -> bool:
    """True when the file's permission bits say that this user is not to write it.

    Decided from the mode rather than with `os.access`, so that it means the same for root: root may
    write anything, but a file marked read-only (0444) is still one its owner asked not to change.
    """
    mode = info.st_mode
    if not hasattr(os, "geteuid"):  # pragma: no cover - Windows has one read-only flag
        return not mode & stat.S_IWRITE
    uid = os.geteuid() if uid is None else uid
    if uid == 0:
        return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    if info.st_uid == uid:
        return not mode & stat.S_IWUSR
    if info.st_gid in (set(os.getgroups()) | {os.getegid()} if groups is None else set(groups)):
        return not mode & stat.S_IWGRP
    return not mode & stat.S_IWOTH


def read_only_target(path: str | Path) -> bool:
    """True when `path` (or the file its link points to) exists and is marked read-only for this user."""
    try:
        return stat.S_ISREG((info := os.stat(path)).st_mode) and is_read_only(info)
    except OSError:
        return False
