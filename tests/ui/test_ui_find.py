"""Edit > Find… (Ctrl+F): Enter selects and centres the next card containing the text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from blueprint.ui.find_bar import matching_cards

from builders import blueprint_with, card
from ui_gestures import key, look, open_window, type_text


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("late", "backstage", 9, "Ships the ORDER"),
            card("first", "customer", 0, "Places an order"),
            card("other", "frontstage", 1, "Greets the guest"),
            card("middle", "frontstage", 4, "Checks stock", description="before the order is confirmed"),
        ],
        steps=10,
    )
    return open_window(qtbot, doc)


def test_matching_cards_are_in_reading_order(window):  # type: ignore[no-untyped-def]
    assert matching_cards(window.document.blueprint, "order") == ["first", "middle", "late"]
    assert matching_cards(window.document.blueprint, "nothing like it") == []


def test_ctrl_f_then_enter_walks_the_matching_cards_and_wraps(qtbot, window):  # type: ignore[no-untyped-def]
    window.view.setFocus()
    key(qtbot, window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    type_text(bar.edit, "order")
    assert bar.edit.text() == "order"
    seen = []
    for _ in range(4):
        key(qtbot, bar.edit, Qt.Key.Key_Return)
        seen.append(window.selection.ids)
    assert seen == [("first",), ("middle",), ("late",), ("first",)]
    key(qtbot, bar.edit, Qt.Key.Key_Return)
    key(qtbot, bar.edit, Qt.Key.Key_Return)
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    box = window.scene.layout.cards["late"].box
    assert visible.contains(box.x + box.w / 2, box.y + box.h / 2), "the found card is in sight"
    look(window, "review-fix-find")
    key(qtbot, bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_no_match_says_so_in_the_status_bar(qtbot, window):  # type: ignore[no-untyped-def]
    window.actions.find.trigger()
    type_text(window.find_bar.edit, "zebra")
    window.selection.set(["other"])
    key(qtbot, window.find_bar.edit, Qt.Key.Key_Return)
    assert window.statusBar().currentMessage() == "Nothing on the blueprint contains “zebra”"
    assert window.selection.ids == ("other",)
