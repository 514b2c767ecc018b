"""SVG and PNG export: Qt draws text as wide as the layout measured it, and shows the title and the
emotion values the PDF shows.

Every test takes pytest-qt's `qapp` first: the exporter would otherwise make a QGuiApplication, and the
editor tests that run later in this process need a QApplication (Qt allows one per process)."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.export.image import _application, export_image, render_image
from blueprint.export.qtpaint import TEXT_SCALE, qt_font
from blueprint.fileformat import load
from blueprint.layout import metrics as m
from blueprint.layout.text import text_width

from builders import blueprint_with, card

TITLES = [
    "Order confirmation with pickup time",
    "Push notification: “Your usual oat flat",
    "Barista makes the drink, timed to the",
    "WWW illiterate lilt AVATAR Ty.",
    "Menu with live stock and prep times",
]


@pytest.mark.parametrize(
    ("size", "bold"),
    [(m.TITLE_SIZE, True), (m.DESCRIPTION_SIZE, False), (m.STEP_NAME_SIZE, True), (m.LINK_LABEL_SIZE, False)],
)
def test_qt_text_is_as_wide_as_the_layout_measures_it(qapp, size: float, bold: bool) -> None:  # type: ignore[no-untyped-def]
    """Measured on a 72 dpi image, the device the PNG is painted on (one point is one pixel there);
    the font is TEXT_SCALE times the layout size and drawn under a 1/TEXT_SCALE scale."""
    _app = _application()
    from PySide6.QtGui import QFontMetricsF, QImage

    image = QImage(10, 10, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(72 / 0.0254))
    image.setDotsPerMeterY(round(72 / 0.0254))
    metrics = QFontMetricsF(qt_font(size, bold), image)
    for line in TITLES:
        drawn = metrics.horizontalAdvance(line) / TEXT_SCALE
        measured = text_width(line, size, bold)
        assert abs(drawn - measured) <= 0.02 * measured, (line, drawn, measured)


def test_the_svg_has_the_title_and_the_emotion_values(qapp) -> None:  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[card("a", "customer", 0, "Arrives", emotion=2), card("b", "customer", 1, "Waits", emotion=-1)],
        title="Hotel arrival",
        steps=2,
    )
    data, warnings = render_image(doc, "svg")
    svg = data.decode("utf-8")
    assert not warnings
    assert "Hotel arrival" in svg and "+2" in svg
    assert "\u22121" in svg and "+2.0" not in svg


def test_a_png_is_taller_by_the_title_band(qapp, tmp_path: Path, repo: Path) -> None:  # type: ignore[no-untyped-def]
    _app = _application()
    from PySide6.QtGui import QImage

    from blueprint.export.image import RIGHT_MARGIN
    from blueprint.export.qtlegend import band_height, legend_placement
    from blueprint.export.qtpaint import TITLE_BAND
    from blueprint.layout import compute_layout

    doc = load(repo / "samples" / "cafe-order-ahead.blueprint")
    out = tmp_path / "cafe.png"
    assert export_image(doc, out) == []
    image = QImage(str(out))
    layout = compute_layout(doc)
    assert (image.width(), image.height()) == (
        round((layout.width + RIGHT_MARGIN) * 2),  # white room for labels beside the last column
        round((layout.height + TITLE_BAND + band_height(legend_placement(layout))) * 2),
    )
    band = image.copy(0, 0, image.width(), round(TITLE_BAND * 2))
    dark = sum(
        band.pixelColor(x, y).lightness() < 100 for x in range(0, 800, 2) for y in range(0, band.height(), 2)
    )
    assert dark > 100, "the title is drawn above the blueprint (whose top-left corner is blank)"
