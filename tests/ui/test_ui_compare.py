"""File > Compare With...: the differences on the canvas, the Changes dock, the measures, and the
document left alone until Close Compare (driven with the mouse and keyboard, as a designer would)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

import blueprint.ui.compare.mode as mode_module
from blueprint.fileformat import dumps, load, loads, save
from blueprint.model import Blueprint
from blueprint.teams.measures import measures_line, measures_of
from blueprint.ui.compare.changes_dock import ChangesDock
from blueprint.ui.compare.overlay import COLOURS
from blueprint.ui.main_window import MainWindow

from ui_gestures import LEFT, NO_MODIFIER, look, open_window, when_dialog_opens

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "hotel-stay.blueprint"


def newer_version() -> Blueprint:
    """The hotel sample after a designer's afternoon: a title and a function changed, a card removed
    (with its links), a card and a link added."""
    raw: dict[str, Any] = json.loads(dumps(load(SAMPLE)))
    cards = {c["id"]: c for c in raw["cards"]}
    cards["cu.compares"]["title"] = "Compares quiet hotels near the client"
    cards["fr.rates"]["function"] = "pms"
    raw["cards"] = [c for c in raw["cards"] if c["id"] != "bk.publish"]
    raw["links"] = [li for li in raw["links"] if "bk.publish" not in (li["source"], li["target"])]
    raw["cards"].append(
        {
            "id": "new1",
            "lane": "frontstage",
            "step": "plan.search",
            "title": "Chats with the guest",
            "function": "frontdesk",
        }
    )
    raw["links"].append({"id": "new-link", "source": "cu.compares", "target": "new1", "label": "asks"})
    return loads(json.dumps(raw))


@pytest.fixture
def comparing(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    older = tmp_path / "hotel-before.blueprint"
    save(load(SAMPLE), older, backup=False)
    window = open_window(qtbot, newer_version(), tmp_path / "hotel.blueprint")
    monkeypatch.setattr(mode_module.QFileDialog, "getOpenFileName", lambda *a, **k: (str(older), ""))
    window.compare.compare_action.trigger()  # File > Compare With...
    assert window.compare.active
    return window


def on_canvas(window: MainWindow, card_id: str) -> QPointF:
    box = window.compare.session.scene.layout.cards[card_id].box
    return QPointF(box.x + box.w / 2, box.y + box.h / 2)


def compare_click(qtbot: QtBot, window: MainWindow, scene_pos: QPointF, double: bool = False) -> None:
    view = window.compare.session.view
    view.ensureVisible(scene_pos.x() - 1, scene_pos.y() - 1, 2, 2, 80, 80)
    point = view.mapFromScene(scene_pos)
    qtbot.mouseClick(view.viewport(), LEFT, NO_MODIFIER, point)
    if double:
        qtbot.mouseDClick(view.viewport(), LEFT, NO_MODIFIER, point)


def click_row(qtbot: QtBot, dock: ChangesDock, element_id: str) -> None:
    item = dock.row_of(element_id)
    assert item is not None
    dock.list.scrollToItem(item)
    qtbot.mouseClick(dock.list.viewport(), LEFT, NO_MODIFIER, dock.list.visualItemRect(item).center())


def test_the_differences_are_drawn_listed_and_measured(qtbot: QtBot, comparing: MainWindow) -> None:
    window, session = comparing, comparing.compare.session
    assert window.centralWidget().objectName() == "comparePage"
    marks = session.marks.items
    assert {
        i: marks[i][0].pen().color().name() for i in ("new1", "cu.compares", "fr.rates", "bk.publish")
    } == {
        "new1": COLOURS["added"].lower(),
        "cu.compares": COLOURS["changed"].lower(),
        "fr.rates": COLOURS["changed"].lower(),
        "bk.publish": COLOURS["removed"].lower(),
    }
    assert {"new-link", "l01", "l02"} <= set(marks)  # links added and removed are marked too
    ghost = session.scene.layout.cards["bk.publish"]  # drawn where it was: Plan › Searches, Backstage
    cell = session.scene.layout.cells[("backstage", "plan.search")].box
    assert cell.x <= ghost.box.x and ghost.box.bottom <= cell.bottom
    assert "bk.publish" not in window.document.blueprint.cards_by_id()  # the document itself is untouched
    line = session.page.findChild(QLabel, "compareMeasures").text()
    assert line == measures_line(measures_of(load(SAMPLE)), measures_of(newer_version()))
    assert line.startswith("Cards 39 · Hand-offs 14 → 12 (−2) · Fail points 4 · Open findings ")
    assert " · Journey " in line and " · Observed " in line

    dock = session.dock
    assert dock.summary.text() == "7 changes, older version first"
    click_row(qtbot, dock, "bk.publish")
    assert session.selection.ids == ("bk.publish",)
    box = ghost.box
    visible = session.view.visible_scene_rect()
    assert visible.contains(QPointF(box.x + box.w / 2, box.y + box.h / 2))
    compare_click(qtbot, window, on_canvas(window, "new1"))
    assert session.selection.ids == ("new1",)
    assert dock.list.currentItem().text() == (
        'card "Chats with the guest" (Plan › Searches, Frontstage): added'
    )
    look(window, "compare-mode")


def test_compare_mode_is_read_only_until_closed(qtbot: QtBot, comparing: MainWindow) -> None:
    window, session = comparing, comparing.compare.session
    before = dumps(window.document.blueprint)
    view = session.view
    compare_click(qtbot, window, on_canvas(window, "cu.compares"), double=True)
    assert view.inplace is None  # no title editor opened
    start, end = on_canvas(window, "cu.compares"), on_canvas(window, "fr.rates")
    qtbot.mousePress(view.viewport(), LEFT, NO_MODIFIER, view.mapFromScene(start))
    for i in range(1, 5):
        qtbot.mouseMove(view.viewport(), view.mapFromScene(start + (end - start) * (i / 4)))
    qtbot.mouseRelease(view.viewport(), LEFT, NO_MODIFIER, view.mapFromScene(end))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dumps(window.document.blueprint) == before
    assert dumps(session.scene.document.blueprint) == dumps(session.comparison.drawn)
    assert not window.actions.delete.isEnabled() and not window.actions.open.isEnabled()
    assert window.panels and not any(panel.widget().isEnabled() for panel in window.panels)

    swap = session.page.findChild(QPushButton, "compareSwap")
    qtbot.mouseClick(swap, LEFT)
    swapped = window.compare.session
    assert swapped.marks.items["new1"][0].pen().color().name() == COLOURS["removed"].lower()
    assert swapped.marks.items["bk.publish"][0].pen().color().name() == COLOURS["added"].lower()

    qtbot.mouseClick(swapped.page.findChild(QPushButton, "compareClose"), LEFT)
    assert not window.compare.active
    assert window.centralWidget().isAncestorOf(window.view) and window.view.isVisible()
    assert window.findChild(ChangesDock) is None or not window.findChild(ChangesDock).isVisible()
    assert window.actions.delete.isEnabled() and window.actions.open.isEnabled()
    assert all(panel.widget().isEnabled() for panel in window.panels)
    assert dumps(window.document.blueprint) == before


def test_a_file_that_cannot_be_read_says_why_and_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, newer_version())
    broken = tmp_path / "broken.blueprint"
    broken.write_text("{", encoding="utf-8")
    seen = when_dialog_opens(lambda dialog: dialog.close())
    assert not window.compare.compare_with(broken)
    assert str(broken) in seen["text"]
    assert not window.compare.active and window.centralWidget().isAncestorOf(window.view)
