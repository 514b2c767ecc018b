"""Work that should wait until a widget has painted: opening a big blueprint first shows it, then
starts what can wait (the first findings check, freezing the heap). Run before the first paint, that
work delays it (a worker thread shares the interpreter with the paint)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from blueprint.layout.gcpause import pause

#: At the latest this long after being asked, the work runs even if no paint came (a hidden window).
LATEST_MS = 2000


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self.work: Callable[[], None] | None = work
        self.widget = widget
        widget.installEventFilter(self)
        QTimer.singleShot(LATEST_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.work is not None:
            QTimer.singleShot(0, self, self._run)  # once the paint is done
        return False

    def _run(self) -> None:
        work, self.work = self.work, None
        if work is None:
            return
        self.widget.removeEventFilter(self)
        self.deleteLater()
        work()


def after_paint(widget: QWidget, work: Callable[[], None]) -> None:
    """Run `work` once `widget` has next painted (at once when it is hidden, at the latest after
    `LATEST_MS`)."""
    if not widget.isVisible():
        QTimer.singleShot(0, work)
        return
    _AfterPaint(widget, work)


def collector_paused() -> Callable[[], None]:
    """Pause the cycle collector for what comes before a first paint; returns the call that ends the
    pause (`until_painted` hands it to a widget, an error path calls it at once; a second call does
    nothing).

    Opening a 5,000-card file makes about 300,000 lasting objects (the document, its layout, the
    items) and almost no garbage, yet the collections their allocations start walked them again and
    again: 90-100 ms of a 600 ms open, a full collection in the load among them. Once painted, the
    heap is collected and frozen anyway (`heap.settle`), which finds whatever the pause left."""
    return pause()


def until_painted(widget: QWidget, resume: Callable[[], None]) -> None:
    """Call `resume` (from `collector_paused`) once `widget` has painted, at once when it is hidden;
    at the latest after `LATEST_MS` even if the widget is gone by then (a collector left paused
    would never collect again)."""
    if not widget.isVisible():
        resume()
        return
    after_paint(widget, resume)
    QTimer.singleShot(LATEST_MS, resume)
