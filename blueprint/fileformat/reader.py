"""Reading `.blueprint` files: every way a file can be wrong ends in one `BlueprintFileError`."""

from __future__ import annotations

import json
import math
import re
from itertools import accumulate
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from blueprint.fileformat.errors import BlueprintFileError
from blueprint.fileformat.limits import MAX_COUNTS, MAX_FILE_BYTES, MAX_NESTING_DEPTH
from blueprint.fileformat.messages import first_problem
from blueprint.fileformat.migrations import OLDEST_VERSION, migrate
from blueprint.model import FORMAT_NAME, FORMAT_VERSION, Blueprint

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _reject_constant(name: str) -> float:
    raise BlueprintFileError(f"{name} is not allowed (numbers must be finite)", code="not-finite")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise BlueprintFileError(f"number {text[:40]} is too large", code="not-finite")
    return value


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise BlueprintFileError(f"the key '{key}' appears twice in one object", code="duplicate-key")
            seen.add(key)
    return result


def _check_nesting(text: str) -> None:
    """Refuse deep nesting before parsing (the parser would recurse on it)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if brackets and max(accumulate(_DEPTH_STEP[c] for c in brackets)) > MAX_NESTING_DEPTH:
        raise BlueprintFileError(f"JSON is nested more than {MAX_NESTING_DEPTH} levels deep", code="too-deep")


def _parse_json(text: str) -> Any:
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text) > MAX_FILE_BYTES:
        raise BlueprintFileError(
            f"the text is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", code="too-large"
        )
    _check_nesting(text)
    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
            object_pairs_hook=_no_duplicate_keys,
        )
    except json.JSONDecodeError as error:
        raise BlueprintFileError(
            f"not valid JSON: {error.msg}", path=f"line {error.lineno}, column {error.colno}", code="not-json"
        ) from None
    except (ValueError, RecursionError) as error:  # e.g. an integer with thousands of digits
        raise BlueprintFileError(f"not valid JSON: {error}", code="not-json") from None


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
            f"must be a whole number, not {str(version)[:60]!r}", path="version", code="int_type"
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
        if isinstance(text, bytes):
            if len(text) > MAX_FILE_BYTES:
                raise BlueprintFileError(
                    f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", code="too-large"
                )
            try:
                text = text.decode("utf-8")
            except UnicodeDecodeError as error:
                raise BlueprintFileError(
                    f"not UTF-8 text (bad byte at position {error.start})", code="not-utf8"
                ) from None
        return from_raw(_parse_json(text))
    except BlueprintFileError as error:
        raise error.with_file(file) if file else error from None


def load(path: str | Path) -> Blueprint:
    """Read and validate a `.blueprint` file."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise BlueprintFileError(
                f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB ({size // (1024 * 1024)} MB)",
                file=name,
                code="too-large",
            )
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise BlueprintFileError("no such file", file=name, code="not-found") from None
    except IsADirectoryError:
        raise BlueprintFileError("is a folder, not a file", file=name, code="not-a-file") from None
    except OSError as error:
        raise BlueprintFileError(
            f"cannot read: {error.strerror or error}", file=name, code="unreadable"
        ) from None
    return loads(data, file=name)
