"""JSON text to plain Python values, with every limit that can be checked before or while parsing.

The limits: size, nesting depth and the number of values (a parser given 100,000 nested brackets would
recurse; a 30 MB array of numbers would fill memory), string and key lengths, duplicate keys, NaN,
Infinity and numbers too large to mean anything. A fast path (a C-speed rough count, a parse, one walk
of the result) accepts a plainly good file; anything else goes through the exact path, which checks the
text with its strings cut out before parsing and every object while parsing, and so says where a limit
is broken. Only `json` is used: nothing in a file is ever imported, evaluated or unpickled.
"""

from __future__ import annotations

import json
import re
import sys
from itertools import accumulate
from typing import Any

from blueprint.fileformat.errors import BlueprintFileError
from blueprint.fileformat.limit_location import locate_flagged
from blueprint.fileformat.limits import (
    MAX_KEY_CHARS,
    MAX_NESTING_DEPTH,
    MAX_NUMBER,
    MAX_STRING_CHARS,
    SizeLimits,
    file_limits,
)
from blueprint.fileformat.messages import json_problem

# A string, or an unterminated one up to the end of the text: the closing quote is optional so that a
# failed match never makes the regex engine retry from every later quote (which would be quadratic).
_STRING = re.compile(r'"[^"\\]*+(?:\\.[^"\\]*+)*+"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]++")
_DEPTH_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}
_MAX_DIGITS = len(str(MAX_NUMBER))
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def too_large(what: str = "text", limits: SizeLimits | None = None) -> BlueprintFileError:
    limits = limits or file_limits()
    return BlueprintFileError(f"the {what} is larger than {limits.megabytes} MB", code="too-large")


def too_many_values(limits: SizeLimits | None = None) -> BlueprintFileError:
    limits = limits or file_limits()
    return BlueprintFileError(
        f"too many values (this program opens at most {limits.json_values:,})", code="too-many"
    )


def count_values(text: str) -> int:
    """The JSON values of `text` as the limit counts them: commas and opening brackets outside strings."""
    structure = _STRING.sub("", text) if '"' in text else text
    return structure.count(",") + structure.count("[") + structure.count("{")


def _too_deep(structure: str) -> bool:
    brackets = _NOT_BRACKET.sub("", structure)
    return (
        bool(brackets)
        and max(accumulate(map(_DEPTH_STEP.__getitem__, map(ord, brackets)))) > MAX_NESTING_DEPTH
    )


def _prescan(text: str, limits: SizeLimits | None = None) -> None:
    """Refuse deep nesting and too many values before the parser builds anything.

    Every step is a C-speed scan, or bounded: the nesting of the first 64 KB is checked first (a file
    of nothing but brackets stops there), then values are counted, and only a file within the value
    limit has its full bracket structure walked.
    """
    limits = limits or file_limits()
    structure = _STRING.sub("", text) if '"' in text else text
    head = structure[:65_536]
    if _too_deep(head):
        raise _nested_too_deep()
    values = structure.count(",") + structure.count("[") + structure.count("{")
    if values >= limits.json_values:
        raise too_many_values(limits)
    if len(structure) > len(head) and _too_deep(structure):
        raise _nested_too_deep()


def _nested_too_deep() -> BlueprintFileError:
    return BlueprintFileError(f"JSON is nested more than {MAX_NESTING_DEPTH} levels deep", code="too-deep")


def _reject_constant(name: str) -> float:
    raise BlueprintFileError(f"{name} is not allowed (numbers must be finite)", code="not-finite")


def _number_too_large(text: str) -> BlueprintFileError:
    shown = text if len(text) <= 20 else text[:17] + "..."
    return BlueprintFileError(
        f"number {shown} is too large (at most {MAX_NUMBER:,} either way)", code="not-finite"
    )


def _bounded_float(text: str) -> float:
    value = float(text)
    if not abs(value) <= MAX_NUMBER:  # also catches inf (1e400)
        raise _number_too_large(text)
    return value


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_DIGITS or abs(value := int(text)) > MAX_NUMBER:
        raise _number_too_large(text)
    return value


