"""An SVG writer that stands in for a QPainter, so the PNG's painting code (`qtpaint.py`) draws the SVG too.

Qt's own QSvgGenerator keeps the whole document in a UTF-16 string until the end and writes a full
set of attributes for every state change: a 100,000-card blueprint took 285 MB of SVG and 1.8 GB of
memory. This writer takes the few QPainter calls the painting code makes (save, restore, translate,
scale, rotate, setPen, setBrush, setFont, drawText, drawRect, drawRoundedRect, drawPolygon,
drawPolyline, drawLine, drawEllipse) and writes compact elements, encoded to UTF-8 in chunks as it
goes. The shared defaults (no fill, Qt's square caps and bevel joins, the font family with a generic
`sans-serif` fallback, preserved spaces) stand once on the root group.

Text is written through `xml_text` (XML 1.0 cannot hold most control characters: one in a title made
the whole file unreadable) and escaped; numbers are rounded to 1/1000 of a point. The same drawing
always gives the same bytes.
"""

from __future__ import annotations

import io
import math
from typing import Any
from xml.sax.saxutils import escape

from blueprint.safetext import xml_text

FONT_FAMILY = "'DejaVu Sans', sans-serif"
_CHUNK = 4096  # elements gathered before they are encoded and written
_ATTRIBUTE = {'"': "&quot;"}


