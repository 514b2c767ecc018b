"""The Inspector edits several selected cards at once: the fields they share, one undo step each."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from blueprint.ui.panels.inspector_many import MIXED_TEXT

from builders import blueprint_with, card
from ui_gestures import card_centre, click, look, open_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("c1", "frontstage", 0, "Takes the order", function="team-a", channel="counter"),
            card("c2", "frontstage", 1, "Hands over", function="team-a", channel="app"),
            card("c3", "backstage", 1, "Brews it", function="team-b"),
        ],
    )
    window = open_window(qtbot, doc)
    click(qtbot, window, card_centre(window, "c1"))
    click(qtbot, window, card_centre(window, "c2"), CTRL)
    return window


def pick(qtbot, box, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open a combo box's list and click an entry, as a person does."""
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(view.isVisible)
    index = view.model().index(box.findText(text), 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    qtbot.waitUntil(lambda: not view.isVisible())


def test_shared_fields_show_and_differing_ones_read_mixed(qtbot, window):  # type: ignore[no-untyped-def]
    form = window.panel("InspectorPanel").cards_form
    assert window.panel("InspectorPanel").pages.currentWidget() is form
    assert form.heading.text() == "<b>2 cards</b>"
    assert form.function.currentText() == "Team A"
    assert form.channel.text() == "" and form.channel.placeholderText() == MIXED_TEXT
    look(window, "polish-many-cards")


def test_changing_the_function_changes_every_selected_card_in_one_step(qtbot, window):  # type: ignore[no-untyped-def]
    form = window.panel("InspectorPanel").cards_form
    pick(qtbot, form.function, "Team C")
    bp = window.document
    assert [bp.card(i).function for i in ("c1", "c2", "c3")] == ["team-c", "team-c", "team-b"]
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Set function (2 cards)"
    window.undo_stack.undo()
    assert [bp.card(i).function for i in ("c1", "c2")] == ["team-a", "team-a"]
    assert window.selection.ids == ("c1", "c2")  # undo selects them again


def test_a_channel_typed_over_mixed_ones_applies_on_enter_and_empty_keeps_them(qtbot, window):  # type: ignore[no-untyped-def]
    form = window.panel("InspectorPanel").cards_form
    qtbot.mouseClick(form.channel, Qt.MouseButton.LeftButton)
    qtbot.keyClick(form.channel, Qt.Key.Key_Return)  # empty over differing channels: nothing changes
    assert window.undo_stack.count() == 0
    qtbot.keyClicks(form.channel, "phone")
    assert window.undo_stack.count() == 0  # not per keystroke
    qtbot.keyClick(form.channel, Qt.Key.Key_Return)
    assert [window.document.card(i).channel for i in ("c1", "c2")] == ["phone", "phone"]
    assert window.undo_stack.count() == 1
    pick(qtbot, form.emotion, "+1 happy")
    assert {window.document.card(i).emotion for i in ("c1", "c2")} == {1}
    assert window.undo_stack.count() == 2
