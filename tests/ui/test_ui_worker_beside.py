"""Work beside the editor: one long-lived thread runs a watch's jobs in turn, and while any runs the
cyclic collector waits and the interpreter is handed over sooner; both come back as they were."""

from __future__ import annotations

import gc
import sys
import threading

from blueprint.ui.worker import BESIDE_INTERVAL, Beside, collections_paused


def test_jobs_run_in_turn_on_one_thread_and_the_collector_waits_meanwhile() -> None:
    worker = Beside("test-beside")
    ran: list[tuple[int, str, bool, float]] = []
    done = threading.Event()
    interval = sys.getswitchinterval()
    for n in range(3):
        worker.submit(
            lambda n=n: ran.append(
                (n, threading.current_thread().name, gc.isenabled(), sys.getswitchinterval())
            )
        )
    worker.submit(done.set)
    assert done.wait(10)
    worker.close(wait=10)
    assert [r[0] for r in ran] == [0, 1, 2] and {r[1] for r in ran} == {"test-beside"}
    assert not any(r[2] for r in ran) and all(r[3] <= BESIDE_INTERVAL for r in ran)
    assert gc.isenabled() and sys.getswitchinterval() == interval


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
