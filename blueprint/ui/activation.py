"""Bring a window forward. Without a window manager (a kiosk, VNC, Xvfb) nothing activates a window by
itself, and until one is active no shortcut works; Qt's offscreen platform cannot raise windows (it says
so on every call), so only activation is asked of it."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QWidget


def bring_forward(window: QWidget) -> None:
    window.activateWindow()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        window.raise_()


def exec_menu(menu: QMenu, where: QPoint, owner: QWidget) -> None:
    """Show a context menu; once it closes, `owner`'s window has the keyboard again (without a window
    manager a closed popup can leave no window active, and then no key works)."""
    menu.exec(where)
    window = owner.window()
    if QApplication.activeWindow() is None and window.isVisible():
        bring_forward(window)
