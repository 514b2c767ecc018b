"""An exclusive lock on a file that the operating system releases when its process dies (even by SIGKILL).

A recovery copy belongs to a running editor while its lock is held; a copy whose lock can be taken was
left by an editor that is gone. Unlike a process id in the file, this cannot be fooled by pid reuse.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True


class FileLock:
    """Holds the lock on `path` from `acquire()` until `release()` or the end of the process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process (or open file) holds it."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if _try_lock(fd):
            self._fd = fd
            return True
        os.close(fd)
        return False

    def release(self, *, delete: bool = False) -> None:
        if delete:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
