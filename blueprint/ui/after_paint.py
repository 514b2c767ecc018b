"""Work that should wait until a widget has painted: opening a big blueprint first shows it, then
starts what can wait (the first findings check, freezing the heap). Run before the first paint, that
work delays it (a worker thread shares the interpreter with the paint)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

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
