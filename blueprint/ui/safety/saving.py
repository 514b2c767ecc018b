"""Save as a designer expects: ask before replacing a file marked read-only, or one another program
changed since it was opened (checked again just before the file is replaced), and say so when the
document was saved but its backup could not be written.

`checked_save` raises `BlueprintFileError` for the main window to show (a full disk, a folder that
cannot be written); it returns None when the designer chose not to replace the file.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from blueprint.edit import Document
from blueprint.fileformat import FileChangedError, Saved, save
from blueprint.fileformat.ondisk import read_only_target
from blueprint.model import Blueprint
from blueprint.ui.safety import prompts
from blueprint.ui.safety.recovery_dialog import shown_path

#: Backup problems already shown in a box this session (after that, the status bar says it).
_TOLD: set[tuple[str, str]] = set()


def _same_file(document: Document, path: Path) -> bool:
    if document.path is None:
        return False
    if Path(document.path) == path:
        return True
    try:
        return os.path.samefile(document.path, path)
    except OSError:
        return False


def checked_save(
    window: QMainWindow, document: Document, path: Path, blueprint: Blueprint | None = None
) -> Saved | None:
    """Save `document` to `path`, asking first where a person would want to be asked. `blueprint` is
    what to write when it is not the document's own (the editor's copy with the save times set)."""
    blueprint = blueprint if blueprint is not None else document.blueprint
    expect = document.disk if _same_file(document, path) else None
    if read_only_target(path) and not prompts.ask_replace_read_only(window, path):
        return None
    try:
        saved = save(blueprint, path, expect=expect)
    except FileChangedError as error:
        if not prompts.ask_replace_changed(window, path, error.reason):
            return None
        saved = save(blueprint, path)
    if saved.backup_problem:
        window.statusBar().showMessage(
            f"Saved {shown_path(path)}, but its backup could not be written: {saved.backup_problem}", 15_000
        )
        told = (str(path), saved.backup_problem)
        if told not in _TOLD:
            _TOLD.add(told)
            prompts.tell_backup_problem(window, path, saved.backup_problem)
    return saved
