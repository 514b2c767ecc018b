"""Small toolbar icons drawn with QPainter (no image files to ship): zoom in/out, fit, export PDF, and
undo/redo when the desktop theme has none."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

INK = "#37474F"
ACCENT = "#1A73E8"


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(48, 48)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    return pixmap, painter


def _magnifier(sign: str) -> QIcon:
    pixmap, p = _canvas()
    p.setPen(QPen(QColor(INK), 4))
    p.drawEllipse(QRectF(6, 6, 26, 26))
    handle = QPen(QColor(INK), 6)
    handle.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(handle)
    p.drawLine(QPointF(29, 29), QPointF(42, 42))
    p.setPen(QPen(QColor(ACCENT), 4))
    p.drawLine(QPointF(12, 19), QPointF(26, 19))
    if sign == "+":
        p.drawLine(QPointF(19, 12), QPointF(19, 26))
    p.end()
    return QIcon(pixmap)


@cache
def zoom_in() -> QIcon:
    return _magnifier("+")


@cache
def zoom_out() -> QIcon:
    return _magnifier("-")


@cache
def fit() -> QIcon:
    pixmap, p = _canvas()
    p.setPen(QPen(QColor(INK), 4))
    for x, y, dx, dy in ((6, 6, 1, 1), (42, 6, -1, 1), (6, 42, 1, -1), (42, 42, -1, -1)):
        p.drawLine(QPointF(x, y), QPointF(x + 11 * dx, y))
        p.drawLine(QPointF(x, y), QPointF(x, y + 11 * dy))
    p.fillRect(QRectF(16, 18, 16, 12), QColor(ACCENT))
    p.end()
    return QIcon(pixmap)


@cache
def export_pdf() -> QIcon:
    pixmap, p = _canvas()
    p.setPen(QPen(QColor(INK), 3))
    p.setBrush(QColor("#FFFFFF"))
    p.drawRect(QRectF(9, 4, 30, 40))
    p.fillRect(QRectF(5, 22, 38, 14), QColor("#D32F2F"))
    font = p.font()
    font.setPixelSize(12)
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#FFFFFF"))
    p.drawText(QRectF(5, 22, 38, 14), Qt.AlignmentFlag.AlignCenter, "PDF")
    p.end()
    return QIcon(pixmap)


def _turn_arrow(mirrored: bool) -> QIcon:
    """A curved arrow turning back to the left (undo), or to the right when mirrored (redo)."""
    pixmap, p = _canvas()
    if mirrored:
        p.translate(48, 0)
        p.scale(-1, 1)
    pen = QPen(QColor(INK), 5)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    path = QPainterPath(QPointF(36, 40))
    path.cubicTo(QPointF(46, 26), QPointF(36, 14), QPointF(18, 17))
    p.drawPath(path)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(ACCENT))
    p.drawPolygon(QPolygonF([QPointF(4, 18), QPointF(20, 6), QPointF(21, 29)]))
    p.end()
    return QIcon(pixmap)


def _themed(name: str, mirrored: bool) -> QIcon:
    themed = QIcon.fromTheme(name)
    return themed if not themed.isNull() else _turn_arrow(mirrored)


@cache
def undo() -> QIcon:
    return _themed("edit-undo", mirrored=False)


@cache
def redo() -> QIcon:
    return _themed("edit-redo", mirrored=True)
