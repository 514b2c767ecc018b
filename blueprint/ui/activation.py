"""Bring a window forward. Without a window manager (a kiosk, VNC, Xvfb) nothing activates a window by
itself, and until one is active no shortcut works; Qt's offscreen platform cannot raise windows (it says
so on every call), so only activation is asked of it."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def bring_forward(window: QWidget) -> None:
    window.activateWindow()
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        window.raise_()
