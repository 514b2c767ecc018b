"""Small round colour icons for function swatches and finding severities."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

NO_COLOUR = "#B8BEC7"


@cache
def dot_icon(colour: str | None, size: int = 14, outline: str = "#5A6270") -> QIcon:
    """A round icon; made once per colour, size and outline (QIcon is shared, never changed): the
    Findings panel asks for one per row, a thousand rows at 5,000 cards."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(outline))
    painter.setBrush(QColor(colour or NO_COLOUR))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)
