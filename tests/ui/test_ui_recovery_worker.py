"""The recovery copies' worker thread in the editor follows the rule of every worker beside it: the
cycle collector is paused for its jobs from the UI thread and resumed there, so it never runs on the
worker (a collection there can destroy a Qt object left in a reference cycle: the editor deadlocked in
Qt's locks when a findings worker did)."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from blueprint.edit import Document, SetDocumentFields
from blueprint.fileformat import save
from blueprint.model import Blueprint
from blueprint.recovery import RecoveryStore
from blueprint.ui import main_window as main_window_module
from blueprint.ui.commands import push
from blueprint.ui.dialogs.prompts import Answer
from blueprint.ui.main_window import MainWindow
from blueprint.ui.safety import install_safety, safety_net_of

from ui_gestures import isolate_settings, open_window


def test_the_collector_never_runs_on_the_recovery_worker(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint.ui.safety import autosave as autosave_module

    isolate_settings(tmp_path / "settings")
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    monkeypatch.setattr(autosave_module, "NOW_BYTES", 0)  # every base is written by the worker
    path = tmp_path / "trip.blueprint"
    save(Blueprint(title="Saved"), path)
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=RecoveryStore(tmp_path / "recovery"))
    assert window.open_path(path)
    net = safety_net_of(window)
    assert net is not None
    threads: list[str] = []
    in_jobs: list[bool] = []

    def seen(phase: str, _info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            threads.append(threading.current_thread().name)

    kept: list[object] = []

    def job() -> None:  # as a recovery job of a big document: many new objects, due a collection
        in_jobs.append(gc.isenabled())
        kept.append([[] for _ in range(3_000)])

    push(window.undo_stack, window.document, SetDocumentFields({"title": "Edited"}))
    net.autosave.write_now()
    # (no re-check beside the jobs: its own pause of the collector would hide the worker's)
    watches = [window.findings_watch, window.timing.watch]
    qtbot.waitUntil(lambda: all(w.is_idle() for w in watches), timeout=10_000)
    assert net.autosave.wait(10)
    QApplication.processEvents()
    thresholds = gc.get_threshold()
    gc.callbacks.append(seen)
    gc.set_threshold(100, 5, 5)  # collections due often: one on the worker would not be missed
    try:
        for _ in range(10):  # as the journal's flushes are handed over (`RecoveryAutosave._sync`)
            net.autosave.worker.submit(("sync", net.autosave.key), job)
        qtbot.waitUntil(lambda: len(in_jobs) == 10, timeout=10_000)
        qtbot.waitUntil(gc.isenabled, timeout=10_000)  # the end of each told on the UI thread
        junk = [[[]] for _ in range(1_000)]
        del junk
    finally:
        gc.set_threshold(*thresholds)
        gc.callbacks.remove(seen)
    assert not any(in_jobs), "the collector waits while a recovery job runs"
    assert threads and not [name for name in threads if name != "MainThread"], set(threads)


def test_a_window_gone_before_its_jobs_word_arrives_leaves_the_collector_running(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A job's pause of the collector ends on the UI thread when the worker's word of its end arrives;
    the window (and its autosave, which hears that word) may be deleted before it does. The word then
    still ends the pause: a pause never ended would leave the collector off for the session."""
    from blueprint.ui.safety import autosave as autosave_module

    isolate_settings(tmp_path / "settings")
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    window = MainWindow(Document(Blueprint(title="Start")))  # not qtbot's: this test deletes it
    window.show()
    install_safety(window, store=RecoveryStore(tmp_path / "recovery"))
    net = safety_net_of(window)
    assert net is not None
    worker = net.autosave.worker
    watches = [window.findings_watch, window.timing.watch]
    qtbot.waitUntil(lambda: all(w.is_idle() for w in watches) and gc.isenabled(), timeout=10_000)
    started, go = threading.Event(), threading.Event()

    def job() -> None:
        started.set()
        go.wait(10)

    worker.submit(("sync", "gone"), job)
    assert started.wait(10) and not gc.isenabled()  # paused from the submit, on the UI thread
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the window and its autosave
    assert not isValid(net.autosave)
    go.set()  # the job ends: its word goes to the UI thread after the window is gone
    assert autosave_module.Worker is type(worker)
    qtbot.waitUntil(gc.isenabled, timeout=10_000)