def _n(value: float) -> str:
    """A number as SVG writes it: at most three decimals, no trailing zeros, never `-0`."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _colour(colour: Any) -> tuple[str, float]:  # a QColor
    return colour.name(), colour.alphaF()


class SvgPainter:
    """Records QPainter calls as SVG elements; `finish()` returns the document's UTF-8 bytes."""

    def __init__(self, width: float, height: float, title: str = "", description: str = "") -> None:
        from PySide6 import QtCore, QtGui

        self._QtCore, self._QtGui = QtCore, QtGui
        self._QPen = QtGui.QPen
        self._NO_PEN, self._SOLID = QtCore.Qt.PenStyle.NoPen, QtCore.Qt.PenStyle.SolidLine
        self._out = io.BytesIO()
        self._parts: list[str] = []
        self._matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        self._stroke: tuple[str, float, float, tuple[float, ...]] | None = (
            None  # colour, alpha, width, dashes
        )
        self._fill: tuple[str, float] | None = None
        self._font = (12.0, False)
        self._saved: list[tuple[Any, ...]] = []
        w, h = _n(width), _n(height)
        self._parts.append(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{w}pt" height="{h}pt"'
            f' viewBox="0 0 {w} {h}">\n'
        )
        if title:
            self._parts.append(f"<title>{escape(xml_text(title))}</title>\n")
        if description:
            self._parts.append(f"<desc>{escape(xml_text(description))}</desc>\n")
        self._parts.append(
            f'<g fill="none" stroke="none" stroke-linecap="square" stroke-linejoin="bevel"'
            f' font-family="{FONT_FAMILY}" xml:space="preserve">\n'
        )

    # --- state ------------------------------------------------------------------------------------

    def setRenderHint(self, *_args: Any) -> None:
        """Antialiasing is the viewer's business in SVG."""

    def save(self) -> None:
        self._saved.append((self._matrix, self._stroke, self._fill, self._font))

    def restore(self) -> None:
        self._matrix, self._stroke, self._fill, self._font = self._saved.pop()

    def translate(self, dx: float, dy: float) -> None:
        a, b, c, d, e, f = self._matrix
        self._matrix = (a, b, c, d, e + a * dx + c * dy, f + b * dx + d * dy)

    def scale(self, sx: float, sy: float) -> None:
        a, b, c, d, e, f = self._matrix
        self._matrix = (a * sx, b * sx, c * sy, d * sy, e, f)

    def rotate(self, degrees: float) -> None:
        turn = math.radians(degrees)
        cos, sin = round(math.cos(turn), 12), round(math.sin(turn), 12)
        a, b, c, d, e, f = self._matrix
        self._matrix = (a * cos + c * sin, b * cos + d * sin, c * cos - a * sin, d * cos - b * sin, e, f)

    def setPen(self, pen: Any) -> None:
        if not isinstance(pen, self._QPen):  # a colour or Qt.PenStyle.NoPen
            pen = self._QPen(pen)
        style = pen.style()
        if style == self._NO_PEN:
            self._stroke = None
            return
        colour, width = pen.color(), pen.widthF()
        dashes = () if style == self._SOLID else tuple(step * width for step in pen.dashPattern())
        self._stroke = (colour.name(), colour.alphaF(), width, dashes)

    def setBrush(self, brush: Any) -> None:
        QtCore, QtGui = self._QtCore, self._QtGui
        if isinstance(brush, QtCore.Qt.BrushStyle):
            self._fill = None
        elif isinstance(brush, QtGui.QColor):
            self._fill = _colour(brush)
        else:
            self._fill = None if brush.style() == QtCore.Qt.BrushStyle.NoBrush else _colour(brush.color())

    def setFont(self, font: Any) -> None:
        self._font = (font.pointSizeF(), font.bold())

    # --- drawing ----------------------------------------------------------------------------------

    def _frame(self) -> tuple[float, float, float, bool]:
        """(scale, dx, dy, even): when the matrix only moves and scales evenly, elements are written in
        page units (x * scale + dx); otherwise in local units inside a group with the matrix."""
        a, b, c, d, e, f = self._matrix
        if b == 0 and c == 0 and a == d:
            return a, e, f, True
        return 1.0, 0.0, 0.0, False

    def _emit(self, element: str, attributes: str, even: bool, k: float, fill: bool = True) -> None:
        """Write `<element attributes paint/>` with the current brush and pen (scaled by `k`)."""
        paint = []
        if fill and self._fill is not None:
            colour, alpha = self._fill
            paint.append(f'fill="{colour}"' + (f' fill-opacity="{_n(alpha)}"' if alpha < 1 else ""))
        if self._stroke is not None:
            colour, alpha, width, dashes = self._stroke
            paint.append(f'stroke="{colour}" stroke-width="{_n(width * k)}"')
            if alpha < 1:
                paint.append(f'stroke-opacity="{_n(alpha)}"')
            if dashes:
                paint.append(f'stroke-dasharray="{" ".join(_n(step * k) for step in dashes)}"')
        if not paint:
            return
        style = " ".join(paint)
        if even:
            self._write(f"<{element} {attributes} {style}/>\n")
        else:
            matrix = " ".join(_n(v) for v in self._matrix)
            self._write(f'<g transform="matrix({matrix})"><{element} {attributes} {style}/></g>\n')

    def _polyline(self, element: str, pairs: list[tuple[float, float]], fill: bool) -> None:
        k, dx, dy, even = self._frame()
        points = " ".join(f"{_n(x * k + dx)},{_n(y * k + dy)}" for x, y in pairs)
        self._emit(element, f'points="{points}"', even, k, fill)

    def drawLine(self, start: Any, end: Any) -> None:
        self._polyline("polyline", [(start.x(), start.y()), (end.x(), end.y())], fill=False)

    def drawPolyline(self, points: Any) -> None:
        self._polyline("polyline", [(p.x(), p.y()) for p in points], fill=False)

    def drawPolygon(self, polygon: Any) -> None:
        self._polyline(
            "polygon", [(p.x(), p.y()) for p in (polygon.at(i) for i in range(polygon.size()))], True
        )

    def drawRect(self, rect: Any) -> None:
        self.drawRoundedRect(rect, 0, 0)

    def drawRoundedRect(self, rect: Any, rx: float, ry: float) -> None:
        k, dx, dy, even = self._frame()
        x, y, w, h = rect.x() * k + dx, rect.y() * k + dy, rect.width() * k, rect.height() * k
        corner = f' rx="{_n(rx * k)}" ry="{_n(ry * k)}"' if rx or ry else ""
        self._emit("rect", f'x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}"{corner}', even, k)

    def drawEllipse(self, centre: Any, rx: float, ry: float) -> None:
        k, dx, dy, even = self._frame()
        cx, cy = centre.x() * k + dx, centre.y() * k + dy
        self._emit("ellipse", f'cx="{_n(cx)}" cy="{_n(cy)}" rx="{_n(rx * k)}" ry="{_n(ry * k)}"', even, k)

    def drawText(self, point: Any, text: str) -> None:
        """Text with its baseline starting at `point`, in the pen's colour."""
        content = escape(xml_text(text))
        if not content or self._stroke is None:
            return
        colour, alpha, _, _ = self._stroke
        size, bold = self._font
        k, dx, dy, even = self._frame()
        paint = f'fill="{colour}"' + (f' fill-opacity="{_n(alpha)}"' if alpha < 1 else "")
        weight = ' font-weight="bold"' if bold else ""
        place = f'x="{_n(point.x() * k + dx)}" y="{_n(point.y() * k + dy)}" font-size="{_n(size * k)}"'
        if not even:
            place = f'transform="matrix({" ".join(_n(v) for v in self._matrix)})" {place}'
        self._write(f"<text {place}{weight} {paint}>{content}</text>\n")

    # --- output -----------------------------------------------------------------------------------

    def _write(self, element: str) -> None:
        parts = self._parts
        parts.append(element)
        if len(parts) >= _CHUNK:
            self._out.write("".join(parts).encode("utf-8"))
            parts.clear()

    def finish(self) -> bytes:
        """Close the document and return its bytes."""
        self._parts.append("</g>\n</svg>\n")
        self._out.write("".join(self._parts).encode("utf-8"))
        self._parts.clear()
        return self._out.getvalue()
