"""One background thread that does the recovery folder's slow input and output, in the order asked.

Writing a full copy of a large document, writing envelopes and flushing journals to the disk take
milliseconds to seconds; the editor hands them over here and goes on. Each job's result (or the
exception it raised) is handed to `done(tag, result)` on the worker thread; the editor turns that into
a queued Qt signal.

The cycle collector never runs on the worker when the editor gives a `pause` (as `ui/worker.Beside`
and the exact layout's worker do): a collection on a worker thread can destroy a Qt object left in
a reference cycle there, and Qt deadlocked or crashed. Each job's pause of the collector is begun by
`submit`, on the editor's (UI) thread, and ended there by `resume` once the worker has told the
job's end and is past everything it does for that job (`_Job.finished`, a lock of C released last);
the collection the job's allocations are due then runs on the UI thread. Ended on the worker, the
worker's next allocation would collect there.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections import deque
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

Done = Callable[[Any, Any], None]
#: Makes a pause of the cycle collector (`ui.worker.collections_paused`), begun and ended by the caller.
Pause = Callable[[], AbstractContextManager[None]]


class _Job:
    """A job given to the worker, with its pause of the collector (None without one) and a lock held
    from `submit` until the worker is past everything it does for the job."""

    __slots__ = ("finished", "pause", "run", "tag")

    def __init__(self, tag: Any, run: Callable[[], Any], pause: AbstractContextManager[None] | None) -> None:
        self.tag = tag
        self.run: Callable[[], Any] | None = run
        self.pause = pause
        self.finished = threading.Lock()
        self.finished.acquire()


class Worker:
    """Runs submitted jobs one after another on a daemon thread (started when first needed).

    With `pause`, the cycle collector is paused from each `submit` until `resume` (call it on the
    submitting thread whenever `done` has been handed over there; `wait` calls it too)."""

    def __init__(self, done: Done, name: str = "recovery-copies", pause: Pause | None = None) -> None:
        self._done = done
        self._name = name
        self._pause = pause
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()
        self._lock = threading.Lock()
        self._waiting = 0
        #: Jobs whose end the worker has told (`done`) and whose pause `resume` is to end.
        self._told: deque[_Job] = deque()

    def submit(self, tag: Any, job: Callable[[], Any]) -> None:
        with self._lock:
            self._waiting += 1
            self._idle.clear()
        pause = None
        if self._pause is not None:
            pause = self._pause()
            pause.__enter__()
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._serve, name=self._name, daemon=True)
            self._thread.start()
        self._jobs.put(_Job(tag, job, pause))

    def resume(self) -> None:
        """On the submitting (UI) thread: end the collector's pause of every job the worker has told
        the end of (waiting the few instructions until the worker is past it). The collection its
        allocations are due runs here, at the next allocation."""
        told = self._told
        while told:
            job = told.popleft()
            with job.finished:
                pass
            pause, job.pause = job.pause, None
            if pause is not None:
                pause.__exit__(None, None, None)

    def _serve(self) -> None:
        """The worker thread (a method only to reach the queue; the loop is `_run`'s)."""
        _run(self._jobs, self._done, self._told, self._finish_one)

    def _finish_one(self) -> None:
        with self._lock:
            self._waiting -= 1
            if self._waiting == 0:
                self._idle.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every job submitted so far is done; False if `timeout` passed first. (On the
        submitting thread: the pauses of the jobs done end here.)"""
        idle = self._idle.wait(timeout)
        self.resume()
        return idle


def _run(
    jobs: queue.SimpleQueue[_Job | None], done: Done, told: deque[_Job], finish_one: Callable[[], None]
) -> None:
    """The worker's loop: each job, its end told, then `finished` released last (a lock of C, which
    makes no Python object): nothing here allocates between that and waiting for the next job, so
    no collection can start on this thread once the UI thread has ended the job's pause."""
    while True:
        job = jobs.get()
        if job is None:
            return
        run, job.run = job.run, None
        try:
            result: Any = run()  # type: ignore[misc]
        except BaseException as error:  # reported to the editor, never raised on this thread
            result = error
        del run  # (what the job holds goes here, while the collector is paused)
        if job.pause is not None:
            told.append(job)
        with contextlib.suppress(Exception):  # the editor may be gone (its window closed)
            done(job.tag, result)
        del result
        finish_one()
        finished = job.finished
        del job
        finished.release()
        del finished
