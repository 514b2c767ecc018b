"""The Findings panel's right-click menu (the Menu key too): the panel's own entries (select, "What does
BP106 mean?", copy the message) and "Plan an improvement…" for what a finding is about.

A finding names cards, links, lanes or steps; the plan targets its cards and links (a finding about a
lane or a step alone has nothing a plan can target, and the entry says so). The rule's name and the
card the finding is about make the plan's title, the finding's message its description (so the plan
says why it exists), and that card suggests its owner.
Kept beside the panel (the window installs it) so the panel stays about showing findings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTreeWidgetItem

from blueprint.ui.access_keys import give_access_keys
from blueprint.ui.activation import exec_menu
from blueprint.ui.improvements import MENU_TEXT, plan_improvement, plannable

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow
    from blueprint.ui.panels.findings import FindingsPanel

FINDING_ROLE = Qt.ItemDataRole.UserRole


def install_findings_menu(panel: FindingsPanel, window: MainWindow) -> None:
    """Give the panel's rows a right-click menu."""
    tree = panel.tree
    tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(pos: QPoint) -> None:
        menu = finding_menu(panel, window, tree.itemAt(pos) or tree.currentItem())
        if menu is not None:
            exec_menu(menu, tree.viewport().mapToGlobal(pos), panel)

    tree.customContextMenuRequested.connect(show)


def finding_menu(panel: FindingsPanel, window: MainWindow, item: QTreeWidgetItem | None) -> QMenu | None:
    """Select the finding's elements, explain its rule; plan an improvement for its cards and links."""
    menu = panel.menu_for(item)
    if item is None or menu is None:
        return None
    elements = panel.elements_of(item)
    if not elements:
        return give_access_keys(menu)
    finding = item.data(0, FINDING_ROLE)
    findings = [finding] if finding is not None else _children(item)
    all_elements = list(dict.fromkeys(e for f in findings for e in f.elements))
    targets = plannable(window.document, all_elements)
    plan = QAction(MENU_TEXT, menu)
    plan.triggered.connect(
        lambda: plan_improvement(
            panel, window.document, window.undo_stack, window.selection, targets, findings
        )
    )
    menu.insertAction(menu.actions()[1], plan)  # after "Select on the blueprint"
    plan.setEnabled(bool(targets))
    if not targets:
        plan.setToolTip("This finding is about a lane or a step: a plan targets cards or links")
    menu.setToolTipsVisible(True)
    return give_access_keys(menu)


def _children(item: QTreeWidgetItem) -> list:  # type: ignore[type-arg]
    """The findings under a rule's group row."""
    found = [item.child(i).data(0, FINDING_ROLE) for i in range(item.childCount())]
    return [f for f in found if f is not None]
