"""Writing a file so that a crash, a kill or a full disk leaves either the old file or the new one.

The bytes go to a temporary file in the same folder, are flushed and fsynced, and the temporary file
is renamed over the target. The temporary file has a name a person recognises and this program can
find again, `.NAME.1a2b3c4d.saving` (names too long for that are cut, with a hash of the whole name
so that each file keeps its own), and it is locked while it is written: a `.saving` file whose lock can
be taken was left by a process that died, and the next save of the same file removes it.

The new file keeps the old one's permission bits and group (and its owner, when the program runs as
root, so that `sudo` does not hand a user's file to root).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from blueprint.fileformat.oslock import try_lock

TEMP_SUFFIX = ".saving"
#: The longest file name most file systems allow, in bytes.
NAME_MAX = 255
_RANDOM_CHARS = 8
_TAIL = re.compile(rf"^[0-9a-f]{{{_RANDOM_CHARS}}}{re.escape(TEMP_SUFFIX)}$")


def cut_name(encoded: bytes, room: int) -> bytes:
    """At most `room` bytes of a file name, cut between two UTF-8 characters where it is UTF-8."""
    if len(encoded) <= room:
        return encoded
    cut = encoded[:room]
    end = len(cut)
    while end > 0 and cut[end - 1] & 0xC0 == 0x80:  # continuation bytes of a cut character
        end -= 1
    if end > 0 and cut[end - 1] >= 0xC0:  # the lead byte of that character
        lead = cut[end - 1]
        width = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        if len(cut) - (end - 1) < width:
            return cut[: end - 1]
    return cut


def temp_prefix(name: str) -> str:
    """The start of every temporary name for the file `name`: `.NAME.`, or a cut name and a hash."""
    encoded = os.fsencode(name)
    room = NAME_MAX - 2 - _RANDOM_CHARS - len(TEMP_SUFFIX)
    if len(encoded) <= room:
        return f".{name}."
    digest = hashlib.sha256(encoded).hexdigest()[:8]
    return f".{os.fsdecode(cut_name(encoded, room - 9))}~{digest}."


def is_temp_of(entry_name: str, name: str) -> bool:
    """True when `entry_name` is one of this program's temporary names for the file `name`."""
    prefix = temp_prefix(name)
    return entry_name.startswith(prefix) and bool(_TAIL.match(entry_name[len(prefix) :]))


def remove_stale_temps(target: Path) -> list[str]:
    """Remove the temporary files that dead processes left while saving `target`; their names.

    A temporary file that some live process is writing is locked, and stays.
    """
    folder = target.parent if str(target.parent) else Path(".")
    removed: list[str] = []
    try:
        entries = [entry.name for entry in os.scandir(folder) if is_temp_of(entry.name, target.name)]
    except OSError:
        return removed
    for entry_name in entries:
        if _remove_if_stale(folder / entry_name):
            removed.append(entry_name)
    return removed


_ANY_TEMP = re.compile(rf"^\..+\.[0-9a-f]{{{_RANDOM_CHARS}}}{re.escape(TEMP_SUFFIX)}$")


def remove_stale_temps_in(folder: Path) -> list[str]:
    """Remove every stale temporary file of this program in `folder` (a folder only it writes to)."""
    try:
        names = [entry.name for entry in os.scandir(folder) if _ANY_TEMP.match(entry.name)]
    except OSError:
        return []
    return [name for name in names if _remove_if_stale(folder / name)]


def _remove_if_stale(path: Path) -> bool:
    """Remove `path` if no live process holds its lock (a regular file only, never through a link)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode) and try_lock(fd):
            os.unlink(path)
            return True
    except OSError:
        pass
    finally:
        os.close(fd)
    return False


def _write_all(handle: BinaryIO, data: bytes) -> None:
    """The one place bytes reach the operating system (tests replace it to simulate a full disk)."""
    handle.write(data)
    handle.flush()


def sync_path(path: Path) -> None:
    """Make `path`'s content durable (a file's bytes, a folder's renames) where the platform allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make renames in `folder` durable where the platform allows it."""
    sync_path(folder)


def real_target(path: str | Path) -> Path:
    """Saving through a symbolic link writes the file it points to, and keeps the link."""
    target = Path(path)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    """A new, locked, private temporary file next to the target."""
    prefix = temp_prefix(name)
    for _ in range(100):
        temp = folder / f"{prefix}{secrets.token_hex(_RANDOM_CHARS // 2)}{TEMP_SUFFIX}"
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        except FileExistsError:
            continue
        try_lock(fd)  # held until the rename is done: a live save's temporary file is never removed
        return fd, temp
    raise FileExistsError(f"no free temporary name for {name}")


def _keep_owner(fd: int, old: os.stat_result | None) -> None:
    """Give the new file the old file's group (and owner, when running as root); best effort."""
    if old is None or not hasattr(os, "fchown"):
        return
    new = os.fstat(fd)
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    uid = old.st_uid if root and old.st_uid != new.st_uid else -1
    gid = old.st_gid if old.st_gid != new.st_gid else -1
    if uid != -1 or gid != -1:
        with contextlib.suppress(OSError):  # not a member of that group: the file gets ours
            os.fchown(fd, uid, gid)


def write_atomically(
    path: str | Path,
    data: bytes,
    before_replace: Callable[[Path], None] | None = None,
    *,
    private: bool = False,
    durable: bool = True,
) -> os.stat_result:
    """Write `data` to `path` so that a crash or a failed write leaves the old file intact.

    The target's permission bits, group and (as root) owner are kept; a new file gets the mode the
    user's umask gives, or 0600 when `private`. `before_replace(target)` runs once the new bytes are
    safely on disk, just before the rename (the check for another program's change and the backup
    happen there, so a failed write leaves both alone). Returns the new file's status.

    Not `durable`: the bytes and the rename reach the operating system (a killed process loses
    nothing) but not yet the disk; the caller fsyncs the file and its folder later (recovery copies
    do, on a worker thread, so that the editor's thread never waits for the disk).
    """
    target = real_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        old: os.stat_result | None = target.stat()
        mode = old.st_mode & 0o7777
    except FileNotFoundError:  # a new file gets what the user's umask gives
        old, mode = None, 0o666 & ~current_umask()
    if private:
        mode = 0o600
    remove_stale_temps(target)
    fd, temp = _create_temp(folder, target.name)
    try:
        with os.fdopen(os.dup(fd), "wb") as handle:
            _write_all(handle, data)
            if durable:
                os.fsync(handle.fileno())
        _keep_owner(fd, None if private else old)
        os.chmod(temp, mode)  # after the owner: changing it clears set-id bits
        info = os.fstat(fd)
        if before_replace is not None:
            before_replace(target)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    finally:
        os.close(fd)
    if durable:
        sync_folder(folder)
    return info
