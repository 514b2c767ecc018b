"""`blueprint sheets` and `blueprint export --view` / `-o OUT.html`, run as a user would: the files, the
printed paths, and the one-line errors for unknown ids and folders that cannot be written."""

from __future__ import annotations

from pathlib import Path

from blueprint.fileformat import save
from blueprint.model import Blueprint

from builders import blueprint_with, sharing_blueprint
from clirun import run_blueprint

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "hotel-stay.blueprint"


def test_sheets_writes_one_pdf_per_function_and_prints_each_path(tmp_path: Path) -> None:
    out = tmp_path / "new" / "sheets"
    result = run_blueprint("sheets", str(SAMPLE), "-o", str(out), "--page-size", "A4")
    assert result.returncode == 0, result.stderr
    printed = result.stdout.splitlines()
    assert [Path(line).name for line in printed][:2] == ["web.pdf", "pms.pdf"]
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(line).name for line in printed)
    assert len(printed) == 8 and result.stderr == ""


def test_an_unknown_function_or_view_names_the_first_ten_known_ids(tmp_path: Path) -> None:
    functions = [f"team-{i:02d}" for i in range(12)]
    path = tmp_path / "twelve.blueprint"
    save(blueprint_with(functions=functions), path)
    result = run_blueprint(
        "sheets", str(path), "-o", str(tmp_path / "out"), "--function", "team-00", "--function", "x"
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"blueprint: {path}: unknown function 'x' (the functions are: {', '.join(functions[:10])}, … 2 more)"
    ]
    assert not (tmp_path / "out").exists()  # nothing was written
    views = tmp_path / "views.blueprint"
    save(sharing_blueprint(), views)
    result = run_blueprint("export", str(views), "-o", str(tmp_path / "v.pdf"), "--view", "nope")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"blueprint: {views}: unknown view 'nope' (the views are: front, all)"
    ]
    assert list(tmp_path.glob("v.*")) == []


def test_a_folder_that_cannot_be_made_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("not a folder")
    for target in (in_the_way, in_the_way / "sheets"):
        result = run_blueprint("sheets", str(SAMPLE), "-o", str(target))
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith(f"blueprint: {target}: cannot write the sheets there: ")
        assert result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_export_writes_html_of_a_view(tmp_path: Path) -> None:
    views = tmp_path / "views.blueprint"
    save(sharing_blueprint(), views)
    out = tmp_path / "front.html"
    result = run_blueprint("export", str(views), "-o", str(out), "--view", "front")
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "view: Front of house" in html
    assert 'data-card-id="s0"' not in html and 'data-card-id="f0"' in html


def test_a_sheet_never_replaces_the_blueprint_being_read(tmp_path: Path) -> None:
    named_like_a_sheet = tmp_path / "frontdesk.pdf"  # a blueprint, oddly named
    named_like_a_sheet.write_bytes(SAMPLE.read_bytes())
    result = run_blueprint("sheets", str(named_like_a_sheet), "-o", str(tmp_path))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert named_like_a_sheet.read_bytes() == SAMPLE.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["frontdesk.pdf"]


def test_an_empty_output_folder_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    for empty in ("", "  "):
        result = run_blueprint("sheets", str(SAMPLE), "-o", empty, cwd=tmp_path)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.splitlines() == [
            "blueprint: -o needs the folder to write the sheets in (it was empty)"
        ]
    assert list(tmp_path.iterdir()) == []  # not into the current folder


def test_characters_no_font_draws_are_warned_once_per_run_not_once_per_sheet(tmp_path: Path) -> None:
    raw = sharing_blueprint().model_dump(by_alias=True)
    names = {"team-a": "Team \U0010fffd A", "team-b": "Team \U0010fffc B"}
    for function in raw["functions"]:
        function["name"] = names.get(function["id"], function["name"])
    path = tmp_path / "boxes.blueprint"
    save(Blueprint.model_validate(raw), path)
    result = run_blueprint("sheets", str(path), "-o", str(tmp_path / "sheets"))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith(f"blueprint: {path}: warning: ") for line in lines)
    owners = [line.split(": warning: ")[1].split(": no installed font")[0] for line in lines]
    assert len(owners) == len(set(owners))  # each card and the heading once, whichever sheets drew them
    heading = next(line for line in lines if ": warning: the heading:" in line)
    assert "U+10FFFC" in heading and "U+10FFFD" in heading


def test_a_sheet_that_cannot_be_written_is_named_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "sheets"
    (out / "frontdesk.pdf").mkdir(parents=True)  # a folder where the front desk's sheet goes
    result = run_blueprint("sheets", str(SAMPLE), "-o", str(out))
    assert result.returncode == 2
    sheet = out / "frontdesk.pdf"
    assert result.stderr.splitlines() == [
        f"blueprint: {sheet}: cannot write this sheet: Is a directory (3 written before it stay)"
    ]
    assert [Path(line).name for line in result.stdout.splitlines()] == ["web.pdf", "pms.pdf", "revenue.pdf"]
    assert sorted(p.name for p in out.iterdir()) == ["frontdesk.pdf", "pms.pdf", "revenue.pdf", "web.pdf"]
