"""Opening a file with two views of one name (written by hand, another tool, or a merge): the later
view is there under a name of its own, the status bar says so once, and View > Views offers both."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from blueprint.ui.access_keys import shown_text

from builders import blueprint_with, cafe_raw
from ui_gestures import open_window


def test_the_second_kitchen_view_opens_as_kitchen_2_and_the_window_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    views = [
        {"id": "v1", "name": "Kitchen", "hidden_lanes": ["customer"]},
        {"id": "v2", "name": "Kitchen", "hidden_lanes": ["customer", "front"]},
    ]
    path = tmp_path / "café.blueprint"
    path.write_text(json.dumps(cafe_raw(views=views)), encoding="utf-8")
    window = open_window(qtbot, blueprint_with())
    assert window.open_path(path)
    assert window.statusBar().currentMessage() == (
        f"{path}: views[1].name: the view 'Kitchen' has the name of an earlier view (views[0]), and "
        "views are chosen by name: it is read as 'Kitchen (2)' (saving keeps that name)"
    )
    offered = {shown_text(a.text()): a for a in window.views.menu_actions()}
    assert "Kitchen" in offered and "Kitchen (2)" in offered
    offered["Kitchen (2)"].trigger()  # the second view, reached by its name
    assert [band.lane_id for band in window.scene.layout.lanes] == ["back"]
    assert not window.isWindowModified()
