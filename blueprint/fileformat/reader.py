"""Reading `.blueprint` files: every way a file can be wrong ends in one `BlueprintFileError`."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from blueprint.fileformat.encoding import decode
from blueprint.fileformat.errors import BlueprintFileError
from blueprint.fileformat.jsontext import parse_json, too_large
from blueprint.fileformat.limits import MAX_COUNTS, MAX_FILE_BYTES
from blueprint.fileformat.messages import first_problem, shown
from blueprint.fileformat.migrations import OLDEST_VERSION, migrate
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


def _check_counts(raw: dict[str, Any]) -> None:
    counts = {name: len(raw[name]) for name in MAX_COUNTS if isinstance(raw.get(name), list)}
    stages = raw.get("stages")
    if isinstance(stages, list):
        counts["steps"] = sum(
            len(s["steps"]) for s in stages if isinstance(s, dict) and isinstance(s.get("steps"), list)
        )
    for name, count in counts.items():
        if count > MAX_COUNTS[name]:
            raise BlueprintFileError(
                f"too many {name} ({count}; this program opens at most {MAX_COUNTS[name]})",
                path=name if name != "steps" else "stages",
                code="too-many",
            )


def from_raw(raw: Any) -> Blueprint:
    """A validated `Blueprint` from parsed JSON (migrating older versions first)."""
    version = _check_header(raw)
    _check_counts(raw)
    raw = migrate(raw, version)
    try:
        return Blueprint.model_validate(raw)
    except ValidationError as error:
        path, code, message = first_problem(error)
        raise BlueprintFileError(message, path=path, code=code) from None


def loads(text: str | bytes, *, file: str | None = None) -> Blueprint:
    """Parse the text of a `.blueprint` file. Errors name `file` when given."""
    try:
        text = decode(text) if isinstance(text, bytes) else text
        if not text.strip(" \t\r\n\ufeff"):
            raise BlueprintFileError("the file is empty", code="empty")
        return from_raw(parse_json(text))
    except BlueprintFileError as error:
        raise error.with_file(file) if file else error from None


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a regular file of at most the size limit (a pipe or device is never read)."""
    name = str(path)
    try:
        info = Path(path).stat()
        if stat.S_ISDIR(info.st_mode):
            raise BlueprintFileError("is a folder, not a file", file=name, code="not-a-file")
        if not stat.S_ISREG(info.st_mode):
            raise BlueprintFileError("is not a regular file", file=name, code="not-a-file")
        if info.st_size > MAX_FILE_BYTES:
            raise BlueprintFileError(
                f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB "
                f"({info.st_size // (1024 * 1024)} MB)",
                file=name,
                code="too-large",
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may grow after stat
    except FileNotFoundError:
        raise BlueprintFileError("no such file", file=name, code="not-found") from None
    except OSError as error:
        raise BlueprintFileError(
            f"cannot read: {error.strerror or error}", file=name, code="unreadable"
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise too_large("file").with_file(name)
    return data


def load(path: str | Path) -> Blueprint:
    """Read and validate a `.blueprint` file."""
    return loads(read_bytes(path), file=str(path))
