"""`-` reads the blueprint from standard input; usage errors show the sub-command's own usage."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from blueprint.fileformat import dumps, load

from builders import backward_flow_blueprint
from clirun import blueprint_script

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "hotel-stay.blueprint"


def piped(*args: str, text: str | bytes = b"") -> subprocess.CompletedProcess[str]:
    """Run the installed script with `text` on its standard input."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    result = subprocess.run(
        [blueprint_script(), *args],
        input=data,
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


def error_doc_text() -> str:
    """A blueprint with one BP106 error (a flow link going back a step)."""
    return dumps(backward_flow_blueprint())


def test_validate_dash_reads_standard_input_and_names_it_stdin() -> None:
    result = piped("validate", "-", "--format", "json", text=error_doc_text())
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    (entry,) = report["files"]
    assert entry["file"] == "<stdin>"
    assert [f["code"] for f in entry["findings"] if f["severity"] == "error"] == ["BP106"]
    text = piped("validate", "-", text=SAMPLE.read_bytes())
    assert text.returncode == 0, text.stderr
    assert text.stdout.splitlines()[0] == "<stdin>"


def test_validate_mixes_files_and_standard_input_in_order() -> None:
    result = piped("validate", str(SAMPLE), "-", "--format", "json", text=error_doc_text())
    assert result.returncode == 1
    assert [f["file"] for f in json.loads(result.stdout)["files"]] == [str(SAMPLE), "<stdin>"]


def test_broken_standard_input_is_one_line_naming_stdin() -> None:
    result = piped("validate", "-", text="{")
    assert result.returncode == 2
    assert result.stderr.startswith("blueprint: <stdin>: line 1, column 2: not valid JSON")
    assert result.stderr.count("\n") == 1
    empty = piped("validate", "-", "--format", "json", text="")
    assert empty.returncode == 2
    assert empty.stderr == "blueprint: <stdin>: the file is empty\n"
    assert json.loads(empty.stdout)["files"] == [{"file": "<stdin>", "error": "the file is empty"}]
    typo = json.loads(SAMPLE.read_text(encoding="utf-8"))
    typo["cards"][3]["lane"] = "bak"
    bad = piped("handoffs", "-", text=json.dumps(typo))
    assert (bad.returncode, bad.stderr) == (2, "blueprint: <stdin>: cards[3].lane: unknown lane 'bak'\n")


def test_standard_input_over_the_size_limit_is_refused_in_one_line() -> None:
    from blueprint.fileformat.limits import MAX_FILE_BYTES

    result = piped("validate", "-", text=b" " * (MAX_FILE_BYTES + 10))
    assert result.returncode == 2
    assert result.stderr.startswith("blueprint: <stdin>: the input is larger than")
    assert result.stderr.count("\n") == 1


def test_handoffs_dash_gives_the_same_report_as_the_file() -> None:
    from_file = piped("handoffs", str(SAMPLE), "--format", "json")
    from_stdin = piped("handoffs", "-", "--format", "json", text=SAMPLE.read_bytes())
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert json.loads(from_stdin.stdout) == json.loads(from_file.stdout)
    assert json.loads(from_stdin.stdout)["functions"]


def test_export_dash_writes_the_pdf_of_standard_input(tmp_path: Path) -> None:
    out = tmp_path / "piped.pdf"
    result = piped("export", "-", "-o", str(out), "--no-appendix", text=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    assert load(SAMPLE).title in reader.pages[0].extract_text()


def test_standard_input_twice_is_a_usage_error() -> None:
    result = piped("validate", "-", "-", text=SAMPLE.read_bytes())
    assert result.returncode == 2
    assert result.stderr.startswith("usage: blueprint validate ")
    assert result.stderr.splitlines()[-1] == (
        "blueprint validate: error: standard input (-) can be read only once"
    )


@pytest.mark.parametrize(
    ("args", "last_line"),
    [
        (
            ["handoffs", "a", "b"],
            "blueprint handoffs: error: too many arguments: 'b' (handoffs takes one FILE)",
        ),
        (
            ["export", "a", "b", "-o", "x.pdf"],
            "blueprint export: error: too many arguments: 'b' (export takes one FILE)",
        ),
        (
            ["templates", "x"],
            "blueprint templates: error: too many arguments: 'x' (templates takes no arguments)",
        ),
        (
            ["schema", "x", "y"],
            "blueprint schema: error: too many arguments: 'x', 'y' (schema takes no arguments)",
        ),
        (["validate", "a", "--bogus"], "blueprint validate: error: unknown option '--bogus'"),
        (["handoffs", "--format", "xml", "a"], None),
        (["export", "a"], "blueprint export: error: the following arguments are required: -o/--output"),
        (["new", "-o"], "blueprint new: error: argument -o/--output: expected one argument"),
    ],
)
def test_usage_errors_show_the_sub_command_usage_and_one_error_line(
    args: list[str], last_line: str | None
) -> None:
    result = piped(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    command = args[0]
    assert result.stderr.startswith(f"usage: blueprint {command} ")
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and errors[0] == result.stderr.splitlines()[-1]
    assert errors[0].startswith(f"blueprint {command}: error: ")
    if last_line is not None:
        assert errors[0] == last_line
    assert "Traceback" not in result.stderr
