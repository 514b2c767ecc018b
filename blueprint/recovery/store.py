"""The folder of recovery copies: one JSON envelope per open document with unsaved changes.

An envelope holds the document's path (None for an untitled document), when the copy was written, and the
document's full `.blueprint` text. It is written atomically, so a crash while writing leaves the
previous copy. Envelopes are read as untrusted input: the document text goes through the same reader,
with the same limits, as any file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from blueprint.fileformat import BlueprintFileError, loads, write_atomically
from blueprint.fileformat.limits import MAX_FILE_BYTES
from blueprint.model import Blueprint
from blueprint.recovery.lock import FileLock

ENVELOPE_FORMAT = "service-blueprint-recovery"
ENVELOPE_VERSION = 1
_SUFFIX = ".recovery.json"
_KEY = re.compile(r"^[A-Za-z0-9-]{1,64}$")
# The document text is escaped inside the envelope (quotes, newlines): allow for that.
_MAX_ENVELOPE_BYTES = 2 * MAX_FILE_BYTES + 65_536


def new_key() -> str:
    """A fresh key for one editing session of one document."""
    return uuid.uuid4().hex


@dataclass(frozen=True)
class RecoveryCopy:
    """One recovery copy found on disk."""

    key: str
    envelope: Path
    original_path: Path | None
    saved_at: datetime
    text: str

    def document(self) -> Blueprint:
        """The recovered document; raises `BlueprintFileError` if the copy is damaged."""
        return loads(self.text, file=str(self.original_path or self.envelope))

    @property
    def shown_name(self) -> str:
        return self.original_path.name if self.original_path else "Untitled blueprint"


class RecoveryStore:
    """Recovery copies in one folder (the per-user application data folder, in the editor)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self._locks: dict[str, FileLock] = {}

    def _envelope(self, key: str) -> Path:
        if not _KEY.match(key):
            raise ValueError(f"not a recovery key: {key!r}")
        return self.folder / f"{key}{_SUFFIX}"

    def _lock(self, key: str) -> FileLock:
        return self._locks.setdefault(key, FileLock(self.folder / f"{key}.lock"))

    def write(
        self, key: str, original_path: str | Path | None, text: str, *, now: datetime | None = None
    ) -> Path:
        """Write (or replace) the copy of one document; this process holds it until `remove`.

        Raises OSError when the disk refuses (the caller keeps the document and tries again later).
        """
        envelope = self._envelope(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock(key).acquire()
        payload = {
            "format": ENVELOPE_FORMAT,
            "version": ENVELOPE_VERSION,
            "original_path": str(original_path) if original_path is not None else None,
            "saved_at": (now or datetime.now(UTC)).isoformat(),
            "pid": os.getpid(),
            "document": text,
        }
        write_atomically(envelope, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        return envelope

    def remove(self, key: str) -> None:
        """Forget the copy of one document (after a save, or a clean close)."""
        with contextlib.suppress(OSError):
            self._envelope(key).unlink()
        lock = self._locks.pop(key, None) or FileLock(self.folder / f"{key}.lock")
        lock.release(delete=True)

    def copies(self) -> list[RecoveryCopy]:
        """Every readable copy in the folder, newest first (damaged envelopes are left out)."""
        found = []
        for envelope in sorted(self.folder.glob(f"*{_SUFFIX}")):
            copy = read_envelope(envelope)
            if copy is not None:
                found.append(copy)
        return sorted(found, key=lambda c: c.saved_at, reverse=True)

    def orphans(self) -> list[RecoveryCopy]:
        """Copies left by editors that are no longer running (crashed or killed), newest first.

        Taking a copy's lock marks it as this process's: a second editor started at the same time will
        not offer it again.
        """
        found = []
        for copy in self.copies():
            lock = self._lock(copy.key)
            if not lock.held and lock.acquire():
                found.append(copy)
        return found

    def release_all(self) -> None:
        """Let go of every lock this store holds, deleting nothing (used when a process hands over)."""
        for lock in self._locks.values():
            lock.release()
        self._locks.clear()


def read_envelope(envelope: Path) -> RecoveryCopy | None:
    """The copy in one envelope file, or None if it is not a readable envelope."""
    try:
        if envelope.stat().st_size > _MAX_ENVELOPE_BYTES:
            return None
        raw = json.loads(envelope.read_bytes().decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("format") != ENVELOPE_FORMAT:
            return None
        text, original, saved = raw.get("document"), raw.get("original_path"), raw.get("saved_at")
        if not isinstance(text, str) or not isinstance(saved, str) or not isinstance(original, str | None):
            return None
        saved_at = datetime.fromisoformat(saved)
        if saved_at.tzinfo is None:
            saved_at = saved_at.replace(tzinfo=UTC)
    except (OSError, ValueError, RecursionError, BlueprintFileError):
        return None
    key = envelope.name[: -len(_SUFFIX)]
    return RecoveryCopy(key, envelope, Path(original) if original else None, saved_at, text)
