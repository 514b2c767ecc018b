"""The Findings panel follows edits in place: a changed finding's row shows it again, a new finding's
row is added, a fixed one's removed, and the rest stay as they were (the row being read, the groups
opened or folded). A big change is applied a slice at a time, and the watch says it is busy until the
panel is done. After any of it, the panel lists what a panel built afresh lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from blueprint.fileformat import dumps
from blueprint.ui.panels import findings as findings_module
from blueprint.ui.panels.findings import NO_DETAIL, FindingsPanel
from blueprint.ui.selection import Selection

from builders import blueprint_with, card, findings_blueprint
from ui_gestures import card_centre, cell_centre, double_click, key, open_window, type_text


def listed(panel: FindingsPanel) -> list[tuple[int, str, str]]:
    """Every row of the panel, depth first: (depth, rule column, message column)."""
    found: list[tuple[int, str, str]] = []

    def walk(item: QTreeWidgetItem, depth: int) -> None:
        found.append((depth, item.text(0), item.text(1)))
        for i in range(item.childCount()):
            walk(item.child(i), depth + 1)

    for i in range(panel.tree.topLevelItemCount()):
        walk(panel.tree.topLevelItem(i), 0)
    return found


def fresh(qtbot, window) -> FindingsPanel:  # type: ignore[no-untyped-def]
    """A panel built now from the watch's last result (as the window builds one)."""
    panel = FindingsPanel(window.document, window.findings_watch, Selection())
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: not panel._steps, timeout=5000)
    return panel


def group(panel: FindingsPanel, heading: str) -> QTreeWidgetItem:
    tree = panel.tree
    return next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0).startswith(heading)
    )


def click_row(qtbot, panel: FindingsPanel, item: QTreeWidgetItem) -> None:  # type: ignore[no-untyped-def]
    panel.tree.scrollToItem(item)
    qtbot.mouseClick(
        panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=panel.tree.visualItemRect(item).center()
    )


def rename(qtbot, window, card_id: str, title: str) -> None:  # type: ignore[no-untyped-def]
    double_click(qtbot, window, card_centre(window, card_id))
    edit = window.view.inplace.edit
    key(qtbot, edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(edit, title)
    key(qtbot, edit, Qt.Key.Key_Return)


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    """The window on a lone BP104 row and five BP108 under one row, checked."""
    opened = open_window(qtbot, findings_blueprint())
    return opened if opened.findings_watch.run_now() else None


def test_edits_change_the_rows_in_place_and_keep_the_row_read_and_the_open_groups(qtbot, window):  # type: ignore[no-untyped-def]
    panel = window.panel("FindingsPanel")
    warnings = group(panel, "Warnings")
    [unowned] = [row for row in panel.rows() if row.text(0).startswith("BP104")]
    [gaps] = [warnings.child(i) for i in range(warnings.childCount()) if "BP108" in warnings.child(i).text(0)]
    assert gaps.text(0).endswith("× 5") and not gaps.isExpanded()
    click_row(qtbot, panel, gaps)  # opened
    click_row(qtbot, panel, unowned)  # the row read below the list
    assert gaps.isExpanded() and panel.tree.currentItem() is unowned
    scrolled = panel.tree.verticalScrollBar().value()

    rename(qtbot, window, "c2", "Greets the guest")
    window.findings_watch.run_now()
    assert window.document.card("c2").title == "Greets the guest"
    assert "Greets the guest" in unowned.text(1)  # the same row shows the changed finding
    assert panel.tree.currentItem() is unowned and "Greets the guest" in panel.detail.text()
    assert group(panel, "Warnings") is warnings and gaps.isExpanded()
    assert panel.tree.verticalScrollBar().value() == scrolled
    assert listed(panel) == listed(fresh(qtbot, window))

    steps = [step.id for _, step in window.document.blueprint.all_steps()]
    double_click(qtbot, window, cell_centre(window, "customer", steps[3]))  # a journey gap filled
    type_text(window.view.inplace.edit, "Pays")
    key(qtbot, window.view.inplace.edit, Qt.Key.Key_Return)
    window.findings_watch.run_now()
    assert gaps.text(0).endswith("× 4") and gaps.childCount() == 4 and gaps.isExpanded()
    assert unowned.treeWidget() is panel.tree  # (the new card is selected now: no row highlighted)
    assert listed(panel) == listed(fresh(qtbot, window))

    window.undo_stack.undo()
    window.undo_stack.undo()
    window.findings_watch.run_now()
    assert gaps.text(0).endswith("× 5") and "Takes the order" in unowned.text(1)
    assert listed(panel) == listed(fresh(qtbot, window))


def test_a_fixed_finding_row_goes_and_the_detail_says_so(qtbot, window):  # type: ignore[no-untyped-def]
    panel = window.panel("FindingsPanel")
    [unowned] = [row for row in panel.rows() if row.text(0).startswith("BP104")]
    click_row(qtbot, panel, unowned)
    assert window.selection.ids == ("c2",) and panel.tree.currentItem() is unowned
    inspector = window.panel("InspectorPanel")
    inspector.card_form.function.setFocus()
    key(qtbot, inspector.card_form.function, Qt.Key.Key_End)  # a function: no longer unowned
    assert window.document.card("c2").function is not None
    window.findings_watch.run_now()
    assert not [row for row in panel.rows() if row.text(0).startswith("BP104")]
    assert panel.tree.currentItem() is None and panel.detail.text() == NO_DETAIL
    assert listed(panel) == listed(fresh(qtbot, window))


def test_a_folded_group_stays_folded_after_an_edit(qtbot, window):  # type: ignore[no-untyped-def]
    panel = window.panel("FindingsPanel")
    warnings = group(panel, "Warnings")
    panel.tree.collapseItem(warnings)
    rename(qtbot, window, "c2", "Greets the guest")  # the BP104 row under Warnings changes
    window.findings_watch.run_now()
    assert any("Greets the guest" in row.text(1) for row in panel.rows())
    assert group(panel, "Warnings") is warnings and not warnings.isExpanded()


def test_a_big_change_is_shown_in_slices_and_the_watch_waits_for_them(qtbot, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(findings_module, "ROWS_PER_TURN", 3)
    window = open_window(qtbot, blueprint_with(cards=[card("c1", "customer", 0, "Orders")]))
    watch = window.findings_watch
    qtbot.waitUntil(watch.is_idle, timeout=10_000)
    path = tmp_path / "gaps.blueprint"
    (path).write_text(dumps(blueprint_with(cards=[card("c1", "frontstage", 0, "Takes it")], steps=12)))
    panel = window.panel("FindingsPanel")
    seen: list[tuple[bool, int]] = []
    watch.updated.connect(lambda _f: seen.append((watch.is_idle(), len(panel.rows()))))
    assert window.open_path(path)  # as File > Open does
    qtbot.waitUntil(lambda: bool(seen) and watch.is_idle(), timeout=10_000)
    total = len(watch.findings)
    assert total > 10
    assert not seen[0][0] and seen[0][1] < total  # shown over several turns, the watch busy meanwhile
    assert len(panel.rows()) == total
    assert panel.windowTitle() == f"Findings ({total})"
    assert listed(panel) == listed(fresh(qtbot, window))
