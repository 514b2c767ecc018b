"""Manage Views: rename and delete saved views (each an edit, one undo step)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from blueprint.edit import EditError, RemoveView, SetViewFields, view_name_problem
from blueprint.ui.commands import push
from blueprint.ui.dialogs.prompts import show_error

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow


class ManageViewsDialog(QDialog):
    """The saved views, with Rename… and Delete."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.setWindowTitle("Manage Views")
        self.setObjectName("manageViews")
        self.list = QListWidget()
        self.list.setToolTip("Saved audience views, in the order of the View > Views menu")
        self.rename_button = QPushButton("Rename…")
        self.rename_button.clicked.connect(lambda: self.rename())
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(lambda: self.delete())
        buttons = QHBoxLayout()
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.list, 1)
        column.addLayout(buttons)
        column.addWidget(close)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self._fill()
        self.resize(360, 300)

    def _fill(self, current: str | None = None) -> None:
        self.list.clear()
        for view in self.window.document.blueprint.views:
            hidden, focus = len(view.hidden_lanes), len(view.focus)
            item = QListWidgetItem(view.name)
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            lanes = f"{hidden} lane{'' if hidden == 1 else 's'} hidden"
            item.setToolTip(f"{lanes}, {focus} function{'' if focus == 1 else 's'} in focus")
            self.list.addItem(item)
            if view.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        chosen = self.list.currentItem() is not None
        self.rename_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def rename(self, name: str | None = None) -> None:
        view_id = self.current_id()
        if view_id is None:
            return
        if name is None:
            old = self.window.document.blueprint.views_by_id()[view_id].name
            name, ok = QInputDialog.getText(self, "Rename View", "New name:", text=old)
            if not ok:
                return
        name = name.strip()
        problem = view_name_problem(self.window.document.blueprint, name, view_id)
        if problem is not None:
            show_error(self, "Cannot rename the view", problem)
            return
        self._push(SetViewFields(view_id, {"name": name}), view_id)

    def delete(self) -> None:
        view_id = self.current_id()
        if view_id is not None:
            self._push(RemoveView(view_id), None)

    def _push(self, op, current: str | None) -> None:  # type: ignore[no-untyped-def]
        try:
            push(self.window.undo_stack, self.window.document, op)
        except EditError as error:
            show_error(self, "Cannot change the view", error.message)
        self._fill(current)
