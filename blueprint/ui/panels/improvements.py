"""The Improvements dock: the blueprint's improvement plans (title, status, owner, due date, targets) in
their order. A click, or the arrow keys, selects a plan (the Inspector edits it); a double-click, or
"Show on the blueprint", selects and centres the cards and links it targets; New plans for the
selected cards and links; Delete removes the selected plan; Move Up and Move Down (the row's menu)
change the order. Each change is one undo step; the list follows the document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blueprint.edit import (
    Change,
    Document,
    EditError,
    MoveImprovement,
    Operation,
    RemoveImprovements,
    SetImprovementFields,
)
from blueprint.model import Improvement
from blueprint.ui.access_keys import give_access_keys
from blueprint.ui.commands import push
from blueprint.ui.improvements import (
    OVERDUE_COLOUR,
    OVERDUE_TIP,
    STATUS_COLOURS,
    STATUS_NAMES,
    STATUSES,
    is_overdue,
    plan_improvement,
    plannable,
    target_name,
)
from blueprint.ui.panels.swatch import dot_icon
from blueprint.ui.plain import tooltip
from blueprint.ui.selection import Selection

PLAN_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ["Improvement", "Status", "Owner", "Due", "Targets"]
EMPTY = "No improvement plans yet: right-click a card, a link or a finding and choose Plan an improvement…"
CLOSED = "#78828C"  # done and dropped plans read grey
MOST_TARGETS = 20  # a row names this many targets, then counts the rest


class ImprovementsPanel(QDockWidget):
    """Dock widget; build with the window's document, undo stack and selection."""

    def __init__(
        self, document: Document, undo_stack: QUndoStack, selection: Selection, parent: QWidget | None = None
    ) -> None:
        super().__init__("Improvements", parent)
        self.setObjectName("improvements")
        self.undo_stack, self.selection = undo_stack, selection
        self._unsubscribe: Callable[[], None] | None = None
        self.tree = _PlanTree(self)
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setToolTip("Plans to improve the service; click one to edit it in the Inspector")
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(self._current_changed)
        self._following = False  # the list is following the selection: its changes are not a pick
        self.tree.itemActivated.connect(self._activated)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu_at)
        self.new_button = QPushButton("New…")
        self.new_button.setToolTip("Plan an improvement for the selected cards and links")
        self.new_button.clicked.connect(self.new_plan)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setToolTip("Delete the selected improvement plan (Delete)")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(4, 2, 4, 4)
        column.addLayout(buttons)
        column.addWidget(self.tree)
        self.setWidget(box)
        self._shown: list[tuple[Any, ...]] | None = None
        selection.changed.connect(self._follow_selection)
        self.set_document(document)

    # --- following the document and the selection --------------------------------------------

    def set_document(self, document: Document) -> None:
        """Show another document's plans (after Open or New)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.document = document
        self._unsubscribe = document.subscribe(self._document_changed)
        self.refresh()

    def _document_changed(self, change: Change) -> None:
        """Plans changed, or what their rows name (a target's title, a function's name)."""
        if change.kinds & {"improvement", "function"} or change.structural:
            self.refresh()
            return
        named = {i for plan in self.document.blueprint.improvements for i in plan.targets}
        if change.ids & named:
            self.refresh()

    def refresh(self) -> None:
        doc = self.document
        plans = doc.blueprint.improvements
        functions = doc.blueprint.functions_by_id()
        rows = [
            (
                plan.id,
                plan.title,
                plan.status,
                functions[plan.owner].name if plan.owner in functions else "",
                plan.due or "",
                _targets_text(doc, plan),
                is_overdue(plan),
            )
            for plan in plans
        ]
        if rows == self._shown:
            self._follow_selection()
            return
        old, self._shown = self._shown, rows
        if old and [r[0] for r in old] == [r[0] for r in rows]:
            # the same plans in the same order (typing in one): only the rows that changed (200 plans
            # rebuilt on every keystroke cost ~20 ms)
            for i, (before, after) in enumerate(zip(old, rows, strict=True)):
                if before != after:
                    _fill(self.tree.topLevelItem(i), after)
        else:
            self._rebuild(rows)
        open_count = sum(1 for plan in plans if plan.is_open)
        self.setWindowTitle(f"Improvements ({open_count} open)" if plans else "Improvements")
        self._follow_selection()

    def _rebuild(self, rows: list[tuple[Any, ...]]) -> None:
        self.tree.setUpdatesEnabled(False)
        self._following = True
        self.tree.clear()
        self._following = False
        for row in rows:
            item = QTreeWidgetItem()
            _fill(item, row)
            self.tree.addTopLevelItem(item)
        if not rows:
            empty = QTreeWidgetItem([EMPTY])
            empty.setFirstColumnSpanned(True)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        else:
            self.tree.resizeColumnToContents(0)
            self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 320))
            for column in (1, 2, 3):
                self.tree.resizeColumnToContents(column)
        self.tree.setUpdatesEnabled(True)

    def row_of(self, plan_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, PLAN_ROLE) == plan_id:
                return item
        return None

    def selected_plan(self) -> str | None:
        """The plan the selection holds (one plan selected), or None."""
        ids = self.selection.ids
        if len(ids) == 1 and self.document.improvement(ids[0]) is not None:
            return ids[0]
        return None

    def _follow_selection(self) -> None:
        """The plan the selection holds is the highlighted row; anything else highlights none."""
        plan_id = self.selected_plan()
        row = self.row_of(plan_id) if plan_id is not None else None
        self._following = True
        if row is not None:
            if self.tree.currentItem() is not row:
                self.tree.setCurrentItem(row)
            self.tree.scrollToItem(row)
        elif self.tree.selectedItems():
            self.tree.clearSelection()
            self.tree.setCurrentItem(None)  # type: ignore[arg-type]
        self._following = False
        self.delete_button.setEnabled(plan_id is not None)
        self.new_button.setEnabled(bool(plannable(self.document, self.selection.ids)))

    # --- what a person does ------------------------------------------------------------------

    def _clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        plan_id = item.data(0, PLAN_ROLE)
        if plan_id is not None:
            self.selection.set([plan_id])

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        """The arrow keys moved the highlight: select that plan, so the Inspector and Delete act on
        the plan the list highlights (they stayed on the plan clicked before)."""
        if self._following or item is None:
            return
        plan_id = item.data(0, PLAN_ROLE)
        if plan_id is not None and self.selection.ids != (plan_id,):
            self.selection.set([plan_id])

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        plan_id = item.data(0, PLAN_ROLE)
        if plan_id is not None:
            self.show_targets(plan_id)

    def show_targets(self, plan_id: str) -> None:
        """Select and centre the cards and links the plan targets."""
        plan = self.document.improvement(plan_id)
        if plan is not None:
            self.selection.set(plan.targets, centre=True)

    def new_plan(self) -> str | None:
        """Plan an improvement for the selected cards and links (asks for its title)."""
        return plan_improvement(self, self.document, self.undo_stack, self.selection, self.selection.ids)

    def delete_selected(self) -> bool:
        plan_id = self.selected_plan()
        if plan_id is None:
            item = self.tree.currentItem()
            plan_id = item.data(0, PLAN_ROLE) if item is not None else None
        if plan_id is None:
            return False
        if self._run(RemoveImprovements((plan_id,))):
            self.selection.discard([plan_id])
            return True
        return False

    def set_status(self, plan_id: str, status: str) -> bool:
        return self._run(SetImprovementFields(plan_id, {"status": status}))

    def move(self, plan_id: str, step: int) -> bool:
        """Move a plan one place up (-1) or down (+1) in the list (the document's order)."""
        ids = [plan.id for plan in self.document.blueprint.improvements]
        index = ids.index(plan_id) + step if plan_id in ids else -1
        if not 0 <= index < len(ids):
            return False
        text = "Move improvement up" if step < 0 else "Move improvement down"
        return self._run(MoveImprovement(plan_id, index, text=text))

    def _run(self, op: Operation) -> bool:
        try:
            push(self.undo_stack, self.document, op)
        except EditError:
            return False
        return True

    def _menu_at(self, pos: QPoint) -> None:
        menu = self.menu_for(self.tree.itemAt(pos))
        if menu is not None:
            menu.exec(self.tree.viewport().mapToGlobal(pos))

    def menu_for(self, item: QTreeWidgetItem | None) -> QMenu | None:
        """The right-click menu of a row: show its targets, set its status, move it, delete it."""
        plan_id = item.data(0, PLAN_ROLE) if item is not None else None
        plan = self.document.improvement(plan_id) if plan_id is not None else None
        menu = QMenu(self)
        if plan is None:
            new = menu.addAction("&Plan an improvement for the selection…", self.new_plan)
            new.setEnabled(bool(plannable(self.document, self.selection.ids)))
            return give_access_keys(menu)
        self.selection.set([plan.id])
        menu.addAction("&Show on the blueprint", lambda: self.show_targets(plan.id))
        statuses = menu.addMenu("Set s&tatus")
        for text, value in STATUSES:
            action = statuses.addAction(text, lambda v=value: self.set_status(plan.id, v))
            action.setCheckable(True)
            action.setChecked(plan.status == value)
        menu.addSeparator()
        plans = self.document.blueprint.improvements
        up = menu.addAction("Move &Up", lambda: self.move(plan.id, -1))
        up.setEnabled(plans[0] is not plan)
        up.setToolTip("Move this plan one place up the list")
        down = menu.addAction("Move Do&wn", lambda: self.move(plan.id, 1))
        down.setEnabled(plans[-1] is not plan)
        down.setToolTip("Move this plan one place down the list")
        menu.addSeparator()
        delete = menu.addAction("&Delete improvement", self.delete_selected)
        delete.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        return give_access_keys(menu)


def _targets_text(doc: Document, plan: Improvement) -> str:
    names = [target_name(doc, i) for i in plan.targets[:MOST_TARGETS]]
    if len(plan.targets) > MOST_TARGETS:
        names.append(f"and {len(plan.targets) - MOST_TARGETS} more")
    return "; ".join(names)


def _fill(item: QTreeWidgetItem, row: tuple[Any, ...]) -> None:
    """Show one plan's row (id, title, status, owner, due, targets, overdue) in `item`."""
    plan_id, title, status, owner, due, targets, overdue = row
    for column, text in enumerate((title, STATUS_NAMES[status], owner, due, targets)):
        item.setText(column, text)
    item.setData(0, PLAN_ROLE, plan_id)
    item.setIcon(1, dot_icon(STATUS_COLOURS[status], 10, outline=STATUS_COLOURS[status]))
    item.setToolTip(0, tooltip(title))
    item.setToolTip(4, tooltip(targets.replace("; ", "\n")))
    item.setToolTip(3, OVERDUE_TIP if overdue else "")
    closed = status in ("done", "dropped")
    for column in range(len(COLUMNS)):
        colour = OVERDUE_COLOUR if column == 3 and overdue else CLOSED if closed and column != 1 else None
        item.setData(column, Qt.ItemDataRole.ForegroundRole, QBrush(QColor(colour)) if colour else None)


class _PlanTree(QTreeWidget):
    """The list; Delete in it deletes the highlighted plan."""

    def __init__(self, panel: ImprovementsPanel) -> None:
        super().__init__()
        self._panel = panel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem() is not None:
            self._panel.delete_selected()
            return
        super().keyPressEvent(event)
