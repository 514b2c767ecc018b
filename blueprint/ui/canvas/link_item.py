"""A link on the canvas: the routed polyline of its `Route`, an arrow head, and its label."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from blueprint.layout.shapes import Route
from blueprint.ui.canvas import style

ARROW = 6.0


class LinkItem(QGraphicsItem):
    """One link, drawn only from its route (kept local: long links slow painting)."""

    def __init__(self, route: Route) -> None:
        super().__init__()
        self.route = route
        self.selected_look = False
        self.setZValue(3)
        self._build()

    @property
    def link_id(self) -> str:
        return self.route.link_id

    def set_route(self, route: Route) -> None:
        if route != self.route:
            self.prepareGeometryChange()
            self.route = route
            self._build()
            self.update()

    def set_look(self, *, selected: bool) -> None:
        self.selected_look = selected
        self.update()

    def _build(self) -> None:
        points = [QPointF(x, y) for x, y in self.route.points]
        path = QPainterPath()
        if points:
            path.moveTo(points[0])
            for p in points[1:]:
                path.lineTo(p)
        self._path = path
        self._arrow = _arrow_head(points)
        self._hit: QPainterPath | None = None  # made when first asked (hit tests), not on every move
        bounds = path.boundingRect().adjusted(-ARROW - 2, -ARROW - 2, ARROW + 2, ARROW + 2)
        if self.route.label and self.route.label_pos:
            x, y = self.route.label_pos
            bounds = bounds.united(QRectF(x - 2, y - 10, 7 * len(self.route.label) + 4, 14))
        self._bounds = bounds
        kind = "Hand-off" if self.route.is_handoff else ("Loop" if self.route.kind == "loop" else "Link")
        self.setToolTip(f"{kind}: {self.route.label}" if self.route.label else kind)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._hit is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(8)
            self._hit = stroker.createStroke(self._path)
        return self._hit

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        route = self.route
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.selected_look:
            colour = QColor(style.SELECTION)
        elif route.kind == "loop":
            colour = QColor(style.LOOP_LINK)
        elif route.is_handoff:
            colour = QColor(style.HANDOFF_LINK)
        else:
            colour = QColor(style.LINK)
        pen = QPen(colour, 2.2 if self.selected_look else 1.2)
        if route.kind == "loop":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(self._arrow)
        if route.label and route.label_pos:
            painter.setFont(style.font(style.DETAIL_SIZE))
            painter.setPen(QColor(style.MUTED_TEXT))
            painter.drawText(QPointF(*route.label_pos), route.label)


def _arrow_head(points: list[QPointF]) -> QPolygonF:
    if len(points) < 2:
        return QPolygonF()
    tip, before = points[-1], points[-2]
    angle = math.atan2(tip.y() - before.y(), tip.x() - before.x())
    left = QPointF(tip.x() - ARROW * math.cos(angle - 0.45), tip.y() - ARROW * math.sin(angle - 0.45))
    right = QPointF(tip.x() - ARROW * math.cos(angle + 0.45), tip.y() - ARROW * math.sin(angle + 0.45))
    return QPolygonF([tip, left, right])
