"""New-user review: a document opens at 100% from its top-left corner, and the findings say
"Checking…" (never a false all-clear) until the first check of the document is done."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import blueprint.ui.findings_watch as watch_module
import blueprint.ui.main_window as main_window_module
from blueprint.fileformat import load
from blueprint.ui.dialogs.template_chooser import TemplateChooser
from blueprint.ui.panels.findings import CHECKING

from ui_gestures import drop_file, look, open_window

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
BIG = sorted(SAMPLES.glob("*.blueprint"), key=lambda p: p.stat().st_size)[-1]
OTHER = sorted(SAMPLES.glob("*.blueprint"), key=lambda p: p.stat().st_size)[-2]


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    return open_window(qtbot, load(BIG), BIG)


def zoom_in_and_scroll_away(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        window.actions.zoom_in.trigger()
    view = window.view
    for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
        bar.setValue(bar.maximum())
    assert view.zoom > 1.2
    assert view.horizontalScrollBar().value() > 0 and view.verticalScrollBar().value() > 0


def at_top_left_100(window) -> bool:  # type: ignore[no-untyped-def]
    view = window.view
    h, v = view.horizontalScrollBar(), view.verticalScrollBar()
    return (
        abs(view.zoom - 1.0) < 1e-9
        and h.value() == h.minimum()
        and v.value() == v.minimum()
        and window.zoom_label.text() == "100%"
    )


def test_open_dialog_starts_at_100_percent_top_left(qtbot, window, monkeypatch):  # type: ignore[no-untyped-def]
    zoom_in_and_scroll_away(qtbot, window)
    monkeypatch.setattr(main_window_module.QFileDialog, "getOpenFileName", lambda *a, **k: (str(OTHER), ""))
    window.actions.open.trigger()
    assert window.document.path == OTHER
    assert at_top_left_100(window)
    look(window, "review-fix-open")


def test_open_recent_and_drop_start_at_100_percent_top_left(qtbot, window):  # type: ignore[no-untyped-def]
    zoom_in_and_scroll_away(qtbot, window)
    assert window.open_recent(OTHER)
    assert at_top_left_100(window)
    zoom_in_and_scroll_away(qtbot, window)
    drop_file(window, BIG)
    qtbot.waitUntil(lambda: window.document.path == BIG)
    assert at_top_left_100(window)


def test_new_starts_at_100_percent_top_left(qtbot, window, monkeypatch):  # type: ignore[no-untyped-def]
    class Chooser:
        DialogCode = TemplateChooser.DialogCode

        def __init__(self, *args: object) -> None:
            pass

        def exec(self) -> TemplateChooser.DialogCode:
            return TemplateChooser.DialogCode.Accepted

        def chosen(self) -> str:
            return "eight-stage"

    zoom_in_and_scroll_away(qtbot, window)
    monkeypatch.setattr(main_window_module, "TemplateChooser", Chooser)
    window.actions.new.trigger()
    assert window.document.path is None
    assert at_top_left_100(window)


def test_findings_say_checking_until_the_first_check_is_done(qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    release = threading.Event()

    def slow_validate(blueprint):  # type: ignore[no-untyped-def]
        release.wait(10)
        return []

    monkeypatch.setattr(watch_module, "validate", slow_validate)
    window = open_window(qtbot, load(OTHER), OTHER)
    panel = window.panel("FindingsPanel")
    qtbot.wait(400)  # well past the debounce: the check is running, not done
    assert window.findings_label.text() == CHECKING
    assert panel.tree.topLevelItem(0).text(0) == CHECKING
    assert "No findings" not in panel.windowTitle() and "none" not in panel.windowTitle()
    release.set()
    qtbot.waitUntil(lambda: window.findings_label.text() == "No findings")
    assert panel.tree.topLevelItem(0).text(0).startswith("No findings")
    release.clear()
    assert window.open_path(BIG)  # the next document: its check runs again
    assert window.findings_label.text() == CHECKING
    assert panel.tree.topLevelItem(0).text(0) == CHECKING
    release.set()
    qtbot.waitUntil(lambda: window.findings_label.text() == "No findings")
