"""One list of every document a crashed editor left unsaved, asked about once at start-up.

Each row is a document (its name, its folder, the time of its last edit), checked by default. The
designer restores the checked ones, discards them, or decides later (the copies stay, and are offered
again at the next start); rows not checked stay for later whichever button is pressed. Copies that
could not be read are named in one line under the list, with the folder they were moved to.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from blueprint.recovery import RecoveryCopy


def shown_path(path: Path | str) -> str:
    """A path as a person can read it (bytes that are not UTF-8 shown as �)."""
    return os.fsencode(str(path)).decode("utf-8", "replace")


def saved_at_text(when: datetime) -> str:
    """'22 Nov 2026 at 10:30' in the local time zone."""
    local = when.astimezone()
    return f"{local.day} {local:%b %Y} at {local:%H:%M}"


class RecoveryDialog(QDialog):
    """Restore, discard or keep for later the checked copies; `choice` and `checked_keys` say what."""

    RESTORE, DISCARD, LATER = "restore", "discard", "later"

    def __init__(self, copies: list[RecoveryCopy], note: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle("Recover unsaved changes")
        self.choice = self.LATER
        count = len(copies)
        intro = QLabel(
            f"Service Blueprint Studio closed before {count} document{'s were' if count != 1 else ' was'} "
            "saved. Restored documents open as unsaved changes; nothing is written until you save."
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("recoveryList")
        self.list.setHeaderLabels(["Document", "Folder", "Last edit"])
        self.list.setRootIsDecorated(False)
        for copy in copies:
            folder = shown_path(copy.original_path.parent) if copy.original_path else "(never saved)"
            item = QTreeWidgetItem([shown_path(copy.shown_name), folder, saved_at_text(copy.saved_at)])
            item.setData(0, Qt.ItemDataRole.UserRole, copy.key)
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(1, shown_path(copy.original_path) if copy.original_path else "")
            self.list.addTopLevelItem(item)
        for column in range(3):
            self.list.resizeColumnToContents(column)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("Restore Checked", QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(
            "Discard Checked", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.later_button = buttons.addButton("Decide Later", QDialogButtonBox.ButtonRole.RejectRole)
        for button, name in (
            (self.restore_button, "restoreButton"),
            (self.discard_button, "discardButton"),
            (self.later_button, "laterButton"),
        ):
            button.setObjectName(name)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self._done(self.RESTORE))
        self.discard_button.clicked.connect(lambda: self._done(self.DISCARD))
        self.later_button.clicked.connect(lambda: self._done(self.LATER))
        self.list.itemChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        if note:
            self.note = QLabel(note)
            self.note.setObjectName("setAsideNote")
            self.note.setTextFormat(Qt.TextFormat.PlainText)
            self.note.setWordWrap(True)
            layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(720, 380)

    def checked_keys(self) -> list[str]:
        keys = []
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                keys.append(str(item.data(0, Qt.ItemDataRole.UserRole)))
        return keys

    def _update_buttons(self) -> None:
        some = bool(self.checked_keys())
        button: QPushButton
        for button in (self.restore_button, self.discard_button):
            button.setEnabled(some)

    def _done(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice != self.LATER else self.reject()
