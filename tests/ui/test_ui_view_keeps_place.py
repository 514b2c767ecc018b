"""Edits never move what the designer sees: inserting a step, a stage or a card, or a lane growing,
keeps the top-left of the view where it was (a small blueprint used to re-centre after every change)."""

from __future__ import annotations

from conftest import REPO
from PySide6.QtCore import QPointF, Qt

from blueprint.fileformat import load

from builders import blueprint_with, card
from menu_gestures import header_centre, right_click_pick
from ui_gestures import cell_centre, double_click, key, look, open_window, type_text


def corner(window) -> QPointF:  # type: ignore[no-untyped-def]
    """Where the blueprint's top-left corner is on screen (viewport pixels)."""
    return QPointF(window.view.mapFromScene(QPointF(0, 0)))


def test_a_small_blueprint_stays_put_while_it_grows(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, blueprint_with(cards=[card("c0", "customer", 0, "Orders")], steps=2))
    assert corner(window) == QPointF(0, 0), "at 100% a small blueprint sits at the top-left"
    window.view.fit()
    window.view.zoom_out()  # fitted, then smaller: it sits in the middle of the window, with room
    window.view.zoom_out()
    qtbot.wait(20)
    before = corner(window)
    assert before.x() > 20, "the blueprint does not fill the window"
    right_click_pick(window, header_centre(window, "step", "step1"), "Insert step after")
    key(qtbot, window.view.inplace.edit, Qt.Key.Key_Escape)
    right_click_pick(window, header_centre(window, "stage", "stage"), "Insert stage after")
    key(qtbot, window.view.inplace.edit, Qt.Key.Key_Escape)
    assert len(window.document.blueprint.all_steps()) == 4
    assert corner(window) == before
    for title in ("A much longer card that makes the lane grow taller", "Another one", "And a third"):
        double_click(qtbot, window, cell_centre(window, "customer", "step0"))
        type_text(window.view.inplace.edit, title)
        key(qtbot, window.view.inplace.edit, Qt.Key.Key_Return)
    assert len(window.document.blueprint.cards_in_cell("customer", "step0")) == 4
    assert corner(window) == before
    look(window, "view-keeps-place")
    window.view.fit()  # zooming and fitting start afresh
    qtbot.wait(20)
    shown = window.view.mapFromScene(window.view.sceneRect()).boundingRect()
    assert abs(shown.center().x() - window.view.viewport().rect().center().x()) <= 2


def test_a_scrolled_blueprint_keeps_its_top_left_when_a_step_is_inserted_before_it(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, load(REPO / "samples" / "hotel-stay.blueprint"))
    view = window.view
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 2)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    top_left = view.mapToScene(0, 0)
    first = window.document.blueprint.stages[0].steps[0].id
    window.canvas_editor.insert_step(first, after=False)
    window.canvas_editor.insert_lane(window.document.blueprint.lanes[0].id, "notes", after=False)
    assert view.mapToScene(0, 0) == top_left
