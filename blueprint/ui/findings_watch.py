"""Re-run the hand-off checks after edits without freezing typing.

Edits restart a single-shot timer (debounce); when it fires, a cheap snapshot of the blueprint is
taken on the UI thread and `validate` runs on a worker thread. A result that is older than the
latest edit is dropped and the checks run again, so the findings always end up matching the document.

On the same worker thread, after the checks, the result is digested (`findings_digest`): what the
canvas and the Findings panel show of it, and what differs from the result shown before, so the UI
thread only applies the differences (at 40,000 cards, working them out there stopped the editor for
150-300 ms per re-check).
"""

from __future__ import annotations

import contextlib
import time
import weakref
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from blueprint.edit import Change, Document
from blueprint.model import Blueprint
from blueprint.ui.findings_digest import Digest, digest
from blueprint.ui.heap import BIG
from blueprint.ui.worker import (
    CHECKS,
    HOLD_AT_MOST,
    HOLD_RETRY_MS,
    beside_held,
    keep_out_of_collections,
    shared,
    waiting,
)

try:  # the checks are written beside the editor; the watch degrades to "no findings" without them
    from blueprint.validate import Finding, validate
except ImportError:  # pragma: no cover
    Finding = object  # type: ignore[assignment,misc]
    validate = None  # type: ignore[assignment]

