"""New-user review, small roughness: Findings rows follow the selection, grouped rows select their
elements and say what the rule checks, the Inspector in front at start, the card menu's Cut and
shortcuts, a Findings dock tall enough to read."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from blueprint.ui.access_keys import shown_text
from blueprint.ui.canvas.menus import card_menu
from blueprint.ui.main_window import MainWindow
from blueprint.validate import RULES

from builders import findings_blueprint
from ui_gestures import card_centre, click, look, open_window


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = findings_blueprint()  # a lone BP104 row, five BP108 under one row
    w = open_window(qtbot, doc)
    w.findings_watch.run_now()
    return w


def click_row(qtbot, panel, item) -> None:  # type: ignore[no-untyped-def]
    tree = panel.tree
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )


def test_a_finding_row_loses_its_highlight_when_the_selection_moves_on(qtbot, window):  # type: ignore[no-untyped-def]
    panel = window.panel("FindingsPanel")
    row = next(r for r in panel.rows() if r.data(0, Qt.ItemDataRole.UserRole).code == "BP104")
    click_row(qtbot, panel, row)
    assert window.selection.ids == ("c2",)
    assert panel.tree.selectedItems() == [row]
    click(qtbot, window, card_centre(window, "c3"))
    assert window.selection.ids == ("c3",)
    assert panel.tree.selectedItems() == []


def test_a_grouped_row_selects_all_its_elements_and_says_what_the_rule_checks(qtbot, window):  # type: ignore[no-untyped-def]
    panel = window.panel("FindingsPanel")
    group = panel.tree.topLevelItem(0)
    rule = next(
        group.child(i) for i in range(group.childCount()) if group.child(i).text(0).startswith("BP108")
    )
    assert rule.text(0).endswith("× 5")
    assert rule.text(1) == RULES["BP108"].summary
    click_row(qtbot, panel, rule)
    assert set(window.selection.ids) == {f"step{i}" for i in range(1, 6)}
    assert panel.tree.selectedItems() == [rule]
    look(window, "review-fix-findings")


def test_the_inspector_is_in_front_at_start_even_after_a_saved_layout(qtbot, window):  # type: ignore[no-untyped-def]
    window.panel("FunctionsPanel").raise_()
    qtbot.wait(20)
    window.close()  # saves the window layout with the Functions tab in front
    again = MainWindow()
    qtbot.addWidget(again, before_close_func=lambda w: w.undo_stack.setClean())
    again.show()
    qtbot.waitExposed(again)
    assert not again.panel("InspectorPanel").visibleRegion().isEmpty()
    assert again.panel("FunctionsPanel").visibleRegion().isEmpty()


def test_card_menu_has_cut_and_shows_shortcuts(qtbot, window):  # type: ignore[no-untyped-def]
    menu = card_menu(window.view, "c1")
    entries = {shown_text(a.text()): a for a in menu.actions()}
    for text, key in (
        ("Cut", QKeySequence.StandardKey.Cut),
        ("Copy", QKeySequence.StandardKey.Copy),
        ("Delete", QKeySequence.StandardKey.Delete),
    ):
        assert entries[text].shortcut() in QKeySequence.keyBindings(key), text
    assert entries["Duplicate"].shortcut() == QKeySequence("Ctrl+D")
    window.selection.set(["c1"])
    entries["Cut"].trigger()
    assert window.document.card("c1") is None
    assert window.canvas_editor.can_paste()


def test_the_findings_dock_shows_several_rows(qtbot, window):  # type: ignore[no-untyped-def]
    tree = window.panel("FindingsPanel").tree
    row_height = tree.visualItemRect(tree.topLevelItem(0)).height()
    assert tree.viewport().height() >= 5 * row_height
