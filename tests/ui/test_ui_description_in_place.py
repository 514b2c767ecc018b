"""Descriptions are typed in place in a several-line box (Shift+Enter: new line, Enter: done, Escape:
cancel); titles stay one line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from blueprint.layout import metrics as m

from builders import blueprint_with, card
from menu_gestures import right_click_pick
from ui_gestures import card_centre, click, double_click, key, look, open_window

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders a coffee", description="At the counter"),
            card("c2", "frontstage", 0, "Takes the order"),
        ],
    )
    return open_window(qtbot, doc)


def description_point(window, card_id: str) -> QPointF:  # type: ignore[no-untyped-def]
    shape = window.scene.layout.cards[card_id]
    y = shape.box.y + m.CARD_PAD + len(shape.title_lines) * m.TITLE_LEADING + m.BLOCK_GAP + 3
    return QPointF(shape.box.x + shape.box.w / 2, y)


def test_shift_f2_types_a_description_of_several_lines(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c2"))
    key(qtbot, window.view, Qt.Key.Key_F2, SHIFT)
    editor = window.view.inplace
    assert editor is not None and isinstance(editor.edit, QPlainTextEdit)
    qtbot.keyClicks(editor.edit, "Repeats it back")
    key(qtbot, editor.edit, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClicks(editor.edit, "Writes the name on the cup")
    assert window.document.card("c2").description == ""  # nothing until Enter
    look(window, "polish-description-editor")
    key(qtbot, editor.edit, Qt.Key.Key_Return)
    assert window.document.card("c2").description == "Repeats it back\nWrites the name on the cup"
    assert window.view.inplace is None
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Edit description"
    assert window.scene.layout.cards["c2"].description_lines[:1] == ("Repeats it back",)
    look(window, "polish-description-done")
    window.undo_stack.undo()
    assert window.document.card("c2").description == ""


def test_escape_cancels_the_description(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c1"))
    window.actions.edit_description.trigger()
    editor = window.view.inplace
    assert editor.text() == "At the counter"
    qtbot.keyClicks(editor.edit, "Something else")
    key(qtbot, editor.edit, Qt.Key.Key_Escape)
    assert window.document.card("c1").description == "At the counter"
    assert window.undo_stack.count() == 0 and window.view.inplace is None


def test_double_click_on_the_description_edits_it_and_on_the_title_edits_the_title(qtbot, window):  # type: ignore[no-untyped-def]
    double_click(qtbot, window, description_point(window, "c1"))
    editor = window.view.inplace
    assert isinstance(editor.edit, QPlainTextEdit) and editor.text() == "At the counter"
    editor.edit.selectAll()
    key(qtbot, editor.edit, Qt.Key.Key_Delete)
    key(qtbot, editor.edit, Qt.Key.Key_Return)
    assert window.document.card("c1").description == ""  # emptied: the description is gone
    title = window.scene.layout.cards["c1"].box
    double_click(qtbot, window, QPointF(title.x + title.w / 2, title.y + m.CARD_PAD + 4))
    editor = window.view.inplace
    assert isinstance(editor.edit, QLineEdit) and editor.text() == "Orders a coffee"
    editor.edit.end(False)
    qtbot.keyClicks(editor.edit, " to go")
    key(qtbot, editor.edit, Qt.Key.Key_Return, SHIFT)  # a title stays one line: Shift+Enter commits
    assert window.document.card("c1").title == "Orders a coffee to go"
    assert window.view.inplace is None


def test_card_menu_offers_edit_description(qtbot, window):  # type: ignore[no-untyped-def]
    offered = right_click_pick(window, card_centre(window, "c2"), "Edit description")
    assert "Edit title" in offered
    editor = window.view.inplace
    assert isinstance(editor.edit, QPlainTextEdit)
    qtbot.keyClicks(editor.edit, "Smiles")
    click(qtbot, window, card_centre(window, "c1"))  # clicking elsewhere commits, like a title
    assert window.document.card("c2").description == "Smiles"
