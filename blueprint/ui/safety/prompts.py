"""The questions the safety net asks. Module functions, so tests can answer them without a modal loop."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from blueprint.recovery import RecoveryCopy
from blueprint.ui.dialogs.lifetime import modal, run_modal
from blueprint.ui.safety.recovery_dialog import RecoveryDialog, saved_at_text, shown_path

__all__ = [
    "Restore",
    "ask_open_and_repair",
    "ask_reload",
    "ask_replace_changed",
    "ask_replace_read_only",
    "choose_recovery",
    "saved_at_text",
    "show_notice",
    "show_problem",
    "tell_backup_problem",
    "tell_changed_unreadable",
]


class Restore(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


def choose_recovery(
    parent: QWidget | None, copies: list[RecoveryCopy], note: str | None = None
) -> dict[str, Restore]:
    """One list of every recovery copy: what to do with each (by key); copies left out are LATER."""
    with modal(RecoveryDialog(copies, note, parent)) as dialog:
        dialog.exec()
        answer = {
            RecoveryDialog.RESTORE: Restore.RESTORE,
            RecoveryDialog.DISCARD: Restore.DISCARD,
        }.get(dialog.choice, Restore.LATER)
        keys = dialog.checked_keys()
    return {key: answer for key in keys} if answer is not Restore.LATER else {}


def _box(
    parent: QWidget | None, name: str, icon: QMessageBox.Icon, title: str, text: str, detail: str = ""
) -> QMessageBox:
    """A message box of plain text (names from files are never read as markup)."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    return box


def show_notice(parent: QWidget | None, title: str, line: str) -> None:
    """A one-line notice (not an error), shown as plain text."""
    run_modal(_box(parent, "safetyNotice", QMessageBox.Icon.Information, title, line))


def show_problem(parent: QWidget | None, title: str, line: str) -> None:
    """A one-line problem, shown as plain text."""
    run_modal(_box(parent, "safetyProblem", QMessageBox.Icon.Critical, title, line))


def _ask(parent: QWidget | None, name: str, title: str, text: str, detail: str, yes: str) -> bool:
    box = _box(parent, name, QMessageBox.Icon.Warning, title, text, detail)
    replace = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    with modal(box):
        box.exec()
        return box.clickedButton() is replace


def ask_replace_changed(parent: QWidget | None, path: Path, reason: str) -> bool:
    """Save over a file another program changed since it was opened? (Default: no.)"""
    return _ask(
        parent,
        "replaceChangedPrompt",
        "File changed on disk",
        f"“{shown_path(path.name)}” {reason} since you opened it.",
        "Replace it with your version (the other version is kept as the backup when backups are on), "
        "or cancel and use Save As to keep both.",
        "Replace",
    )


def ask_replace_read_only(parent: QWidget | None, path: Path) -> bool:
    """Save over a file marked read-only? (Default: no.)"""
    return _ask(
        parent,
        "replaceReadOnlyPrompt",
        "File is read-only",
        f"“{shown_path(path.name)}” is marked read-only.",
        "Replace it anyway (it stays read-only), or cancel and use Save As to save a copy.",
        "Replace",
    )


def tell_backup_problem(parent: QWidget | None, path: Path, problem: str) -> None:
    """The document was saved, but the previous version could not be kept as its backup."""
    run_modal(
        _box(
            parent,
            "backupProblem",
            QMessageBox.Icon.Warning,
            "Backup not written",
            f"“{shown_path(path.name)}” was saved, but its backup could not be written: {problem}.",
            "Your document is safe. The previous version was not kept.",
        )
    )


def tell_changed_unreadable(parent: QWidget | None, path: Path, reason: str) -> None:
    """Another program changed the open file into something the editor cannot open."""
    run_modal(
        _box(
            parent,
            "changedUnreadable",
            QMessageBox.Icon.Warning,
            "File changed on disk",
            f"“{shown_path(path.name)}” was changed by another program and cannot be opened: {reason}",
            "Your version stays open and unsaved; saving will ask before it replaces the file.",
        )
    )


def ask_reload(parent: QWidget | None, path: Path, unsaved: bool) -> bool:
    """True to reload the file from disk, False to keep the editor's version."""
    detail = (
        "Reload it from disk (your unsaved changes will be lost), or keep the editor's version "
        "(it will replace the file on disk when you save)."
        if unsaved
        else "Reload it from disk, or keep the editor's version (it will replace the file when you save)."
    )
    text = f"“{shown_path(path.name)}” was changed by another program."
    box = _box(parent, "changedOnDiskPrompt", QMessageBox.Icon.Warning, "File changed on disk", text, detail)
    reload = box.addButton("Reload from disk", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("Keep my version", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    with modal(box):
        box.exec()
        return box.clickedButton() is reload


def ask_open_and_repair(parent: QWidget | None, line: str) -> bool:
    """The one-line error of a file refused only for missing ids, with an "Open and repair…" choice."""
    detail = (
        "The file refers to elements that are not in it, or a card has no title. "
        "Open and repair shows what it would change before it changes anything."
    )
    box = _box(parent, "openAndRepairPrompt", QMessageBox.Icon.Critical, "Cannot open the file", line, detail)
    repair = box.addButton("Open and repair…", QMessageBox.ButtonRole.AcceptRole)
    close = box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(close)
    with modal(box):
        box.exec()
        return box.clickedButton() is repair
