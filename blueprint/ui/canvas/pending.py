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
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from blueprint.layout import relayout
from blueprint.layout.engine import DocumentIndex
from blueprint.layout.shapes import Layout
from blueprint.model import Blueprint
from blueprint.ui.canvas.behind import Sight
from blueprint.ui.worker import run_on

#: The worker thread the exact layouts are worked out on (one at a time: an edit waits for the last).
WORKER = "exact-layout"


class _Relay(QObject):
    """Lives on the UI thread: a call emitted from the worker runs there, in a later turn of the loop."""

    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(lambda told: told())


_relay: _Relay | None = None


def _relay_on_ui_thread() -> _Relay:
    """The one relay, made on the UI thread (by the first `start`) and kept for the whole session, so
    a worker that ends after its scene has gone still has somewhere to say so."""
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class PendingLayout:
    """The exact layout of one edit, to be worked out by `work` beside the editor.

    `sight` is the sight the preview shown meanwhile is exact in; `arrived(self)` is called on the UI
    thread once the work is done (also when `wait` already took the result: the scene then ignores it)."""

    @classmethod
    def of_edit(
        cls,
        doc: Blueprint,
        previous: Layout,
        changed: Iterable[str],
        index: DocumentIndex,
        sight: Sight,
        arrived: Callable[[PendingLayout], None],
    ) -> PendingLayout:
        """The exact layout after an edit of the cards `changed` whose preview is shown: what
        `relayout(doc, previous, changed, index=index, same_frame=True)` gives."""
        edited = frozenset(changed)
        return cls(lambda: relayout(doc, previous, edited, index=index, same_frame=True), sight, arrived)

    def __init__(
        self, work: Callable[[], Layout], sight: Sight, arrived: Callable[[PendingLayout], None]
    ) -> None:
        self.sight = sight
        self._work: Callable[[], Layout] | None = work
        self._arrived: Callable[[PendingLayout], None] | None = arrived
        self._done = threading.Event()
        self._result: Layout | None = None
        self._error: BaseException | None = None
        self.started = False

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def start(self) -> None:
        """Work it out on the worker thread (once; call on the UI thread)."""
        if self.started:
            return
        self.started = True
        relay = _relay_on_ui_thread()
        run_on(WORKER, lambda: self._run(relay))

    def _run(self, relay: _Relay) -> None:
        """On the worker thread."""
        work, self._work = self._work, None
        try:
            self._result = work()  # type: ignore[misc]
        except BaseException as error:  # raised again by `wait`, on the UI thread
            self._error = error
        finally:
            del work  # the previous layout it holds goes here, not on the UI thread
            self._done.set()
            with contextlib.suppress(RuntimeError):  # (the application is gone: the end of the session)
                relay.call.emit(self._tell)

    def _tell(self) -> None:
        """On the UI thread, after the work is done."""
        arrived, self._arrived = self._arrived, None
        if arrived is not None:
            arrived(self)

    def wait(self) -> Layout:
        """The exact layout, once worked out (started now if it was not yet); raises its error."""
        self.start()
        self._done.wait()
        if self._error is not None:
            raise self._error
        assert self._result is not None
        return self._result

    def abandon(self) -> None:
        """Nobody wants the result (the scene is going): it is not told, and when the work has begun,
        this waits until it no longer reads the document."""
        self._arrived = None
        if self.started:
            self._done.wait()
        else:
            self._work = None
