"""Paste goes where the designer clicked (keeping the copies' offsets), and a click on the canvas brings
the Inspector to the front when the Functions panel hid it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from builders import blueprint_with, card
from menu_gestures import right_click_pick
from ui_gestures import card_centre, cell_centre, click, key, look, open_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("a", "customer", 0, "Orders a coffee"),
            card("b", "frontstage", 1, "Takes the order", function="team-a"),
            card("c", "backstage", 2, "Brews it", function="team-b"),
        ],
        links=[("a", "b"), ("b", "c")],
    )
    return open_window(qtbot, doc)


def cells_of(window, ids):  # type: ignore[no-untyped-def]
    return [(window.document.card(i).lane, window.document.card(i).step) for i in ids]


def copy_a_and_b(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "a"))
    click(qtbot, window, card_centre(window, "b"), CTRL)
    key(qtbot, window.view, Qt.Key.Key_C, CTRL)


def test_ctrl_v_after_clicking_an_empty_cell_pastes_there_keeping_offsets(qtbot, window):  # type: ignore[no-untyped-def]
    copy_a_and_b(qtbot, window)
    click(qtbot, window, cell_centre(window, "backstage", "step0"))
    assert window.selection.ids == ()
    key(qtbot, window.view, Qt.Key.Key_V, CTRL)
    pasted = list(window.selection.ids)
    assert len(pasted) == 2
    # a (customer, step0) and b (frontstage, step1): one lane and one step apart, still
    assert cells_of(window, pasted) == [("backstage", "step0"), ("support", "step1")]
    copies = [link for link in window.document.blueprint.links if link.source in pasted]
    assert [(link.source, link.target) for link in copies] == [(pasted[0], pasted[1])]
    assert window.undo_stack.count() == 1


def test_pasting_near_the_grid_edge_clamps_to_the_last_lane_and_step(qtbot, window):  # type: ignore[no-untyped-def]
    copy_a_and_b(qtbot, window)
    click(qtbot, window, cell_centre(window, "support", "step2"))
    key(qtbot, window.view, Qt.Key.Key_V, CTRL)
    assert cells_of(window, window.selection.ids) == [("support", "step2"), ("support", "step2")]


def test_paste_here_in_the_menu_of_an_empty_cell(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c"))
    key(qtbot, window.view, Qt.Key.Key_C, CTRL)
    right_click_pick(window, cell_centre(window, "evidence", "step1"), "Paste here")
    [copy] = window.selection.ids
    assert cells_of(window, [copy]) == [("evidence", "step1")]
    assert window.document.card(copy).title == "Brews it"


def test_ctrl_v_with_a_card_selected_pastes_into_its_cell(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "a"))
    key(qtbot, window.view, Qt.Key.Key_C, CTRL)
    click(qtbot, window, cell_centre(window, "support", "step0"))  # an empty cell, then a card
    click(qtbot, window, card_centre(window, "c"))
    key(qtbot, window.view, Qt.Key.Key_V, CTRL)
    assert cells_of(window, window.selection.ids) == [("backstage", "step2")]


def test_clicking_a_card_brings_the_inspector_in_front_of_functions(qtbot, window):  # type: ignore[no-untyped-def]
    inspector, functions = window.panel("InspectorPanel"), window.panel("FunctionsPanel")
    functions.raise_()
    qtbot.waitUntil(lambda: inspector.visibleRegion().isEmpty())
    # working in the Functions panel selects cards without taking the panel away
    functions.list.setCurrentRow(0)  # team-a owns b
    qtbot.mouseClick(functions.cards_button, Qt.MouseButton.LeftButton)
    assert window.selection.ids == ("b",)
    qtbot.wait(20)
    assert inspector.visibleRegion().isEmpty() and not functions.visibleRegion().isEmpty()
    click(qtbot, window, card_centre(window, "c"))
    assert window.selection.ids == ("c",)
    qtbot.waitUntil(lambda: not inspector.visibleRegion().isEmpty())
    assert inspector.pages.currentWidget() is inspector.card_form
    assert inspector.card_form.title.text() == "Brews it"
    look(window, "polish-inspector-front")
