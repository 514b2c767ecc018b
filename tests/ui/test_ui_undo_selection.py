"""Undo and redo select what the step was about, so the Inspector follows the change being undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from blueprint.ui.canvas import removal_prompt
from blueprint.ui.commands import subjects

from builders import blueprint_with, card
from menu_gestures import header_centre, right_click_pick
from ui_gestures import card_centre, cell_centre, click, drag, key, look, open_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders a coffee"),
            card("c2", "frontstage", 0, "Takes the order", function="team-a"),
            card("c3", "backstage", 1, "Brews it", function="team-b"),
        ],
        links=[("c1", "c2"), ("c2", "c3")],
    )
    return open_window(qtbot, doc)


def undo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    key(qtbot, window.view, Qt.Key.Key_Z, CTRL)


def redo(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.actions.redo.trigger()


def test_undoing_an_inspector_edit_selects_the_card_again(qtbot, window):  # type: ignore[no-untyped-def]
    inspector = window.panel("InspectorPanel")
    click(qtbot, window, card_centre(window, "c3"))
    title = inspector.card_form.title
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton)
    title.selectAll()
    qtbot.keyClicks(title, "Grinds the beans")
    assert window.document.card("c3").title == "Grinds the beans"
    click(qtbot, window, cell_centre(window, "support", "step2"))  # somewhere else
    assert window.selection.ids == () and inspector.pages.currentWidget() is inspector.document_form
    undo(qtbot, window)
    assert window.document.card("c3").title == "Brews it"
    assert window.selection.ids == ("c3",)
    assert inspector.pages.currentWidget() is inspector.card_form
    assert inspector.card_form.title.text() == "Brews it"


def test_undoing_a_delete_selects_the_restored_cards_and_redo_clears(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c1"))
    click(qtbot, window, card_centre(window, "c2"), CTRL)
    key(qtbot, window.view, Qt.Key.Key_Delete)
    assert window.document.card("c1") is None and window.selection.ids == ()
    undo(qtbot, window)
    assert window.selection.ids == ("c1", "c2")
    assert window.scene.cards["c1"].selected_look
    inspector = window.panel("InspectorPanel")
    assert inspector.pages.currentWidget() is inspector.cards_form
    redo(qtbot, window)
    assert window.document.card("c1") is None and window.selection.ids == ()


def test_undoing_a_move_selects_the_moved_card(qtbot, window):  # type: ignore[no-untyped-def]
    drag(qtbot, window, card_centre(window, "c3"), cell_centre(window, "support", "step2"))
    assert window.document.card("c3").lane == "support"
    click(qtbot, window, card_centre(window, "c1"))
    undo(qtbot, window)
    assert window.document.card("c3").lane == "backstage"
    assert window.selection.ids == ("c3",)


def test_undoing_a_lane_deletion_selects_the_lane(qtbot, window, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(removal_prompt, "confirm_removal", lambda question, detail: True)
    right_click_pick(window, header_centre(window, "lane", "backstage"), "Delete lane")
    assert window.selection.ids == ()
    undo(qtbot, window)
    inspector = window.panel("InspectorPanel")
    assert window.selection.ids == ("backstage",)
    assert inspector.pages.currentWidget() is inspector.lane_form


def test_undoing_a_blueprint_title_edit_shows_the_blueprint_form(qtbot, window):  # type: ignore[no-untyped-def]
    inspector = window.panel("InspectorPanel")
    title = inspector.document_form.title
    qtbot.mouseClick(title, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(title, " v2")
    assert window.document.blueprint.title == "Test blueprint v2"
    click(qtbot, window, card_centre(window, "c2"))
    undo(qtbot, window)
    assert window.document.blueprint.title == "Test blueprint"
    assert window.selection.ids == ()
    assert inspector.pages.currentWidget() is inspector.document_form
    look(window, "polish-undo-title")


def test_undoing_a_new_card_drops_it_from_the_selection_and_redo_selects_it(qtbot, window):  # type: ignore[no-untyped-def]
    new_id = window.canvas_editor.add_card("support", "step0", "Restocks")
    assert window.selection.ids == (new_id,)
    undo(qtbot, window)
    assert window.selection.ids == ()
    redo(qtbot, window)
    assert window.selection.ids == (new_id,)


def test_subjects_of_a_paste_are_its_cards_not_their_links(window):  # type: ignore[no-untyped-def]
    from blueprint.edit import copy_cards, paste_cards, pasted_card_ids

    batch = paste_cards(window.document, copy_cards(window.document, ["c1", "c2"]), "support", "step2")
    assert subjects(batch) == pasted_card_ids(batch)
