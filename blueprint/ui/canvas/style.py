"""Colours, pens and fonts of the canvas, in one place (close to the PDF's look)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGlyphRun,
    QGuiApplication,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from blueprint.export.palette import CARD_COLORS
from blueprint.export.palette import PLAN as PLAN  # the improvement marker, as the PDF's
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
#: The PDF's grid: lanes alternate these fills; lane names on grey with a strip of the lane's colour.
LANE_FILLS = ("#FFFFFF", "#F7F8FA")
LANE_HEADER_FILL = "#ECEFF1"
STAGE_FILL = "#37474F"
STEP_FILL = "#CFD8DC"
HEADER_LINE = "#C9CED6"
GRID_LINE = "#DDE1E7"
LABEL_BORDER = "#B0BEC5"  # a link label's plate (the PDF's grid grey)
TEXT = "#212121"  # the PDF's text colours
MUTED_TEXT = "#546E7A"
CARD_FILL = "#FFFFFF"
CARD_BORDER = "#9AA3AF"
NO_FUNCTION = "#B8BEC7"
NO_COLOUR_STRIP = "#9E9E9E"  # a function without a colour (the PDF's)
SELECTION = "#1A73E8"
LINK = "#4A5563"
HANDOFF_LINK = "#C2410C"
LOOP_LINK = "#7C3AED"
FAIL = "#D32F2F"
WAIT = "#FFB300"  # the PDF's
DROP_TARGET = "#1A73E8"
LINE_COLOURS = {"interaction": "#2B6CB0", "visibility": "#2F855A", "internal": "#805AD5"}
EMOTION_COLOURS = {"up": "#2E7D32", "down": "#C62828", "flat": "#757575"}  # as the PDF's
SEVERITY_COLOURS = {"error": "#D32F2F", "warning": "#E08E0B", "info": "#3B82F6"}
#: The clock badge of a customer card slower than its tolerance.
OVER_TOLERANCE = "#BF360C"
#: (card fill, card border) per lane kind: the PDF's own.
CARD_COLOURS = CARD_COLORS
NOTE_FOLD = "#F9A825"
NOTE_FOLD_SIZE = 8.0
#: The three lines as the PDF draws them: colour, width, dash pattern (in line widths; empty: solid).
LINE_STYLES = {
    "interaction": ("#1565C0", 1.4, ()),
    "visibility": ("#2E7D32", 1.4, (6 / 1.4, 3 / 1.4)),
    "internal": ("#6A1B9A", 1.2, (1.5 / 1.2, 2.5 / 1.2)),
}

#: Text sizes in layout points (the scene unit is one layout point), shared with the PDF.
TITLE_SIZE = m.TITLE_SIZE
DETAIL_SIZE = m.DETAIL_SIZE
HEADER_SIZE = m.LANE_NAME_SIZE
STEP_SIZE = m.STEP_NAME_SIZE
STAGE_SIZE = m.STAGE_NAME_SIZE
LINE_LABEL_SIZE = m.LINE_LABEL_SIZE
LINK_LABEL_SIZE = m.LINK_LABEL_SIZE
EMOTION_VALUE_SIZE = 6.5

#: Text is drawn with fonts this many times the layout size under the inverse scale (see `draw_text`).
TEXT_SCALE = 8.0
_INVERSE = 1.0 / TEXT_SCALE


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


@cache
def text_font(size_points: float, bold: bool = False, italic: bool = False) -> QFont:
    """The font that draws `size_points` text under a 1/TEXT_SCALE scale (see `draw_text`)."""
    value = QFont(FONT_FAMILY)
    value.setPixelSize(round(size_points * TEXT_SCALE))
    value.setBold(bold)
    value.setItalic(italic)
    value.setKerning(False)  # the layout measures without kerning, as the PDF draws
    value.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return value


@cache
def _metrics(size_points: float, bold: bool, italic: bool) -> QFontMetricsF:
    return QFontMetricsF(text_font(size_points, bold, italic))


def text_advance(text: str, size_points: float, bold: bool = False, italic: bool = False) -> float:
    """How wide `draw_text` draws `text`, in scene units (within 1% of the layout's `text_width`)."""
    return _metrics(size_points, bold, italic).horizontalAdvance(text) * _INVERSE


#: How many shaped lines `glyph_runs` keeps: every line in sight several times over, even zoomed
#: out to where cards still show text on a large screen. Painting all of the generated 5,000-card
#: blueprint (4,400 distinct lines) raised the peak by about 13 MB; a full cache, some 30 MB. Lines
#: are shaped with the fonts registered at the time (`ensure_app` registers the shipped ones first).
GLYPH_RUNS_KEPT = 16384


@lru_cache(maxsize=GLYPH_RUNS_KEPT)
def glyph_runs(
    text: str, size_points: float, bold: bool = False, italic: bool = False
) -> tuple[QGlyphRun, ...]:
    """`text` shaped once in the `TEXT_SCALE` font, as glyph runs whose baseline is y = 0.

    `QPainter.drawText` shapes its text again on every call (HarfBuzz, bidi, font fallback): that was
    two thirds of a card's paint, and a repaint after a lane shift paints every card in sight again
    with the same text. A glyph run drawn where `drawText` would start the line (`draw_runs`) sets
    the same glyphs at the same device positions, so the pixels are the same (tests/ui/canvas/
    test_ui_canvas_glyph_runs.py checks it against `drawText` at many places, sizes and zooms)."""
    layout = QTextLayout(text, text_font(size_points, bold, italic))
    layout.setTextOption(_LINE_OPTION)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    # the runs' positions are the line's, whose baseline is its top + ascent: put it at y = 0, exactly
    # (both are multiples of 1/64), so that a run drawn at (x, baseline) has its glyphs on `baseline`
    line.setPosition(QPointF(0.0, -line.ascent()))
    return tuple(layout.glyphRuns())


#: One unwrapped line, laid out left to right as `drawText` does with the painter's default direction.
_LINE_OPTION = QTextOption()
_LINE_OPTION.setTextDirection(Qt.LayoutDirection.LeftToRight)
_LINE_OPTION.setWrapMode(QTextOption.WrapMode.NoWrap)


def draw_text(
    painter: QPainter,
    x: float,
    baseline: float,
    text: str,
    size: float,
    bold: bool = False,
    italic: bool = False,
) -> None:
    """Draw `text` from (x, baseline) at `size` scene units, as wide as the layout measured it.

    Qt rounds a font's pixel size to a whole number, so 6.5 and 9.5 point text came out 5-8% wider
    than the layout's DejaVu widths (link labels spilled out of their plates, titles ran long). At
    eight times the size every layout size (a multiple of 0.125) is a whole number of pixels, so
    the font is that large and the painter scaled down: Qt's advances then match the width table
    (as the PNG export draws, `blueprint/export/qtpaint.py`)."""
    draw_runs(painter, ((x, baseline, text, size, bold, italic),))


def draw_runs(painter: QPainter, runs: Iterable[tuple[float, float, str, float, bool, bool]]) -> None:
    """Several `draw_text` runs (x, baseline, text, size, bold, italic) under one scaled painter state,
    each drawn from its glyph runs (`glyph_runs`), the pixels `drawText` would set."""
    painter.save()
    painter.scale(_INVERSE, _INVERSE)
    scaled = painter.worldTransform()
    for x, baseline, text, size, bold, italic in runs:
        # drawText places the glyphs through the painter's matrix translated to the line's start:
        # translating the painter there and drawing at (0, 0) repeats that arithmetic (a run drawn
        # at the point instead is added to each glyph's position first, which rounds otherwise at
        # zooms that are not a power of two)
        painter.translate(*place(x, baseline))
        for run in glyph_runs(text, size, bold, italic):
            painter.drawGlyphRun(_ORIGIN, run)
        painter.setWorldTransform(scaled)
    painter.restore()


_ORIGIN = QPointF(0.0, 0.0)
_FIXED = TEXT_SCALE * 64.0  # x in scene units to 1/64ths of the TEXT_SCALE font's pixels


def place(x: float, baseline: float) -> tuple[float, float]:
    """Where `drawText` from (x, baseline) starts its line, in the TEXT_SCALE font's units: x taken as
    a 26.6 fixed-point number cut towards zero (Qt's `QFixed::fromReal`), the baseline as it is.
    Kept by text drawn again and again from the same place (`draw_placed`)."""
    return math.trunc(x * _FIXED) / 64.0, baseline * TEXT_SCALE


#: Lines placed by `place`, as (x, y, text, size, bold), in groups drawn each in its pen.
Placed = tuple[tuple[QPen, tuple[tuple[float, float, str, float, bool], ...]], ...]


def draw_placed(painter: QPainter, groups: Placed) -> None:
    """Groups of upright lines placed by `place`, each group in its pen, under one scaled painter
    state: the pixels `draw_runs` sets (a card's title and then its grey text, in one go)."""
    painter.save()
    painter.scale(_INVERSE, _INVERSE)
    scaled = painter.worldTransform()
    for pen, lines in groups:
        painter.setPen(pen)
        for x, y, text, size, bold in lines:
            painter.translate(x, y)
            for run in glyph_runs(text, size, bold):
                painter.drawGlyphRun(_ORIGIN, run)
            painter.setWorldTransform(scaled)
    painter.restore()


def draw_text_in(
    painter: QPainter, box: QRectF, flags: int, text: str, size: float, bold: bool = False
) -> None:
    """Draw `text` aligned in `box` (Qt alignment and text `flags`), at `size` as `draw_text` does."""
    painter.save()
    painter.scale(_INVERSE, _INVERSE)
    s = TEXT_SCALE
    scaled = QRectF(box.x() * s, box.y() * s, box.width() * s, box.height() * s)
    if flags == Qt.AlignmentFlag.AlignCenter and "\n" not in text:
        painter.translate(_centred(scaled, text, size, bold))  # as `draw_runs`, for the same arithmetic
        for run in glyph_runs(text, size, bold):
            painter.drawGlyphRun(_ORIGIN, run)
    else:
        painter.setFont(text_font(size, bold))
        painter.drawText(scaled, flags, text)
    painter.restore()


@lru_cache(maxsize=256)
def _line_extent(text: str, size: float, bold: bool) -> tuple[float, float, float]:
    """(advance, ascent, ascent + descent) of one line of `text`, in the TEXT_SCALE font's units."""
    layout = QTextLayout(text, text_font(size, bold))
    layout.setTextOption(_LINE_OPTION)
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    return line.horizontalAdvance(), line.ascent(), line.ascent() + line.descent()


def _centred(box: QRectF, text: str, size: float, bold: bool) -> QPointF:
    """Where `drawText(box, AlignCenter, text)` starts the line (a badge's "!" or count): centred by
    its advance and its ascent + descent, both offsets taken as 26.6 fixed-point numbers by the text
    layout, the baseline its ascent below."""
    advance, ascent, height = _line_extent(text, size, bold)
    x = box.x() + (box.width() - advance) / 2
    y = box.y() + (box.height() - height) / 2
    return QPointF(math.trunc(x * 64.0) / 64.0, math.trunc(y * 64.0) / 64.0 + ascent)
