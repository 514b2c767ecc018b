"""Work beside the editor: a function run on a worker thread while the window's event loop keeps
running (progress dialogs repaint, Cancel can be pressed), returning when the work is done."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


def run_beside(work: Callable[[], None], name: str, tick: Callable[[], None] | None = None) -> None:
    """Run `work` on a thread named `name`; every 30 ms until it ends, call `tick` (to show progress,
    to read a Cancel button). `work` must not raise (it reports its outcome through its closure)."""
    loop = QEventLoop()
    thread = threading.Thread(target=work, name=name, daemon=True)
    timer = QTimer()
    timer.setInterval(30)

    def poll() -> None:
        if tick is not None:
            tick()
        if not thread.is_alive():
            loop.quit()

    timer.timeout.connect(poll)
    thread.start()
    timer.start()
    if thread.is_alive():
        loop.exec()
    timer.stop()
    thread.join()


def run_with_progress(parent: QWidget, title: str, text: str, work: Callable[[], T]) -> T:
    """`work()` on a worker thread while a progress dialog without Cancel (shown only when the work
    takes more than half a second) keeps the window painted; returns its result or raises its error
    here, on the caller's thread."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # raised again on the caller's thread
            outcome["error"] = error

    progress = QProgressDialog(text, "", 0, 0, parent)
    progress.setWindowTitle(title)
    progress.setCancelButton(None)
    progress.setMinimumDuration(500)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setObjectName("busyProgress")
    try:
        run_beside(run, title.lower().replace(" ", "-"))
    finally:
        progress.close()
        progress.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
