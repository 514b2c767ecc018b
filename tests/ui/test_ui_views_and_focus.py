"""Audience views in the editor: View > Views applies a saved view (not an edit), hidden lanes leave
the canvas, focus fades the rest; saving, renaming and deleting views are edits; the Functions panel
focuses on the selected functions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from blueprint.edit import MoveCard, SetCardFields
from blueprint.layout import compute_layout
from blueprint.layout.focus import FADED_OPACITY
from blueprint.ui.access_keys import shown_text
from blueprint.ui.commands import push
from blueprint.ui.dialogs.views_dialog import ManageViewsDialog
from blueprint.ui.main_window import MainWindow

from builders import sharing_blueprint
from ui_gestures import open_window, when_dialog_opens


def _pick(window: MainWindow, text: str) -> None:
    action = next(a for a in window.views.menu_actions() if shown_text(a.text()) == shown_text(text))
    action.trigger()


def _lanes(window: MainWindow) -> list[str]:
    return [band.lane_id for band in window.scene.layout.lanes]


def test_applying_a_view_is_not_an_edit_and_all_lanes_returns(qtbot) -> None:
    window = open_window(qtbot, sharing_blueprint())
    _pick(window, "Front of house")
    assert "support" not in _lanes(window) and "s0" not in window.scene.cards  # gone, not a blank row
    support_top = next(b.band.y for b in window.scene.layout.lanes if b.lane_id == "frontstage")
    assert window.scene.cards["b0"].opacity() == FADED_OPACITY  # team B is not in focus
    assert window.scene.cards["c0"].opacity() == 1.0 and window.scene.cards["f0"].opacity() == 1.0
    assert window.scene.links["l1"].strong and not window.scene.links["l0"].strong
    assert window.undo_stack.count() == 0 and not window.isWindowModified()
    assert window.views.current_view_id() == "front"
    _pick(window, "All lanes")
    assert _lanes(window) == ["evidence", "customer", "frontstage", "backstage", "support"]
    assert all(item.opacity() == 1.0 for item in window.scene.cards.values())
    assert "s0" in window.scene.cards and support_top > 0
    assert window.undo_stack.count() == 0 and not window.isWindowModified()


def test_edits_with_a_lane_hidden_keep_it_hidden_and_select_all_reaches_only_what_shows(qtbot) -> None:
    window = open_window(qtbot, sharing_blueprint())
    window.views.set_lane_hidden("support", True)
    push(window.undo_stack, window.document, SetCardFields("f0", {"title": "Takes the booking by phone"}))
    assert "support" not in _lanes(window) and "s0" not in window.scene.cards
    assert window.scene.cards["f0"].card_box.title_lines[0].startswith("Takes the")
    push(window.undo_stack, window.document, MoveCard("f0", "frontstage", "step1", 0))
    assert window.scene.layout == compute_layout(window.scene.shown_blueprint())  # as if laid out afresh
    window.actions.select_all.trigger()
    assert "s0" not in window.selection.ids and "f0" in window.selection.ids
    window.selection.set(["s0"])  # as a finding of the hidden support card selects it
    assert window.statusBar().currentMessage().startswith("1 selected card is in hidden lanes")


def test_save_current_view_rename_and_delete_are_edits_that_undo(qtbot) -> None:
    window = open_window(qtbot, sharing_blueprint())
    window.views.set_lane_hidden("evidence", True)
    window.views.toggle_focus(["team-b"])

    def answer(dialog: QInputDialog) -> None:
        dialog.setTextValue("Kitchen view")
        dialog.accept()

    when_dialog_opens(answer)
    _pick(window, "&Save Current View As…")
    saved = window.document.blueprint.views[-1]
    assert (saved.name, saved.hidden_lanes, saved.focus) == ("Kitchen view", ["evidence"], ["team-b"])
    assert window.undo_stack.count() == 1 and window.isWindowModified()
    dialog = ManageViewsDialog(window)
    dialog.list.setCurrentRow(2)
    dialog.rename("Back office")
    assert window.document.blueprint.views[2].name == "Back office"
    dialog.list.setCurrentRow(0)
    dialog.delete()
    assert [v.id for v in window.document.blueprint.views] == ["all", saved.id]
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["Everything", "Back office"]
    window.undo_stack.undo()
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert [v.name for v in window.document.blueprint.views] == ["Front of house", "Everything"]


def test_focus_from_the_functions_panel_toggles_on_the_selected_functions(qtbot) -> None:
    window = open_window(qtbot, sharing_blueprint())
    panel = window.panel("FunctionsPanel")
    panel.raise_()
    qtbot.waitUntil(panel.isVisible)
    rows = panel.list
    first, second = rows.item(0), rows.item(1)  # Team A, Team B
    qtbot.mouseClick(rows.viewport(), Qt.MouseButton.LeftButton, pos=rows.visualItemRect(first).center())
    qtbot.mouseClick(
        rows.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ControlModifier,
        rows.visualItemRect(second).center(),
    )
    assert panel.selected_ids() == ["team-a", "team-b"]
    qtbot.mouseClick(panel.focus_button, Qt.MouseButton.LeftButton)
    faded = {i for i, item in window.scene.cards.items() if item.opacity() == FADED_OPACITY}
    assert faded == {"s0"}  # only team C's card; customers stay at full strength
    assert panel.focus_button.text() == "Unfocus" and first.font().bold()
    assert [shown_text(a.text()) for a in panel.context_menu("team-a").actions()][:2] == [
        "Unfocus",
        "Export Hand-off Sheet…",
    ]
    qtbot.mouseClick(panel.focus_button, Qt.MouseButton.LeftButton)
    assert all(item.opacity() == 1.0 for item in window.scene.cards.values())
    assert window.undo_stack.count() == 0 and not window.isWindowModified()


def test_a_view_name_already_taken_is_refused_with_a_clear_message(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import blueprint.ui.dialogs.views_dialog as views_dialog
    import blueprint.ui.views_menu as views_menu

    shown: list[str] = []
    monkeypatch.setattr(views_menu, "show_error", lambda parent, title, line: shown.append(line))
    monkeypatch.setattr(views_dialog, "show_error", lambda parent, title, line: shown.append(line))
    window = open_window(qtbot, sharing_blueprint())
    assert window.views.save_current_as("  front OF house ") is None  # another view's name, any case
    assert shown == ["A view named “Front of house” already exists: choose another name."]
    assert len(window.document.blueprint.views) == 2 and window.undo_stack.count() == 0
    first = window.views.save_current_as("")  # nothing typed: a free default name
    second = window.views.save_current_as("")
    names = {v.id: v.name for v in window.document.blueprint.views}
    assert (names[first], names[second]) == ("View", "View 2")
    dialog = ManageViewsDialog(window)
    dialog.list.setCurrentRow(1)  # "Everything"
    dialog.rename("View")
    assert shown[-1] == "A view named “View” already exists: choose another name."
    assert window.document.blueprint.views[1].name == "Everything"
    dialog.rename(" Everything ")  # its own name stays allowed
    dialog.rename("   ")
    assert shown[-1] == "A view needs a name." and window.document.blueprint.views[1].name == "Everything"
