"""Where recovery copies live, and the "keep a backup when saving" preference (QSettings, on by default)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

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