def _string_too_long(length: int) -> BlueprintFileError:
    return BlueprintFileError(
        f"a text is too long ({length:,} characters; at most {MAX_STRING_CHARS:,})", code="too-long"
    )


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build one JSON object, refusing duplicate keys and over-long keys or strings."""
    for key, value in pairs:
        if len(key) > MAX_KEY_CHARS:
            raise BlueprintFileError(f"a key is too long ({len(key):,} characters)", code="too-long")
        if type(value) is str:
            if len(value) > MAX_STRING_CHARS:
                raise _string_too_long(len(value))
        elif type(value) is list:
            for item in value:
                if type(item) is str and len(item) > MAX_STRING_CHARS:
                    raise _string_too_long(len(item))
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise BlueprintFileError(f"the key '{key}' appears twice in one object", code="duplicate-key")
            seen.add(key)
    return result


def parse_json(text: str, limits: SizeLimits | None = None) -> Any:
    """Plain values (dict, list, str, int, float, bool, None) from JSON text, within the limits.

    A fast path first: a rough value count (commas and brackets inside strings count too, so it is an
    upper bound), a parse whose object hook only refuses duplicate keys, then one walk of the parsed
    value for nesting, string lengths and numbers. Whenever it finds anything amiss (or the rough
    count reaches the limit) the exact path runs from scratch, so every refusal, its code, message and
    path, is the exact path's own.
    """
    limits = limits or file_limits()
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(text) > limits.file_bytes:
        raise too_large(limits=limits)
    value = _fast_parse(text, limits)
    if value is _AMISS:
        value = _exact_parse(text, limits)
    if _SURROGATE_ESCAPE.search(text):  # a lone surrogate parses, but can never be saved or drawn
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise BlueprintFileError(
                "a text holds an invalid character (a lone UTF-16 surrogate escape)", code="not-utf8"
            ) from None
    return value


_AMISS = object()  # the fast path's answer when the exact path must decide


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _fast_parse(text: str, limits: SizeLimits | None = None) -> Any:
    """The parsed value when the text is plainly within every limit, else `_AMISS`.

    The rough count bounds the work: under it, nesting is at most a few million levels and the C parser
    stops at its recursion limit (RecursionError) long before that.
    """
    limits = limits or file_limits()
    if text.count(",") + text.count("[") + text.count("{") >= limits.json_values:
        return _AMISS
    if sys.getrecursionlimit() > 5_000:  # the C parser's depth bound: keep it well inside the C stack
        return _AMISS
    try:
        # numbers are parsed as `json` parses them and checked by the walk: a call into Python per
        # number (`_bounded_int`, `_bounded_float`) cost about 5 ms at 5,000 cards; an integer too
        # long for `int` raises ValueError here, as before
        value = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except (ValueError, RecursionError, BlueprintFileError):
        return _AMISS
    return value if _plainly_within(value) else _AMISS


def _plainly_within(value: Any) -> bool:
    """Nesting, key and string lengths and the size of numbers of a parsed value within the limits
    (a walk, no recursion)."""
    kind = type(value)
    if kind is str:
        return len(value) <= MAX_STRING_CHARS
    if kind is int or kind is float:
        return abs(value) <= MAX_NUMBER  # False for inf and nan too
    level: list[Any] = [value]
    for _ in range(MAX_NESTING_DEPTH):
        inner: list[Any] = []
        for node in level:
            if type(node) is dict:
                if node and max(map(len, node)) > MAX_KEY_CHARS:
                    return False
                items = node.values()
            elif type(node) is list:
                items = node
            else:
                continue
            for item in items:
                kind = type(item)
                if kind is str:
                    if len(item) > MAX_STRING_CHARS:
                        return False
                elif kind is dict or kind is list:
                    inner.append(item)
                elif (kind is int or kind is float) and not abs(item) <= MAX_NUMBER:
                    return False
        if not inner:
            return True
        level = inner
    return False  # containers at depth MAX_NESTING_DEPTH + 1


def _exact_parse(text: str, limits: SizeLimits | None = None) -> Any:
    """The exact path: every limit checked before or while parsing, refusals located in the text."""
    limits = limits or file_limits()
    _prescan(text, limits)
    try:
        value = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_bounded_float,
            parse_int=_bounded_int,
            object_pairs_hook=_object,
        )
    except json.JSONDecodeError as error:
        raise BlueprintFileError(
            f"not valid JSON: {json_problem(error.msg, text, error.pos)}",
            path=f"line {error.lineno}, column {error.colno}",
            code="not-json",
        ) from None
    except BlueprintFileError as error:  # a limit broken while parsing: say where
        raise BlueprintFileError(error.message, path=locate_flagged(text), code=error.code) from None
    except (ValueError, RecursionError) as error:
        raise BlueprintFileError(f"not valid JSON: {error}", code="not-json") from None
    if type(value) is str and len(value) > MAX_STRING_CHARS:
        raise _string_too_long(len(value))
    return value
