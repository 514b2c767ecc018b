"""Recovery copies of a window's document while it has unsaved changes.

A copy is written at most `interval_ms` (30 s) after the first change since the last copy, so steady
editing still gets a copy every 30 s, and at once whenever the undo stack turns dirty. When the document
becomes clean (saved, or undone back to the saved state) or the window closes normally, the copy is
removed. A copy that cannot be written (full disk) is tried again at the next change; the editor says so
in the status bar, once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow
from shiboken6 import isValid

from blueprint.fileformat import dumps
from blueprint.recovery import RecoveryStore, new_key

RECOVERY_INTERVAL_MS = 30_000


class RecoveryAutosave(QObject):
    """Keeps one recovery copy of `window.document` up to date; `written` says where, each time."""

    written = Signal(str)
    failed = Signal(str)

    def __init__(
        self, window: QMainWindow, store: RecoveryStore, interval_ms: int = RECOVERY_INTERVAL_MS
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.key = new_key()
        self.has_copy = False
        self.last_error: str | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.write_now)
        stack = window.undo_stack  # type: ignore[attr-defined]
        stack.indexChanged.connect(self._changed)
        stack.cleanChanged.connect(self._clean_changed)
        window.document_replaced.connect(self._replaced)  # type: ignore[attr-defined]
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._closed_cleanly)

    def _dirty(self) -> bool:
        """Unsaved changes? (False while the window is being destroyed.)"""
        stack = self.window.undo_stack if isValid(self.window) else None  # type: ignore[attr-defined]
        return stack is not None and isValid(stack) and not stack.isClean()

    def _changed(self, _index: int = 0) -> None:
        if self._dirty():
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.discard()

    def _clean_changed(self, clean: bool) -> None:
        if clean:
            self.discard()
        else:
            self.write_now()

    def _replaced(self) -> None:
        self.write_now() if self._dirty() else self.discard()

    def write_now(self) -> None:
        """Write the copy now (or remove it if there is nothing unsaved)."""
        self.timer.stop()
        if not self._dirty():
            self.discard()
            return
        document = self.window.document  # type: ignore[attr-defined]
        try:
            envelope = self.store.write(self.key, document.path, dumps(document.blueprint))
        except Exception as error:  # a full disk must never interrupt editing
            message = f"Could not write a recovery copy: {getattr(error, 'strerror', None) or error}"
            if message != self.last_error:
                self.window.statusBar().showMessage(message, 10_000)
                self.failed.emit(message)
            self.last_error = message
            return
        self.last_error = None
        self.has_copy = True
        self.written.emit(str(envelope))

    def discard(self) -> None:
        self.timer.stop()
        if self.has_copy:
            self.store.remove(self.key)
            self.has_copy = False

    def _closed_cleanly(self) -> None:
        self.timer.stop()
        self.store.remove(self.key)
        self.has_copy = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self._after_close)  # the window decides (it may ask to save first)
        return False

    def _after_close(self) -> None:
        if not isValid(self.window) or not self.window.isVisible():
            self._closed_cleanly()
