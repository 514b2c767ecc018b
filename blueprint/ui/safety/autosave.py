"""The recovery copy of a window's document: every edit written down the moment it is made.

How (see `blueprint.recovery`): when the document first has unsaved changes, a worker thread writes
its **base**, the text it was opened or last saved as (nothing has to be turned into text while the
designer waits), and from then on each applied operation, undo and redo included, is appended as one
line to the **journal**, by the editor's own thread, straight to the operating system. A kill loses
nothing that was written (the operating system keeps it); the journal is flushed to the disk
(`fsync`) at most `interval_ms` (1 second) after an edit, for power cuts. When the journal grows
large, the worker writes a new base from a snapshot of the document while edits go on.

The envelope that makes base and journal a copy is written when the document turns unsaved and
withdrawn when it is clean again (undo back to the saved state, or a save, after which the saved
text is the next base). Closing the window normally (including "Don't save") removes every file of
the copy. A copy that cannot be written (full disk) never interrupts editing: the status bar says so,
once, and the next change tries again.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow
from shiboken6 import isValid

from blueprint.edit import Document, Operation
from blueprint.edit.journal import to_line
from blueprint.recovery import RecoveryStore, new_key
from blueprint.recovery.text import document_bytes
from blueprint.recovery.worker import Worker
from blueprint.ui.worker import collections_paused

#: Edits reach the operating system at once; the disk itself within this long.
RECOVERY_INTERVAL_MS = 1_000
#: A base this small (the file as opened or saved) is written by the editor's thread itself, to the
#: operating system only (a few milliseconds); larger ones by the worker.
NOW_BYTES = 4 * 1024 * 1024
#: A journal this long is folded into a new base (replaying it would take a while).
COMPACT_BYTES = 8 * 1024 * 1024
#: After a full copy from a snapshot could not be written (full disk), wait this long before the next.
SNAPSHOT_RETRY_SECONDS = 5.0


def _write_lines(fd: int, lines: list[bytes]) -> None:
    view = memoryview(b"".join(lines))
    while view:
        view = view[os.write(fd, view) :]


class _Told(QObject):
    """Brings the worker's word of each job's end to the UI thread, where the job's pause of the cycle
    collector ends (`Worker.resume`). It has no parent, and the worker's thread holds it: a window
    closed and deleted before the word arrives (a queued signal to a deleted object is dropped) would
    otherwise leave the collector paused for the rest of the session."""

    told = Signal(object, object)  # (tag, result) from the worker thread

    def __init__(self) -> None:
        super().__init__()
        self.worker: Worker | None = None
        self.told.connect(self._resume)

    def _resume(self, _tag: Any, _result: Any) -> None:
        if self.worker is not None:
            self.worker.resume()


class RecoveryAutosave(QObject):
    """Keeps the recovery copy of `window.document`; `written` gives the envelope each time it is made."""

    written = Signal(str)
    failed = Signal(str)

    def __init__(
        self, window: QMainWindow, store: RecoveryStore, interval_ms: int = RECOVERY_INTERVAL_MS
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.last_error: str | None = None
        # (the collector paused from each job's submit until its word reaches the UI thread: never
        # on the worker; see `_Told`)
        told = _Told()
        self.worker = Worker(lambda tag, result: told.told.emit(tag, result), pause=collections_paused)
        told.worker = self.worker
        told.told.connect(self._job_done)
        self.timer = QTimer(self)  # flushes the journal to the disk
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._sync)
        self._after_publish: list[Callable[[], None]] = []
        self._stop_recording: Callable[[], None] = lambda: None
        self._closed = False
        self._generation = 0
        self._retry_snapshot_at = 0.0
        self._reset(window.document)  # type: ignore[attr-defined]
        stack = window.undo_stack  # type: ignore[attr-defined]
        stack.cleanChanged.connect(self._clean_changed)
        stack.indexChanged.connect(self._index_changed)  # a copy that failed is tried again
        window.document_replaced.connect(self._replaced)  # type: ignore[attr-defined]
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._closed_cleanly)

    # --- state ------------------------------------------------------------------------------------

    def _reset(self, document: Document) -> None:
        """Follow `document` from its start: nothing of it is on disk yet."""
        self._stop_recording()
        self.key = new_key()
        self.document = document
        #: The text the journal starts from, and the lines since it while nothing is on disk.
        self.source: bytes | None = document.source
        self.pending: list[bytes] = []
        #: The generation on disk (base written, journal open in `fd`) and the one being written.
        self.live: int | None = None
        self.fd: int | None = None
        self.journal_bytes = 0
        self.making: int | None = None
        self.making_lines: list[bytes] = []
        self.published = False
        self._stop_recording = document.record(self._record)

    @property
    def has_copy(self) -> bool:
        return self.published

    def _dirty(self) -> bool:
        """Unsaved changes? (False while the window is being destroyed.)"""
        stack = self.window.undo_stack if isValid(self.window) else None  # type: ignore[attr-defined]
        return stack is not None and isValid(stack) and not stack.isClean()

    def _report(self, error: BaseException) -> None:
        message = f"Could not write a recovery copy: {getattr(error, 'strerror', None) or error}"
        if message != self.last_error and isValid(self.window):
            # After the edit's own messages (a failure inside an edit would be written over at once).
            QTimer.singleShot(0, lambda: self._show(message))
            self.failed.emit(message)
        self.last_error = message

    def _show(self, message: str) -> None:
        if isValid(self.window):
            self.window.statusBar().showMessage(message, 10_000)

    # --- edits ------------------------------------------------------------------------------------

    def _record(self, op: Operation) -> None:
        """Called by the document with every applied operation, before anything else sees it."""
        try:
            line = to_line(op, t=round(time.time(), 3))
        except Exception:  # an operation the journal cannot name: a full copy instead
            self.source, self.pending = None, []
            if self.live is not None or self.making is not None:
                self._start_base(snapshot=True)
            return
        if self.fd is not None:
            self._append(line)
        if self.making is not None:
            self.making_lines.append(line)
        elif self.fd is None and self.source is not None:
            self.pending.append(line)  # relative to the source (without one, a snapshot is taken)
        long = self.journal_bytes > COMPACT_BYTES and self.making is None
        if long and time.monotonic() >= self._retry_snapshot_at:
            self._start_base(snapshot=True)

    def _append(self, line: bytes) -> None:
        assert self.fd is not None
        try:
            _write_lines(self.fd, [line])
        except OSError as error:
            self._report(error)
            self._close_journal()
            # The journal on disk misses this edit: the next change starts a fresh copy, from a
            # snapshot (the edits since the source are no longer all at hand).
            self.live, self.source, self.pending = None, None, []
            return
        self.journal_bytes += len(line)
        self.last_error = None
        if not self.timer.isActive():
            self.timer.start()

    def _sync(self) -> None:
        if self.fd is None:
            return
        try:
            fd = os.dup(self.fd)
        except OSError:
            return

        def flush() -> None:
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

        self.worker.submit(("sync", self.key), flush)

    def seed(self, lines: tuple[bytes, ...] | list[bytes]) -> None:
        """The document is its source with these journal lines replayed (a restored copy)."""
        self.pending = list(lines)

    def after_publish(self, callback: Callable[[], None]) -> None:
        """Call `callback` once the next envelope is safely written (a restore then drops the old copy)."""
        self._after_publish.append(callback)

    # --- the copy on disk ---------------------------------------------------------------------------

    def _ensure_copy(self) -> None:
        """The document has unsaved changes: make sure a copy exists (or is being made)."""
        if self.live is not None:
            if not self.published:
                self._publish()
        elif self.making is None:
            snapshot = self.source is None
            if snapshot and time.monotonic() < self._retry_snapshot_at:
                return  # a snapshot failed to be written a moment ago: do not take one every edit
            self._start_base()

    def _start_base(self, *, snapshot: bool = False) -> None:
        """Have the worker write a new generation: its base, the edits made so far, and (when the
        document is unsaved) the envelope, in one go, so that the copy exists as soon as it can."""
        self._generation += 1
        generation, key, store = self._generation, self.key, self.store
        if not snapshot and self.source is not None and self.live is None:
            data: bytes | None = self.source
            lines, blueprint = self.pending, None
        else:  # a frozen copy of the document as it is now: later edits go into the next journal
            data, lines, blueprint = None, [], self.document.snapshot()
        self.pending = []
        self.making, self.making_lines = generation, list(lines)
        shared = self.making_lines  # the editor's thread appends to it while the worker writes
        # The first copy is published by the worker at once. A new generation beside a live one is
        # published only once the editor's thread has handed its journal over (the live one stays whole).
        publish = self._dirty() and self.live is None
        path, disk = self.document.path, self.document.disk

        def write(durable: bool = True) -> tuple[int, int, bool]:
            store.prepare(key)
            text = data if data is not None else document_bytes(blueprint)
            store.write_base(key, generation, text, durable=durable)
            fd = store.open_journal(key, generation)
            try:
                count = len(shared)  # lines appended after this are written by the editor's thread
                _write_lines(fd, shared[:count])
                if publish:
                    store.publish(key, generation, path, disk=disk, durable=durable)
            except BaseException:
                os.close(fd)
                raise
            return fd, count, publish

        if data is not None and len(data) <= NOW_BYTES:
            # A small base is written at once (to the operating system: a kill loses nothing from
            # here on), and flushed to the disk by the worker: the editor never waits for the disk.
            try:
                fd, count, published = write(durable=False)
            except OSError as error:
                self._job_done(("base", key, generation), error)
                return
            self._base_written(generation, fd, count, published)
            self.worker.submit(("sync", key), lambda: store.sync(key, generation))
            return
        self.worker.submit(("base", key, generation), write)

    def _publish(self) -> None:
        assert self.live is not None
        self.published = True
        key, generation, store = self.key, self.live, self.store
        path, disk = self.document.path, self.document.disk
        job = lambda: store.publish(key, generation, path, disk=disk)  # noqa: E731
        self.worker.submit(("publish", key, generation), job)

    def _withdraw(self) -> None:
        if self.published:
            self.published = False
            key, store = self.key, self.store
            self.worker.submit(("withdraw", key), lambda: store.withdraw(key))

    def _close_journal(self) -> None:
        if self.fd is not None:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = None

    def _drop(self) -> None:
        """Forget every file of the current copy (queued after whatever is still being written)."""
        self.timer.stop()
        self._close_journal()
        key, store = self.key, self.store
        self.worker.submit(("remove", key), lambda: store.remove(key))
        self.published = False

    def _job_done(self, tag: Any, result: Any) -> None:
        self.worker.resume()  # (`_Told` has ended the pauses of the jobs told already)
        kind, key = tag[0], tag[1]
        current = key == self.key and (kind != "base" or tag[2] == self.making)
        if isinstance(result, BaseException):
            if kind == "base" and current:
                if self.live is None and self.source is not None:
                    self.pending = self.making_lines  # still relative to the source: try again later
                else:
                    self._retry_snapshot_at = time.monotonic() + SNAPSHOT_RETRY_SECONDS
                self.making, self.making_lines = None, []
            if kind == "publish" and key == self.key:
                self.published = False
            if kind != "sync":
                self._report(result)
            return
        if kind == "base":
            fd, count, published = result
            if not current:  # the document was replaced or saved meanwhile: that copy is being removed
                with contextlib.suppress(OSError):
                    os.close(fd)
                return
            self._base_written(tag[2], fd, count, published)
        elif kind == "publish" and key == self.key:
            self._published()

    def _published(self) -> None:
        self.last_error = None
        self.written.emit(str(self.store.envelope_path(self.key)))
        callbacks, self._after_publish = self._after_publish, []
        for callback in callbacks:
            callback()

    def _base_written(self, generation: int, fd: int, count: int, published: bool) -> None:
        """The worker wrote `generation` (and its first `count` lines): its journal takes over."""
        self._close_journal()
        self.fd, self.live, self.journal_bytes = fd, generation, 0
        lines, self.making, self.making_lines = self.making_lines[count:], None, []
        for line in lines:
            self._append(line)
        self.published = published
        if published:
            self._published()
        if self._dirty() and not published:
            self._publish()
        elif not self._dirty() and published:
            self._withdraw()

    # --- what the window does -----------------------------------------------------------------------

    def _clean_changed(self, clean: bool) -> None:
        if self._closed or not isValid(self.window):
            return
        if self.window.document is not self.document:  # type: ignore[attr-defined]
            return  # a new document is being set: `_replaced` follows
        if clean and self.document.source is not self.source:  # saved: the saved text is the new start
            self._drop()
            self._reset(self.document)
        elif clean:
            self._withdraw()
        else:
            self._ensure_copy()

    def _index_changed(self, _index: int = 0) -> None:
        if self._closed or not isValid(self.window) or self.window.document is not self.document:  # type: ignore[attr-defined]
            return
        if self._dirty() and (self.live is None or not self.published):
            self._ensure_copy()

    def _replaced(self) -> None:
        if self._closed or not isValid(self.window):
            return
        self._drop()
        self._reset(self.window.document)  # type: ignore[attr-defined]
        if self._dirty():
            self._ensure_copy()

    def write_now(self) -> None:
        """Make sure the copy is written (or removed, if nothing is unsaved); for tests and quitting."""
        if self._dirty():
            self._ensure_copy()
        else:
            self._withdraw()

    def wait(self, timeout: float = 10.0) -> bool:
        """Wait until the worker has written everything asked of it so far (tests; quitting)."""
        return self.worker.wait(timeout)

    def _closed_cleanly(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._stop_recording()
        self._drop()
        self.worker.wait(5.0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self._after_close)  # the window decides (it may ask to save first)
        return False

    def _after_close(self) -> None:
        if not isValid(self.window) or not self.window.isVisible():
            self._closed_cleanly()
