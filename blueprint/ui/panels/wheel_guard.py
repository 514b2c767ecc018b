"""The mouse wheel over a panel scrolls the panel: a choice box, number or date field under the pointer
takes the wheel only once it has the keyboard focus (clicked or tabbed into).

Qt's boxes take the wheel (and the focus with it) wherever the pointer rests, so scrolling down a
card's form over its Function box silently gave the card another function, one undo step per notch
(and a wheel over the Functions panel's Kind box changed the function's kind). Desktop tools with
long property forms (Qt Creator, LibreOffice's sidebar) guard them the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    """Event filter: an unfocused box passes the wheel to the scroll area around it (with none, the
    wheel does nothing there)."""

    def __init__(self, owner: QWidget, scroll: QAbstractScrollArea | None = None) -> None:
        super().__init__(owner)
        self.scroll = scroll

    def guard(self, root: QWidget) -> None:
        """Guard `root` if it is a box, and every box under it (built once with the forms)."""
        boxes = [root] if isinstance(root, GUARDED) else []
        for box in boxes + root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox):
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not WheelFocus: the wheel gives no focus
            box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            if self.scroll is not None:
                QCoreApplication.sendEvent(self.scroll.verticalScrollBar(), event)
            return True
        return False
