"""New-user review of the command's wording: JSON mistakes in complete plain sentences, the whole
usage (sub-commands included) after a usage mistake on the editor's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.fileformat import BlueprintFileError, loads
from blueprint.fileformat.messages import json_problem

from clirun import run_blueprint

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "cafe-order-ahead.blueprint"


def test_a_truncated_file_says_the_string_is_not_closed(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    cut = text.index('"title"', 200) + len('"title": "') + 3  # inside a title
    broken = tmp_path / "cut.blueprint"
    broken.write_text(text[:cut], encoding="utf-8")
    result = run_blueprint("validate", str(broken))
    assert result.returncode == 2
    line = result.stderr.strip()
    assert "\n" not in line
    assert line.startswith(f"blueprint: {broken}: line ")
    assert line.endswith("not valid JSON: a string that starts here is not closed (a '\"' is missing)")
    assert "starting at" not in line


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"a": 1 "b": 2}', "expected ',' or '}'"),
        ('{"a": [1 2]}', "expected ',' or ']'"),
        ('{"a": }', "expected a value"),
        ('{"a": [1, 2,]}', "a ',' before ']' (remove the last comma)"),
        ('{"a" 1}', "expected ':' after the field name"),
        ('{"a": 1} {}', "more text after the end of the blueprint"),
        ('{"a": [1, 2', "the text ends too early (is the file cut off?): expected ',' or ']'"),
    ],
)
def test_json_mistakes_read_as_sentences(text: str, words: str) -> None:
    with pytest.raises(BlueprintFileError) as caught:
        loads(text, file="x.blueprint")
    assert caught.value.message.startswith(f"not valid JSON: {words}")
    assert not caught.value.message.rstrip().endswith((" at", " at:"))


def test_every_python_json_message_is_worded() -> None:
    for message in ("Unterminated string starting at", "Invalid control character at", "Expecting value"):
        assert not json_problem(message, '{"a": "x', 6).endswith(" at")


def test_extra_words_after_a_file_show_the_whole_usage(tmp_path: Path) -> None:
    result = run_blueprint(str(tmp_path / "trip.blueprint"), "extra")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "usage: blueprint [-h] [--version] [--debug] [FILE]"
    assert "COMMAND" in lines[1] and "validate" in lines[1] and "export" in lines[1]
    assert (
        lines[-1]
        == "blueprint: error: too many arguments: 'extra' (the editor opens one FILE; a COMMAND goes first)"
    )
    assert result.stdout == ""


def test_help_names_the_file_and_the_commands() -> None:
    result = run_blueprint("-h")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: blueprint [-h] [--version] [--debug] [FILE]\n")
    sub = run_blueprint("validate")
    assert sub.stderr.startswith("usage: blueprint validate ")
