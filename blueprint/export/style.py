"""Colours and strokes of the printed blueprint (print-friendly: light fills, dark text)."""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor

from blueprint.export.palette import CARD_COLORS as CARD_COLORS  # (card fill, card border) per lane kind
from blueprint.export.palette import PLAN as PLAN  # the improvement marker

LANE_FILLS = ("#FFFFFF", "#F7F8FA")
HEADER_FILL = "#ECEFF1"
STAGE_FILL = "#37474F"
STEP_FILL = "#CFD8DC"
TEXT = "#212121"
MUTED = "#546E7A"
GRID = "#B0BEC5"
FAIL = "#D32F2F"
WAIT = "#FFB300"
LINK = "#546E7A"
HANDOFF = "#D84315"
LOOP = "#6A1B9A"
REF = "#1565C0"
NO_COLOR_STRIP = "#9E9E9E"
#: (colour, line width, dash pattern) of the three lines.
LINE_STYLES: dict[str, tuple[str, float, tuple[float, ...]]] = {
    "interaction": ("#1565C0", 1.4, ()),
    "visibility": ("#2E7D32", 1.4, (6, 3)),
    "internal": ("#6A1B9A", 1.2, (1.5, 2.5)),
}
EMOTION_UP = "#2E7D32"
EMOTION_DOWN = "#C62828"
EMOTION_FLAT = "#757575"


def color(hex_text: str) -> Color:
    return _COLORS.get(hex_text) or _COLORS.setdefault(hex_text, HexColor(hex_text))


_COLORS: dict[str, Color] = {}


def rgb(hex_text: str) -> tuple[float, float, float]:
    """The colour as an (r, g, b) tuple: reportlab writes the same operator as for `color`, without
    the opacity bookkeeping a `Color` brings (measurable over thousands of cards)."""
    found = _RGB.get(hex_text)
    if found is None:
        c = color(hex_text)
        found = _RGB[hex_text] = (c.red, c.green, c.blue)
    return found


_RGB: dict[str, tuple[float, float, float]] = {}
