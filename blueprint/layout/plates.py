"""A link label's plate (the white box it is drawn on) and the buckets of the spatial index of plates:
shared by the label pass (`labels`) and its memo (`label_memo`)."""

from __future__ import annotations

from functools import lru_cache
from math import ceil

from blueprint.layout import metrics as m
from blueprint.layout.shapes import Box
from blueprint.layout.text import text_width

#: Buckets of the spatial index of labels: a column wide and tall, their sides a quarter column from the
#: gutters, so that labels in a gutter or in a column's middle seldom straddle two buckets.
X_CELL = m.COLUMN_WIDTH
X_ORIGIN = m.LANE_HEADER_WIDTH + m.COLUMN_WIDTH / 4
Y_CELL = 1000.0
PLATE_H = m.LINK_LABEL_SIZE + 2.5
Rect = tuple[float, float, float, float]  # left, top, right, bottom


def plate(pos: tuple[float, float], vertical: bool, text: str) -> Box:
    """The white plate a label is drawn on, centred on its position (as the PDF and canvas draw it)."""
    x0, y0, x1, y1 = plate_rect(pos, vertical, text)
    return Box(x0, y0, x1 - x0, y1 - y0)


@lru_cache(maxsize=8192)
def half_length(text: str) -> float:
    """Half the length of the plate of `text`, rounded up to 1/8 pt: every coordinate of a plate is
    then a multiple of 1/8 pt (as every y of a layout is), so a plate moved with its lane is exactly
    the plate placed there afresh."""
    return ceil((text_width(text, m.LINK_LABEL_SIZE) + 4) * 4) / 8


def plate_rect(pos: tuple[float, float], vertical: bool, text: str) -> Rect:
    half = half_length(text)
    x, y = pos
    if vertical:
        return (x - PLATE_H / 2, y - half, x + PLATE_H / 2, y + half)
    return (x - half, y - PLATE_H / 2, x + half, y + PLATE_H / 2)


def bucket_keys(r: Rect) -> list[tuple[float, float]]:
    """The buckets `r` touches: columns of the index are centred on the gutters, where most labels lie."""
    i0, i1 = int((r[0] - X_ORIGIN) // X_CELL), int((r[2] - X_ORIGIN) // X_CELL)
    j0, j1 = int(r[1] // Y_CELL), int(r[3] // Y_CELL)
    return [(i, j) for i in span(float(i0), float(i1)) for j in span(float(j0), float(j1))]


def span(first: float, last: float) -> tuple[float, ...]:
    """The bucket numbers from `first` to `last` (floats, as floor division of floats gives them)."""
    if last == first:
        return (first,)
    return (first, last) if last == first + 1 else tuple(float(k) for k in range(int(first), int(last) + 1))
