"""One recovery copy as found on disk, and reading the document back out of it.

A copy is an envelope, `KEY.recovery.json`: a small JSON object naming the document's file, when it
was last written, the process that wrote it, and two files beside it: the **base**, the full text of
the document as it was at some moment (the file as opened or last saved, or a full copy written
since), and the **journal**, one line per edit made since then (`blueprint.edit.journal`). Reading
loads the base and replays the journal; a journal cut off in the middle of a line (the editor was
killed while writing it) loses only that line.

Version 1 envelopes (written before the journal) hold the document text itself and are still read.

Everything here is read as untrusted input: the envelope is bounded and checked field by field, the
base goes through the file reader (with the larger limits of a recovery copy, because the editor may
hold more than a file may), and journal lines are checked as strictly as the base.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from blueprint.edit.journal import JournalError, ReplayStopped, from_line, replay
from blueprint.fileformat import BlueprintFileError, DiskState, loads
from blueprint.fileformat.limits import RECOVERY_LIMITS
from blueprint.fileformat.ondisk import read_file
from blueprint.model import Blueprint

ENVELOPE_FORMAT = "service-blueprint-recovery"
ENVELOPE_VERSION = 2
SUFFIX = ".recovery.json"
#: A version 2 envelope is a few hundred bytes; a version 1 envelope held a document of up to 32 MB.
MAX_ENVELOPE_BYTES = 2 * 32 * 1024 * 1024 + 65_536
#: The part of a journal read to find the time of the last edit (a line is rarely longer).
_TAIL_BYTES = 256 * 1024
_TIME = re.compile(rb'^\{"t": (-?[0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?)[,}]')
_DATA_NAME = re.compile(r"^[^/\\\x00]{1,200}$")
_EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)


class UnreadableCopy(Exception):
    """Why a recovery copy cannot be read (one plain line), with the file reader's code if it said."""

    def __init__(self, reason: str, code: str = "unreadable-copy") -> None:
        super().__init__(reason)
        self.code = code


def sane_time(value: datetime | None) -> datetime | None:
    """`value` if it is a time the editor can show (within 2000-9000 and convertible to local time)."""
    if value is None:
        return None
    try:
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value.astimezone()
        if not _EARLIEST <= value <= datetime(9000, 1, 1, tzinfo=UTC):
            return None
    except (OverflowError, ValueError, OSError):
        return None
    return value


_ORIGINAL = re.compile(rb'"original_path": ("(?:[^"\\]|\\.){1,8192}")')


def guess_name(envelope: Path) -> str:
    """The document's file name from the start of a damaged envelope, else the envelope's own name."""
    try:
        with open(envelope, "rb") as handle:
            head = handle.read(65_536)
        match = _ORIGINAL.search(head)
        if match:
            name = Path(json.loads(match.group(1))).name
            if name:
                return name
    except (OSError, ValueError, RecursionError):
        pass
    return envelope.name


def file_time(path: Path) -> datetime | None:
    """When `path` was last written, if that can be told."""
    try:
        return _time_from_epoch(path.stat().st_mtime)
    except OSError:
        return None


def _time_from_epoch(seconds: Any) -> datetime | None:
    if not isinstance(seconds, int | float) or isinstance(seconds, bool):
        return None
    try:
        return sane_time(datetime.fromtimestamp(seconds, UTC))
    except (OverflowError, ValueError, OSError):
        return None


