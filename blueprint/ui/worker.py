"""Work beside the editor: a function run on a worker thread while the window's event loop keeps
running (progress dialogs repaint, Cancel can be pressed), returning when the work is done; and
`Beside`, one long-lived worker thread that runs jobs in turn (the findings re-checks)."""

from __future__ import annotations

import contextlib
import gc
import queue
import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from blueprint.layout.gcpause import without_gc

T = TypeVar("T")


def run_beside(work: Callable[[], None], name: str, tick: Callable[[], None] | None = None) -> None:
    """Run `work` on a thread named `name`; every 30 ms until it ends, call `tick` (to show progress,
    to read a Cancel button). `work` must not raise (it reports its outcome through its closure).
    The cycle collector waits until it has ended."""
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
    # the collector is paused here, on the UI thread, until the thread has ended: a collection on the
    # thread could destroy a Qt object left in a reference cycle there (see `Beside`)
    with collections_paused():
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


class _Relay(QObject):
    """Lives on the UI thread: a job's end, told from its worker, is handled there."""

    ended = Signal(object)


class Beside:
    """A worker thread that runs the jobs given to it one after the other, started with the first.

    Starting a thread for each job made the UI thread wait until the new thread had taken the
    interpreter (`Thread.start` waits for it): 5-20 ms while another worker held it. `submit` only
    puts the job in a queue. A job must not raise (it reports its outcome through its closure); the
    references it holds are dropped on the worker thread, which is where the last result of a big
    blueprint is best let go of (freeing 9,000 findings takes milliseconds).

    The cycle collector never runs on the worker: each job's pause of it (`collections_paused`) is
    begun by `submit` on the UI thread and ended there once the worker has told the job's end and
    is past everything it does for the job (`_Job.finished`), so the collection the job's
    allocations are due runs on the UI thread. (Ended on the worker, the worker's next allocation
    collected there: a scene left in a reference cycle was destroyed on the worker, and the editor
    deadlocked or crashed in Qt.) Each job has a lock of its own: with one lock for the thread, the
    UI thread waited for the whole of the next job when the worker had taken it already.

    The next job starts `HOLD_RETRY_MS` after the UI thread has heard of the last one's end: a
    findings result is shown (the canvas's badges repainted, the panel's rows) before the
    customer's time is worked out beside it (run at once, the repaint waited for it: 100 ms for
    20 ms of work at 40,000 cards)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._relay: _Relay | None = None
        #: Jobs given and not yet heard of as ended (on the UI thread).
        self.pending = 0
        #: Set when the worker may take its next job (see `_ended`).
        self._go = threading.Event()
        self._go.set()

    def submit(self, job: Callable[[], None]) -> None:
        """Run `job` on the worker thread, after those already given (call on the UI thread)."""
        if self._relay is None:
            self._relay = _Relay()
            self._relay.ended.connect(self._ended)
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(
                target=_run, args=(self._jobs, self._relay, self._go), name=self.name, daemon=True
            )
            self._thread.start()
        pause = collections_paused()
        pause.__enter__()
        self.pending += 1
        self._jobs.put(_Job(job, pause, self._go))

    def _ended(self, job: _Job) -> None:
        """On the UI thread: a job has ended; once its worker is past it, its pause ends here, and
        the collection the job's allocations are due runs now, in this turn of the event loop,
        rather than at the next allocation (an edit's, or a paint's)."""
        self.pending -= 1
        with job.finished:  # (a few instructions after the end was told)
            pass
        pause, job.pause = job.pause, None
        if pause is not None:
            pause.__exit__(None, None, None)
        collect_due()
        QTimer.singleShot(HOLD_RETRY_MS, job.go.set)  # the next job once the UI has shown this one's end

    def close(self, wait: float = 0.0) -> None:
        """The thread ends after the jobs already given (waited for up to `wait` seconds)."""
        if self._thread is not None:
            self._jobs.put(None)
            if wait:
                self._thread.join(wait)
            self._jobs, self._thread = queue.SimpleQueue(), None
            self._go = threading.Event()  # (the next thread's)
            self._go.set()


class _Job:
    """A job given to a `Beside` thread, its pause of the collector, and a lock held from `submit`
    until the worker is past everything it does for the job."""

    __slots__ = ("finished", "go", "pause", "run")

    def __init__(
        self, run: Callable[[], None], pause: contextlib.AbstractContextManager[None], go: threading.Event
    ) -> None:
        self.run: Callable[[], None] | None = run
        self.go = go  # set when its thread may take the job after it
        self.pause: contextlib.AbstractContextManager[None] | None = pause
        self.finished = threading.Lock()
        self.finished.acquire()


def _run(jobs: queue.SimpleQueue[_Job | None], relay: _Relay, go: threading.Event) -> None:
    """A `Beside` thread: its jobs in turn until it is told to end (None). Nothing here allocates
    between releasing a job's `finished` (a lock of C, which makes no Python object) and waiting
    for the next job."""
    while True:
        item = jobs.get()
        if item is None:
            return
        go.wait()  # (the collector is paused already: `submit` began the job's pause)
        go.clear()
        run, item.run = item.run, None
        try:
            run()  # type: ignore[misc]
        finally:
            del run  # its references go here, not on the next job's arrival
            with contextlib.suppress(RuntimeError):  # the application is gone (the end of the session)
                relay.ended.emit(item)
            finished = item.finished
            del item
            finished.release()
            del finished


#: The name of the thread the findings re-checks and the customer's time run on (see `shared`).
CHECKS = "checks"
_shared: dict[str, Beside] = {}


def shared(name: str) -> Beside:
    """The long-lived worker thread `name` (made with the first job; see `Beside`): its jobs run one
    after the other.

    The findings re-checks and the customer's time share one (`CHECKS`): they are Python and share
    one interpreter anyway. On a thread each, at 40,000 cards, they took turns every 0.2 ms
    (`collections_paused`), the findings came after 3-5 s instead of 1.3 s of work, and each turn
    of the UI thread meanwhile competed with them for the two cores (15 ms of work took 60-80 ms).
    The hand-off count runs there too (`run_on`), and the findings go last (`FindingsWatch._held`)."""
    worker = _shared.get(name)
    if worker is None:
        worker = _shared[name] = Beside(name)
    return worker


def run_on(name: str, job: Callable[[], None]) -> None:
    """Run `job` (the work `name` says, such as "hand-offs") on the checks' thread (`shared(CHECKS)`)
    after the jobs given to it before, once the UI thread has no work left from the last edit
    (`when_free`; call on the UI thread). On a thread of its own, the hand-off count ran on into the
    next edit's exact layout and catch-up."""
    when_free(lambda: shared(CHECKS).submit(job))


