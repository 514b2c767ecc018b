"""Work beside the editor: one long-lived thread runs a watch's jobs in turn, and while any runs the
cyclic collector waits and the interpreter is handed over sooner; both come back as they were."""

from __future__ import annotations

import gc
import sys
import threading

from blueprint.layout.gcpause import without_gc
from blueprint.ui.worker import BESIDE_INTERVAL, Beside, collections_paused, hold_beside_while, run_on


def test_jobs_run_in_turn_on_one_thread_and_the_collector_waits_meanwhile(qtbot) -> None:  # type: ignore[no-untyped-def]
    worker = Beside("test-beside")
    ran: list[tuple[int, str, bool, float]] = []
    done = threading.Event()
    qtbot.waitUntil(gc.isenabled, timeout=10_000)  # (jobs of earlier tests done, their pauses ended)
    interval = sys.getswitchinterval()
    for n in range(3):
        worker.submit(
            lambda n=n: ran.append(
                (n, threading.current_thread().name, gc.isenabled(), sys.getswitchinterval())
            )
        )
    worker.submit(done.set)
    qtbot.waitUntil(done.is_set, timeout=10_000)  # (each next job once the UI heard of the last)
    worker.close(wait=10)
    assert [r[0] for r in ran] == [0, 1, 2] and {r[1] for r in ran} == {"test-beside"}
    assert not any(r[2] for r in ran) and all(r[3] <= BESIDE_INTERVAL for r in ran)
    qtbot.waitUntil(gc.isenabled, timeout=10_000)
    assert sys.getswitchinterval() == interval


def test_the_collector_never_runs_on_a_beside_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every collection while jobs run and end happens on the UI thread: a collection on the worker
    destroyed Qt objects left in reference cycles there (the editor deadlocked in Qt's locks)."""
    threads: list[str] = []

    def seen(phase: str, _info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            threads.append(threading.current_thread().name)

    worker = Beside("test-beside-gc")
    kept: list[object] = []
    gc.callbacks.append(seen)
    try:
        for _ in range(20):  # jobs that leave enough new objects alive to be due a collection
            worker.submit(lambda: kept.append([[] for _ in range(5_000)]))
        qtbot.waitUntil(gc.isenabled, timeout=10_000)
        junk = [[[]] for _ in range(5_000)]  # due a collection on this (the UI) thread now
        del junk
    finally:
        gc.callbacks.remove(seen)
        worker.close(wait=10)
    assert "test-beside-gc" not in threads and threads, threads


def test_nested_pauses_end_with_the_last() -> None:
    with collections_paused():
        with collections_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:  # a collector someone else turned off stays off
        with collections_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_layout_that_ends_during_a_paused_check_leaves_the_collector_paused() -> None:
    """A layout begun on the UI thread before a re-check, and ended while it runs: the collector
    stays paused until the re-check ends (one counted pause, not two that undo each other)."""
    assert gc.isenabled()
    layout, check = without_gc(), collections_paused()
    layout.__enter__()
    check.__enter__()
    layout.__exit__(None, None, None)
    assert not gc.isenabled()
    check.__exit__(None, None, None)
    assert gc.isenabled()


def test_the_next_job_waits_until_the_ui_thread_has_heard_of_the_last(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A result is shown (the canvas repainted) before the next job takes the interpreter: the
    customer's time waits until the findings are on screen."""
    worker = Beside("test-beside-turns")
    first, second = threading.Event(), threading.Event()
    worker.submit(first.set)
    worker.submit(second.set)
    try:
        assert first.wait(10)
        assert not second.wait(0.5), "the second job started before the UI thread heard of the first"
        qtbot.waitUntil(second.is_set, timeout=10_000)
    finally:
        worker.close(wait=10)
    qtbot.waitUntil(gc.isenabled, timeout=10_000)


class _Canvas:
    """Stands for a canvas scene that still has items to bring up to date after an edit."""

    busy = True


def test_jobs_wait_while_the_ui_thread_has_work_left_from_an_edit(qtbot) -> None:  # type: ignore[no-untyped-def]
    """While the canvas catches up after a lane-shifting move, each call of the UI thread into Python
    waited for the jobs beside it: they start when it is done (`hold_beside_while`)."""
    canvas = _Canvas()
    hold_beside_while(canvas, lambda c: c.busy)
    ran = threading.Event()
    run_on("test-beside-held", ran.set)
    qtbot.wait(300)
    assert not ran.is_set()
    canvas.busy = False
    qtbot.waitUntil(ran.is_set, timeout=10_000)
    qtbot.waitUntil(gc.isenabled, timeout=10_000)
