"""Card outlines and link routes as PDF path operators, formatted in one go.

reportlab's `Canvas.roundRect` and `PDFPathObject` make a method call and format numbers per segment;
a blueprint has thousands of cards and links, and that was a sizeable share of a big export. Here the
same operators with the same numbers (reportlab's own `fp_str`, remembered per value) are formatted at
once and handed to the canvas with `addLiteral` (its public API for literal operators), so the page's
bytes do not change.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, PATH_OPS, Canvas

_KAPPA = 0.4472  # reportlab's control-point factor for a quarter circle (`PDFPathObject.roundRect`)
_NUMBERS: dict[float, str] = {}  # value -> fp_str(value); bounded below


def numbers(*values: float) -> list[str]:
    """Each value as reportlab writes it (`fp_str`), remembered: a big page writes some 600,000
    numbers, nine in ten of them seen before (columns, lane tops), and a look-up is 5x cheaper."""
    if len(_NUMBERS) > 100_000:  # a few MB at most, kept between exports
        _NUMBERS.clear()
    get = _NUMBERS.get
    return [get(v) or _learn(v) for v in values]  # fp_str never gives an empty string


def _learn(value: float) -> str:
    _NUMBERS[value] = text = fp_str(value)
    return text


def paint_op(canvas: Canvas, stroke: int = 1, fill: int = 1) -> str:
    """The operator that strokes and/or fills a path in this canvas's fill rule (even-odd unless set)."""
    return PATH_OPS[stroke, fill, getattr(canvas, "_fillMode", FILL_EVEN_ODD)]


def rect(canvas: Canvas, x: float, y: float, w: float, h: float, paint: str) -> None:
    """Exactly `canvas.rect(x, y, w, h, stroke, fill)` when `paint` is `paint_op(canvas, stroke, fill)`."""
    a, b, c, d = numbers(x, y, w, h)
    canvas.addLiteral(f"n {a} {b} {c} {d} re {paint}")


def round_rect(canvas: Canvas, x: float, y: float, w: float, h: float, r: float, paint: str) -> None:
    """Exactly `canvas.roundRect(x, y, w, h, r, stroke=1, fill=1)` when `paint` is
    `paint_op(canvas)`."""
    xlo, xhi = (x, x + w) if w >= 0 else (x + w, x)
    ylo, yhi = (y, y + h) if h >= 0 else (y + h, y)
    t = _KAPPA * r
    # six distinct x and six distinct y values make up the 34 numbers of the path
    x0, x1, x2, x3, x4, x5 = numbers(xlo, xlo + t, xlo + r, xhi - r, xhi - t, xhi)
    y0, y1, y2, y3, y4, y5 = numbers(ylo, ylo + t, ylo + r, yhi - r, yhi - t, yhi)
    canvas.addLiteral(
        f"n\n{x2} {y0} m\n{x3} {y0} l\n{x4} {y0} {x5} {y1} {x5} {y2} c\n{x5} {y3} l\n"
        f"{x5} {y4} {x4} {y5} {x3} {y5} c\n{x2} {y5} l\n{x1} {y5} {x0} {y4} {x0} {y3} c\n{x0} {y2} l\n"
        f"{x0} {y1} {x1} {y0} {x2} {y0} c\nh\n{paint}"
    )


class Subpaths:
    """Many subpaths drawn as one path: the operators `PDFPathObject` writes for moveTo, lineTo,
    rect and close, but each polyline's numbers formatted in one call (thousands of link routes)."""

    def __init__(self) -> None:
        self.ops: list[str] = []

    def polyline(self, *coords: float) -> None:
        """A subpath through (x0, y0), (x1, y1), ... (at least two points)."""
        n = numbers(*coords)
        ops = self.ops
        ops.append(f"{n[0]} {n[1]} m")
        ops.extend([f"{n[i]} {n[i + 1]} l" for i in range(2, len(n), 2)])

    def polygon(self, *coords: float) -> None:
        """A closed subpath through the points."""
        self.polyline(*coords)
        self.ops.append("h")

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        self.ops.append(f"{' '.join(numbers(x, y, w, h))} re")

    def draw(self, canvas: Canvas, stroke: int, fill: int) -> None:
        """Exactly `canvas.drawPath(path, stroke, fill)` for the same path built with reportlab."""
        if self.ops:
            canvas.addLiteral("n " + " ".join(self.ops))
            canvas.addLiteral(paint_op(canvas, stroke, fill))
