"""Recently opened files, kept in QSettings (newest first, at most ten, only files that still exist)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "files/recent"
LIMIT = 10


class RecentFiles:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    def paths(self) -> list[Path]:
        raw = self.settings.value(KEY, [])
        if isinstance(raw, str):
            raw = [raw]
        return [Path(p) for p in (raw or []) if isinstance(p, str) and Path(p).is_file()]

    def add(self, path: Path) -> None:
        resolved = str(Path(path).resolve())
        kept = [str(p) for p in self.paths() if str(p) != resolved]
        self.settings.setValue(KEY, [resolved, *kept][:LIMIT])

    def remove(self, path: Path) -> None:
        resolved = str(Path(path).resolve())
        self.settings.setValue(KEY, [str(p) for p in self.paths() if str(p) != resolved])

    def clear(self) -> None:
        self.settings.setValue(KEY, [])
