"""The folder of recovery copies: writing one document's copy while it is edited, and finding, at
start-up, the copies that editors which died left behind.

One document's copy (`copy.py` describes the files): its base is written once (when the document
first has unsaved changes, from the text it was opened or saved as, so that nothing has to be turned
into text while the designer edits) and again now and then from a full copy; each edit is appended to
the journal at once. `publish` writes the envelope that makes base and journal a copy; `withdraw`
removes it when nothing is unsaved any more.

The folder is private (0700, files 0600: they hold the designer's work) and is read as untrusted input
at start-up: whatever it holds, `scan` never raises. A copy that cannot be read is moved to the
`set-aside` folder inside it, where the designer can find it, and is reported once; leftovers of the
program's own (stale temporary files, locks and data files of no copy) are removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import threading
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from blueprint.fileformat import DiskState, write_atomically
from blueprint.fileformat.atomic import remove_stale_temps_in, sync_folder, sync_path
from blueprint.recovery.copy import (
    ENVELOPE_FORMAT,
    ENVELOPE_VERSION,
    SUFFIX,
    RecoveryCopy,
    UnreadableCopy,
    file_time,
    guess_name,
    read_envelope,
)
from blueprint.recovery.lock import Claim, FileLock

_KEY = re.compile(r"^[A-Za-z0-9-]{1,64}$")
_DATA = re.compile(r"^(?P<key>[A-Za-z0-9-]{1,64})\.(?P<generation>[0-9]{1,9})\.(?P<kind>base|journal)$")
SET_ASIDE = "set-aside"


def new_key() -> str:
    """A fresh key for one editing session of one document."""
    return uuid.uuid4().hex


def make_private_folder(folder: Path) -> None:
    """Create `folder` (0700), or take away the access of others from a folder of ours that has it."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        info = folder.stat()
        if info.st_mode & 0o077 and (not hasattr(os, "getuid") or info.st_uid == os.getuid()):
            os.chmod(folder, stat.S_IMODE(info.st_mode) & 0o700)


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def _process_alive(pid: int | None) -> bool:
    if pid is None or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError, ValueError):
        return False  # no such process (or a number that cannot be one)
    except OSError:
        return True  # another user's live process
    return True


@dataclass(frozen=True)
class SetAside:
    """A recovery copy that could not be read, moved where the designer can find it."""

    name: str
    saved_at: datetime | None
    reason: str
    moved_to: Path | None


@dataclass
class Scan:
    """What `RecoveryStore.scan` found: copies to offer and copies set aside."""

    copies: list[RecoveryCopy] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)


