"""A link on the canvas: the routed polyline of its `Route` and an arrow head; its label is its own item."""

from __future__ import annotations

import math
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QGraphicsScene,
    QStyleOptionGraphicsItem,
    QWidget,
)

from blueprint.export.palette import STRONG_HANDOFF_WIDTH
from blueprint.layout.focus import FADED_OPACITY
from blueprint.layout.shapes import Route
from blueprint.ui.canvas import style
from blueprint.ui.canvas.buckets import regroup
from blueprint.ui.canvas.link_label import LinkLabelItem
from blueprint.ui.plain import tooltip

ARROW = 6.0
_PAD = ARROW + 2
#: Links are stacked in the document's link order whenever their items were made (a link restored
#: by undo, or made after the first paint of a big blueprint, is drawn where a fresh scene draws it):
#: the n-th link's z value is Z + n * ORDER_STEP, below the labels' (link_label.Z) for any count.
Z = 1.5
ORDER_STEP = 1e-7


class LinkItem(QGraphicsRectItem):
    """One link, drawn only from its route (kept local: long links slow painting).

    Its (unpainted) rect is its bounds, so Qt reads them in C++ (see CardItem). A new route costs only
    new bounds: the path and the arrow head are made when the link is first painted or hit-tested, so
    the ~1,300 links a taller lane moves cost nothing until they come into sight."""

    def __init__(self, route: Route, order: int = 0) -> None:
        super().__init__(_bounds(route))
        self.order = order
        self.setPen(Qt.PenStyle.NoPen)
        self.route = route
        self.selected_look = False
        self.strong = False  # a hand-off of a function in focus: drawn thicker
        self.label: LinkLabelItem | None = None  # only links with a label have one (fewer scene items)
        self._tip = ""
        # (path, arrow head, hit area) of `route`, made when first painted or hit-tested
        self._made: tuple[QPainterPath, QPolygonF, QPainterPath | None] | None = None
        self.setZValue(
            Z + order * ORDER_STEP
        )  # under the cards (routes run between them): a line never hides a title
        self._set_tip()
        self._sync_label()

    @property
    def link_id(self) -> str:
        return self.route.link_id

    def set_order(self, order: int) -> None:
        """This link's place in the document's link order (see `ORDER_STEP`)."""
        if order != self.order:
            self.order = order
            self.setZValue(Z + order * ORDER_STEP)
            if self.label is not None:
                self.label.set_order(order)

    def set_route(self, route: Route, exact: bool = False) -> None:
        """Show `route`; `exact`: it may not be the route the item shows moved by `shifted_by`
        (the item was left behind for more than one layout)."""
        if route is self.route:
            return
        old, self.route = self.route, route
        if route.shifted_by and route.link_id == old.link_id and not exact:  # `old` moved down whole
            self._made = None
            self.setRect(QGraphicsRectItem.rect(self).translated(0, route.shifted_by))  # (same slab)
        elif route.points != old.points:
            self._made = None
            self.setRect(_bounds(route))  # moves it and repaints both places (all in C++)
            regroup(self, "link_groups")
        elif (route.kind, route.is_handoff) != (old.kind, old.is_handoff):
            self.update()
        if route.label != old.label or route.kind != old.kind or route.is_handoff != old.is_handoff:
            self._set_tip()
        self._sync_label()

    def _sync_label(self) -> None:
        """Make, update or drop the label item for `route`, and keep it in this item's scene."""
        drawn = self.route
        if not drawn.label_text or drawn.label_pos is None:
            if self.label is not None:
                if self.label.scene() is not None:
                    self.label.scene().removeItem(self.label)
                self.label = None
            return
        label = self.label
        if label is not None:
            label.set_route(drawn)
        else:
            label = self.label = LinkLabelItem(self, drawn, self.order)
            scene = self.scene()
            if scene is not None:
                _join(scene, label)
        if label.tip != self._tip:
            label.tip = self._tip
            label.setToolTip(self._tip)

    # No itemChange() override: Qt would call into Python for every change of every link (a tooltip
    # set, a scene joined). The scene adds and removes the label with its link (`add_to`, `remove`).

    def add_to(self, scene: QGraphicsScene) -> None:
        """Put this link and its label in `scene` (in their slabs' groups when the scene has them:
        `BlueprintScene.link_groups`, `label_groups`)."""
        _join(scene, self)
        if self.label is not None and self.label.scene() is None:
            _join(scene, self.label)

    def remove(self) -> None:
        """Take this link and its label out of their scene."""
        for item in (self.label, self):
            if item is not None and item.scene() is not None:
                item.scene().removeItem(item)

    def set_strength(self, strong: bool, faded: bool) -> None:
        """Under a focus: a hand-off of a focused function drawn thicker, a link away from it faded
        (with its label)."""
        opacity = FADED_OPACITY if faded else 1.0
        if strong != self.strong:
            self.strong = strong
            self.update()
        for item in (self, self.label):
            if item is not None and item.opacity() != opacity:
                item.setOpacity(opacity)

    def set_look(self, *, selected: bool) -> None:
        self.selected_look = selected
        self.update()

    def _set_tip(self) -> None:
        drawn = self.route
        kind = "Hand-off" if drawn.is_handoff else ("Loop" if drawn.kind == "loop" else "Link")
        tip = tooltip(f"{kind}: {drawn.label}" if drawn.label else kind)
        if tip != self._tip:  # setting it costs a round trip through Qt
            self._tip = tip
            self.setToolTip(tip)

    def _make(self) -> tuple[QPainterPath, QPolygonF, QPainterPath | None]:
        if self._made is None:
            points = [QPointF(x, y) for x, y in self.route.points]
            path = QPainterPath()
            if points:
                path.moveTo(points[0])
                for p in points[1:]:
                    path.lineTo(p)
            self._made = (path, _arrow_head(points), None)
        return self._made

    def path(self) -> QPainterPath:
        """The route's polyline (made when first needed)."""
        return self._make()[0]

    def arrow_head(self) -> QPolygonF:
        """The filled arrow head at the route's end (made with the path)."""
        return self._make()[1]

    def shape(self) -> QPainterPath:
        path, arrow, hit = self._make()
        if hit is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(8)
            hit = stroker.createStroke(path)
            self._made = (path, arrow, hit)
        return hit

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """The path and the arrow head in pens and brushes made once per look (`_look`), not on each
        paint (a lane shift repaints every link in sight below it)."""
        route = self.route
        far = option.levelOfDetailFromTransform(painter.worldTransform()) < 0.3
        painter.setRenderHint(_ANTIALIASING, not far)
        pen, head = _look(self.selected_look, route.kind == "loop", route.is_handoff, self.strong)
        path, arrow, _ = self._make()
        painter.setPen(pen)
        painter.setBrush(_NO_BRUSH)
        painter.drawPath(path)
        painter.setPen(_NO_PEN)
        painter.setBrush(head)
        painter.drawPolygon(arrow)


