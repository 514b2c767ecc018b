"""The exact layout of a lane-shifting edit, worked out beside the editor while the view shows a
preview of it.

A card move that makes a lane taller moves everything below it across the whole width of the
blueprint; laying all of that out again (`relayout`) took 50-60 ms at 5,000 cards and 0.6 s at
40,000, of which the views show a few columns. The scene repaints at once from `layout.preview`
(exact where the views look) and asks for the exact layout here: it is worked out on a worker thread
once the view has painted, and handed back to the UI thread (a queued signal), where the scene makes
it the one shown (`BlueprintScene.finish_layout`).

The worker reads the document and the previous layout, so nothing may change either meanwhile:
whoever needs the exact layout sooner (the next edit, through `Document.before_apply`; a render; a
view looking beyond the preview's sight) waits for it with `wait`.

Qt objects must be destroyed on the UI thread, so the worker never lets go of one:

- it holds nothing that leads to a Qt object (the scene, the document's observers): it works on an
  `_Outcome` (the blueprint, its card index, the previous layout), and its word reaches the
  `PendingLayout` through a weak reference, on the UI thread;
- the cycle collector never runs on it: the UI thread pauses the collector (`collections_paused`,
  counted) from the start of the work until the worker is back waiting for the next (`_busy`), so the
  collection the work's allocations are due runs on the UI thread afterwards. (Paused on the worker
  itself, as `worker.Beside` does, the worker re-enabled the collector at the end of each job and its
  next allocation collected there: a scene left in a reference cycle was destroyed on the worker,
  and the editor crashed.)
"""

from __future__ import annotations

import contextlib
import gc
import queue
import threading
import weakref
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager

from PySide6.QtCore import QObject, Signal

from blueprint.edit.card_index import CardIndex
from blueprint.layout import relayout
from blueprint.layout.shapes import Layout
from blueprint.model import Blueprint
from blueprint.ui.canvas.behind import Sight
from blueprint.ui.worker import collections_paused

#: The name of the worker thread the exact layouts are worked out on, one at a time.
WORKER = "exact-layout"
#: Cards from which an exact layout is frozen out of collections once it arrives (see
#: `_Outcome.resume_collections`); below it the young collection is short.
FREEZE_FROM = 2_000


class _Relay(QObject):
    """Lives on the UI thread: an outcome emitted from the worker is told there, in a later turn of
    the event loop."""

    arrived = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(_arrived)


def _arrived(outcome: _Outcome) -> None:
    """On the UI thread, once the worker is done: the collector runs again (here), and the
    `PendingLayout` is told if it still exists."""
    outcome.resume_collections()
    pending = outcome.owner() if outcome.owner is not None else None
    if pending is not None:
        pending._tell()


_relay: _Relay | None = None
_jobs: queue.SimpleQueue[_Outcome] = queue.SimpleQueue()
_thread: threading.Thread | None = None
#: Held by the worker from taking an outcome until it waits for the next: released last, by a lock
#: of C that makes no Python object, so that nothing the worker does after it can start a collection.
_busy = threading.Lock()


def _serve() -> None:
    """The worker thread: the outcomes given to it in turn. (Nothing here pauses the collector: see
    the module's docstring.)"""
    while True:
        outcome = _jobs.get()
        _busy.acquire()
        outcome.run()
        del outcome
        _busy.release()


def _submit(outcome: _Outcome) -> None:
    """On the UI thread: hand `outcome` to the worker thread (started with the first; a thread
    started per job made the UI thread wait for it to take the interpreter)."""
    global _relay, _thread
    if _relay is None:  # made here, on the UI thread, and kept for the session
        _relay = _Relay()
    outcome.relay = _relay
    if _thread is None or not _thread.is_alive():
        _thread = threading.Thread(target=_serve, name=WORKER, daemon=True)
        _thread.start()
    _jobs.put(outcome)


