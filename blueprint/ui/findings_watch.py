"""Re-run the hand-off checks after edits without freezing typing.

Edits restart a single-shot timer (debounce); when it fires, a cheap snapshot of the blueprint is
taken on the UI thread and `validate` runs on a worker thread. A result that is older than the
latest edit is dropped and the checks run again, so the findings always end up matching the document.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from blueprint.edit import Change, Document
from blueprint.model import Blueprint

try:  # the checks are written beside the editor; the watch degrades to "no findings" without them
    from blueprint.validate import Finding, validate
except ImportError:  # pragma: no cover
    Finding = object  # type: ignore[assignment,misc]
    validate = None  # type: ignore[assignment]

Validator = Callable[[Blueprint], list]


class FindingsWatch(QObject):
    """The current findings of a document, kept up to date in the background."""

    #: Emitted on the UI thread with the new list of Finding after each completed run.
    updated = Signal(object)
    #: Emitted when the watch starts on another document: until `updated` follows, nothing is known.
    checking = Signal()
    #: Emitted on each edit: the findings shown are those of the document before it, until `updated`.
    stale = Signal()
    #: Internal: a worker finished (generation, findings).
    _finished = Signal(int, object)

    def __init__(
        self,
        document: Document,
        parent: QObject | None = None,
        delay_ms: int = 300,
        validator: Validator | None = None,
    ) -> None:
        super().__init__(parent)
        self._validator = validator or validate
        self._findings: list = []
        self._by_element: dict[str, list] | None = None
        self._has_result = False
        self._generation = 0
        self._running = False
        self._due = False  # a check of a new document waits for `start_due`
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        self._finished.connect(self._on_finished)
        self._unsubscribe: Callable[[], None] | None = None
        self.document = document
        self.set_document(document)

    # --- public -------------------------------------------------------------------------------------

    @property
    def findings(self) -> list:
        return self._findings

    def findings_by_element(self) -> dict[str, list]:
        """Findings of each element id (a finding appears under every id it names)."""
        if self._by_element is None:
            index: dict[str, list] = {}
            for finding in self._findings:
                for element_id in dict.fromkeys(finding.elements):
                    index.setdefault(element_id, []).append(finding)
            self._by_element = index
        return self._by_element

    def set_document(self, document: Document, start: bool = True) -> None:
        """Watch another document (after Open or New); checks it straight away, or with `start` False
        when `start_due` is called (the window does once it has shown the document)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
        self.document = document
        self._unsubscribe = document.subscribe(self._on_change)
        self._generation += 1
        self._has_result = False
        self._findings, self._by_element = [], None  # the last document's say nothing about this one
        self.checking.emit()
        if start:
            self._start()
        else:
            self._due = True

    def start_due(self) -> None:
        """Start the check `set_document(..., start=False)` left due (if it has not started yet)."""
        if self._due:
            self._start()

    def run_now(self) -> list:
        """Check synchronously on this thread (tests, export); returns and publishes the findings."""
        self._timer.stop()
        self._generation += 1
        self._publish(self._validate(self.document.blueprint))
        return self._findings

    def has_result(self) -> bool:
        """A check of the current document has finished (before that, `findings` says nothing about
        it: "no findings" would be a false all-clear)."""
        return self._has_result

    def is_idle(self) -> bool:
        """No check pending or running (the findings match the document)."""
        return not self._running and not self._timer.isActive() and not self._due

    def stop(self) -> None:
        """Stop watching (the window closes); a running check finishes and is ignored."""
        self._timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._generation += 1

    # --- internals ----------------------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        self._generation += 1
        self._timer.start()  # restarts: one check after the typing pauses
        self.stale.emit()

    def _start(self) -> None:
        self._due = False
        if self._running:
            return  # _on_finished starts again when the document moved on meanwhile
        self._running = True
        generation, copy = self._generation, self.document.snapshot()
        threading.Thread(target=self._work, args=(generation, copy), daemon=True, name="findings").start()

    def _work(self, generation: int, blueprint: Blueprint) -> None:
        findings = self._validate(blueprint)
        with contextlib.suppress(RuntimeError):  # the watch was deleted meanwhile (window closed)
            self._finished.emit(generation, findings)

    def _validate(self, blueprint: Blueprint) -> list | None:
        if self._validator is None:
            return []
        try:
            return self._validator(blueprint)
        except Exception:  # a bug in one rule must not take the editor down; keep the old findings
            return None

    def _on_finished(self, generation: int, findings: list | None) -> None:
        self._running = False
        if generation != self._generation:
            if self._unsubscribe is not None and not self._timer.isActive():
                self._start()
            return
        self._publish(findings)

    def _publish(self, findings: list | None) -> None:
        if findings is None:
            return
        self._findings = findings
        self._by_element = None
        self._has_result = True
        self.updated.emit(findings)
