"""Where the names of the three lines are written along them, clear of link labels.

The PDF writes each line's name ("Line of visibility") at the start of every stage, just above or
below the line. An upright link label in the gutter at a stage's edge crosses the line right there,
so a name that would lie under a label's plate moves right past it (or, with no room before the next
stage, is left out there: the line is named at the other stages).
"""

from __future__ import annotations

from blueprint.layout import metrics as m
from blueprint.layout.plates import plate
from blueprint.layout.shapes import Layout, Line
from blueprint.layout.text import text_width

Rect = tuple[float, float, float, float]

_GAP = 2.0  # between a label's plate and a name moved past it
_ROOM = 150.0  # a name starts at most this far after its stage's start


def caption_box(line: Line, x: float) -> Rect:
    """The box of `line`'s name written from `x` (as the PDF writes it: above the line, or below it)."""
    width = text_width(line.label, m.LINE_LABEL_SIZE)
    if line.label_below:
        return (x, line.y + 1, x + width, line.y + m.LINE_LABEL_SIZE + 2.5)
    return (x, line.y - m.LINE_LABEL_SIZE - 1, x + width, line.y + 0.5)


def label_plates_near(layout: Layout, lines: tuple[Line, ...]) -> list[Rect]:
    """The plates of the link labels that come within a name's height of one of `lines`."""
    reach = m.LINE_LABEL_SIZE + 3
    plates = []
    for route in layout.routes.values():
        if route.label_pos is None:
            continue
        b = plate(route.label_pos, route.label_vertical, route.label_text)
        if any(b.y - reach < line.y < b.y + b.h + reach for line in lines):
            plates.append((b.x, b.y, b.x + b.w, b.y + b.h))
    return plates


def caption_xs(line: Line, starts: list[float], plates: list[Rect]) -> list[float]:
    """Where to write `line`'s name at each start (each already 6 pt into its stage): moved right past
    any plate it would lie under, and left out where that would take it more than `_ROOM` on."""
    out = []
    for start in starts:
        x = start
        while x - start <= _ROOM:
            x0, y0, x1, y1 = caption_box(line, x)
            blocking = [p for p in plates if x0 < p[2] and p[0] < x1 and y0 < p[3] and p[1] < y1]
            if not blocking:
                out.append(x)
                break
            x = max(p[2] for p in blocking) + _GAP
    return out