class _Outcome:
    """What the worker thread holds: the work, then its result or error (nothing Qt but the relay,
    which lives for the session)."""

    __slots__ = ("done", "error", "owner", "pause", "relay", "result", "work")

    def __init__(self, work: Callable[[], Layout]) -> None:
        self.work: Callable[[], Layout] | None = work
        self.done = threading.Event()
        self.result: Layout | None = None
        self.error: BaseException | None = None
        self.owner: weakref.ref[PendingLayout] | None = None
        self.relay: _Relay | None = None
        #: The UI thread's pause of the collector while the work runs (None once resumed).
        self.pause: AbstractContextManager[None] | None = None

    def pause_collections(self) -> None:
        """On the UI thread, before the work starts."""
        self.pause = collections_paused()
        self.pause.__enter__()

    def resume_collections(self) -> None:
        """On the UI thread, once the work is done and the worker waits for the next (again: nothing).

        A big exact layout is frozen out of collections first (`gc.freeze`, as `ui/heap.py` does
        for the document once it is open): it lives until the next edit, and made while the
        collector was paused, its objects were all young. The first young collection after the pause
        walked them all, on the UI thread: 100-120 ms at 40,000 cards (some 400,000 objects). Frozen
        objects are still freed when the last reference goes; cyclic garbage alive at this moment
        stays until the next document is opened (`heap.settle`)."""
        pause, self.pause = self.pause, None
        if pause is not None:
            with _busy:  # (a few instructions after `done`)
                if self.result is not None and len(self.result.cards) >= FREEZE_FROM:
                    gc.freeze()
                pause.__exit__(None, None, None)

    def run(self) -> None:
        """On the worker thread."""
        work, self.work = self.work, None
        try:
            self.result = work()  # type: ignore[misc]
        except BaseException as error:  # raised again by `wait`, on the UI thread
            self.error = error
        del work  # the previous layout it holds goes here, not on the UI thread
        with contextlib.suppress(RuntimeError):  # (the application is gone: the end of the session)
            self.relay.arrived.emit(self)  # type: ignore[union-attr]
        self.done.set()  # last: from here on the UI thread may resume the collector


class PendingLayout:
    """The exact layout of one edit, to be worked out by `work` beside the editor.

    `sight` is the sight the preview shown meanwhile is exact in; `arrived(self)` is called on the UI
    thread once the work is done, if this still exists and nobody took the result or abandoned it."""

    @classmethod
    def of_edit(
        cls,
        doc: Blueprint,
        previous: Layout,
        changed: Iterable[str],
        index: CardIndex,
        sight: Sight,
        arrived: Callable[[PendingLayout], None],
    ) -> PendingLayout:
        """The exact layout after an edit of the cards `changed` whose preview is shown: what
        `relayout(doc, previous, changed, index=index, same_frame=True)` gives (`index`: the
        document's card index, not the document, which leads to its observers)."""
        edited = frozenset(changed)
        return cls(lambda: relayout(doc, previous, edited, index=index, same_frame=True), sight, arrived)

    def __init__(
        self, work: Callable[[], Layout], sight: Sight, arrived: Callable[[PendingLayout], None]
    ) -> None:
        self.sight = sight
        self._outcome = _Outcome(work)
        self._outcome.owner = weakref.ref(self)
        self._arrived: Callable[[PendingLayout], None] | None = arrived
        self.started = False

    @property
    def done(self) -> bool:
        return self._outcome.done.is_set()

    def start(self) -> None:
        """Work it out on the worker thread (once; call on the UI thread)."""
        if self.started:
            return
        self.started = True
        self._outcome.pause_collections()
        _submit(self._outcome)

    def _tell(self) -> None:
        """On the UI thread, after the work is done."""
        arrived, self._arrived = self._arrived, None
        if arrived is not None:
            arrived(self)

    def wait(self) -> Layout:
        """The exact layout, once worked out (started now if it was not yet); raises its error."""
        self.start()
        outcome = self._outcome
        outcome.done.wait()
        outcome.resume_collections()
        self._arrived = None  # (taken: the word from the worker is for nobody)
        if outcome.error is not None:
            raise outcome.error
        assert outcome.result is not None
        return outcome.result

    def abandon(self) -> None:
        """Nobody wants the result (the scene is going): it is not told, and when the work has begun,
        this waits until it no longer reads the document."""
        self._arrived = None
        outcome = self._outcome
        if self.started:
            outcome.done.wait()
            outcome.resume_collections()
        else:
            outcome.work = None
