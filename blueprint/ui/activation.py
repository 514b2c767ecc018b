"""Bring a window forward. Without a window manager (a kiosk, VNC, Xvfb) nothing activates a window by
itself, and until one is active no shortcut works; Qt's offscreen platform cannot raise windows (it says
so on every call), so only activation is asked of it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QWidget


def bring_forward(window: QWidget) -> None:
    window.activateWindow()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        window.raise_()


def exec_menu(menu: QMenu, where: QPoint, owner: QWidget) -> None:
    """Show a context menu; once it is gone, `owner`'s window has the keyboard again. Without a window
    manager a closed popup can leave no window with the keyboard focus (or a hidden popup's window
    holding it, for a moment), and then no key works."""
    menu.exec(where)
    window = owner.window()
    take_keyboard_back(window)
    QTimer.singleShot(0, lambda: take_keyboard_back(window))


def take_keyboard_back(window: QWidget) -> None:
    """Activate `window` when no visible window has the keyboard (nothing else is open over it)."""
    focused = QGuiApplication.focusWindow()  # QApplication.activeWindow() can be stale here
    if focused is not None and focused.isVisible():
        return
    if window.isVisible() and QApplication.activeModalWidget() is None:
        bring_forward(window)
