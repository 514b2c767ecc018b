"""A findings re-check waits while the UI thread still has work left from an edit (the canvas bringing
its items up to date after a lane-shifting move): run beside it, each of the UI thread's calls into
Python waited for the check, and a turn of 15 ms of work took 60-120 ms at 40,000 cards."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from blueprint.edit import Document, SetDocumentFields
from blueprint.model import Blueprint
from blueprint.ui import findings_watch as watch_module
from blueprint.ui.findings_watch import FindingsWatch
from blueprint.ui.worker import hold_beside_while


@pytest.fixture(autouse=True)
def _jobs_done(qtbot) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Each test ends once the jobs it gave the worker are done (their pauses of the collector too)."""
    yield
    qtbot.waitUntil(gc.isenabled, timeout=10_000)


class _Canvas:
    """Stands for a canvas scene with items still to bring up to date."""

    busy = False


def _watch(qtbot, canvas: _Canvas) -> tuple[FindingsWatch, Document, list[str]]:  # type: ignore[no-untyped-def]
    checked: list[str] = []

    def validator(bp: Blueprint) -> list:
        checked.append(threading.current_thread().name)
        return []

    document = Document(Blueprint(title="Start"))
    hold_beside_while(canvas, lambda c: c.busy)
    watch = FindingsWatch(document, delay_ms=20, validator=validator)
    qtbot.waitUntil(watch.is_idle, timeout=5_000)
    return watch, document, checked


def test_a_re_check_waits_until_the_canvas_has_caught_up(qtbot) -> None:  # type: ignore[no-untyped-def]
    canvas = _Canvas()
    watch, document, checked = _watch(qtbot, canvas)
    before = len(checked)
    canvas.busy = True
    document.apply(SetDocumentFields({"title": "Edited"}))
    qtbot.wait(300)
    assert len(checked) == before and not watch.is_idle(), "the check is held, and due"
    canvas.busy = False
    qtbot.waitUntil(watch.is_idle, timeout=5_000)
    assert len(checked) == before + 1 and checked[-1] == "checks"
    watch.stop()


def test_a_held_re_check_starts_anyway_after_a_while(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The findings must follow the document: a canvas that never catches up holds a check back
    `HOLD_AT_MOST` seconds at most."""
    monkeypatch.setattr(watch_module, "HOLD_AT_MOST", 0.2)
    canvas = _Canvas()
    watch, document, checked = _watch(qtbot, canvas)
    before = len(checked)
    canvas.busy = True
    document.apply(SetDocumentFields({"title": "Edited"}))
    qtbot.waitUntil(watch.is_idle, timeout=5_000)
    assert len(checked) == before + 1
    canvas.busy = False
    watch.stop()


def test_an_edit_while_held_makes_one_check_of_the_document_as_edited(qtbot) -> None:  # type: ignore[no-untyped-def]
    canvas = _Canvas()
    seen: list[str] = []
    watch, document, checked = _watch(qtbot, canvas)
    watch.updated.connect(lambda _f: seen.append(document.blueprint.title))
    before = len(checked)
    canvas.busy = True
    document.apply(SetDocumentFields({"title": "First"}))
    qtbot.wait(100)
    document.apply(SetDocumentFields({"title": "Second"}))
    canvas.busy = False
    qtbot.waitUntil(watch.is_idle, timeout=5_000)
    assert len(checked) == before + 1 and seen[-1] == "Second"
    watch.stop()
