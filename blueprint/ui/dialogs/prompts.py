"""Standard questions and messages: unsaved changes, a file that cannot be read or written."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from blueprint.ui.dialogs.lifetime import run_modal


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_save_changes(parent: QWidget, name: str) -> Answer:
    """Save, discard or cancel, before the document is closed or replaced."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"Save the changes to “{name}”?")
    box.setInformativeText("Your changes will be lost if you don't save them.")
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setObjectName("saveChangesPrompt")
    answer = run_modal(box)
    if answer == QMessageBox.StandardButton.Save:
        return Answer.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Answer.DISCARD
    return Answer.CANCEL


def show_error(parent: QWidget, title: str, message: str) -> None:
    """A one-line problem (never a traceback) in a modal box."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(message)
    box.setObjectName("errorMessage")
    run_modal(box)


def ask_overwrite(parent: QWidget, path: Path) -> bool:
    """Replace an existing file? (No is the default: nothing is lost by saying no.)"""
    return _yes_or_no(
        parent, "Replace the file?", f"“{path.name}” already exists in {path.parent}. Replace it?"
    )


def ask_export_path(
    parent: QWidget,
    caption: str,
    suggested: Path,
    filters: list[str],
    default_filter: str,
    with_suffix: Callable[[str, str], Path],
) -> Path | None:
    """The file to export to (None when cancelled): the name chosen, given its suffix by
    `with_suffix(chosen, picked filter)`. The file dialog asks before replacing the name typed; a name
    whose suffix was added here is asked about here."""
    chosen, picked = QFileDialog.getSaveFileName(
        parent, caption, str(suggested), ";;".join(filters), default_filter
    )
    if not chosen:
        return None
    target = with_suffix(chosen, picked)
    if str(target) != chosen and target.exists() and not ask_overwrite(parent, target):
        return None
    return target


def ask_replace_files(parent: QWidget, folder: Path, names: list[str]) -> bool:
    """Replace files an export would write over in `folder`? (No is the default.)"""
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    count = "a file" if len(names) == 1 else f"{len(names)} files"
    text = f"“{folder.name or folder}” already holds {count} of this export ({shown}). Replace them?"
    return _yes_or_no(parent, "Replace the files?", text)


def _yes_or_no(parent: QWidget, title: str, text: str) -> bool:
    """A question answered Yes or No, No by default (nothing is lost by saying no)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
