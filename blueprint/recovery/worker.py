"""One background thread that does the recovery folder's slow input and output, in the order asked.

Writing a full copy of a large document, writing envelopes and flushing journals to the disk take
milliseconds to seconds; the editor hands them over here and goes on. Each job's result (or the
exception it raised) is handed to `done(tag, result)` on the worker thread; the editor turns that into
a queued Qt signal.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any

Done = Callable[[Any, Any], None]


class Worker:
    """Runs submitted jobs one after another on a daemon thread (started when first needed)."""

    def __init__(self, done: Done, name: str = "recovery-copies") -> None:
        self._done = done
        self._name = name
        self._jobs: queue.Queue[tuple[Any, Callable[[], Any]] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()
        self._lock = threading.Lock()
        self._waiting = 0

    def submit(self, tag: Any, job: Callable[[], Any]) -> None:
        with self._lock:
            self._waiting += 1
            self._idle.clear()
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
            self._thread.start()
        self._jobs.put((tag, job))

    def _run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                return
            tag, job = item
            try:
                result: Any = job()
            except BaseException as error:  # reported to the editor, never raised on this thread
                result = error
            with contextlib.suppress(Exception):  # the editor may be gone (its window closed)
                self._done(tag, result)
            with self._lock:
                self._waiting -= 1
                if self._waiting == 0:
                    self._idle.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every job submitted so far is done; False if `timeout` passed first."""
        return self._idle.wait(timeout)
