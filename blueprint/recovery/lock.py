"""An exclusive lock on a file that the operating system releases when its process dies (even by SIGKILL).

A recovery copy belongs to a running editor while its lock is held; a copy whose lock can be taken was
left by an editor that is gone. Unlike a process id in the file, this cannot be fooled by pid reuse.

The lock file lives in the recovery folder, which is untrusted like any input: it may be a folder, a
link, owned by root (left by `sudo blueprint`), or in a folder this user cannot write. Nothing here
raises: `claim` says whether the lock was taken, is held elsewhere, or cannot be told.
"""

from __future__ import annotations

import contextlib
import enum
import os
from pathlib import Path

from blueprint.fileformat.oslock import try_lock


class Claim(enum.Enum):
    TAKEN = "taken"  # this process holds the lock now
    HELD = "held"  # another live process holds it
    UNKNOWN = "unknown"  # the lock file cannot be opened: ask something else (the process id)


class FileLock:
    """Holds the lock on `path` from `claim()` (or `acquire()`) until `release()` or the process ends."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def _open(self) -> int | None:
        nofollow = getattr(os, "O_NOFOLLOW", 0)
        with contextlib.suppress(OSError):
            return os.open(self.path, os.O_RDWR | os.O_CREAT | nofollow, 0o600)
        with contextlib.suppress(OSError):  # flock needs no write access: a root-owned 0644 lock
            return os.open(self.path, os.O_RDONLY | nofollow | getattr(os, "O_NONBLOCK", 0))
        return None

    def claim(self) -> Claim:
        """Take the lock without waiting, and say how it went."""
        if self._fd is not None:
            return Claim.TAKEN
        fd = self._open()
        if fd is None:
            return Claim.UNKNOWN
        if try_lock(fd):
            self._fd = fd
            return Claim.TAKEN
        os.close(fd)
        return Claim.HELD

    def acquire(self) -> bool:
        """Take the lock without waiting; False when it is held elsewhere or cannot be opened."""
        return self.claim() is Claim.TAKEN

    def release(self, *, delete: bool = False) -> None:
        if delete:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
