"""Turn pydantic's validation errors into one plain-English message with a JSON path."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

_FIELD = re.compile(r"^(\$schema|[a-z][a-z_]*)$")
_UNION_TAGS = frozenset({"int", "float", "str", "none", "bool", "list", "dict"})
_TYPE_WORDS = {
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "dict_type": "must be an object",
    "model_type": "must be an object",
    "model_attributes_type": "must be an object",
    "finite_number": "must be a finite number",
}


def json_path(loc: tuple[int | str, ...]) -> str:
    """`('cards', 3, 'lane')` -> `cards[3].lane`, leaving out pydantic's union branch tags."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _FIELD.match(part) and part not in _UNION_TAGS:
            out += f".{part}" if out else part
    return out


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def key_path(path: str, key: str) -> str:
    """`path` followed by the file's own `key`: `.key` when it reads as a name, else `["a.b"]`."""
    if _IDENTIFIER.match(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key, ensure_ascii=False)}]"


def _location(loc: tuple[int | str, ...], kind: str) -> str:
    """The JSON path of an error; an unknown field's own name is kept whatever it is (`$foo`, `a.b`),
    while pydantic's tags are left out of every other path."""
    if kind == "extra_forbidden" and loc and isinstance(loc[-1], str):
        return key_path(json_path(loc[:-1]), loc[-1])
    return json_path(loc)


def shown(value: Any) -> str:
    """A value as the file spells it (`true`, `null`, `'text'`), shortened to one readable piece."""
    if isinstance(value, str):
        text = repr(value)
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        name = error["loc"][-1] if error["loc"] else ""
        return f"unknown field {shown(str(name))}" + (" (a field with an empty name)" if name == "" else "")
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '?')}, not {shown(value)}"
    if kind in _TYPE_WORDS:
        if value is None:
            return _TYPE_WORDS[kind].replace("must be", "must not be null; it must be", 1)
        return f"{_TYPE_WORDS[kind]}, not {shown(value)}"
    if kind == "string_pattern_mismatch":
        if "#" in str(ctx.get("pattern", "")):
            return f"must be a colour like #2E7D32, not {shown(value)}"
        return f"{shown(value)} is not a valid id (1 to 64 letters, digits, '_', '.', ':' or '-')"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long ({len(value)} characters; at most {ctx.get('max_length')})"
    if kind == "too_short":
        least = ctx.get("min_length")
        return f"must not be empty (needs at least {least} {'item' if least == 1 else 'items'})"
    if kind == "too_long":
        return f"has too many items (at most {ctx.get('max_length')})"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        word = "at least" if kind == "greater_than_equal" else "at most"
        return f"must be {word} {bound}, not {shown(value)}"
    return error["msg"]


def first_problem(error: ValidationError) -> tuple[str, str, str]:
    """(path, code, message) of the most useful error in `error`.

    For a value that fails every branch of a union (a number given as text), the branches' errors share
    one path; the first is reported, worded for the whole field.
    """
    errors = error.errors(include_url=False)
    chosen = errors[0]
    path = _location(chosen["loc"], chosen["type"])
    extra = (chosen.get("ctx") or {}).get("path")
    if extra:
        extra = str(extra)
        path = f"{path}{extra}" if extra.startswith("[") else f"{path}.{extra}" if path else extra
    siblings = [e for e in errors if json_path(e["loc"]) == json_path(chosen["loc"])]
    if len(siblings) > 1 and all(e["type"].endswith("_type") for e in siblings):
        kinds = {e["type"] for e in siblings}
        if kinds <= {"int_type", "float_type", "none_type"}:
            return path, "float_type", f"must be a number, not {shown(chosen.get('input'))}"
    return path, chosen["type"], _message(chosen)


# Python's JSON errors in plain words; the position is given separately ("line 3, column 7"), so a
# message such as "Unterminated string starting at" must not be shown as it is: it ends mid-sentence.
_JSON_WORDS = {
    "Unterminated string starting at": "a string that starts here is not closed (a '\"' is missing)",
    "Expecting value": "expected a value (text in double quotes, a number, true, false, null, [ or {)",
    "Expecting property name enclosed in double quotes": "expected a field name in double quotes, or '}'",
    "Expecting ':' delimiter": "expected ':' after the field name",
    "Invalid control character at": "a line break or tab inside a string (write it as \\n or \\t)",
    "Invalid \\escape": "a backslash that starts no escape (write \\\\ for a backslash)",
    "Invalid \\uXXXX escape": "a \\u escape needs four hexadecimal digits",
    "Extra data": "more text after the end of the blueprint",
    "Illegal trailing comma before end of object": "a ',' before '}' (remove the last comma)",
    "Illegal trailing comma before end of array": "a ',' before ']' (remove the last comma)",
}


def json_problem(message: str, text: str = "", position: int = 0) -> str:
    """Python's JSON error `message` (at `position` of `text`) as one complete plain sentence."""
    rest = text[position:].lstrip()
    if message.startswith("Expecting") and rest[:1] in ("}", "]") and text[:position].rstrip()[-1:] == ",":
        return f"a ',' before '{rest[0]}' (remove the last comma)"  # Python before 3.13 says "Expecting"
    if message == "Expecting ',' delimiter":
        closing = {"{": "}", "[": "]"}.get(_open_bracket(text, position))
        words = f"expected ',' or '{closing}'" if closing else "expected ','"
    elif message.startswith("Unterminated string"):
        words = _JSON_WORDS["Unterminated string starting at"]
    else:
        words = _JSON_WORDS.get(message, message[:1].lower() + message[1:])
    if message.startswith("Expecting") and not rest:
        return f"the text ends too early (is the file cut off?): {words}"
    return words


def _open_bracket(text: str, position: int) -> str | None:
    """The innermost '{' or '[' still open at `position` (strings skipped)."""
    stack: list[str] = []
    in_string = escaped = False
    for ch in text[:position]:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append(ch)
        elif ch in "}]" and stack:
            stack.pop()
    return stack[-1] if stack else None
