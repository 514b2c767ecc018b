"""The fast path of `parse_json` decides exactly as the exact path does, at and around every limit."""

from __future__ import annotations

import json
from typing import Any

import pytest

from blueprint.fileformat.errors import BlueprintFileError
from blueprint.fileformat.jsontext import _exact_parse, parse_json
from blueprint.fileformat.limits import MAX_KEY_CHARS, MAX_NESTING_DEPTH, MAX_NUMBER, MAX_STRING_CHARS


def _nested(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + close * depth


def _nested_objects(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


def _outcome(parse: Any, text: str) -> Any:
    try:
        return ("ok", json.dumps(parse(text), sort_keys=True))
    except BlueprintFileError as error:
        return ("refused", error.code, error.path, error.message)


TEXTS = [
    _nested(MAX_NESTING_DEPTH),
    _nested(MAX_NESTING_DEPTH + 1),
    _nested_objects(MAX_NESTING_DEPTH),
    _nested_objects(MAX_NESTING_DEPTH + 1),
    _nested(MAX_NESTING_DEPTH + 1) + "x",  # too deep and not JSON: depth is said first
    '["[[[[[[[[[[[[[[[[[[[["]',  # brackets inside a string are not nesting
    json.dumps({"a": "x" * MAX_STRING_CHARS}),
    json.dumps({"a": "x" * (MAX_STRING_CHARS + 1)}),
    json.dumps({"a": ["ok", "x" * (MAX_STRING_CHARS + 1)]}),
    json.dumps({"a": [["x" * (MAX_STRING_CHARS + 1)]]}),  # the exact path lets this one through
    json.dumps("x" * (MAX_STRING_CHARS + 1)),
    json.dumps({"k" * MAX_KEY_CHARS: 1}),
    json.dumps({"b": {"k" * (MAX_KEY_CHARS + 1): 1}}),
    '{"cards": [{"id": "a", "id": "b"}]}',
    '{"a": {"b": 1}, "a": 2}',
    f'{{"n": {MAX_NUMBER}}}',
    f'{{"n": [{MAX_NUMBER + 1}]}}',
    '{"n": 1e400}',
    '{"n": NaN}',
    '{"n": -Infinity}',
    '{"a": [1, 2,]}',
    '{"a": "\\"[{" , "b": [1, {"c": null}]}',
]


@pytest.mark.parametrize("text", TEXTS)
def test_fast_path_decides_as_the_exact_path(text: str) -> None:
    assert _outcome(parse_json, text) == _outcome(_exact_parse, text)


def test_deep_nesting_refused_as_too_deep_not_as_a_recursion() -> None:
    for depth in (MAX_NESTING_DEPTH + 1, 900, 5_000, 200_000):
        with pytest.raises(BlueprintFileError) as caught:
            parse_json(_nested(depth) + " " * 1_000)
        assert caught.value.code == "too-deep"
