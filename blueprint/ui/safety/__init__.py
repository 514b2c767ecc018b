"""The editor's safety net: recovery copies, restore at start-up, change-on-disk, "Open and repair".

Two entry points for the application, using only the main window's public API (`document`,
`undo_stack`, `set_document`, `document_replaced`, `statusBar`):

    net = install_safety(window)      # after the window is built
    offer_recovery(window)            # once, after the window is shown

`refuse_or_repair(window, path, error)` is what `open_path` does with a `BlueprintFileError`: the one-line
error, with "Open and repair…" when the only problems are missing ids. `checked_save(window, document,
path)` is what `save_to` does: ask before replacing a read-only file or another program's change, and
say when only the backup could not be written. `backup_action(window)` is the
File menu's "Keep a Backup When Saving" (on by default).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow

from blueprint.fileformat.repair import is_repairable
from blueprint.recovery import RecoveryStore
from blueprint.ui.safety import restore
from blueprint.ui.safety.autosave import RECOVERY_INTERVAL_MS, RecoveryAutosave
from blueprint.ui.safety.disk_watch import DiskWatch
from blueprint.ui.safety.preferences import (
    apply_backup_preference,
    backup_action,
    keep_backup,
    recovery_folder,
    set_keep_backup,
)
from blueprint.ui.safety.repair_dialog import offer_repair, refuse_or_repair
from blueprint.ui.safety.saving import checked_save

__all__ = [
    "SafetyNet",
    "backup_action",
    "checked_save",
    "install_safety",
    "is_repairable",
    "keep_backup",
    "offer_recovery",
    "offer_repair",
    "recovery_folder",
    "refuse_or_repair",
    "safety_net_of",
    "set_keep_backup",
]

_ATTRIBUTE = "_blueprint_safety_net"


@dataclass
class SafetyNet:
    """What `install_safety` attached to one window."""

    store: RecoveryStore
    autosave: RecoveryAutosave
    disk_watch: DiskWatch


def safety_net_of(window: QMainWindow) -> SafetyNet | None:
    return getattr(window, _ATTRIBUTE, None)


def install_safety(
    window: QMainWindow, *, store: RecoveryStore | None = None, interval_ms: int | None = None
) -> SafetyNet:
    """Attach recovery copies and the change-on-disk watch to `window` (once; later calls return it)."""
    existing = safety_net_of(window)
    if existing is not None:
        return existing
    apply_backup_preference()
    store = store or RecoveryStore(recovery_folder())
    net = SafetyNet(
        store,
        RecoveryAutosave(window, store, interval_ms or RECOVERY_INTERVAL_MS),
        DiskWatch(window),
    )
    setattr(window, _ATTRIBUTE, net)
    return net


def offer_recovery(window: QMainWindow) -> int:
    """Offer every document a crashed editor left unsaved; returns how many were restored.

    The editor starts whatever the recovery folder holds: anything unforeseen is one line in the
    status bar, and the copies stay where they are for the next start.
    """
    net = install_safety(window)
    try:
        return restore.offer_recovery(window, net.store)
    except Exception as error:
        window.statusBar().showMessage(
            f"Could not look at the recovery copies in {net.store.folder}: {type(error).__name__}: {error}",
            30_000,
        )
        return 0
