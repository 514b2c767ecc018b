"""`blueprint import` and `blueprint export -o OUT.xlsx|.csv|.drawio`: the report on standard output,
files written, every failure one line on standard error with exit code 2. The first test runs the
installed script as a user would; the others call the same entry point in this process (quicker)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from blueprint.cli import main
from blueprint.fileformat import dumps, load

from clirun import run_blueprint

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "hotel-stay.blueprint"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    code = main(list(args))
    out, err = capsys.readouterr()
    return Result(code, out, err)


def test_export_to_xlsx_then_import_gives_the_same_file(tmp_path: Path) -> None:
    workbook, back = tmp_path / "hotel.xlsx", tmp_path / "back.blueprint"
    assert run_blueprint("export", str(SAMPLE), "-o", str(workbook)).returncode == 0
    result = run_blueprint("import", str(workbook), "-o", str(back))
    assert result.returncode == 0, result.stderr
    doc = load(SAMPLE)
    steps = sum(len(stage.steps) for stage in doc.stages)
    created = f"Created: {len(doc.stages)} stages, {steps} steps, {len(doc.lanes)} lanes, "
    created += f"{len(doc.functions)} functions, {len(doc.cards)} cards, {len(doc.links)} links, "
    created += f"{len(doc.improvements)} improvements"
    created += f", {len(doc.views)} views." if doc.views else "."
    assert result.stdout.splitlines() == [
        "Read hotel.xlsx as a Service Blueprint Studio workbook.",
        created,
        "Everything was imported.",
        f"Wrote {back}.",
    ]
    assert back.read_bytes() == SAMPLE.read_bytes()


def test_export_writes_csv_and_drawio_by_the_suffix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table, diagram = tmp_path / "hotel.csv", tmp_path / "hotel.drawio"
    for out in (table, diagram):
        result = run(capsys, "export", str(SAMPLE), "-o", str(out), "--page-size", "A4")
        assert result.returncode == 0, result.stderr
        assert "--page-size applies to PDF only" in result.stderr
    assert table.read_bytes().startswith(b"\xef\xbb\xbfId,Stage,Step,Lane,Title")
    assert ET.parse(diagram).getroot().tag == "mxfile"


def test_an_import_prints_each_thing_it_could_not_map(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "visit.csv"
    source.write_text("Stage,Lane,Title,Colour\nArrive,customer,Walks in,red\nArrive,kitchen,Cooks,\n")
    result = run(capsys, "import", str(source), "-o", str(tmp_path / "visit.blueprint"))
    assert result.returncode == 0, result.stderr
    assert "Created: 1 stage, 1 step, 1 lane, 0 functions, 1 card, 0 links, 0 improvements." in result.stdout
    assert "  visit.csv: the column 'Colour' is not one this import reads; its values were not imported" in (
        result.stdout
    )
    assert "  visit.csv, row 3, column Service layer: unknown service layer 'kitchen'" in result.stdout
    assert load(tmp_path / "visit.blueprint").cards[0].title == "Walks in"


def test_failures_are_one_line_with_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "renamed.xlsx"
    text.write_text("not a workbook")
    unknown = tmp_path / "people.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Name", "Phone"])
    book.save(unknown)
    cases = [
        (["import", str(text), "-o", str(tmp_path / "a.blueprint")], "not a zip archive"),
        (["import", str(unknown), "-o", str(tmp_path / "b.blueprint")], "no recognised layout"),
        (["import", str(SAMPLE), "-o", str(tmp_path / "c.blueprint")], "cannot import a '.blueprint' file"),
        (["import", str(unknown), "-o", str(tmp_path / "d.json")], "the output must end in .blueprint"),
    ]
    for args, words in cases:
        result = run(capsys, *args)
        assert result.returncode == 2 and words in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.blueprint"))


def test_a_document_too_long_for_a_workbook_is_refused_naming_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = load(SAMPLE).model_copy(update={"description": "x" * 33_000})
    source = tmp_path / "long.blueprint"
    source.write_text(dumps(doc))
    out = tmp_path / "long.xlsx"
    result = run(capsys, "export", str(source), "-o", str(out))
    assert result.returncode == 2 and not out.exists()
    assert result.stderr.startswith(f"blueprint: {out}: cannot go into a workbook: Blueprint, row 3")
