"""Where recovery copies live, and the "keep a backup when saving" preference (QSettings, on by default)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths
from PySide6.QtGui import QAction

from blueprint.fileformat import writer

BACKUP_SETTING = "files/keep_backup"


def recovery_folder() -> Path:
    """The per-user application data folder's `recovery` sub-folder (created when first written)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    if not base:  # no writable location: fall back to the home folder rather than lose work
        base = str(Path.home() / ".service-blueprint-studio")
    return Path(base) / "recovery"


def keep_backup() -> bool:
    value = QSettings().value(BACKUP_SETTING, True)
    return value not in (False, "false", "0", 0)


def set_keep_backup(keep: bool) -> None:
    """Store the preference and apply it to every later `save`."""
    QSettings().setValue(BACKUP_SETTING, bool(keep))
    writer.set_keep_backup(keep)


def apply_backup_preference() -> None:
    writer.set_keep_backup(keep_backup())


def backup_action(parent: QObject) -> QAction:
    """A checkable "Keep a Backup When Saving" action bound to the preference (for the File menu)."""
    action = QAction("&Keep a Backup When Saving", parent)
    action.setObjectName("keepBackupAction")
    action.setCheckable(True)
    action.setChecked(keep_backup())
    action.setToolTip("Keep the previous version of a file as NAME~.blueprint next to it when you save")
    action.toggled.connect(set_keep_backup)
    return action
