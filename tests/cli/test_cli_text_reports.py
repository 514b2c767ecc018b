"""Text reports are safe to print and to open: no raw escape sequences on the terminal, valid UTF-8
JSON for any file name, CSV cells that never run as formulas, one line when standard input is closed."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from blueprint.cli import main
from blueprint.fileformat import save
from blueprint.safetext import for_terminal, spreadsheet_cell, spreadsheet_row

from builders import blueprint_with, card
from clirun import blueprint_script

ESCAPES = "\x1b[2J\x1b]0;pwned\x07"  # clear the screen, retitle the terminal


def _hostile(tmp_path: Path, name: str = "plan.blueprint") -> Path:
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, f"Orders{ESCAPES}\nfake line"),
            card("c0", "customer", 1, "=1+2 waits", duration_minutes=3),
            card("c2", "frontstage", 1, "Takes it", function="team-a"),
            card("c3", "backstage", 2, '=HYPERLINK("http://x")', function="team-b"),
        ],
        links=[("c2", "c3")],
        functions=["team-a", "team-b"],
    )
    doc.functions[0].name = f"=cmd|' /C calc'!A0{ESCAPES}"
    doc.functions[1].name = "@SUM(1+1)"
    doc.stages[0].name = "Stage\x1b[31m red"
    path = tmp_path / name
    save(doc, path, backup=False)
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_validate_text_shows_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _hostile(tmp_path, "plan\x1b[7m.blueprint")
    _, out, _ = _run(capsys, "validate", str(path))
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J" in out and "plan\\x1b[7m.blueprint" in out
    assert not any(line.startswith("fake line") for line in out.splitlines())


def test_handoffs_text_shows_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = _run(capsys, "handoffs", str(_hostile(tmp_path)))
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;pwned\\x07" in out and "Stage\\x1b[31m red" in out


def test_timing_text_and_csv_are_safe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _hostile(tmp_path)
    _, out, _ = _run(capsys, "timing", str(path))
    assert "\x1b" not in out and "\x07" not in out and "\\x1b[2J" in out
    _, out, _ = _run(capsys, "timing", str(path), "--format", "csv")
    titles = [row[1] for row in csv.reader(io.StringIO(out))][1:]
    assert titles and not [t for t in titles if t[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_errors_and_warnings_show_control_characters_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, "validate", str(tmp_path / "missing\x1b[2J.blueprint"))
    assert code == 2 and "\x1b" not in err and err.count("\n") == 1


def test_handoffs_csv_cells_never_start_a_formula(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "handoffs", str(_hostile(tmp_path)), "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'@SUM(1+1)" in rows[0] and any(cell.startswith("'=cmd|") for cell in rows[0])
    assert rows[1][1:] == ["0", "1"] or rows[2][1:] == ["0", "1"]  # the counts stay numbers


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("+41 22 000", "'+41 22 000"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Plain", "Plain"),
        ("a=b", "a=b"),
        ("", ""),
        (-2, -2),
        (3.5, 3.5),
        (None, None),
    ],
)
def test_spreadsheet_cell(value: object, cell: object) -> None:
    assert spreadsheet_cell(value) == cell
    assert spreadsheet_row([value, 1]) == [cell, 1]


def test_for_terminal_escapes_only_what_is_unsafe() -> None:
    assert for_terminal("Café — 東京 ✓ السعر") == "Café — 東京 ✓ السعر"
    assert for_terminal("a\tb\nc\rd\x00\x7f\x9b") == "a\\tb\\nc\\rd\\x00\\x7f\\x9b"
    assert for_terminal("\u202eevil\u2066") == "\\u202eevil\\u2066"
    assert for_terminal("plan\udcff.blueprint") == "plan\\xff.blueprint"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file systems refuse names that are not UTF-8")
def test_validate_json_is_valid_utf8_for_a_name_that_is_not(tmp_path: Path) -> None:
    good = _hostile(tmp_path)
    name = os.fsencode(tmp_path) + b"/plan\xff\xfe.blueprint"
    os.rename(good, name)
    result = subprocess.run(
        [blueprint_script(), "validate", "--format", "json", os.fsdecode(name), os.fsdecode(name) + "x"],
        capture_output=True,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    text = result.stdout.decode("utf-8")  # strict: raises on invalid UTF-8
    report = json.loads(text)
    assert [entry["file"] for entry in report["files"]] == [
        str(tmp_path) + "/plan\\xff\\xfe.blueprint",
        str(tmp_path) + "/plan\\xff\\xfe.blueprintx",
    ]
    assert "findings" in report["files"][0] and "error" in report["files"][1]
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    result.stderr.decode("utf-8")
    text_report = subprocess.run(
        [blueprint_script(), "validate", os.fsdecode(name)], capture_output=True, check=False
    )
    assert b"plan\\xff\\xfe.blueprint" in text_report.stdout and text_report.returncode in (0, 1)


def test_a_closed_standard_input_gives_one_line(tmp_path: Path) -> None:
    for command in (["validate", "-"], ["handoffs", "-"], ["export", "-", "-o", str(tmp_path / "x.pdf")]):
        result = subprocess.run(
            [blueprint_script(), *command],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            check=False,
            preexec_fn=lambda: os.close(0),
        )
        assert result.returncode == 2, (command, result.stderr)
        assert (
            result.stderr
            == "blueprint: <stdin>: standard input is closed (give a file, or pipe a blueprint in)\n"
        )
