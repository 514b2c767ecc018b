"""Work beside the editor: a function run on a worker thread while the window's event loop keeps
running (progress dialogs repaint, Cancel can be pressed), returning when the work is done."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer


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
