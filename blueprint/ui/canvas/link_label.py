"""A link's label on the canvas: a small white plate with the text cut to fit, as in the PDF.

A separate item (not part of the link) so every label sits above every link line yet below the cards:
labels no longer run over card titles, and a line never crosses another link's label.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from blueprint.layout.shapes import Route
from blueprint.layout.text import text_width
from blueprint.ui.canvas import style

#: Above the grid lines (1) and the links (1.5), below the cards (2).
Z = 1.8


def plate(route: Route) -> QRectF:
    """The label's plate in scene units, centred on `label_pos` (as the PDF draws it); empty if none."""
    if not route.label_text or route.label_pos is None:
        return QRectF()
    x, y = route.label_pos
    w = text_width(route.label_text, style.LINK_LABEL_SIZE) + 4
    h = style.LINK_LABEL_SIZE + 2.5
    if route.label_vertical:
        return QRectF(x - h / 2, y - w / 2, h, w)
    return QRectF(x - w / 2, y - h / 2, w, h)


class LinkLabelItem(QGraphicsRectItem):
    """The label of one link; its `owner` (the LinkItem) adds, moves and removes it. Its (unpainted)
    rect is its bounds, so Qt reads them in C++ (see CardItem)."""

    def __init__(self, owner: QGraphicsItem, route: Route) -> None:
        self._plate = plate(route)
        super().__init__(self._plate.adjusted(-0.5, -0.5, 0.5, 0.5))
        self.setPen(Qt.PenStyle.NoPen)
        self.owner = owner
        self.tip = ""  # the tooltip last set (the link's)
        self.setZValue(Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks reach the link or cell below
        self.route = route

    def set_route(self, route: Route) -> None:
        old, self.route = self.route, route
        if not _same_plate(old, route):
            self._plate = plate(route)
            self.update()  # new text, maybe in the same rect
        elif route.label_pos == old.label_pos:
            return
        elif route.label_pos is not None and old.label_pos is not None:
            # the same plate elsewhere (the route moved): no need to measure the text again
            dx, dy = route.label_pos[0] - old.label_pos[0], route.label_pos[1] - old.label_pos[1]
            self._plate = self._plate.translated(dx, dy)
        self.setRect(self._plate.adjusted(-0.5, -0.5, 0.5, 0.5))  # moves it and repaints (in C++)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        route = self.route
        if self._plate.isEmpty() or option.levelOfDetailFromTransform(painter.worldTransform()) < 0.3:
            return
        border = QColor(style.HANDOFF_LINK if route.is_handoff else style.LABEL_BORDER)
        painter.setPen(QPen(border, 0.4))
        painter.setBrush(QColor(style.CARD_FILL))
        painter.drawRect(self._plate)
        painter.setClipRect(self._plate)  # never wider than the layout made room for
        painter.setFont(style.font(style.LINK_LABEL_SIZE))
        painter.setPen(QColor(style.HANDOFF_LINK if route.is_handoff else style.MUTED_TEXT))
        x, y = route.label_pos  # type: ignore[misc]
        baseline = style.LINK_LABEL_SIZE * 0.35
        if route.label_vertical:
            painter.translate(x, y)
            painter.rotate(-90)
            x, y = 0.0, 0.0
        width = painter.fontMetrics().horizontalAdvance(route.label_text)
        painter.drawText(QPointF(x - width / 2, y + baseline), route.label_text)


def _same_plate(old: Route, new: Route) -> bool:
    """True when `new` has the plate of `old` (same text, same way, same colour), maybe elsewhere."""
    return (
        old.label_text == new.label_text
        and old.label_vertical == new.label_vertical
        and old.is_handoff == new.is_handoff
    )
