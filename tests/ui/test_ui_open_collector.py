"""Opening a file pauses the cycle collector until the first paint (a speed measure, issue 17): the
pause always ends, after the paint, on a file that cannot be read, and in a hidden window at once.
(Other pauses, a findings worker's, may still hold the collector: each pause is counted.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import blueprint.ui.main_window as main_window_module
from blueprint.fileformat import load

from ui_gestures import open_window

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE = sorted(SAMPLES.glob("*.blueprint"))[0]


@pytest.fixture
def pauses(monkeypatch):  # type: ignore[no-untyped-def]
    """Whether each pause the open path began has ended."""
    ended: list[bool] = []
    real = main_window_module.collector_paused

    def traced() -> Callable[[], None]:
        resume = real()
        index = len(ended)
        ended.append(False)

        def traced_resume() -> None:
            ended[index] = True
            resume()

        return traced_resume

    monkeypatch.setattr(main_window_module, "collector_paused", traced)
    return ended


def test_the_pause_ends_once_the_opened_file_is_painted(qtbot, pauses):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, load(SAMPLE), SAMPLE)
    window.open_path(SAMPLE)
    assert pauses == [False]
    window.repaint()
    qtbot.waitUntil(lambda: pauses == [True], timeout=3000)


def test_a_file_that_cannot_be_read_ends_the_pause(qtbot, tmp_path, monkeypatch, pauses):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, load(SAMPLE), SAMPLE)
    monkeypatch.setattr(main_window_module, "show_error", lambda *args: None)
    bad = tmp_path / "bad.blueprint"
    bad.write_text("{ not json", encoding="utf-8")
    assert window.open_path(bad) is False
    assert pauses == [True]


def test_a_hidden_window_ends_the_pause_at_once(qtbot, pauses):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, load(SAMPLE), SAMPLE)
    window.hide()
    window.open_path(SAMPLE)
    assert pauses == [True]