def when_free(start: Callable[[], None], since: float | None = None, settled: bool = False) -> None:
    """Call `start` on the UI thread now, or once no owner given to `hold_beside_while` has work
    left for the UI thread (asked every `HOLD_RETRY_MS`, for at most `HOLD_AT_MOST` seconds from
    `since`). After a hold it waits one retry more (`settled`): Qt's own work after the UI's last
    chunk (re-indexing the items it moved) runs in the next turn of the event loop. `waiting()`
    counts the calls still to start."""
    global _waiting
    if beside_held():
        now = time.monotonic()
        if since is None:
            _waiting += 1
            since = now
        if now - since < HOLD_AT_MOST:
            QTimer.singleShot(HOLD_RETRY_MS, lambda: when_free(start, since))
            return
    elif since is not None and not settled:
        QTimer.singleShot(HOLD_RETRY_MS, lambda: when_free(start, since, True))
        return
    if since is not None:
        _waiting -= 1
    start()


_waiting = 0


def waiting() -> int:
    """How many jobs `when_free` holds back (the findings' check waits for them: `FindingsWatch`)."""
    return _waiting


#: While the UI thread still has work from the last edit (`beside_held`), a job due beside it is
#: tried again after this many milliseconds ...
HOLD_RETRY_MS = 20
#: ... for at most this many seconds (then it starts anyway: what it works out must follow the
#: document; the catch-up after a lane-shifting move at 40,000 cards takes 1-3 s).
HOLD_AT_MOST = 8.0
#: What the UI thread still has to do in coming turns of the event loop, by owner (a canvas scene
#: bringing its items up to date after an edit: `hold_beside_while`).
_holds: weakref.WeakKeyDictionary[Any, Callable[[Any], bool]] = weakref.WeakKeyDictionary()


