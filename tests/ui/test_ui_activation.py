"""Without a window manager no window becomes active by itself; the editor activates its window when it
is shown and whenever a dialog closes, so shortcuts (Ctrl+F here) work without a click. Qt's offscreen
platform, like Xvfb without a window manager, leaves no window active after a modal dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from builders import blueprint_with
from ui_gestures import key, open_window, when_dialog_opens


def test_the_window_is_active_after_start_and_after_each_dialog(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, blueprint_with())  # waits until the window is active
    for action in (window.actions.about, window.actions.new):
        when_dialog_opens(lambda dialog: dialog.reject())
        action.trigger()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        assert all(a.isEnabled() for a in window.view.actions()), "the canvas keys work again"
    window.view.setFocus()
    key(qtbot, window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
