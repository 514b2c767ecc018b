"""The PDF's sheets painted with a QPainter (for printing): the same page plan (`pages.plan_sheets`: one
page, or tiles that repeat the lane names and headers, cut between cards), the same title block, the
blueprint drawn as the images draw it (`qtpaint`), and the legend at the foot of each sheet.

Coordinates are points from the sheet's top-left corner, y downwards; the caller scales the painter to
its device (a printer's resolution). The PDF's appendix pages are not printed here: the PDF has them.
"""

from __future__ import annotations

from collections.abc import Callable

from blueprint.export import style as st
from blueprint.export.legend import legend_entries, legend_items, place_legend
from blueprint.export.pages import MARGIN, OVERLAP, TITLE_BLOCK, PagePlan, Tile
from blueprint.export.qtlegend import FIRST_ROW, SIDE, paint_legend
from blueprint.export.qtpaint import QtPainter
from blueprint.layout import Box, Layout
from blueprint.layout.text import one_line, text_width
from blueprint.model import Blueprint


def paint_sheets(
    painter, doc: Blueprint, layout: Layout, plan: PagePlan, next_sheet: Callable[[], None]
) -> int:  # type: ignore[no-untyped-def]
    """Paint every sheet of `plan`, calling `next_sheet()` between them; returns how many."""
    qp = QtPainter(painter, layout, doc)
    for number, tile in enumerate(plan.tiles, start=1):
        if number > 1:
            next_sheet()
        painter.save()
        _title(qp, plan, tile, number)
        _sheet(qp, plan, layout, tile)
        _legend(qp, plan, layout)
        painter.restore()
    return len(plan.tiles)


def _title(qp: QtPainter, plan: PagePlan, tile: Tile, number: int) -> None:
    """The PDF's title block: the title (shrunk to 11 pt before it is cut) and the persona on the left;
    the sheet's place, the author and the date on the right; a rule under them."""
    doc, QtGui, QtCore = qp.doc, qp.QtGui, qp.QtCore
    assert doc is not None
    right = plan.page_width - MARGIN

    def text(
        x: float, baseline: float, words: str, size: float, bold: bool = False, colour: str = st.TEXT
    ) -> None:
        qp._text(x, baseline - size * 0.95, words, size, bold, colour)  # _text takes the text's top

    qp.p.setPen(QtGui.QPen(QtGui.QColor(st.STAGE_FILL), 1.2))
    rule = MARGIN + TITLE_BLOCK - 6
    qp.p.drawLine(QtCore.QPointF(MARGIN, rule), QtCore.QPointF(right, rule))
    sheet = f"sheet {number} of {len(plan.tiles)}"
    if plan.rows > 1 or plan.columns > 1:
        sheet = f"row {tile.row + 1}, column {tile.column + 1} · " + sheet
    facts = " · ".join(
        f
        for f in (
            doc.metadata.author or "",
            f"modified {doc.metadata.modified[:10]}" if doc.metadata.modified else "",
        )
        if f
    )
    text(right - text_width(sheet, 9, True), MARGIN + 12, sheet, 9, True, st.MUTED)
    if facts:
        text(right - text_width(facts, 8.5), MARGIN + 26, facts, 8.5, False, st.MUTED)
    beside = max(text_width(sheet, 9, True), text_width(facts, 8.5) if facts else 0.0)
    room = plan.page_width - 2 * MARGIN - beside - 24
    size = 16.0
    full = text_width(doc.title, size, True)
    if full > room:
        size = max(11.0, size * room / full)
    text(MARGIN, MARGIN + 16, one_line(doc.title, size, room, True)[0], size, True)
    if doc.persona is not None:
        persona = doc.persona.name + (f": {doc.persona.description}" if doc.persona.description else "")
        text(MARGIN, MARGIN + 32, one_line("Persona: " + persona, 8.5, room)[0], 8.5, False, st.MUTED)


def _sheet(qp: QtPainter, plan: PagePlan, layout: Layout, tile: Tile) -> None:
    s = plan.scale
    left, top, width, height = MARGIN, MARGIN + TITLE_BLOCK, plan.frame[2], plan.frame[3]
    if not tile.repeat_headers:  # the whole blueprint, centred in the frame
        x = left + (width - layout.width * s) / 2
        y = top + (height - layout.height * s) / 2
        _place(qp, s, (0.0, 0.0, layout.width, layout.height), (x, y))
        return
    hw, hh = layout.lane_header_width, layout.top_header_height
    _place(qp, s, (0.0, 0.0, hw, hh), (left, top))
    _place(qp, s, (tile.x0, 0.0, tile.x1, hh), (left + hw * s, top))
    _place(qp, s, (0.0, tile.y0, hw, tile.y1), (left, top + hh * s))
    _place(qp, s, (tile.x0, tile.y0, tile.x1, tile.y1), (left + hw * s, top + hh * s))
    _overlap_ticks(
        qp, plan, tile, left + hw * s, top + hh * s, (tile.x1 - tile.x0) * s, (tile.y1 - tile.y0) * s
    )


def _place(
    qp: QtPainter, scale: float, region: tuple[float, float, float, float], at: tuple[float, float]
) -> None:
    """Paint layout region (x0, y0, x1, y1) with its top-left corner at sheet point `at`, clipped."""
    QtCore, p = qp.QtCore, qp.p
    x0, y0, x1, y1 = region
    p.save()
    p.setClipRect(QtCore.QRectF(at[0], at[1], (x1 - x0) * scale, (y1 - y0) * scale))
    p.translate(at[0] - x0 * scale, at[1] - y0 * scale)
    p.scale(scale, scale)
    qp.region = Box(x0, y0, x1 - x0, y1 - y0)
    qp._paint_layout()
    qp.region = None
    p.restore()


def _overlap_ticks(qp: QtPainter, plan: PagePlan, tile: Tile, x: float, y: float, w: float, h: float) -> None:
    """Where this sheet overlaps its neighbours: small ticks outside the drawing, as on the PDF."""
    QtGui, QtCore, p = qp.QtGui, qp.QtCore, qp.p
    p.setPen(QtGui.QPen(QtGui.QColor("#607D8B"), 0.6))
    bottom, right = y + h, x + w
    xs = ([right - OVERLAP] if tile.column + 1 < plan.columns else []) + (
        [x + OVERLAP] if tile.column else []
    )
    for tick in xs:
        p.drawLine(QtCore.QPointF(tick, bottom + 2), QtCore.QPointF(tick, bottom + 9))
    ys = ([bottom - OVERLAP] if tile.row + 1 < plan.rows else []) + ([y + OVERLAP] if tile.row else [])
    for tick in ys:
        p.drawLine(QtCore.QPointF(right + 2, tick), QtCore.QPointF(right + 9, tick))


def _legend(qp: QtPainter, plan: PagePlan, layout: Layout) -> None:
    """The legend in the band at the foot of the sheet."""
    width = plan.page_width - 2 * MARGIN
    placed = place_legend(legend_entries(legend_items(layout, {})), width)
    qp.p.save()
    qp.p.translate(MARGIN - SIDE, plan.page_height - MARGIN - 18 - FIRST_ROW)  # first row as on the PDF
    paint_legend(qp, placed, 0.0, width + 2 * SIDE)
    qp.p.restore()
