"""The reader's refusals of whole files: not JSON, not a blueprint, newer versions, NaN; and migrations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blueprint.fileformat import BlueprintFileError, load, loads
from blueprint.fileformat.migrations import MIGRATIONS, migrate
from blueprint.model import FORMAT_VERSION

MINIMAL = {"format": "service-blueprint", "version": 1, "title": "T"}


def error_of(text: str | bytes) -> BlueprintFileError:
    with pytest.raises(BlueprintFileError) as caught:
        loads(text, file="f.blueprint")
    return caught.value


def test_not_json_names_line_and_column() -> None:
    error = error_of('{"format": "service-blueprint",\n  "version": 1,\n  oops}')
    assert error.path == "line 3, column 3"
    assert error.message.startswith("not valid JSON")


def test_wrong_format_is_not_a_blueprint() -> None:
    assert "not a service blueprint file" in error_of('{"format": "bpmn", "version": 1}').message
    assert "not a service blueprint file" in error_of("[1, 2]").message


def test_a_newer_version_says_so() -> None:
    error = error_of(json.dumps({**MINIMAL, "version": FORMAT_VERSION + 1}))
    assert error.path == "version"
    assert "made by a newer version" in error.message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_nan_and_infinity_are_refused(constant: str) -> None:
    text = json.dumps({**MINIMAL, "cards": []})[:-1] + f', "description": {constant}}}'
    error = error_of(text)
    assert "finite" in error.message or "too large" in error.message


def test_a_byte_order_mark_is_accepted() -> None:
    assert loads(b"\xef\xbb\xbf" + json.dumps(MINIMAL).encode()).title == "T"


def test_text_that_is_not_utf8_is_refused() -> None:
    assert "not UTF-8" in error_of(json.dumps(MINIMAL).encode("utf-16")).message


def test_duplicate_keys_are_refused_not_silently_dropped() -> None:
    assert (
        "appears twice"
        in error_of('{"format": "service-blueprint", "version": 1, "title": "a", "title": "b"}').message
    )


def test_missing_and_unreadable_files_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(BlueprintFileError, match="no such file"):
        load(tmp_path / "nope.blueprint")
    with pytest.raises(BlueprintFileError, match="folder"):
        load(tmp_path)


def test_every_version_step_has_a_migration() -> None:
    assert set(MIGRATIONS) == set(range(min(MIGRATIONS), FORMAT_VERSION))


def test_version_0_is_migrated_and_saved_as_the_current_version() -> None:
    raw = {**MINIMAL, "version": 0}
    assert migrate(dict(raw), 0)["version"] == FORMAT_VERSION
    doc = loads(json.dumps(raw))
    assert doc.version == FORMAT_VERSION


def test_the_migration_step_does_not_change_the_input() -> None:
    raw = {**MINIMAL, "version": 0}
    migrate(raw, 0)
    assert raw["version"] == 0


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("NaN", "NaN is not allowed"),
        ("1e99", "too large"),
        ("12345678901234567890", "too large"),
        ('"' + "x" * 100_001 + '"', "too long"),
    ],
)
def test_limits_broken_while_parsing_name_the_json_path(value: str, words: str) -> None:
    text = (
        '{"format": "service-blueprint", "version": 1, "title": "T", "stages": [{"id": "s", "name": "S",'
        ' "steps": [{"id": "t", "name": "T"}]}], "cards": [{"id": "c", "lane": "l", "step": "t",'
        f' "title": "C", "duration_minutes": 1, "tolerance_minutes": {value}}}]}}'
    )
    error = error_of(text)
    assert error.path == "cards[0].tolerance_minutes"
    assert words in error.message


def test_a_duplicate_key_names_its_path() -> None:
    error = error_of(
        '{"format": "service-blueprint", "version": 1, "title": "a", "persona": {"name": "x", "name": "y"}}'
    )
    assert error.path == "persona.name"


def test_an_empty_file_says_so() -> None:
    assert error_of(b"").message == "the file is empty"
    assert error_of("  \n").code == "empty"


def test_values_are_shown_as_the_file_spells_them() -> None:
    assert error_of('{"format": "service-blueprint", "version": null}').message == (
        "must be a whole number, not null"
    )
    text = json.dumps({**MINIMAL, "lanes": [{"id": "l", "name": True, "kind": "customer"}]})
    assert error_of(text).message == "must be text, not true"


def test_binary_data_is_not_called_utf16() -> None:
    assert (
        error_of(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").message == "not a text file (it holds binary data)"
    )
    assert "UTF-16" in error_of('{"format": 1}'.encode("utf-16-le")).message