@cache
def _look(selected: bool, loop: bool, handoff: bool, strong: bool) -> tuple[QPen, QBrush]:
    """The pen of a link's line and the brush of its arrow head: selected blue and thicker; loops
    violet and dashed; hand-offs orange (thicker for a function in focus); other links grey."""
    if selected:
        colour = QColor(style.SELECTION)
    elif loop:
        colour = QColor(style.LOOP_LINK)
    elif handoff:
        colour = QColor(style.HANDOFF_LINK)
    else:
        colour = QColor(style.LINK)
    pen = QPen(colour, 2.2 if selected else STRONG_HANDOFF_WIDTH if strong else 1.2)
    if loop:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen, QBrush(colour)


_ANTIALIASING = QPainter.RenderHint.Antialiasing
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)


def _bounds(route: Route) -> QRectF:
    """The route's points with room for the arrow head and the selected pen (a plain loop: this runs
    for every link a taller lane moves)."""
    points = route.points
    if not points:
        return QRectF(-_PAD, -_PAD, 2 * _PAD, 2 * _PAD)
    left, top = right, bottom = points[0]
    for x, y in points:
        if x < left:
            left = x
        elif x > right:
            right = x
        if y < top:
            top = y
        elif y > bottom:
            bottom = y
    return QRectF(left - _PAD, top - _PAD, right - left + 2 * _PAD, bottom - top + 2 * _PAD)


def _arrow_head(points: list[QPointF]) -> QPolygonF:
    if len(points) < 2:
        return QPolygonF()
    tip, before = points[-1], points[-2]
    angle = math.atan2(tip.y() - before.y(), tip.x() - before.x())
    left = QPointF(tip.x() - ARROW * math.cos(angle - 0.45), tip.y() - ARROW * math.sin(angle - 0.45))
    right = QPointF(tip.x() - ARROW * math.cos(angle + 0.45), tip.y() - ARROW * math.sin(angle + 0.45))
    return QPolygonF([tip, left, right])


def _join(scene: QGraphicsScene, item: QGraphicsRectItem) -> None:
    """Add a link's or label's `item` to `scene`, in its slab's group if the scene groups them
    (`buckets.py`), else on its own."""
    groups = getattr(scene, "label_groups" if isinstance(item, LinkLabelItem) else "link_groups", None)
    if groups is None:
        scene.addItem(item)
    else:
        groups.put(item)