Validator = Callable[[Blueprint], list]
#: Every watch (the findings' waits for the others of its document: `FindingsWatch._held`).
_watches: weakref.WeakSet[FindingsWatch] = weakref.WeakSet()


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
        #: The findings' own watch waits for the other jobs on its thread (see `_held`).
        self._last = validator is None
        _watches.add(self)
        self._findings: list = []
        self._digest: Any = None  # the digest of `_findings` (None: not made)
        self._by_element: dict[str, list] | None = None
        self._worker = shared(CHECKS)  # (one thread for the checks, in turn: see `worker.shared`)
        self._stopped = False
        #: Those still applying the last result in slices (the Findings panel): not idle until done.
        self._showing: set[int] = set()
        #: Results shown before, let go of once the consumers are done showing the last (`_let_go`).
        self._old: list[Any] = []
        self._has_result = False
        self._generation = 0
        self._running = False
        self._due = False  # a check of a new document waits for `start_due`
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        #: A due check held back while the UI thread still has work (`_start`), since when.
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(HOLD_RETRY_MS)
        self._hold.timeout.connect(self._start)
        self._held_since: float | None = None
        self._finished.connect(self._on_finished)
        self._unsubscribe: Callable[[], None] | None = None
        self.document = document
        self.set_document(document)

    # --- public -------------------------------------------------------------------------------------

    @property
    def findings(self) -> list:
        return self._findings

    @property
    def digest(self) -> Any:
        """What the editor shows of `findings`, worked out beside it (a `Digest`), or None."""
        return self._digest

    def showing(self, who: int, busy: bool) -> None:
        """The consumer `who` (a number of its own) is still applying the last result (True) or is
        done (False): `is_idle` waits for it."""
        if busy:
            self._showing.add(who)
        else:
            self._showing.discard(who)
            if not self._showing and self._old:
                old, self._old = self._old, []
                self._drop(old)

    def findings_by_element(self) -> dict[str, list]:
        """Findings of each element id (a finding appears under every id it names)."""
        if isinstance(self._digest, Digest):
            return self._digest.by_element
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
        self._stopped = False
        self._unsubscribe = document.subscribe(self._on_change)
        self._generation += 1
        self._has_result = False
        self._drop(self._digest)
        self._findings, self._by_element = [], None  # the last document's say nothing about this one
        self._digest = None
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
        self._hold.stop()
        self._generation += 1
        blueprint = self.document.blueprint
        result = self._validate(blueprint)
        self._publish((result, self._digested(result, blueprint, self._digest)))
        return self._findings

    def has_result(self) -> bool:
        """A check of the current document has finished (before that, `findings` says nothing about
        it: "no findings" would be a false all-clear)."""
        return self._has_result

    def is_idle(self) -> bool:
        """No check pending or running (the findings match the document), and nothing left to do on
        the checks' thread (letting go of the last result took 20 ms at 40,000 cards, in the next
        edit when it came at once)."""
        return (
            not self._running
            and not self._timer.isActive()
            and not self._hold.isActive()
            and not self._due
            and not self._showing
            and not self._worker.pending  # (nor a job on its thread: an old result being freed)
        )

    def stop(self) -> None:
        """Stop watching (the window closes); a running check finishes and is ignored."""
        self._timer.stop()
        self._hold.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self._generation += 1
        self._showing.clear()
        self._old.clear()
        self._stopped = True

    # --- internals ----------------------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        self._generation += 1
        self._hold.stop()  # (held or not, the check is due after the typing pauses again)
        self._held_since = None
        self._timer.start()  # restarts: one check after the typing pauses
        self.stale.emit()

    def _start(self) -> None:
        self._due = False
        if self._running:
            return  # _on_finished starts again when the document moved on meanwhile
        if self._held():
            self._hold.start()
            return
        self._running = True
        generation, copy = self._generation, self.document.snapshot()
        self._worker.submit(partial(self._work, generation, copy, self._digest))

    def _held(self) -> bool:
        """The check waits while the UI thread still has work from the last edit (`beside_held`: the
        canvas bringing items up to date), and the findings' check (`_last`) while other jobs are
        given to its thread (the customer's time, the hand-off count), for at most `HOLD_AT_MOST`
        seconds: the findings come last, and once they are shown nothing of the edit runs beside
        the editor any more (a check still running slowed the next edit's exact layout and
        catch-up)."""
        busy = beside_held() or (self._last and (self._worker.pending > 0 or waiting() or self._others_due()))
        if not busy:
            if self._held_since is not None:  # one more wait: Qt's own work after the UI's last chunk
                self._held_since = None  # (the scene's index) runs in the next turn
                return True
            return False
        now = time.monotonic()
        if self._held_since is None:
            self._held_since = now
        if now - self._held_since < HOLD_AT_MOST:
            return True
        self._held_since = None
        return False

    def _others_due(self) -> bool:
        """Another watch of this document (the customer's time) has a check due or held."""
        return any(
            watch is not self
            and watch.document is self.document
            and not watch._stopped
            and (watch._timer.isActive() or watch._hold.isActive() or watch._due)
            for watch in list(_watches)
        )

    def _work(self, generation: int, blueprint: Blueprint, base: Any) -> None:
        result = self._validate(blueprint)
        made = self._digested(result, blueprint, base)
        big = len(blueprint.cards) + len(blueprint.links) >= BIG
        del base, blueprint  # let go of here, on the worker thread
        if big:
            keep_out_of_collections()
        with contextlib.suppress(RuntimeError):  # the watch was deleted meanwhile (window closed)
            self._finished.emit(generation, (result, made))

    def _digested(self, result: Any, blueprint: Blueprint, base: Any) -> Any:
        """The digest of a result (None when there is no result, or digesting it failed)."""
        if result is None:
            return None
        try:
            return self.make_digest(result, blueprint, base)
        except Exception:  # the result is still shown, the slow way
            return None

    def make_digest(self, findings: Any, blueprint: Blueprint, base: Any) -> Any:
        """On the worker thread: what the editor shows of `findings`, against `base` (the digest
        shown now, or None)."""
        cards = {card.id for card in blueprint.cards}
        return digest(findings, cards, base if isinstance(base, Digest) else None)

    def _validate(self, blueprint: Blueprint) -> list | None:
        if self._validator is None:
            return []
        try:
            return self._validator(blueprint)
        except Exception:  # a bug in one rule must not take the editor down; keep the old findings
            return None

    def _on_finished(self, generation: int, outcome: tuple[Any, Any]) -> None:
        self._running = False
        if generation != self._generation:
            if self._unsubscribe is not None and not self._timer.isActive():
                self._start()
            self._drop(outcome)
            return
        self._publish(outcome)

    def _publish(self, outcome: tuple[Any, Any]) -> None:
        findings, made = outcome
        if findings is None:
            return
        old = self._digest  # the last result goes (its digest holds its findings) ...
        self._findings, self._digest = findings, made
        self._by_element = None
        self._has_result = True
        self.updated.emit(findings)
        self._let_go(old)  # ... once the consumers show the new one

    def _let_go(self, old: Any) -> None:
        """Let go of the result shown before once every consumer shows the new one (`showing`).

        Freeing a result of 40,000 cards holds the interpreter for about 20 ms on the worker, with
        no break: let go of as the new one was published, the UI thread's calls into Python while it
        showed the new one waited for it (the turn took 45 ms for 3 ms of work)."""
        if old is None:
            return
        if self._showing:
            self._old.append(old)
        else:
            self._drop(old)

    def _drop(self, old: Any) -> None:
        """Let go of an old result on the worker thread (freeing it is work too)."""
        if old is not None and not self._stopped:  # (a stopped watch's thread is not started again)
            self._worker.submit(partial(_keep, old))


def _keep(_old: object) -> None:
    """A job that only holds what it is given until it has run (see `FindingsWatch._drop`)."""
