"""The chosen cell: a dashed frame around the cell the keyboard moved to or the mouse clicked, where New
Card (Ctrl+Return) and Paste put cards. Shown only while nothing is selected (a selected card's cell is
the chosen one then)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from blueprint.ui.canvas import style


class CellCursor(QGraphicsRectItem):
    """One per view; moved from scene to scene as documents are opened."""

    def __init__(self) -> None:
        super().__init__()
        pen = QPen(QColor(style.SELECTION), 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self.setPen(pen)
        fill = QColor(style.SELECTION)
        fill.setAlpha(14)
        self.setBrush(QBrush(fill))
        self.setZValue(1.9)  # over the grid and links, under cards and the frozen headers
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_at(self, rect: QRectF | None) -> None:
        if rect is None or rect.isNull():
            self.hide()
            return
        rect = rect.adjusted(2, 2, -2, -2)
        if rect != self.rect():
            self.setRect(rect)
        self.show()
