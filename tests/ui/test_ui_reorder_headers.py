"""Steps, stages and lanes reorder from their menus, with Alt+arrows on a selected header, and by dragging
a header (an insertion marker shows where it goes); each move is one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from builders import blueprint_with, card
from menu_gestures import header_centre, right_click_pick
from ui_gestures import LEFT, NO_MODIFIER, at, click, key, look, open_window

ALT = Qt.KeyboardModifier.AltModifier


def step_order(window) -> list[tuple[str, list[str]]]:  # type: ignore[no-untyped-def]
    return [(stage.id, [step.id for step in stage.steps]) for stage in window.document.blueprint.stages]


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[card("c0", "customer", 0, "Books"), card("c2", "frontstage", 2, "Confirms")],
        stages=[("plan", 2, None), ("stay", 2, None), ("leave", 1, None)],
    )
    return open_window(qtbot, doc)


def test_step_and_stage_menus_move_them_one_place_each_one_undo_step(window):  # type: ignore[no-untyped-def]
    offered = right_click_pick(window, header_centre(window, "step", "step0"), "Move step right")
    assert "Move step left" in offered and "Move step right" in offered
    assert step_order(window)[0] == ("plan", ["step1", "step0"])
    assert window.undo_stack.count() == 1
    # past its stage's edge a step joins the next stage, as its first step
    right_click_pick(window, header_centre(window, "step", "step0"), "Move step right")
    assert step_order(window)[:2] == [("plan", ["step1"]), ("stay", ["step0", "step2", "step3"])]
    right_click_pick(window, header_centre(window, "stage", "leave"), "Move stage left")
    assert [s for s, _ in step_order(window)] == ["plan", "leave", "stay"]
    assert window.document.card("c2").step == "step2"  # cards go with their steps
    assert window.undo_stack.count() == 3
    window.undo_stack.undo()
    assert [s for s, _ in step_order(window)] == ["plan", "stay", "leave"]


def test_alt_arrows_move_the_selected_header(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, header_centre(window, "step", "step3"))
    assert window.selection.ids == ("step3",)
    key(qtbot, window.view, Qt.Key.Key_Left, ALT)
    assert step_order(window)[1] == ("stay", ["step3", "step2"])
    assert window.selection.ids == ("step3",), "the step stays selected for the next move"
    click(qtbot, window, header_centre(window, "stage", "plan"))
    key(qtbot, window.view, Qt.Key.Key_Right, ALT)
    assert [s for s, _ in step_order(window)] == ["stay", "plan", "leave"]
    click(qtbot, window, header_centre(window, "lane", "support"))
    key(qtbot, window.view, Qt.Key.Key_Up, ALT)
    assert [lane.id for lane in window.document.blueprint.lanes][-2:] == ["support", "backstage"]
    assert window.undo_stack.count() == 3
    key(qtbot, window.view, Qt.Key.Key_Left, ALT)  # a lane does not move sideways: nothing happens
    assert window.undo_stack.count() == 3


def test_dragging_a_header_shows_a_marker_and_drops_in_one_undo_step(qtbot, window):  # type: ignore[no-untyped-def]
    view, viewport = window.view, window.view.viewport()
    start = at(window, header_centre(window, "step", "step0"))
    layout = window.scene.layout
    gap = next(s for s in layout.steps if s.step_id == "step3").box  # drop between step 2 and step 3
    target = view.mapFromScene(QPointF(gap.x + 8, view.mapToScene(start).y()))
    qtbot.mousePress(viewport, LEFT, NO_MODIFIER, start)
    for i in range(1, 7):
        qtbot.mouseMove(viewport, start + (target - start) * (i / 6))
    marker = view.interaction.marker
    assert marker.isVisible() and marker.scene() is window.scene
    assert abs(marker.line().x1() - gap.x) < 0.5, "the marker stands in the gap the step will go to"
    look(window, "reorder-drag-marker")
    qtbot.mouseRelease(viewport, LEFT, NO_MODIFIER, target)
    assert step_order(window)[:2] == [("plan", ["step1"]), ("stay", ["step2", "step0", "step3"])]
    assert marker.scene() is None
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert step_order(window)[0] == ("plan", ["step0", "step1"])


def test_a_stages_only_step_offers_no_move(window):  # type: ignore[no-untyped-def]
    """The menu of the "leave" stage's only step offered Move step left, which was then refused ("Stage
    'leave' needs at least one step"); it is greyed now, as the first and last steps' entries are."""
    from blueprint.ui.access_keys import shown_text
    from blueprint.ui.canvas.menus import header_menu

    entries = {
        shown_text(a.text()): a.isEnabled() for a in header_menu(window.view, "step", "step4").actions()
    }
    assert entries["Move step left"] is False and entries["Move step right"] is False
    entries = {
        shown_text(a.text()): a.isEnabled() for a in header_menu(window.view, "step", "step3").actions()
    }
    assert entries["Move step left"] is True and entries["Move step right"] is True
    assert step_order(window)[2] == ("leave", ["step4"])
