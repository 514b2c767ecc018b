"""A link's label on the canvas: a small white plate with the text cut to fit, as in the PDF.

A separate item (not part of the link) so every label sits above every link line yet below the cards:
labels no longer run over card titles, and a line never crosses another link's label.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from blueprint.layout.shapes import Route
from blueprint.layout.text import text_width
from blueprint.ui.canvas import style
from blueprint.ui.canvas.buckets import regroup

#: Above the grid lines (1) and the links (1.5), below the cards (2).
Z = 1.8
ORDER_STEP = 1e-7  # as link_item.ORDER_STEP (not imported: link_item imports this module)


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

    def __init__(self, owner: QGraphicsItem, route: Route, order: int = 0) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)
        self.owner = owner
        self.tip = ""  # the tooltip last set (the link's)
        self.setZValue(Z + order * ORDER_STEP)  # in link order, as the links (link_item.ORDER_STEP)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks reach the link or cell below
        self.route = route
        self._place(plate(route))

    def _place(self, rect: QRectF) -> None:
        self._set_plate(rect.x(), rect.y(), rect.width(), rect.height())

    def _set_plate(self, x: float, y: float, w: float, h: float) -> None:
        self._plate = (x, y, w, h)
        self.setRect(QRectF(x - 0.5, y - 0.5, w + 1, h + 1))  # moves it and repaints (all in C++)
        regroup(self, "label_groups")

    def set_order(self, order: int) -> None:
        self.setZValue(Z + order * ORDER_STEP)

    def set_route(self, route: Route) -> None:
        old, self.route = self.route, route
        if (
            old.label_text != route.label_text
            or old.label_vertical != route.label_vertical
            or old.is_handoff != route.is_handoff
            or route.label_pos is None
            or old.label_pos is None
        ):
            self._place(plate(route))
            self.update()  # new text, maybe in the same rect
        elif route.label_pos != old.label_pos:  # the same plate elsewhere: no need to measure the text
            x, y = route.label_pos
            _, _, w, h = self._plate
            self._set_plate(x - w / 2, y - h / 2, w, h)  # centred as `plate` does (no drift)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """The plate and the text in pens made once (a lane shift repaints every label in sight below
        it); the text's width, which only a new text changes, measured once per text."""
        route = self.route
        box = QRectF(*self._plate)
        if box.isEmpty() or option.levelOfDetailFromTransform(painter.worldTransform()) < 0.3:
            return
        handoff = route.is_handoff
        painter.setPen(_HANDOFF_BORDER if handoff else _BORDER)
        painter.setBrush(_PLATE)
        painter.drawRect(box)
        painter.setClipRect(box)  # never wider than the layout made room for
        painter.setPen(_HANDOFF_TEXT if handoff else _TEXT)
        x, y = route.label_pos  # type: ignore[misc]
        baseline = style.LINK_LABEL_SIZE * 0.35
        if route.label_vertical:
            painter.translate(x, y)
            painter.rotate(-90)
            x, y = 0.0, 0.0
        # drawn at the layout's width (style.draw_text), so the text fits the plate made for it
        text = route.label_text
        width = _text_width(text)
        style.draw_text(painter, x - width / 2, y + baseline, text, style.LINK_LABEL_SIZE)


@lru_cache(maxsize=4096)
def _text_width(text: str) -> float:
    """A label's text width at the label size, as the layout measures it."""
    return text_width(text, style.LINK_LABEL_SIZE)


_BORDER = QPen(QColor(style.LABEL_BORDER), 0.4)
_HANDOFF_BORDER = QPen(QColor(style.HANDOFF_LINK), 0.4)
_PLATE = QBrush(QColor(style.CARD_FILL))
_TEXT = QPen(QColor(style.MUTED_TEXT))  # as painter.setPen(QColor)
_HANDOFF_TEXT = QPen(QColor(style.HANDOFF_LINK))
