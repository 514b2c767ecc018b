"""New functions get distinct colours from the palette (readable on every lane's cards), and Set
function > New function… asks for the kind as well as the name."""

from __future__ import annotations

from PySide6.QtCore import Qt

from blueprint.export.palette import FUNCTION_COLORS
from blueprint.ui.dialogs.new_function import NewFunctionDialog

from builders import blueprint_with, card
from menu_gestures import right_click_pick
from ui_gestures import card_centre, look, open_window, type_text, when_dialog_opens


def test_new_function_asks_name_and_kind_and_each_gets_its_own_colour(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[card("f1", "frontstage", 0, "Greets"), card("b1", "backstage", 1, "Cooks")], functions=[]
    )
    window = open_window(qtbot, doc)
    made = []
    for card_id, name, kind in (("f1", "Host", "Role"), ("b1", "Kitchen display", "System")):

        def answer(dialog, name=name, kind=kind) -> None:  # type: ignore[no-untyped-def]
            assert isinstance(dialog, NewFunctionDialog)
            assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # a name first
            type_text(dialog.name_edit, name)
            dialog.kind_box.setCurrentIndex(dialog.kind_box.findText(kind))
            look(dialog, "new-function-dialog")
            qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)

        when_dialog_opens(answer)
        right_click_pick(window, card_centre(window, card_id), "Set function", "New function…")
        function = window.document.blueprint.functions_by_id()[window.document.card(card_id).function]
        made.append(function)
        assert (function.name, function.kind) == (name, kind.lower())
    assert [f.color for f in made] == list(FUNCTION_COLORS[:2])
    assert window.undo_stack.count() == 2  # each: the function and its card, one step
    functions = window.panel("FunctionsPanel")
    functions.add_function()
    added = window.document.blueprint.functions[-1]
    assert added.color == FUNCTION_COLORS[2], "the panel's Add gets the next free colour, not grey"
