"""The state every part of the PDF painter shares: the canvas, the layout, the region being painted,
and the colours and line width last set (reportlab writes every change into the page, so a change to
the same value is skipped).
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from blueprint.export import style as st
from blueprint.export.textdraw import TextPen
from blueprint.layout import Layout
from blueprint.layout import metrics as m

Region = tuple[float, float, float, float]  # x0, y0, x1, y1 in layout coordinates


class PainterState:
    """Canvas, pen, layout and region, with the helpers the grid, card and route painters use."""

    c: Canvas
    pen: TextPen
    layout: Layout
    refs: dict[str, str]
    h: float
    region: Region
    _fill: str | None
    _stroke: str | None
    _width: float | None
    _paint: str  # the path operator that strokes and fills (`pathops.paint_op`)
    _fill_only: str

    def fill(self, colour: str) -> None:
        if colour != self._fill:
            self.c.setFillColor(st.rgb(colour))
            self._fill = colour

    def stroke(self, colour: str, width: float | None = None) -> None:
        if colour != self._stroke:
            self.c.setStrokeColor(st.rgb(colour))
            self._stroke = colour
        if width is not None and width != self._width:
            self.c.setLineWidth(width)
            self._width = width

    def _forget_state(self) -> None:
        self._fill = self._stroke = self._width = None

    def _column(self, x: float) -> int:
        return int((x - self.layout.lane_header_width) // m.COLUMN_WIDTH)

    def y(self, y: float) -> float:
        return self.h - y

    def _visible(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        rx0, ry0, rx1, ry1 = self.region
        return x0 < rx1 and rx0 < x1 and y0 < ry1 and ry0 < y1
