"""A link on the canvas: the routed polyline of its `Route` and an arrow head; its label is its own item."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from blueprint.layout.shapes import Route
from blueprint.ui.canvas import style
from blueprint.ui.canvas.link_label import LinkLabelItem
from blueprint.ui.plain import tooltip

ARROW = 6.0


class LinkItem(QGraphicsItem):
    """One link, drawn only from its route (kept local: long links slow painting)."""

    def __init__(self, route: Route) -> None:
        super().__init__()
        self.route = route
        self._drawn = route  # the route the path was built from; `pos()` shifts it to `route`
        self.selected_look = False
        self.label: LinkLabelItem | None = None  # only links with a label have one (fewer scene items)
        self.setZValue(1.5)  # under the cards (routes run between them): a line never hides a title
        self._build()
        self._sync_label()

    @property
    def link_id(self) -> str:
        return self.route.link_id

    def set_route(self, route: Route) -> None:
        if route is self.route:
            return
        if route.shifted_by and self.route.link_id == route.link_id:
            # relayout moved the previous route (the one this item holds) as a whole: move the item
            self.route = route
            self._move(self.pos().x(), self.pos().y() + route.shifted_by)
            return
        shift = _translation(self._drawn, route)
        self.route = route
        if shift is not None:  # the lanes above grew or shrank: move the item, keep its path
            if (self.pos().x(), self.pos().y()) != shift:
                self._move(*shift)
            return
        self.prepareGeometryChange()
        self._drawn = route
        self._move(0, 0)
        self._build()
        self._sync_label()
        self.update()

    def _move(self, x: float, y: float) -> None:
        self.setPos(x, y)
        if self.label is not None:
            self.label.setPos(x, y)

    def _sync_label(self) -> None:
        """Make, update or drop the label item for `_drawn`, and keep it in this item's scene."""
        drawn = self._drawn
        if not drawn.label_text or drawn.label_pos is None:
            if self.label is not None:
                if self.label.scene() is not None:
                    self.label.scene().removeItem(self.label)
                self.label = None
            return
        if self.label is None:
            self.label = LinkLabelItem(self, drawn)
        else:
            self.label.set_route(drawn)
        self.label.setToolTip(self.toolTip())
        self.label.setPos(self.pos())
        scene = self.scene()
        if scene is not None and self.label.scene() is None:
            scene.addItem(self.label)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        """The label follows the link into and out of a scene."""
        label = self.label
        if label is None:
            pass
        elif change == QGraphicsItem.GraphicsItemChange.ItemSceneChange:
            old = self.scene()
            if old is not None and label.scene() is old:
                old.removeItem(label)
        elif (
            change == QGraphicsItem.GraphicsItemChange.ItemSceneHasChanged
            and value is not None
            and label.scene() is None
        ):
            value.addItem(label)
        return super().itemChange(change, value)

    def set_look(self, *, selected: bool) -> None:
        self.selected_look = selected
        self.update()

    def _build(self) -> None:
        """Path, arrow head, bounds and tooltip of `_drawn`, in its own coordinates."""
        points = [QPointF(x, y) for x, y in self._drawn.points]
        path = QPainterPath()
        if points:
            path.moveTo(points[0])
            for p in points[1:]:
                path.lineTo(p)
        self._path = path
        self._arrow = _arrow_head(points)
        self._hit: QPainterPath | None = None  # made when first asked (hit tests), not on every move
        self._bounds = path.boundingRect().adjusted(-ARROW - 2, -ARROW - 2, ARROW + 2, ARROW + 2)
        drawn = self._drawn
        kind = "Hand-off" if drawn.is_handoff else ("Loop" if drawn.kind == "loop" else "Link")
        self.setToolTip(tooltip(f"{kind}: {drawn.label}" if drawn.label else kind))

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
        route = self._drawn
        far = option.levelOfDetailFromTransform(painter.worldTransform()) < 0.3
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not far)
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


def _translation(old: Route, new: Route) -> tuple[float, float] | None:
    """(dx, dy) when `new` is `old` moved as a whole (same link, label and kind), else None."""
    if (
        len(old.points) != len(new.points)
        or not old.points
        or old.label != new.label
        or old.kind != new.kind
        or old.is_handoff != new.is_handoff
        or old.source != new.source
        or old.target != new.target
        or old.label_text != new.label_text
        or old.label_vertical != new.label_vertical
        or (old.label_pos is None) != (new.label_pos is None)
    ):
        return None
    dx = new.points[0][0] - old.points[0][0]
    dy = new.points[0][1] - old.points[0][1]
    for (ax, ay), (bx, by) in zip(old.points, new.points, strict=True):
        if abs(bx - ax - dx) > 1e-9 or abs(by - ay - dy) > 1e-9:
            return None
    if old.label_pos is not None and new.label_pos is not None:
        (ax, ay), (bx, by) = old.label_pos, new.label_pos
        if abs(bx - ax - dx) > 1e-9 or abs(by - ay - dy) > 1e-9:
            return None
    return (dx, dy)


def _arrow_head(points: list[QPointF]) -> QPolygonF:
    if len(points) < 2:
        return QPolygonF()
    tip, before = points[-1], points[-2]
    angle = math.atan2(tip.y() - before.y(), tip.x() - before.x())
    left = QPointF(tip.x() - ARROW * math.cos(angle - 0.45), tip.y() - ARROW * math.sin(angle - 0.45))
    right = QPointF(tip.x() - ARROW * math.cos(angle + 0.45), tip.y() - ARROW * math.sin(angle + 0.45))
    return QPolygonF([tip, left, right])