def last_edit_time(journal: Path) -> datetime | None:
    """The time on the last whole line of `journal` (read from its end only), if any."""
    try:
        with open(journal, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            handle.seek(max(0, size - _TAIL_BYTES))
            tail = handle.read(_TAIL_BYTES)
    except OSError:
        return None
    lines = tail.split(b"\n")[:-1]  # the part after the last newline is not a whole line
    for line in reversed(lines):
        match = _TIME.match(line)
        if match:
            return _time_from_epoch(float(match.group(1)))
    return None


@dataclass(frozen=True)
class Recovered:
    """What a copy gave back: the document, the base text, and how much of the journal was used."""

    blueprint: Blueprint
    base: bytes
    edits: int
    #: Bytes at the start of the journal that hold the `edits` replayed (a new editor appends after them).
    journal_bytes: int
    #: Why some edits at the end could not be replayed, if any could not.
    problem: str | None = None
    #: The journal lines of the `edits` replayed (a new editor writes them into its own copy).
    lines: tuple[bytes, ...] = ()


@dataclass(frozen=True)
class RecoveryCopy:
    """One recovery copy found on disk."""

    key: str
    envelope: Path
    original_path: Path | None
    saved_at: datetime
    pid: int | None = None
    base: Path | None = None
    journal: Path | None = None
    generation: int | None = None
    disk: DiskState | None = None
    #: The document text of a version 1 envelope.
    text: str | None = None

    @property
    def shown_name(self) -> str:
        return self.original_path.name if self.original_path else "Untitled blueprint"

    @property
    def files(self) -> list[Path]:
        """Every file of this copy (the envelope last: it is what makes the others a copy)."""
        return [path for path in (self.base, self.journal) if path is not None] + [self.envelope]

    def read(self) -> Recovered:
        """The document as it was at the last edit written down; raises `UnreadableCopy` if it is lost."""
        shown = str(self.original_path or self.envelope)
        if self.text is not None:
            base = self.text.encode("utf-8", "surrogatepass")
            return Recovered(self._load(base, shown), base, 0, 0)
        assert self.base is not None and self.journal is not None
        try:
            base, _state = read_file(self.base, RECOVERY_LIMITS)
        except BlueprintFileError as error:
            raise UnreadableCopy(f"its full copy cannot be read ({error.message})", error.code) from None
        blueprint = self._load(base, shown)
        try:
            journal = read_file(self.journal, RECOVERY_LIMITS)[0] if self.journal.exists() else b""
        except BlueprintFileError as error:
            return Recovered(blueprint, base, 0, 0, f"its edits cannot be read ({error.message})")
        lines = journal.split(b"\n")[:-1]  # a last line without its newline was cut off by the kill
        ops, used, problem = [], 0, None
        for number, line in enumerate(lines, 1):
            try:
                ops.append(from_line(line)[0])
            except JournalError as error:
                problem = f"edit {number} of {len(lines)} cannot be read ({error})"
                break
            used += len(line) + 1
        try:
            replay(blueprint, ops)
        except ReplayStopped as stopped:
            problem = f"edit {stopped.applied + 1} of {len(lines)} does not fit ({stopped.reason})"
            ops = ops[: stopped.applied]
            blueprint = self._load(base, shown)  # the failed edit may have half-applied: start again
            replay(blueprint, ops)
            used = sum(len(line) + 1 for line in lines[: len(ops)])
        kept = tuple(line + b"\n" for line in lines[: len(ops)])
        return Recovered(blueprint, base, len(ops), used, problem, kept)

    def document(self) -> Blueprint:
        """The recovered document; raises `BlueprintFileError` if the copy is damaged."""
        try:
            return self.read().blueprint
        except UnreadableCopy as error:
            shown = str(self.original_path or self.envelope)
            raise BlueprintFileError(str(error), file=shown, code=error.code) from None

    @staticmethod
    def _load(base: bytes, shown: str) -> Blueprint:
        try:
            return loads(base, file=shown, limits=RECOVERY_LIMITS)
        except BlueprintFileError as error:
            raise UnreadableCopy(f"its full copy is damaged ({error.one_line()})", error.code) from None


def _original_path(value: Any) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value or "\x00" in value or len(value) > 8192:
        raise UnreadableCopy("it names no valid file")
    return Path(value)


def _data_file(folder: Path, value: Any, what: str) -> Path:
    if not isinstance(value, str) or not _DATA_NAME.match(value) or value in (".", ".."):
        raise UnreadableCopy(f"it names no valid {what} file")
    return folder / value


def _disk_state(value: Any) -> DiskState | None:
    if not isinstance(value, dict):
        return None
    try:
        state = DiskState(**value)
    except TypeError:
        return None
    ints = (state.device, state.inode, state.size, state.mtime_ns, state.recorded_ns)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in ints):
        return None
    if not isinstance(state.real_path, str) or not isinstance(state.sha256, str):
        return None
    return state


def read_envelope(envelope: Path) -> RecoveryCopy:
    """The copy one envelope file describes; raises `UnreadableCopy` saying why it is not one."""
    try:
        if envelope.stat().st_size > MAX_ENVELOPE_BYTES:
            raise UnreadableCopy("it is too large to be a recovery copy")
        raw = json.loads(envelope.read_bytes().decode("utf-8", "surrogatepass"))
    except UnreadableCopy:
        raise
    except OSError as error:
        raise UnreadableCopy(f"it cannot be read ({error.strerror or error})") from None
    except (ValueError, RecursionError):
        raise UnreadableCopy("it is damaged (not JSON)") from None
    if not isinstance(raw, dict) or raw.get("format") != ENVELOPE_FORMAT:
        raise UnreadableCopy("it is not a recovery copy")
    version = raw.get("version")
    key = envelope.name[: -len(SUFFIX)] if envelope.name.endswith(SUFFIX) else envelope.name
    original = _original_path(raw.get("original_path"))
    saved = raw.get("saved_at")
    try:
        saved_at = sane_time(datetime.fromisoformat(saved)) if isinstance(saved, str) else None
    except ValueError:
        saved_at = None
    if saved_at is None:  # out of range or missing: the file's own time says when
        saved_at = file_time(envelope) or datetime.now(UTC)
    pid = raw.get("pid") if isinstance(raw.get("pid"), int) and not isinstance(raw.get("pid"), bool) else None
    if version == 1:
        text = raw.get("document")
        if not isinstance(text, str):
            raise UnreadableCopy("it holds no document")
        return RecoveryCopy(key, envelope, original, saved_at, pid, text=text)
    if version != ENVELOPE_VERSION:
        raise UnreadableCopy(f"it was written by another version of the program (version {version!r})")
    base = _data_file(envelope.parent, raw.get("base"), "full copy")
    journal = _data_file(envelope.parent, raw.get("journal"), "journal")
    generation = raw.get("generation")
    if not isinstance(generation, int) or isinstance(generation, bool):
        generation = None
    last = last_edit_time(journal)
    return RecoveryCopy(
        key,
        envelope,
        original,
        max(saved_at, last) if last else saved_at,
        pid,
        base,
        journal,
        generation,
        _disk_state(raw.get("disk")),
    )
