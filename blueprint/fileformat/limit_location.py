"""Where in a file a limit broke while parsing: the JSON path of the first offending value.

Only used on the error path, so it may parse the text a second time.
"""

from __future__ import annotations

import json
from typing import Any

from blueprint.fileformat.limits import MAX_KEY_CHARS, MAX_NUMBER, MAX_STRING_CHARS

_FLAG = object()  # stands in for a value that breaks a parse-time limit, so its path can be found


def locate_flagged(text: str) -> str:
    """JSON path (e.g. `cards[3].duration_minutes`) of the first value that breaks a parse-time limit.

    Only called on the error path: the text is parsed again, leniently, with each offending value (NaN,
    a huge number, an over-long string, a repeated or over-long key) replaced by a marker, then walked.
    """

    def number(text: str, convert: Any) -> Any:
        if len(text.lstrip("-")) > 400:
            return _FLAG
        value = convert(text)
        return value if abs(value) <= MAX_NUMBER else _FLAG

    def obj(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            too_long = type(value) is str and len(value) > MAX_STRING_CHARS
            if key in out or len(key) > MAX_KEY_CHARS or too_long:
                value = _FLAG
            elif type(value) is list:
                value = [_FLAG if type(v) is str and len(v) > MAX_STRING_CHARS else v for v in value]
            out[key if len(key) <= MAX_KEY_CHARS else key[:20]] = value
        return out

    try:
        value = json.loads(
            text,
            parse_constant=lambda name: _FLAG,
            parse_float=lambda t: number(t, float),
            parse_int=lambda t: number(t, int),
            object_pairs_hook=obj,
        )
    except (ValueError, RecursionError):
        return ""
    return _path_of_flag(value, "") or ""


def _path_of_flag(value: Any, path: str) -> str | None:
    if value is _FLAG:
        return path
    if type(value) is dict:
        for key, item in value.items():
            found = _path_of_flag(item, f"{path}.{key}" if path else key)
            if found is not None:
                return found
    elif type(value) is list:
        for index, item in enumerate(value):
            found = _path_of_flag(item, f"{path}[{index}]")
            if found is not None:
                return found
    return None
