"""The marks of Compare With on the canvas: items of their own, laid over the cards and links they
mark, placed by id from the scene's layout (`scene.layout.cards`, `scene.layout.routes`: the geometry
every item is drawn from, complete even while a big scene is still making its items). The canvas's
own items are never changed, so they keep drawing as in the editor.

Added cards are outlined in green, changed ones (moved ones too) in amber; a removed card is veiled
white and outlined with grey dashes, where it was. Links get a wide stroke of the same colour under
them, or a veil over them when removed.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene

from blueprint.ui.canvas.scene import BlueprintScene

#: One colour per kind of change (the Changes panel's dots use the same).
COLOURS = {"added": "#15803D", "changed": "#D97706", "removed": "#6B7280"}
#: How far an outline stands off a card's box, in points.
_OFFSET = 3.5
_VEIL = QColor(255, 255, 255, 165)
# Under the frozen headers (z 10 and 11), over the cards (z 2); link strokes under the links (z 1.5).
_Z_CARD, _Z_VEIL, _Z_LINK, _Z_LINK_VEIL = 3.0, 3.5, 1.4, 1.6


def card_mark(rect: QRectF, mark: str) -> list[QGraphicsItem]:
    """The items marking a card whose box (in the scene) is `rect`."""
    outline = QGraphicsRectItem(rect.adjusted(-_OFFSET, -_OFFSET, _OFFSET, _OFFSET))
    pen = QPen(QColor(COLOURS[mark]), 3.0 if mark != "removed" else 1.6)
    if mark == "removed":
        pen.setStyle(Qt.PenStyle.DashLine)
    outline.setPen(pen)
    outline.setBrush(Qt.BrushStyle.NoBrush)
    outline.setZValue(_Z_CARD if mark != "removed" else _Z_VEIL)
    items: list[QGraphicsItem] = [outline]
    if mark == "removed":
        veil = QGraphicsRectItem(rect)
        veil.setPen(Qt.PenStyle.NoPen)
        veil.setBrush(QBrush(_VEIL))
        veil.setZValue(_Z_VEIL)
        items.append(veil)
    return items


class CompareMarks:
    """The mark items of one comparison in one scene; `items[id]` are those of one element."""

    def __init__(self, scene: BlueprintScene, marks: dict[str, str]) -> None:
        self.scene = scene
        self.items: dict[str, list[QGraphicsItem]] = {}
        for element_id, mark in marks.items():
            made = self._make(element_id, mark)
            if made:
                self.items[element_id] = made
                for item in made:
                    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                    item.setData(0, element_id)
                    scene.addItem(item)

    def _make(self, element_id: str, mark: str) -> list[QGraphicsItem]:
        layout = self.scene.layout
        card = layout.cards.get(element_id)
        if card is not None:
            box = card.box
            return card_mark(QRectF(box.x, box.y, box.w, box.h), mark)
        route = layout.routes.get(element_id)
        if route is None or not route.points:
            return []
        path = QPainterPath(QPointF(*route.points[0]))
        for point in route.points[1:]:
            path.lineTo(QPointF(*point))
        if mark == "removed":
            stroker = QPainterPathStroker()
            stroker.setWidth(6)
            veil = QGraphicsPathItem(stroker.createStroke(path))
            veil.setPen(Qt.PenStyle.NoPen)
            veil.setBrush(QBrush(_VEIL))
            veil.setZValue(_Z_LINK_VEIL)
            dashes = QGraphicsPathItem(path)
            pen = QPen(QColor(COLOURS["removed"]), 1.2, Qt.PenStyle.DashLine)
            dashes.setPen(pen)
            dashes.setZValue(_Z_LINK_VEIL)
            return [veil, dashes]
        stroke = QGraphicsPathItem(path)
        colour = QColor(COLOURS[mark])
        colour.setAlpha(120)
        pen = QPen(colour, 6.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        stroke.setPen(pen)
        stroke.setZValue(_Z_LINK)
        return [stroke]

    def remove(self) -> None:
        scene: QGraphicsScene = self.scene
        for made in self.items.values():
            for item in made:
                if item.scene() is scene:
                    scene.removeItem(item)
        self.items.clear()
