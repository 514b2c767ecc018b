"""Notice when the open file is changed on disk by another program (a sync tool, a colleague's editor).

The editor never overwrites such a change silently: it asks whether to reload the file or keep the
editor's version (which then counts as unsaved, so the next save replaces the file on purpose). The
editor's own saves are recognised by their bytes, so they never ask. A file that disappears (deleted or
moved) leaves the document open and marked unsaved.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow
from shiboken6 import isValid

from blueprint.edit import Document
from blueprint.fileformat import BlueprintFileError, dumps, load
from blueprint.fileformat.reader import read_bytes
from blueprint.ui.safety import prompts

#: Sync tools write in several steps: wait for them to finish before reading the file.
SETTLE_MS = 300


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class DiskWatch(QObject):
    """Watches `window.document.path`; `asked` is emitted with the path each time the designer is asked."""

    asked = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._soon)
        self.settle = QTimer(self)
        self.settle.setSingleShot(True)
        self.settle.setInterval(SETTLE_MS)
        self.settle.timeout.connect(self.check)
        self.path: Path | None = None
        self.known: str | None = None
        self._asking = False
        window.document_replaced.connect(self.follow)  # type: ignore[attr-defined]
        window.undo_stack.cleanChanged.connect(self._clean_changed)  # type: ignore[attr-defined]
        window.windowTitleChanged.connect(self._maybe_moved)  # Save As of a clean document: a new name
        self.follow()

    def _document(self) -> Document:
        return self.window.document  # type: ignore[attr-defined, no-any-return]

    def _read(self) -> bytes | None:
        try:
            return read_bytes(self.path) if self.path is not None else None
        except BlueprintFileError:
            return None

    def follow(self) -> None:
        """Watch the current document's file and remember its bytes (after Open, Save As, Restore)."""
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        self.path = self._document().path
        data = self._read()
        self.known = _digest(data) if data is not None else None
        if self.path is not None and self.path.exists():
            self.watcher.addPath(str(self.path))

    def _clean_changed(self, clean: bool) -> None:
        if not isValid(self.window):
            return
        if clean and not self.settle.isActive():
            self.follow()  # a save (or Save As): the file now holds the editor's version

    def _maybe_moved(self, _title: str = "") -> None:
        if isValid(self.window) and self._document().path != self.path:
            self.follow()

    def _soon(self, _path: str = "") -> None:
        self.settle.start()

    def check(self) -> None:
        """Compare the file with what the editor knows; ask if someone else changed it."""
        if self._asking or not isValid(self.window):
            return
        self._maybe_moved()
        if self.path is None:
            return
        data = self._read()
        if self.path.exists() and str(self.path) not in self.watcher.files():
            self.watcher.addPath(str(self.path))  # an atomic replace drops the watch: take it up again
        if data is None:
            if not self.path.exists():
                self.known = None
                self.window.undo_stack.resetClean()  # type: ignore[attr-defined]
                self.window.statusBar().showMessage(
                    f"{self.path.name} was deleted or moved on disk; your document is still open (unsaved).",
                    10_000,
                )
            return
        digest = _digest(data)
        if digest == self.known or data == dumps(self._document().blueprint).encode("utf-8"):
            self.known = digest
            return
        self._ask(digest)

    def _ask(self, digest: str) -> None:
        assert self.path is not None
        stack = self.window.undo_stack  # type: ignore[attr-defined]
        self._asking = True
        try:
            self.asked.emit(str(self.path))
            reload = prompts.ask_reload(self.window, self.path, unsaved=not stack.isClean())
        finally:
            self._asking = False
        if reload:
            try:
                blueprint = load(self.path)
            except BlueprintFileError as error:
                prompts.show_problem(self.window, "Cannot reload the file", error.one_line())
                self.known = digest
                stack.resetClean()
                return
            self.window.set_document(Document(blueprint, self.path))  # type: ignore[attr-defined]
            return
        self.known = digest
        stack.resetClean()  # the editor's version differs from the file: it is unsaved
