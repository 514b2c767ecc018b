"""What reading changed is said by the command line too: a file with two views of one name is
read with the later one as "Name (2)", and every command says so on standard error, once, naming
the file and the view, while its own output is unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from builders import cafe_raw
from clirun import run_blueprint

NOTE = (
    "blueprint: note: {file}: views[1].name: the view 'Kitchen' has the name of an earlier view "
    "(views[0]), and views are chosen by name: it is read as 'Kitchen (2)' (saving keeps that name)"
)


def repeated_views(tmp_path: Path) -> Path:
    views = [{"id": f"v{i}", "name": "Kitchen", "hidden_lanes": []} for i in range(2)]
    path = tmp_path / "cafe.blueprint"
    path.write_text(json.dumps(cafe_raw(views=views)), encoding="utf-8")
    return path


def test_validate_says_the_renamed_view_on_stderr_and_reports_as_before(tmp_path: Path) -> None:
    path = repeated_views(tmp_path)
    done = run_blueprint("validate", str(path), "--format", "json")
    assert done.returncode in (0, 1), done.stderr
    assert done.stderr.splitlines() == [NOTE.format(file=path)]
    json.loads(done.stdout)  # the report itself is still plain JSON


def test_export_of_the_renamed_view_says_it_once_and_writes_the_pdf(tmp_path: Path) -> None:
    """The command line chooses a view by id (`--view v1`): the note is said once, the PDF written."""
    path = repeated_views(tmp_path)
    out = tmp_path / "kitchen.pdf"
    done = run_blueprint("export", str(path), "-o", str(out), "--view", "v1")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert done.stderr.splitlines() == [NOTE.format(file=path)]


def test_a_file_whose_views_differ_says_nothing(tmp_path: Path) -> None:
    views = [
        {"id": "v0", "name": "Kitchen", "hidden_lanes": []},
        {"id": "v1", "name": "Guest", "hidden_lanes": []},
    ]
    path = tmp_path / "cafe.blueprint"
    path.write_text(json.dumps(cafe_raw(views=views)), encoding="utf-8")
    done = run_blueprint("validate", str(path))
    assert done.returncode in (0, 1) and done.stderr == ""
