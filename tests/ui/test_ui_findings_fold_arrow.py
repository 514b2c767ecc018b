"""The Errors group of the Findings panel never folds, so it shows no fold arrow (and a click where
the arrow would be leaves its rows in sight); Warnings and Info still fold with their arrows."""

from __future__ import annotations

from conftest import REPO
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTreeWidgetItem

from blueprint.fileformat import load
from blueprint.ui.panels.findings import FindingsPanel

from ui_gestures import look, open_window


def branch(panel: FindingsPanel, group: QTreeWidgetItem) -> QRect:
    """Where the fold arrow of a top-level row is drawn: left of its text, on its line."""
    row = panel.tree.visualItemRect(group)
    left = panel.tree.header().sectionViewportPosition(0)
    return QRect(left, row.top(), panel.tree.indentation(), row.height())


def inked(image: QImage, rect: QRect, background: int) -> int:
    """How many pixels of `rect` are not the list's background (an arrow's)."""
    return sum(
        image.pixel(x, y) != background
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def rows_in_sight(panel: FindingsPanel, group: QTreeWidgetItem) -> bool:
    first = panel.tree.visualItemRect(group.child(0))
    return group.isExpanded() and first.isValid() and first.intersects(panel.tree.viewport().rect())


def test_the_errors_group_shows_no_arrow_and_its_rows_stay(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, load(REPO / "samples" / "broken-handoffs.blueprint"))
    window.findings_watch.run_now()
    panel = window.panel("FindingsPanel")
    errors, warnings = panel._groups["error"], panel._groups["warning"]
    panel.tree.setCurrentItem(None)  # type: ignore[arg-type]
    viewport = panel.tree.viewport()
    image = viewport.grab().toImage()
    background = panel.tree.palette().base().color().rgb()
    look(panel, "findings-fold-arrows")
    assert inked(image, branch(panel, errors), background) == 0, "no arrow beside Errors"
    assert inked(image, branch(panel, warnings), background) > 0, "Warnings keep theirs"
    assert rows_in_sight(panel, errors)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=branch(panel, errors).center())
    assert rows_in_sight(panel, errors), "a click where the arrow was folds nothing"
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=branch(panel, warnings).center())
    assert not warnings.isExpanded() and not panel.tree.visualItemRect(warnings.child(0)).isValid()
    look(panel, "findings-fold-arrows-warnings-folded")
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=branch(panel, warnings).center())
    assert rows_in_sight(panel, warnings), "and open again"
    panel.tree.collapseItem(errors)  # nor does the keyboard or the menu fold it
    assert rows_in_sight(panel, errors)
