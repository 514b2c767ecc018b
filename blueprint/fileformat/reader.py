"""Reading `.blueprint` files: every way a file can be wrong ends in one `BlueprintFileError`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from blueprint.fileformat.encoding import decode
from blueprint.fileformat.errors import BlueprintFileError
from blueprint.fileformat.jsontext import parse_json
from blueprint.fileformat.limits import SizeLimits, file_limits
from blueprint.fileformat.messages import first_problem, shown
from blueprint.fileformat.migrations import OLDEST_VERSION, migrate
from blueprint.fileformat.ondisk import DiskState, read_file
from blueprint.fileformat.view_names import ReadingNote, distinct_view_names
from blueprint.model import FORMAT_NAME, FORMAT_VERSION, Blueprint


def _check_header(raw: Any) -> int:
    if not isinstance(raw, dict):
        raise BlueprintFileError(
            "not a service blueprint file (the JSON is not an object)", code="not-blueprint"
        )
    if raw.get("format") != FORMAT_NAME:
        found = raw.get("format")
        what = "has no 'format' field" if found is None else f"format is {str(found)[:60]!r}"
        raise BlueprintFileError(
            f"not a service blueprint file ({what}; expected '{FORMAT_NAME}')",
            path="format",
            code="not-blueprint",
        )
    version = raw.get("version")
    if "version" not in raw:
        raise BlueprintFileError("required field is missing", path="version", code="missing")
    if not isinstance(version, int) or isinstance(version, bool):
        raise BlueprintFileError(
            f"must be a whole number, not {shown(version)}", path="version", code="int_type"
        )
    if version > FORMAT_VERSION:
        raise BlueprintFileError(
            f"made by a newer version of Service Blueprint Studio (file format version {version}; "
            f"this program reads up to version {FORMAT_VERSION}): please update the program",
            path="version",
            code="newer-version",
        )
    if version < OLDEST_VERSION:
        raise BlueprintFileError(f"unknown format version {version}", path="version", code="bad-version")
    return version


def _check_counts(raw: dict[str, Any], limits: SizeLimits) -> None:
    counts = {name: len(raw[name]) for name in limits.counts if isinstance(raw.get(name), list)}
    stages = raw.get("stages")
    if isinstance(stages, list):
        counts["steps"] = sum(
            len(s["steps"]) for s in stages if isinstance(s, dict) and isinstance(s.get("steps"), list)
        )
    for name, count in counts.items():
        if count > limits.counts[name]:
            raise BlueprintFileError(
                f"too many {name} ({count}; this program opens at most {limits.counts[name]})",
                path=name if name != "steps" else "stages",
                code="too-many",
            )


def from_raw(raw: Any, limits: SizeLimits | None = None) -> Blueprint:
    """A validated `Blueprint` from parsed JSON (migrating older versions first)."""
    return _from_raw(raw, limits or file_limits())[0]


def _from_raw(raw: Any, limits: SizeLimits) -> tuple[Blueprint, int, list[ReadingNote]]:
    """The validated `Blueprint`, the format version the JSON was written in (before migrating), and
    notes on what reading changed (a view under the name of an earlier one is renamed)."""
    version = _check_header(raw)
    _check_counts(raw, limits)
    migrated = migrate(raw, version)
    try:
        blueprint = Blueprint.model_validate(migrated)
    except ValidationError as error:
        path, code, message = first_problem(error)
        raise BlueprintFileError(message, path=path, code=code) from None
    return blueprint, version, distinct_view_names(blueprint)


def loads(text: str | bytes, *, file: str | None = None, limits: SizeLimits | None = None) -> Blueprint:
    """Parse the text of a `.blueprint` file. Errors name `file` when given.

    `limits` are those of a file unless told otherwise (a recovery copy may hold more).
    """
    return _loads(text, file, limits or file_limits())[0]


def loads_noted(
    text: str | bytes, *, file: str | None = None, limits: SizeLimits | None = None
) -> tuple[Blueprint, tuple[ReadingNote, ...]]:
    """As `loads`, with the notes on what reading changed (each naming `file` when given), for a
    reader that tells its user, as the editor and the command line do."""
    blueprint, _version, notes = _loads(text, file, limits or file_limits())
    return blueprint, tuple(note.with_file(file) if file else note for note in notes)


def _loads(
    text: str | bytes, file: str | None, limits: SizeLimits
) -> tuple[Blueprint, int, list[ReadingNote]]:
    try:
        text = decode(text, limits) if isinstance(text, bytes) else text
        if not text.strip(" \t\r\n\ufeff"):
            raise BlueprintFileError("the file is empty", code="empty")
        return _from_raw(parse_json(text, limits), limits)
    except BlueprintFileError as error:
        raise error.with_file(file) if file else error from None


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file of at most the size limit (a pipe or device is never read)."""
    return read_file(path)[0]


@dataclass(frozen=True)
class Loaded:
    """A file read from disk: the document, the bytes it was read from, and the file's state then.

    `version` is the format version the file was written in: older than `FORMAT_VERSION` when the
    document was migrated on reading, so saving it will write a version older programs cannot open.
    `notes` say what reading changed (a repeated view name), each naming the file, to be shown once.
    """

    blueprint: Blueprint
    data: bytes
    state: DiskState
    version: int = FORMAT_VERSION
    notes: tuple[ReadingNote, ...] = ()

    @property
    def migrated(self) -> bool:
        return self.version < FORMAT_VERSION


def load_file(path: str | Path) -> Loaded:
    """Read and validate a `.blueprint` file, keeping what Save and crash recovery need to know."""
    data, state = read_file(path)
    blueprint, version, notes = _loads(data, str(path), file_limits())
    return Loaded(blueprint, data, state, version, tuple(note.with_file(str(path)) for note in notes))


def load(path: str | Path) -> Blueprint:
    """Read and validate a `.blueprint` file."""
    return loads(read_bytes(path), file=str(path))
