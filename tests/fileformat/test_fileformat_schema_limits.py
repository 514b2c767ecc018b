"""The schema states the reader's limits (so a file it accepts opens), says what it cannot express, and
an unknown field is named whatever its name is."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from blueprint.cli.schema_cmd import schema
from blueprint.fileformat import BlueprintFileError, loads
from blueprint.fileformat.limits import MAX_COUNTS, MAX_FILE_BYTES, MAX_NUMBER, MAX_STRING_CHARS
from blueprint.model import FORMAT_VERSION


def _raw(**card_fields: Any) -> dict[str, Any]:
    return {
        "format": "service-blueprint",
        "version": FORMAT_VERSION,
        "title": "Limits",
        "lanes": [{"id": "l", "name": "Customer", "kind": "customer"}],
        "stages": [{"id": "s", "name": "Stage", "steps": [{"id": "t", "name": "Step"}]}],
        "cards": [{"id": "c", "lane": "l", "step": "t", "title": "Card", **card_fields}],
    }


def _reader_accepts(raw: dict[str, Any]) -> bool:
    try:
        loads(json.dumps(raw))
    except BlueprintFileError:
        return False
    return True


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize(
    ("fields", "accepted"),
    [
        ({"duration_minutes": MAX_NUMBER}, True),
        ({"duration_minutes": MAX_NUMBER + 1}, False),
        ({"tolerance_minutes": 1e13}, False),
        ({"description": "x" * 20_000}, True),
        ({"description": "x" * 20_001}, False),
        ({"channel": "x" * 201}, False),
    ],
)
def test_the_schema_and_the_reader_agree_at_the_limits(
    validator: jsonschema.Draft202012Validator, fields: dict[str, Any], accepted: bool
) -> None:
    raw = _raw(**fields)
    assert _reader_accepts(raw) is accepted
    assert validator.is_valid(raw) is accepted


def test_strings_without_a_field_limit_have_the_readers(validator: jsonschema.Draft202012Validator) -> None:
    raw = _raw()
    raw["description"] = "x" * MAX_STRING_CHARS
    assert _reader_accepts(raw) and validator.is_valid(raw)
    raw["description"] += "x"
    assert not _reader_accepts(raw) and not validator.is_valid(raw)


def _subschemas(node: object) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found.extend(_subschemas(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_subschemas(item))
    return found


def test_every_number_and_string_is_bounded() -> None:
    printed = schema()
    numbers = [s for s in _subschemas(printed) if s.get("type") in ("number", "integer")]
    strings = [s for s in _subschemas(printed) if s.get("type") == "string"]
    assert len(numbers) >= 4 and len(strings) >= 20
    for number in numbers:
        assert number["maximum"] <= MAX_NUMBER and number["minimum"] >= -MAX_NUMBER, number
    for string in strings:
        assert string.get("maxLength", 0) <= MAX_STRING_CHARS
        assert {"maxLength", "pattern", "enum", "const"} & string.keys(), string
    for name, most in MAX_COUNTS.items():
        if name != "steps":
            assert printed["properties"][name]["maxItems"] == most
    assert printed["$defs"]["Stage"]["properties"]["steps"]["maxItems"] == MAX_COUNTS["steps"]


def test_the_schema_says_what_it_cannot_express() -> None:
    comment = schema()["$comment"]
    size = f"{MAX_FILE_BYTES // 2**20} MB"
    for words in (size, "UTF-8", "unique", "source and target", "nests at most 16", "key twice"):
        assert words in comment


@pytest.mark.parametrize(
    ("key", "path"),
    [
        ("$foo", 'cards[0]["$foo"]'),
        ("a.b", 'cards[0]["a.b"]'),
        ("two words", 'cards[0]["two words"]'),
        ("", 'cards[0][""]'),
        ("colour", "cards[0].colour"),
    ],
)
def test_an_unknown_field_is_named_whatever_its_name(key: str, path: str) -> None:
    raw = _raw(**{key: 1})
    with pytest.raises(BlueprintFileError) as caught:
        loads(json.dumps(raw), file="x.blueprint")
    assert caught.value.path == path
    assert caught.value.message.startswith(f"unknown field {key!r}")
    assert caught.value.one_line().count(key) >= 2 or key == ""
