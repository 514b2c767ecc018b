"""View > Actual Size keeps the selection (else the view's middle) in sight; Fit to Window leaves no
scroll bar, however wide the blueprint."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from blueprint.edit import Document
from blueprint.ui.main_window import MainWindow

from builders import blueprint_with, card


def _window(qtbot: QtBot, steps: int) -> MainWindow:
    cards = [
        card(f"c{i}", ["customer", "frontstage", "backstage"][i % 3], i, f"Card {i}") for i in range(steps)
    ]
    window = MainWindow(Document(blueprint_with(cards=cards, steps=steps)))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_actual_size_centres_on_the_selected_cards(qtbot: QtBot) -> None:
    window = _window(qtbot, 30)
    view = window.view
    window.canvas_editor.selection.set(["c24"])
    view.set_zoom(0.2)
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.0)
    card_rect = window.scene.cards["c24"].rect()
    visible = view.visible_scene_rect()
    assert visible.contains(card_rect)
    assert abs(visible.center().x() - card_rect.center().x()) < 2


def test_actual_size_keeps_the_middle_of_the_view_without_a_selection(qtbot: QtBot) -> None:
    window = _window(qtbot, 30)
    view = window.view
    view.set_zoom(0.5)
    view.centerOn(3000, 300)
    before = view.visible_scene_rect().center()
    assert abs(before.x() - 3000) < 5  # far from the blueprint's middle (about 2,200)
    window.actions.zoom_actual.trigger()
    assert view.zoom == pytest.approx(1.0)
    after = view.visible_scene_rect().center()
    assert abs(after.x() - before.x()) < 3  # (the blueprint is shorter than the view: no y to keep)


@pytest.mark.parametrize("steps", [12, 900])
def test_fit_to_window_shows_no_scroll_bar(qtbot: QtBot, steps: int) -> None:
    """900 steps is about 126,000 points wide: fitting it needs less than the 1% zoom the zoom-out
    buttons stop at (before, Fit stopped there too and left a scroll bar)."""
    window = _window(qtbot, steps)
    view = window.view
    view.set_zoom(1.0)
    window.actions.fit.trigger()
    qtbot.wait(10)
    assert not view.horizontalScrollBar().isVisible()
    assert not view.verticalScrollBar().isVisible()
    assert view.visible_scene_rect().contains(view.sceneRect())
    zoom = view.zoom
    view.zoom_in()
    view.zoom_out()  # zooming out again reaches the fitted zoom, not a floor above it
    assert view.zoom == pytest.approx(zoom)
