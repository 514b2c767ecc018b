"""Canvas text is drawn from glyph runs shaped once (`style.glyph_runs`), not shaped again by
`QPainter.drawText` on every paint. It must set exactly the pixels `drawText` set: the same lines at
many places, sizes and zooms, under a view's transform (a scroll offset far along the journey), drawn
both ways, compare equal pixel for pixel; so does a badge's centred count."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from blueprint.layout import metrics as m
from blueprint.ui.app import load_fonts
from blueprint.ui.canvas import style

#: (size, bold) of every text the cards, labels and headers draw.
SIZES = [
    (m.TITLE_SIZE, True),
    (m.DESCRIPTION_SIZE, False),
    (m.DETAIL_SIZE, False),
    (m.DETAIL_SIZE, True),
    (style.LINK_LABEL_SIZE, False),
    (style.HEADER_SIZE, True),
    (7.5, True),  # the fail point's "F"
]
LINES = [
    "Front desk checks the booking and hands over the key",
    "web · 15 min (max 30)",
    "Café Größe naïve 12:30",
    "e\u0301te\u0301 (combining accents)",
    "שלום עולם",  # right to left
    "مرحبا بالعالم 123",
    "mixed עברית and English",
    "a\ttab",
    "…",
    " leading and trailing ",
    "W",
]
#: The editor's zoom steps around 100% (1.25 apart), and two that are powers of two.
ZOOMS = [1.0, 0.8, 0.64, 0.512, 0.4096, 1.25, 1.5625, 2.0, 0.5, 3.0]


@pytest.fixture(autouse=True)
def _fonts(qapp) -> None:  # type: ignore[no-untyped-def]
    """The shipped fonts, and glyph runs shaped with them (not with a fallback font shaped before)."""
    load_fonts()
    style.glyph_runs.cache_clear()


def _image(zoom: float, scroll: tuple[float, float], draw: Callable[..., object], *args: object) -> QImage:
    """A view's 360 x 120 pixels at `zoom`, scrolled to `scroll` (scene points), after
    `draw(painter, *args)`."""
    image = QImage(360, 120, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#EEF7EE"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.setTransform(QTransform(zoom, 0, 0, zoom, -round(scroll[0] * zoom), -round(scroll[1] * zoom)))
    painter.setPen(QColor("#212121"))
    draw(painter, *args)
    painter.end()
    return image


def _draw_text(painter: QPainter, x: float, baseline: float, text: str, size: float, bold: bool) -> None:
    """The way `style.draw_text` drew before glyph runs: `drawText` at TEXT_SCALE under 1/TEXT_SCALE."""
    painter.save()
    painter.scale(1 / style.TEXT_SCALE, 1 / style.TEXT_SCALE)
    painter.setFont(style.text_font(size, bold))
    painter.drawText(QPointF(x * style.TEXT_SCALE, baseline * style.TEXT_SCALE), text)
    painter.restore()


def _draw_text_in(painter: QPainter, box: QRectF, text: str) -> None:
    """The way `style.draw_text_in` drew a badge's count before glyph runs."""
    s = style.TEXT_SCALE
    painter.save()
    painter.scale(1 / s, 1 / s)
    painter.setFont(style.text_font(style.DETAIL_SIZE, True))
    scaled = QRectF(box.x() * s, box.y() * s, box.width() * s, box.height() * s)
    painter.drawText(scaled, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def _draw_runs_alone(painter: QPainter, runs: list[tuple[float, float, str, float, bool, bool]]) -> None:
    for x, baseline, text, size, bold, _ in runs:
        _draw_text(painter, x, baseline, text, size, bold)


@pytest.mark.parametrize("zoom", ZOOMS)
def test_lines_drawn_from_glyph_runs_set_the_pixels_drawtext_sets(zoom: float) -> None:
    rng = random.Random(zoom)
    for size, bold in SIZES:
        for text in LINES:
            # anywhere along a long journey, at any fraction of a point (and a little left of 0)
            scroll = (rng.uniform(0, 30_000), rng.uniform(0, 6_000))
            x = scroll[0] + rng.uniform(-3, 150 / zoom)
            baseline = scroll[1] + rng.uniform(5, 100 / zoom)
            args = (x, baseline, text, size, bold)
            expected = _image(zoom, scroll, _draw_text, *args)
            assert _image(zoom, scroll, style.draw_text, *args) == expected, (zoom, *args)


def test_several_runs_in_one_call_equal_each_drawn_alone() -> None:
    sizes = SIZES * 2
    runs = [(10.3 + i, 20.7 + 7.5 * i, text, *sizes[i], False) for i, text in enumerate(LINES)]
    for zoom in (1.0, 0.8):
        assert _image(zoom, (0, 0), style.draw_runs, runs) == _image(zoom, (0, 0), _draw_runs_alone, runs)


@pytest.mark.parametrize("zoom", ZOOMS)
def test_a_badge_count_is_centred_as_drawtext_centres_it(zoom: float) -> None:
    rng = random.Random(zoom)
    flags = Qt.AlignmentFlag.AlignCenter
    for text in ["!", *map(str, range(2, 10))]:
        scroll = (rng.uniform(0, 30_000), rng.uniform(0, 6_000))
        centre = (scroll[0] + rng.uniform(0, 300 / zoom), scroll[1] + rng.uniform(0, 100 / zoom))
        box = QRectF(centre[0] - 6, centre[1] - 6, 12, 12)
        expected = _image(zoom, scroll, _draw_text_in, box, text)
        drawn = _image(zoom, scroll, style.draw_text_in, box, flags, text, style.DETAIL_SIZE, True)
        assert drawn == expected, (zoom, text, centre)


def _upright_label(painter: QPainter, draw: Callable[..., object], x: float, y: float, text: str) -> None:
    """An upright link label's text as `LinkLabelItem` draws it: the painter turned about its place."""
    painter.translate(x, y)
    painter.rotate(-90)
    draw(painter, -17.3, 2.275, text, style.LINK_LABEL_SIZE, False)


@pytest.mark.parametrize("zoom", [1.0, 0.8, 1.25])
def test_upright_labels_drawn_from_glyph_runs_set_the_pixels_drawtext_sets(zoom: float) -> None:
    rng = random.Random(zoom)
    for text in LINES:
        scroll = (rng.uniform(0, 30_000), rng.uniform(0, 6_000))
        x, y = scroll[0] + rng.uniform(5, 300 / zoom), scroll[1] + rng.uniform(20, 100 / zoom)
        expected = _image(zoom, scroll, _upright_label, _draw_text, x, y, text)
        assert _image(zoom, scroll, _upright_label, style.draw_text, x, y, text) == expected, (zoom, text)
