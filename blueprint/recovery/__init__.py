"""Recovery copies of unsaved work, kept on disk so that a crash loses at most a moment's edits. No Qt."""

from blueprint.recovery.copy import Recovered, RecoveryCopy, UnreadableCopy
from blueprint.recovery.store import RecoveryStore, Scan, SetAside, new_key

__all__ = ["Recovered", "RecoveryCopy", "RecoveryStore", "Scan", "SetAside", "UnreadableCopy", "new_key"]
