"""Recovery copies of unsaved work, kept on disk so that a crash loses at most a few seconds. No Qt."""

from blueprint.recovery.store import RecoveryCopy, RecoveryStore, new_key

__all__ = ["RecoveryCopy", "RecoveryStore", "new_key"]
