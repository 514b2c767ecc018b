"""The mouse wheel over the Inspector scrolls the Inspector: a choice box, number or date field under
the pointer takes the wheel only once it has the keyboard focus (clicked or tabbed into).

Qt's boxes take the wheel (and the focus with it) wherever the pointer rests, so scrolling down a
card's form over its Function box silently gave the card another function, one undo step per notch.
Desktop tools with long property forms (Qt Creator, LibreOffice's sidebar) guard them the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget


class WheelGuard(QObject):
    """Event filter: an unfocused box passes the wheel to the scroll area around it."""

    def __init__(self, scroll: QAbstractScrollArea) -> None:
        super().__init__(scroll)
        self.scroll = scroll

    def guard(self, root: QWidget) -> None:
        """Guard every choice box and spin or date field under `root` (built once with the forms)."""
        for box in root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox):
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: the wheel gives no focus
            box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            QCoreApplication.sendEvent(self.scroll.verticalScrollBar(), event)
            return True
        return False