def hold_beside_while(owner: object, busy: Callable[[Any], bool]) -> None:
    """Jobs that would run beside the editor for long (the findings re-checks, see `beside_held`)
    wait to start while `busy(owner)` is true (for as long as `owner` lives).

    The UI thread and a worker share Python's interpreter: a turn of the event loop that calls into
    Python a few hundred times (a chunk of canvas items brought up to date after a lane-shifting
    move, the exact layout made the one shown) waited for two re-check threads at each call, and a
    turn of 10-20 ms of work took 60-120 ms at 40,000 cards. Run one after the other, neither
    waits for the other."""
    _holds[owner] = busy


def beside_held() -> bool:
    """Some owner given to `hold_beside_while` still has work for the UI thread's coming turns."""
    return any(busy(owner) for owner, busy in list(_holds.items()))


_pause_lock = threading.Lock()
_pauses = 0  # how many threads are in `collections_paused`
_was_interval = 0.005
#: The interpreter's switch interval while work runs beside the editor (seconds), see below.
BESIDE_INTERVAL = 0.0002


@contextlib.contextmanager
def collections_paused() -> Iterator[None]:
    """No automatic cyclic garbage collection while the block runs (on any thread), and the
    interpreter handed to the UI thread sooner.

    A re-check of a big blueprint holds hundreds of thousands of objects while it runs (the graphs of
    the cards and links) and makes almost no cyclic garbage (31 objects at 40,000 cards). Each full
    collection started meanwhile, on whichever thread allocated, walked all of those with the
    interpreter held: 200-270 ms, two or three times per re-check, in which the UI thread could not
    run at all. The collector resumes when the last such block ends; what it would have found by then
    is found at its next collection, which walks only what is still alive.

    While the block runs, every call from Qt into Python on the UI thread (each card's paint, each
    event) waits for the worker to yield the interpreter: up to the switch interval (1 ms, `app.py`),
    so a repaint of 50 cards took 50 ms of waiting for 0.5 ms of work. A shorter interval
    (BESIDE_INTERVAL) while the block runs cuts that wait; it costs nothing when the UI thread is idle
    (a switch is only forced when another thread asks for the interpreter)."""
    global _pauses, _was_interval
    with _pause_lock:
        if _pauses == 0:
            _was_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_was_interval, BESIDE_INTERVAL))
        _pauses += 1
    try:
        with without_gc():  # the one pause of the collector, counted with the layout's own
            yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0:
                sys.setswitchinterval(_was_interval)


def collect_due() -> None:
    """The young collection the interpreter would start at its next allocation, started now (when
    the collector runs): the generation whose count is over its threshold, 0 or 1. (The oldest is
    left to the interpreter, which also weighs how much of the heap is new.)"""
    if not gc.isenabled():
        return
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[1] > thresholds[1]:
        gc.collect(1)
    elif counts[0] > thresholds[0]:
        gc.collect(0)


def keep_out_of_collections() -> None:
    """Inside `collections_paused`, after a re-check of a big blueprint: what is alive now (its result,
    which lives until the next one) goes where the collector does not walk (`gc.freeze`), as the
    document itself did once it was open (`heap.py`).

    A result at 40,000 cards is 150,000-250,000 objects (the findings, their digest, the customer's
    time of every card); left to the collector, each of its collections walked them again (gen 0
    and 1: 40-130 ms, full: 90-230 ms, on whichever thread, the UI's included). Objects frozen are
    still freed when the last reference goes; only garbage in reference cycles alive at this moment
    stays until the next document is opened (`heap.settle` unfreezes and collects): the checks make
    about 31 such objects per run."""
    gc.freeze()
