"""The questions the safety net asks. Module functions, so tests can answer them without a modal loop."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from blueprint.recovery import RecoveryCopy
from blueprint.ui.dialogs.lifetime import modal, run_modal


class Restore(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


def saved_at_text(when: datetime) -> str:
    """'22 Nov 2026 at 10:30' in the local time zone."""
    local = when.astimezone()
    return f"{local.day} {local:%b %Y} at {local:%H:%M}"


def ask_restore(parent: QWidget | None, copy: RecoveryCopy) -> Restore:
    """Restore, discard or keep for later one recovered document."""
    box = QMessageBox(parent)
    box.setObjectName("restorePrompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Recover unsaved changes")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(
        f"Service Blueprint Studio closed before “{copy.shown_name}” was saved. "
        f"A recovery copy was saved on {saved_at_text(copy.saved_at)}."
    )
    where = f"It belongs to {copy.original_path}. " if copy.original_path else ""
    box.setInformativeText(
        f"{where}Restore it? It opens as unsaved changes; nothing is written until you save."
    )
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Decide later", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    with modal(box):
        box.exec()
        clicked = box.clickedButton()
    if clicked is restore:
        return Restore.RESTORE
    if clicked is discard:
        return Restore.DISCARD
    return Restore.LATER


def ask_reload(parent: QWidget | None, path: Path, unsaved: bool) -> bool:
    """True to reload the file from disk, False to keep the editor's version."""
    box = QMessageBox(parent)
    box.setObjectName("changedOnDiskPrompt")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("File changed on disk")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"“{path.name}” was changed by another program.")
    box.setInformativeText(
        "Reload it from disk (your unsaved changes will be lost), or keep the editor's version "
        "(it will replace the file on disk when you save)."
        if unsaved
        else "Reload it from disk, or keep the editor's version (it will replace the file when you save)."
    )
    reload = box.addButton("Reload from disk", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("Keep my version", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    with modal(box):
        box.exec()
        return box.clickedButton() is reload


def show_problem(parent: QWidget | None, title: str, line: str) -> None:
    """A one-line problem, shown as plain text."""
    box = QMessageBox(parent)
    box.setObjectName("safetyProblem")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(line)
    run_modal(box)


def ask_open_and_repair(parent: QWidget | None, line: str) -> bool:
    """The one-line error of a file refused only for missing ids, with an "Open and repair…" choice."""
    box = QMessageBox(parent)
    box.setObjectName("openAndRepairPrompt")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Cannot open the file")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(line)
    box.setInformativeText(
        "The file refers to elements that are not in it. "
        "Open and repair shows what it would change before it changes anything."
    )
    repair = box.addButton("Open and repair…", QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    with modal(box):
        box.exec()
        return box.clickedButton() is repair
