"""Two saved views of one name in a file: the later one is read under a name of its own, and the
reading says so once, naming the file and the view (nothing is refused, nothing is lost)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from blueprint.fileformat import dumps, load, load_file, loads, save
from blueprint.fileformat.view_names import MAX_NAME_CHARS

from builders import cafe_raw


def with_views(tmp_path: Path, *names: str) -> Path:
    views: list[dict[str, Any]] = [
        {"id": f"v{i}", "name": name, "hidden_lanes": ["back"] if i else []} for i, name in enumerate(names)
    ]
    path = tmp_path / "café.blueprint"
    path.write_text(json.dumps(cafe_raw(views=views)), encoding="utf-8")
    return path


def test_a_repeated_view_name_is_read_as_name_2_and_said_once(tmp_path: Path) -> None:
    path = with_views(tmp_path, "Kitchen", "Guest", "Kitchen")
    loaded = load_file(path)
    assert [v.name for v in loaded.blueprint.views] == ["Kitchen", "Guest", "Kitchen (2)"]
    assert loaded.blueprint.views[2].hidden_lanes == ["back"]  # the view itself is as it was
    assert [note.one_line() for note in loaded.notes] == [
        f"{path}: views[2].name: the view 'Kitchen' has the name of an earlier view (views[0]), and "
        "views are chosen by name: it is read as 'Kitchen (2)' (saving keeps that name)"
    ]
    assert loaded.notes[0].code == "repeated-view-name" and loaded.notes[0].file == str(path)
    assert loaded.data == path.read_bytes()  # the file is not written on reading


def test_names_are_the_same_as_the_editor_reads_them_and_new_names_are_free(tmp_path: Path) -> None:
    """Case and runs of spaces do not make a name different (the editor's rule); a number another
    view already has is skipped."""
    path = with_views(tmp_path, "Kitchen", "Kitchen (2)", "kitchen", " KITCHEN  ")
    names = [v.name for v in load(path).views]
    assert names == ["Kitchen", "Kitchen (2)", "kitchen (3)", " KITCHEN (4)"]


def test_a_long_name_is_cut_to_make_room_for_its_number(tmp_path: Path) -> None:
    long = "A" * MAX_NAME_CHARS
    views = load(with_views(tmp_path, long, long)).views
    assert views[1].name == "A" * (MAX_NAME_CHARS - 4) + " (2)" and len(views[1].name) == MAX_NAME_CHARS


def test_saved_after_reading_the_names_stay_and_nothing_more_is_said(tmp_path: Path) -> None:
    path = with_views(tmp_path, "Kitchen", "Kitchen")
    save(load(path), path)
    loaded = load_file(path)
    assert [v.name for v in loaded.blueprint.views] == ["Kitchen", "Kitchen (2)"] and loaded.notes == ()


def test_distinct_names_read_as_they_are(tmp_path: Path) -> None:
    loaded = load_file(with_views(tmp_path, "Kitchen", "Guest"))
    assert loaded.notes == () and [v.name for v in loaded.blueprint.views] == ["Kitchen", "Guest"]
    assert loads(dumps(loaded.blueprint)) == loaded.blueprint
