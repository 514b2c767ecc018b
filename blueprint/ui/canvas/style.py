"""Colours, pens and fonts of the canvas, in one place (close to the PDF's look)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QColor, QFont, QGuiApplication

from blueprint.layout import metrics as m

FONT_FAMILY = m.FONT

#: Band colours per lane kind (pale, so cards stand out).
LANE_FILL = {
    "evidence": "#F4F1EA",
    "customer": "#EAF2FB",
    "frontstage": "#EEF7EE",
    "backstage": "#FBF3E6",
    "support": "#F3EEF8",
    "notes": "#F7F7F7",
}
HEADER_FILL = "#FFFFFF"
HEADER_LINE = "#C9CED6"
GRID_LINE = "#DDE1E7"
LABEL_BORDER = "#B0BEC5"  # a link label's plate (the PDF's grid grey)
TEXT = "#1F2328"
MUTED_TEXT = "#5A6270"
CARD_FILL = "#FFFFFF"
CARD_BORDER = "#9AA3AF"
NO_FUNCTION = "#B8BEC7"
SELECTION = "#1A73E8"
LINK = "#4A5563"
HANDOFF_LINK = "#C2410C"
LOOP_LINK = "#7C3AED"
FAIL = "#D32F2F"
WAIT = "#F59E0B"
DROP_TARGET = "#1A73E8"
LINE_COLOURS = {"interaction": "#2B6CB0", "visibility": "#2F855A", "internal": "#805AD5"}
EMOTION_COLOURS = {"up": "#2E7D32", "down": "#C62828", "flat": "#757575"}  # as the PDF's
SEVERITY_COLOURS = {"error": "#D32F2F", "warning": "#E08E0B", "info": "#3B82F6"}

#: Text sizes in layout points (the scene unit is one layout point), shared with the PDF.
TITLE_SIZE = m.TITLE_SIZE
DETAIL_SIZE = m.DETAIL_SIZE
HEADER_SIZE = m.LANE_NAME_SIZE
STEP_SIZE = m.STEP_NAME_SIZE
STAGE_SIZE = m.STAGE_NAME_SIZE
LINE_LABEL_SIZE = m.LINE_LABEL_SIZE
LINK_LABEL_SIZE = m.LINK_LABEL_SIZE


def colour(text: str | None, fallback: str = NO_FUNCTION) -> QColor:
    value = QColor(text or fallback)
    return value if value.isValid() else QColor(fallback)


@cache
def _dpi() -> float:
    screen = QGuiApplication.primaryScreen()
    return float(screen.logicalDotsPerInchY()) if screen is not None else 96.0


@cache
def font(size_points: float, bold: bool = False, italic: bool = False) -> QFont:
    """A DejaVu Sans font whose glyphs are `size_points` scene units tall (as in the PDF)."""
    value = QFont(FONT_FAMILY)
    value.setPointSizeF(size_points * 72.0 / _dpi())
    value.setBold(bold)
    value.setItalic(italic)
    value.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return value
