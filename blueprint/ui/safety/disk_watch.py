"""Notice when the open file is changed on disk by another program (a sync tool, a colleague's editor).

The editor never overwrites such a change silently: it asks whether to reload the file or keep the
editor's version (which then counts as unsaved, so the next save replaces the file on purpose). The
editor's own saves are recognised by their bytes, so they never ask. A file that another program
changed into something the editor cannot open (too large, unreadable) is reported too, and the next
save asks before replacing it. A file that disappears (deleted or moved) leaves the document open and
marked unsaved.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow
from shiboken6 import isValid

from blueprint.edit import Document
from blueprint.fileformat import BlueprintFileError, DiskState, dumps, loads
from blueprint.fileformat.ondisk import read_file
from blueprint.ui.safety import prompts

#: Sync tools write in several steps: wait for them to finish before reading the file.
SETTLE_MS = 300

Metadata = tuple[int, int, int, int]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _metadata(state: DiskState | None) -> Metadata | None:
    return None if state is None else (state.device, state.inode, state.size, state.mtime_ns)


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
        self.known_metadata: Metadata | None = None
        self._asking = False
        window.document_replaced.connect(self.follow)  # type: ignore[attr-defined]
        window.undo_stack.cleanChanged.connect(self._clean_changed)  # type: ignore[attr-defined]
        window.windowTitleChanged.connect(self._maybe_moved)  # Save As of a clean document: a new name
        self.follow()

    def _document(self) -> Document:
        return self.window.document  # type: ignore[attr-defined, no-any-return]

    def _read(self) -> tuple[bytes | None, DiskState | None, str | None]:
        """The file's bytes and state; or no bytes, its metadata and why it cannot be opened."""
        if self.path is None:
            return None, None, None
        try:
            data, state = read_file(self.path)
            return data, state, None
        except BlueprintFileError as error:
            try:
                info = os.stat(self.path)
            except OSError:
                return None, None, error.message
            unreadable = DiskState.of(self.path, info, None) if stat.S_ISREG(info.st_mode) else None
            return None, unreadable, error.message

    def follow(self) -> None:
        """Watch the current document's file and remember its bytes (after Open, Save As, Restore)."""
        if self.watcher.files():
            self.watcher.removePaths(self.watcher.files())
        document = self._document()
        self.path = document.path
        disk = document.disk
        if self.path is not None and disk is not None and disk.real_path == os.path.realpath(self.path):
            self.known, self.known_metadata = disk.sha256 or None, _metadata(disk)  # as read or saved
        else:
            data, state, _problem = self._read()
            self.known = _digest(data) if data is not None else None
            self.known_metadata = _metadata(state)
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
        data, state, problem = self._read()
        if self.path.exists() and str(self.path) not in self.watcher.files():
            self.watcher.addPath(str(self.path))  # an atomic replace drops the watch: take it up again
        if data is None:
            if not self.path.exists():
                self.known = self.known_metadata = None
                self.window.undo_stack.resetClean()  # type: ignore[attr-defined]
                self.window.statusBar().showMessage(
                    f"{self.path.name} was deleted or moved on disk; your document is still open (unsaved).",
                    10_000,
                )
            elif state is not None and _metadata(state) != self.known_metadata:
                self._tell_unreadable(state, problem or "it cannot be read")
            return
        digest = _digest(data)
        if digest == self.known or data == dumps(self._document().blueprint).encode("utf-8"):
            self.known, self.known_metadata = digest, _metadata(state)
            return
        assert state is not None
        self._ask(data, state)

    def _tell_unreadable(self, state: DiskState, problem: str) -> None:
        """Another program made the file something the editor cannot open: say so, once per change."""
        assert self.path is not None
        self.known, self.known_metadata = None, _metadata(state)
        self.window.undo_stack.resetClean()  # type: ignore[attr-defined]
        self._asking = True
        try:
            self.asked.emit(str(self.path))
            prompts.tell_changed_unreadable(self.window, self.path, problem)
        finally:
            self._asking = False

    def _ask(self, data: bytes, state: DiskState) -> None:
        assert self.path is not None
        stack = self.window.undo_stack  # type: ignore[attr-defined]
        self._asking = True
        try:
            self.asked.emit(str(self.path))
            reload = prompts.ask_reload(self.window, self.path, unsaved=not stack.isClean())
        finally:
            self._asking = False
        digest = _digest(data)
        if reload:
            try:
                blueprint = loads(data, file=str(self.path))
            except BlueprintFileError as error:
                prompts.show_problem(self.window, "Cannot reload the file", error.one_line())
                self.known, self.known_metadata = digest, _metadata(state)
                stack.resetClean()
                return
            document = Document(blueprint, self.path, disk=state, source=data)
            self.window.set_document(document)  # type: ignore[attr-defined]
            return
        self.known, self.known_metadata = digest, _metadata(state)
        self._document().disk = state  # the next save replaces this version on purpose
        stack.resetClean()  # the editor's version differs from the file: it is unsaved