class RecoveryStore:
    """Recovery copies in one folder (the per-user application data folder, in the editor)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        #: The editor writes copies on a worker thread while its own thread may scan or remove.
        self._mutex = threading.RLock()
        self._locks: dict[str, FileLock] = {}
        #: Keys this store writes copies for (a live document of this process): never offered or cleaned.
        self._own: set[str] = set()

    # --- names ------------------------------------------------------------------------------------

    def _check_key(self, key: str) -> str:
        if not _KEY.match(key):
            raise ValueError(f"not a recovery key: {key!r}")
        return key

    def envelope_path(self, key: str) -> Path:
        return self.folder / f"{self._check_key(key)}{SUFFIX}"

    def base_path(self, key: str, generation: int) -> Path:
        return self.folder / f"{self._check_key(key)}.{generation}.base"

    def journal_path(self, key: str, generation: int) -> Path:
        return self.folder / f"{self._check_key(key)}.{generation}.journal"

    def _lock(self, key: str) -> FileLock:
        with self._mutex:
            return self._locks.setdefault(key, FileLock(self.folder / f"{key}.lock"))

    # --- writing one document's copy --------------------------------------------------------------

    def prepare(self, key: str) -> None:
        """Make the folder (private) and hold the key's lock: from now on the copy is this process's."""
        self._check_key(key)
        make_private_folder(self.folder)
        with self._mutex:
            self._own.add(key)
            self._lock(key).acquire()

    def write_base(self, key: str, generation: int, data: bytes, *, durable: bool = True) -> Path:
        """Write a base (atomically, privately). Only input and output: safe on a worker thread.

        Not `durable`: on the operating system at once, on the disk after `sync`."""
        path = self.base_path(key, generation)
        write_atomically(path, data, private=True, durable=durable)
        return path

    def sync(self, key: str, generation: int) -> None:
        """Flush a generation's files and the folder to the disk (after writes that were not durable)."""
        for path in (
            self.base_path(key, generation),
            self.journal_path(key, generation),
            self.envelope_path(key),
        ):
            sync_path(path)
        sync_folder(self.folder)

    def open_journal(self, key: str, generation: int, *, keep_bytes: int = 0) -> int:
        """A descriptor to append journal lines to (the first `keep_bytes` are kept, the rest cut)."""
        path = self.journal_path(key, generation)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            os.ftruncate(fd, keep_bytes)
        except OSError:
            os.close(fd)
            raise
        return fd

    def publish(
        self,
        key: str,
        generation: int,
        original_path: str | Path | None,
        *,
        disk: DiskState | None = None,
        now: datetime | None = None,
        durable: bool = True,
    ) -> Path:
        """Write the envelope naming base and journal of `generation`, and drop older generations.

        Raises OSError when the disk refuses (the caller keeps the document and tries again later).
        """
        self.prepare(key)
        envelope = self.envelope_path(key)
        payload = {
            "format": ENVELOPE_FORMAT,
            "version": ENVELOPE_VERSION,
            "original_path": str(original_path) if original_path is not None else None,
            "saved_at": (now or datetime.now(UTC)).isoformat(),
            "pid": os.getpid(),
            "generation": generation,
            "base": self.base_path(key, generation).name,
            "journal": self.journal_path(key, generation).name,
            "disk": asdict(disk) if disk is not None else None,
        }
        # ASCII, so that a file name that is not UTF-8 (kept as surrogate escapes) round-trips.
        write_atomically(envelope, json.dumps(payload).encode("ascii"), private=True, durable=durable)
        self._drop_generations(key, below=generation)
        return envelope

    def withdraw(self, key: str) -> None:
        """Nothing is unsaved any more: remove the envelope (base and journal stay for reuse)."""
        with contextlib.suppress(OSError, ValueError):
            self.envelope_path(key).unlink()

    def _drop_generations(self, key: str, below: int | None = None) -> None:
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.folder):
                match = _DATA.match(entry.name)
                if match and match["key"] == key and (below is None or int(match["generation"]) < below):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)

    def write(
        self, key: str, original_path: str | Path | None, text: str, *, now: datetime | None = None
    ) -> Path:
        """Write a whole copy of one document at once (a base and an empty journal); returns the envelope."""
        self.prepare(key)
        generation = self._next_generation(key)
        self.write_base(key, generation, text.encode("utf-8"))
        os.close(self.open_journal(key, generation))
        return self.publish(key, generation, original_path, now=now)

    def _next_generation(self, key: str) -> int:
        highest = 0
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.folder):
                match = _DATA.match(entry.name)
                if match and match["key"] == key:
                    highest = max(highest, int(match["generation"]))
        return highest + 1

    def remove(self, key: str) -> None:
        """Forget the copy of one document (after a save, or a clean close)."""
        self.withdraw(key)
        self._drop_generations(key)
        with self._mutex:
            self._own.discard(key)
            lock = self._locks.pop(key, None) or FileLock(self.folder / f"{key}.lock")
            lock.release(delete=True)

    def remove_copy(self, copy: RecoveryCopy) -> None:
        """Forget a copy found on disk, whatever its files are called."""
        for path in copy.files:
            with contextlib.suppress(OSError):
                path.unlink()
        if _KEY.match(copy.key):
            self.remove(copy.key)
        else:
            lock = self._locks.pop(copy.key, None) or FileLock(self.folder / f"{copy.key}.lock")
            lock.release(delete=True)

    def release_all(self) -> None:
        """Let go of every lock this store holds, deleting nothing (used when a process hands over)."""
        with self._mutex:
            for lock in self._locks.values():
                lock.release()
            self._locks.clear()
            self._own.clear()

    # --- finding copies ---------------------------------------------------------------------------

    def _entries(self) -> list[os.DirEntry[str]]:
        try:
            return list(os.scandir(self.folder))
        except OSError:  # no folder yet, or one that cannot be read: nothing to offer
            return []

    def copies(self) -> list[RecoveryCopy]:
        """Every readable copy in the folder, newest first (nothing is moved or removed)."""
        found = []
        for entry in self._entries():
            if entry.name.endswith(SUFFIX):
                with contextlib.suppress(UnreadableCopy, OSError):
                    copy = read_envelope(Path(entry.path))
                    if copy.base is None or _is_file(copy.base):
                        found.append(copy)
        return sorted(found, key=lambda c: c.saved_at, reverse=True)

    def _owned_elsewhere(self, key: str, pid: int | None) -> bool:
        """True when a live editor holds the copy `key`; otherwise this store claims it."""
        claim = self._lock(key).claim()
        if claim is Claim.UNKNOWN:  # a lock that cannot be opened: ask whether its writer is alive
            return pid != os.getpid() and _process_alive(pid)
        return claim is Claim.HELD

    def _let_go(self, key: str) -> None:
        """Release (and delete) the lock this store claimed for a copy it no longer keeps."""
        with self._mutex:
            lock = self._locks.pop(key, None)
        if lock is not None:
            lock.release(delete=True)

    def scan(self) -> Scan:
        """Copies left by editors that are no longer running (newest first), and copies set aside.

        Claiming a copy's lock makes it this process's: a second editor started at the same time will
        not offer it again. Copies that cannot be read are moved to `set-aside`; the program's own
        leftovers that belong to no copy are removed. Never raises.
        """
        with self._mutex:
            return self._scan()

    def _scan(self) -> Scan:
        result = Scan()
        entries = self._entries()
        referenced: set[str] = set()
        found: list[RecoveryCopy] = []
        for entry in entries:
            if not entry.name.endswith(SUFFIX) or entry.name[: -len(SUFFIX)] in self._own:
                continue
            envelope = Path(entry.path)
            key = entry.name[: -len(SUFFIX)]
            try:
                copy = read_envelope(envelope)
            except UnreadableCopy as error:
                if not self._owned_elsewhere(key, None):
                    name, when = guess_name(envelope), file_time(envelope)
                    moved = self._set_aside([envelope], name, when, str(error))
                    result.set_aside.append(moved)
                    self._let_go(key)
                continue
            referenced.update(path.name for path in copy.files)
            if self._owned_elsewhere(key, copy.pid):
                continue
            if copy.base is not None and not _is_file(copy.base):
                reason = "its full copy is missing"
                result.set_aside.append(self._set_aside(copy.files, copy.shown_name, copy.saved_at, reason))
                self._let_go(key)
                continue
            found.append(copy)
        # A sync tool's duplicate of an envelope names the same files: offer only the newest of them.
        found.sort(key=lambda c: (c.saved_at, _KEY.match(c.key) is not None), reverse=True)
        offered: set[str] = set()
        for copy in found:
            shared = copy.base.name if copy.base is not None else None
            if shared is not None and shared in offered:
                reason = "it duplicates another copy"
                result.set_aside.append(
                    self._set_aside([copy.envelope], copy.shown_name, copy.saved_at, reason)
                )
                self._let_go(copy.key)
                continue
            if shared is not None:
                offered.add(shared)
            result.copies.append(copy)
        self._remove_leftovers(entries, referenced)
        return result

    def orphans(self) -> list[RecoveryCopy]:
        """Copies left by editors that are no longer running (crashed or killed), newest first."""
        return self.scan().copies

    def _remove_leftovers(self, entries: list[os.DirEntry[str]], referenced: set[str]) -> None:
        """Data files and locks of no copy, and stale temporary files, that dead editors of ours left.

        A key's files go only when its lock can be taken (no live editor is using them).
        """
        envelopes = {e.name[: -len(SUFFIX)] for e in entries if e.name.endswith(SUFFIX)}
        leftovers: dict[str, list[str]] = {}
        for entry in entries:
            match = _DATA.match(entry.name)
            if match and entry.name not in referenced:
                leftovers.setdefault(match["key"], []).append(entry.path)
            elif (
                entry.name.endswith(".lock")
                and _KEY.match(key := entry.name[: -len(".lock")])
                and key not in envelopes
            ):
                leftovers.setdefault(key, [])
        for key, paths in leftovers.items():
            if key in self._own or (key in self._locks and self._locks[key].held):
                continue
            lock = self._lock(key)
            if lock.claim() is not Claim.TAKEN:
                self._locks.pop(key, None)
                continue
            for path in paths:
                with contextlib.suppress(OSError):
                    os.unlink(path)
            self._let_go(key)
        remove_stale_temps_in(self.folder)

    def set_aside_copy(self, copy: RecoveryCopy, reason: str) -> SetAside:
        """Move a copy that turned out unreadable (or only partly readable) to `set-aside`."""
        moved = self._set_aside(copy.files, copy.shown_name, copy.saved_at, reason)
        self._own.discard(copy.key)
        self._let_go(copy.key)
        return moved

    def _set_aside(self, files: list[Path], name: str, saved_at: datetime | None, reason: str) -> SetAside:
        """Move the files of a copy that cannot be read into `set-aside/` (kept, never deleted)."""
        folder = self.folder / SET_ASIDE
        moved_to: Path | None = None
        try:
            make_private_folder(folder)
            for path in files:
                if not os.path.lexists(path):
                    continue
                target = folder / path.name
                number = 1
                while os.path.lexists(target):
                    number += 1
                    target = folder / f"{path.name}.{number}"
                os.replace(path, target)
                moved_to = folder
        except OSError:
            moved_to = None  # it stays where it is: it will be reported again at the next start
        return SetAside(name, saved_at, reason, moved_to)
