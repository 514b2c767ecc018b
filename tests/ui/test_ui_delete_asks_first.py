"""Deleting a lane, stage or step that holds cards asks first (naming what goes); empty ones go at once;
a refused deletion's message stays readable after the menu closed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QApplication

from blueprint.ui.canvas import removal_prompt

from builders import blueprint_with, card
from menu_gestures import header_centre, right_click_pick
from ui_gestures import click, key, open_window


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders a coffee"),
            card("c2", "frontstage", 0, "Takes the order"),
            card("c3", "backstage", 1, "Brews it"),
            card("c4", "backstage", 2, "Cleans up"),
        ],
        links=[("c1", "c2"), ("c2", "c3"), ("c3", "c4")],
        stages=[("order", 1, None), ("serve", 2, None)],
    )
    return open_window(qtbot, doc)


@pytest.fixture
def answers(monkeypatch):  # type: ignore[no-untyped-def]
    """Record the questions asked and answer them (modal boxes would hang the offscreen run)."""
    asked: list[tuple[str, str]] = []
    reply = {"delete": True}

    def confirm(question: str, detail: str) -> bool:
        asked.append((question, detail))
        return reply["delete"]

    monkeypatch.setattr(removal_prompt, "confirm_removal", confirm)
    return asked, reply


def lane_ids(window):  # type: ignore[no-untyped-def]
    return [lane.id for lane in window.document.blueprint.lanes]


def test_deleting_a_lane_with_cards_asks_naming_cards_and_links_then_undo_restores(window, answers):  # type: ignore[no-untyped-def]
    asked, _ = answers
    before = window.document.blueprint.model_dump()
    right_click_pick(window, header_centre(window, "lane", "backstage"), "Delete lane")
    assert asked == [
        ("Delete the lane 'Backstage' with its 2 cards and 2 links?", "Undo (Ctrl+Z) brings them back.")
    ]
    assert "backstage" not in lane_ids(window)
    assert window.document.card("c3") is None and len(window.document.blueprint.links) == 1
    window.undo_stack.undo()
    assert window.document.blueprint.model_dump() == before
    assert "c3" in window.scene.cards


def test_answering_cancel_keeps_the_lane_and_pushes_nothing(window, answers):  # type: ignore[no-untyped-def]
    asked, reply = answers
    reply["delete"] = False
    right_click_pick(window, header_centre(window, "step", "step0"), "Delete step")  # refused anyway
    right_click_pick(window, header_centre(window, "lane", "customer"), "Delete lane")
    assert asked[-1][0] == "Delete the lane 'Customer' with its 1 card and 1 link?"
    assert "customer" in lane_ids(window)
    assert window.undo_stack.count() == 0


def test_empty_lane_and_step_go_without_asking(window, answers):  # type: ignore[no-untyped-def]
    asked, _ = answers
    right_click_pick(window, header_centre(window, "lane", "support"), "Delete lane")
    assert "support" not in lane_ids(window)
    right_click_pick(window, header_centre(window, "stage", "serve"), "Insert stage after")
    window.view.cancel_gesture()  # the new stage's name editor
    new_stage = window.document.blueprint.stages[-1]
    right_click_pick(window, header_centre(window, "stage", new_stage.id), "Delete stage")
    assert [s.id for s in window.document.blueprint.stages] == ["order", "serve"]
    assert asked == []
    assert window.undo_stack.count() == 3


def test_deleting_a_stage_counts_the_cards_of_all_its_steps(window, answers):  # type: ignore[no-untyped-def]
    asked, _ = answers
    right_click_pick(window, header_centre(window, "stage", "serve"), "Delete stage")
    assert asked[0][0] == "Delete the stage 'Serve' with its 2 cards and 2 links?"
    assert [s.id for s in window.document.blueprint.stages] == ["order"]
    window.undo_stack.undo()
    assert window.document.card("c4") is not None


def test_delete_key_on_a_selected_step_header_asks_too(qtbot, window, answers):  # type: ignore[no-untyped-def]
    asked, _ = answers
    click(qtbot, window, header_centre(window, "step", "step2"))
    assert window.selection.ids == ("step2",)
    key(qtbot, window.view, Qt.Key.Key_Delete)
    assert asked[0][0] == "Delete the step 'Step 2' with its 1 card and 1 link?"
    assert "step2" not in [step.id for _, step in window.document.blueprint.all_steps()]
    assert window.selection.ids == ()


def test_refused_deletion_message_stays_after_the_menu_closed(qtbot, window, answers):  # type: ignore[no-untyped-def]
    bar = window.statusBar()
    right_click_pick(window, header_centre(window, "step", "step0"), "Delete step")
    expected = "Stage 'Order' needs at least one step; remove the stage instead"
    assert bar.currentMessage() == expected
    # what a closing menu (or the pointer leaving an item with a tip) sends the window
    QApplication.sendEvent(window, QStatusTipEvent("Paste cards (with the links among them)"))
    assert bar.currentMessage() == "Paste cards (with the links among them)"
    QApplication.sendEvent(window, QStatusTipEvent(""))
    qtbot.wait(30)
    assert bar.currentMessage() == expected


def test_refused_message_comes_back_after_pointing_at_a_toolbar_button(qtbot, window, answers):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QEnterEvent
    from PySide6.QtWidgets import QToolBar

    bar = window.statusBar()
    right_click_pick(window, header_centre(window, "step", "step0"), "Delete step")
    expected = "Stage 'Order' needs at least one step; remove the stage instead"
    assert bar.currentMessage() == expected
    button = window.findChild(QToolBar).widgetForAction(window.actions.save)
    # the pointer enters and leaves the Save button (what Qt sends on hover)
    QApplication.sendEvent(button, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))
    assert bar.currentMessage() == "Save the blueprint"
    QApplication.sendEvent(button, QEvent(QEvent.Type.Leave))
    qtbot.wait(20)
    assert bar.currentMessage() == expected
