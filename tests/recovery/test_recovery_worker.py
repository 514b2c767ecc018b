"""The recovery folder's worker thread: jobs in turn, each end told; with a pause, the cycle collector
waits while a job runs and never runs on the worker (its pause ends on the submitting thread)."""

from __future__ import annotations

import gc
import threading
from typing import Any

from blueprint.layout.gcpause import without_gc
from blueprint.recovery.worker import Worker


def test_jobs_run_in_turn_and_each_end_is_told() -> None:
    told: list[tuple[Any, Any]] = []
    worker = Worker(lambda tag, result: told.append((tag, result)), name="test-recovery")

    def fail() -> None:
        raise OSError("disk full")

    worker.submit("a", lambda: 1)
    worker.submit("b", fail)
    worker.submit("c", lambda: threading.current_thread().name)
    assert worker.wait(10)
    assert [tag for tag, _ in told] == ["a", "b", "c"]
    assert told[0][1] == 1 and isinstance(told[1][1], OSError) and told[2][1] == "test-recovery"


def test_with_a_pause_the_collector_waits_for_the_jobs_and_never_runs_on_the_worker() -> None:
    """A collection on a worker thread can destroy a Qt object left in a reference cycle there (the
    editor deadlocked in Qt's locks): the pause is begun by `submit` and ended by `resume` (or
    `wait`) on the submitting thread, so the collection the jobs' allocations are due runs here."""
    assert gc.isenabled()
    threads: list[str] = []
    enabled_in_jobs: list[bool] = []
    told = threading.Event()

    def seen(phase: str, _info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            threads.append(threading.current_thread().name)

    kept: list[object] = []

    def job() -> None:  # leaves enough new objects alive to be due a collection
        enabled_in_jobs.append(gc.isenabled())
        kept.append([[] for _ in range(5_000)])

    worker = Worker(lambda _tag, _result: told.set(), name="test-recovery-gc", pause=without_gc)
    gc.callbacks.append(seen)
    try:
        for n in range(20):
            worker.submit(n, job)
        assert told.wait(10)
        assert not gc.isenabled(), "a job's pause lasts until the submitting thread ends it"
        assert worker.wait(10)
        assert gc.isenabled(), "`wait` ends the pauses of the jobs done"
        junk = [[[]] for _ in range(5_000)]  # due a collection on this thread now
        del junk
    finally:
        gc.callbacks.remove(seen)
        worker.resume()
    assert enabled_in_jobs == [False] * 20
    assert "test-recovery-gc" not in threads and threads, threads


def test_resume_ends_only_the_pauses_of_jobs_told() -> None:
    """`resume` after each end told (the editor's queued signal): the collector stays paused while a
    job still runs, and runs again once the last is told and resumed."""
    release = threading.Event()
    told = threading.Semaphore(0)
    worker = Worker(lambda _tag, _result: told.release(), name="test-recovery-resume", pause=without_gc)
    worker.submit("quick", lambda: None)
    worker.submit("slow", lambda: release.wait(10))
    try:
        assert told.acquire(timeout=10)
        worker.resume()
        assert not gc.isenabled(), "the slow job's pause goes on"
    finally:
        release.set()
    assert told.acquire(timeout=10)
    worker.resume()
    assert gc.isenabled()
