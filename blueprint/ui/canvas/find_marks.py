"""Find's highlights on the canvas: one translucent marker item over every card and link that matches,
drawn from the layout's boxes and routes (so it needs nothing from the card and link items)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from blueprint.layout.shapes import Layout

MARK = "#F9A825"


class FindMarks(QGraphicsPathItem):
    """Above the cards, below the frozen headers; clicks go through it."""

    def __init__(self) -> None:
        super().__init__()
        pen = QPen(QColor(MARK), 2.5)
        pen.setCosmetic(True)
        self.setPen(pen)
        fill = QColor(MARK)
        fill.setAlpha(70)
        self.setBrush(QBrush(fill))
        self.setZValue(2.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.marked: tuple[str, ...] = ()

    def mark(self, layout: Layout, ids: Iterable[str]) -> None:
        """Highlight these cards and links (ids the layout does not know are skipped)."""
        self.marked = tuple(ids)
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        stroker = QPainterPathStroker()
        stroker.setWidth(7.0)
        for element_id in self.marked:
            card = layout.cards.get(element_id)
            if card is not None:
                b = card.box
                path.addRoundedRect(QRectF(b.x - 3, b.y - 3, b.w + 6, b.h + 6), 5, 5)
                continue
            route = layout.routes.get(element_id)
            if route is not None and len(route.points) > 1:
                line = QPainterPath(QPointF(*route.points[0]))
                for point in route.points[1:]:
                    line.lineTo(QPointF(*point))
                path.addPath(stroker.createStroke(line))
        self.setPath(path)
        self.setVisible(bool(self.marked))
        scene = self.scene()
        if self.marked and getattr(scene, "exact_pending", False):  # marked from a preview (pending.py):
            marked = self.marked  # again from the exact layout once it is shown, unless marked anew
            scene.when_exact(lambda: self.marked is marked and self.mark(scene.layout, marked))  # type: ignore[union-attr]
