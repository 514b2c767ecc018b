"""The legend of the SVG and PNG export: the PDF legend's entries (`legend.py`), painted with Qt in a
band below the drawing. Images have no appendix, so they never explain "▸A1" marks."""

from __future__ import annotations

from blueprint.export import style as st
from blueprint.export.legend import (
    PLAN_SYMBOL_WIDTH,
    ROW,
    SIZE,
    PlacedEntry,
    legend_entries,
    legend_items,
    place_legend,
    row_count,
)
from blueprint.layout import Box, Layout
from blueprint.layout.cards import PLAN_MARKER
from blueprint.layout.text import text_width

SIDE = 12.0  # left and right margin of the band, as the title band's
FIRST_ROW = 14.0  # from the top of the band to the middle of the first row
BELOW = 10.0  # from the middle of the last row to the bottom of the band


def legend_placement(layout: Layout) -> list[PlacedEntry]:
    """Where each entry of the image's legend goes (x from the band's left margin, row)."""
    return place_legend(legend_entries(legend_items(layout, {})), layout.width - 2 * SIDE)


def band_height(placed: list[PlacedEntry]) -> float:
    """Height of the legend band under the drawing: nothing when there is nothing to explain."""
    rows = row_count(placed)
    return FIRST_ROW + (rows - 1) * ROW + BELOW if rows else 0.0


def paint_legend(qp, placed: list[PlacedEntry], top: float, width: float) -> None:  # type: ignore[no-untyped-def]
    """Paint the band with QtPainter `qp`, its top edge at `top` (layout coordinates)."""
    if not placed:
        return
    QtGui, QtCore, p = qp.QtGui, qp.QtCore, qp.p
    p.setPen(QtGui.QPen(QtGui.QColor(st.GRID), 0.6))
    p.drawLine(QtCore.QPointF(SIDE, top + 3), QtCore.QPointF(width - SIDE, top + 3))
    for item in placed:
        entry = item.entry
        x, y = SIDE + item.x, top + FIRST_ROW + ROW * item.row  # y: the middle of the row
        if entry.symbol == "lane":
            fill, border = st.CARD_COLORS[entry.key]
            qp._rect(Box(x, y - 4, 14, 8), fill, border, width=0.6)
        elif entry.symbol == "line":
            colour, stroke_width, dash = entry.stroke
            pen = QtGui.QPen(QtGui.QColor(colour), stroke_width)
            if dash:
                pen.setDashPattern([d / stroke_width for d in dash])
            p.setPen(pen)
            p.drawLine(QtCore.QPointF(x, y), QtCore.QPointF(x + 18, y))
        elif entry.symbol == "fail":
            p.setBrush(QtGui.QColor(st.FAIL))
            p.setPen(QtCore.Qt.PenStyle.NoPen)
            p.drawEllipse(QtCore.QPointF(x + 5, y), 5, 5)
            _centred(qp, x + 5, y, "F", "#FFFFFF")
        elif entry.symbol == "wait":
            qp._rect(Box(x, y - 5, 16, 10), st.WAIT, None, radius=5)
            _centred(qp, x + 8, y, "W", st.TEXT)
        elif entry.symbol == "plan":
            qp._rect(Box(x, y - 5, PLAN_SYMBOL_WIDTH, 10), st.PLAN, None, radius=5)
            _centred(qp, x + PLAN_SYMBOL_WIDTH / 2, y, PLAN_MARKER, "#FFFFFF")
        elif entry.symbol == "shortened":
            qp._text(x, _top_of(y), "▸A1", 7, True, st.REF)
        qp._text(x + entry.symbol_width, _top_of(y), entry.label, SIZE)


def _top_of(middle: float, size: float = SIZE) -> float:
    """The top (as `QtPainter._text` takes it) of text whose baseline is 2.5 pt below `middle`, as
    the PDF legend sets its labels."""
    return middle + 2.5 - size * 0.95


def _centred(qp, x: float, middle: float, text: str, colour: str) -> None:  # type: ignore[no-untyped-def]
    qp._text(x - text_width(text, 7, True) / 2, _top_of(middle, 7), text, 7, True, colour)
