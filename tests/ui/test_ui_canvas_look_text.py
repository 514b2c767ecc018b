"""Canvas text is drawn as wide as the layout measured it (so it fits the room the layout made), and
link labels' ink stays inside their plates."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from blueprint.edit import Document
from blueprint.fileformat import load
from blueprint.layout import metrics as m
from blueprint.layout.text import text_width
from blueprint.ui.app import load_fonts
from blueprint.ui.canvas import style
from blueprint.ui.canvas.link_label import LinkLabelItem
from blueprint.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]

#: Every (size, bold, italic) the canvas draws text at.
SIZES = [
    (m.TITLE_SIZE, True),
    (m.DESCRIPTION_SIZE, False),
    (m.DETAIL_SIZE, False),
    (m.DETAIL_SIZE, True),
    (style.HEADER_SIZE, True),
    (style.STEP_SIZE, True),
    (style.STAGE_SIZE, True),
    (m.STAGE_PHASE_SIZE, False),
    (style.LINE_LABEL_SIZE, False),
    (style.LINK_LABEL_SIZE, False),
    (style.EMOTION_VALUE_SIZE, False),
    (7.5, True),  # the fail point's "F"
]
STRINGS = [
    "rates, photos and walking time",
    "Front desk checks the booking and hands over the key",
    "web · 15 min (max 30)",
    "Line of visibility",
    "Café Größe naïve 12:30",
    "W 25 min",
]


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(("size", "bold"), SIZES)
def test_canvas_text_is_as_wide_as_the_layout_measures(size: float, bold: bool) -> None:
    load_fonts()
    for text in STRINGS:
        drawn = style.text_advance(text, size, bold)
        assert drawn == pytest.approx(text_width(text, size, bold), rel=0.01), (text, size, bold)


@pytest.mark.usefixtures("qapp")
def test_draw_text_puts_ink_where_the_layout_measured() -> None:
    """Draw a 6.5 pt line through the real drawing path and measure its ink (Qt's plain 6.5 pt font
    drew it about 7.5% wider)."""
    load_fonts()
    text, size, scale = "rates, photos and walking time", 6.5, 4.0
    expected = text_width(text, size)
    image = QImage(int((expected + 20) * scale), int(20 * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.setPen(QColor("#000000"))
    style.draw_text(painter, 5, 12, text, size)
    painter.end()
    left, right = _ink_columns(image, QRectF(0, 0, image.width(), image.height()))
    ink_width = (right - left + 1) / scale
    # ink is a little narrower than the advance (side bearings of the first and last glyph)
    assert expected - 1.5 <= ink_width <= expected + 0.3


def _ink_columns(image: QImage, rect: QRectF, threshold: int = 160) -> tuple[int, int]:
    """The first and last pixel columns inside `rect` holding dark ink (text, not the plate's border)."""
    columns = []
    for x in range(max(0, int(rect.left())), min(image.width(), int(rect.right()) + 1)):
        for y in range(max(0, int(rect.top())), min(image.height(), int(rect.bottom()) + 1)):
            if QColor(image.pixel(x, y)).lightness() < threshold:
                columns.append(x)
                break
    assert columns, "no ink"
    return columns[0], columns[-1]


def test_link_labels_text_lies_inside_its_plate(qtbot: QtBot) -> None:
    """Every link label of the hotel sample (upright ones too), rendered 4x: the text's ink keeps
    clear of both ends of the plate, so nothing is cut off."""
    load_fonts()
    path = REPO / "samples" / "hotel-stay.blueprint"
    window = MainWindow(Document(load(path), path))
    qtbot.addWidget(window)
    scene = window.scene
    labels = [item for item in scene.items() if isinstance(item, LinkLabelItem) and item.route.label_text]
    assert len(labels) > 5
    assert any(item.route.label_vertical for item in labels)
    assert any(not item.route.label_vertical for item in labels)
    assert any(item.route.label_text == "rates, photos and walking time" for item in labels)
    scale = 4.0
    for item in labels:
        plate = QRectF(*item._plate)
        image = QImage(
            int(plate.width() * scale) + 1, int(plate.height() * scale) + 1, QImage.Format.Format_RGB32
        )
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        painter.translate(-plate.topLeft())
        option = _option()
        item.paint(painter, option)
        painter.end()
        if item.route.label_vertical:  # measure along the text
            image = image.transformed(_rotate(90))
        length = image.width()
        inner = QRectF(0.8 * scale, 0.8 * scale, length - 1.6 * scale, image.height() - 1.6 * scale)
        left, right = _ink_columns(image, inner, threshold=150)
        # the plate leaves 2 points each side of the text (measured: 2.0 to 2.75 of clear paper; Qt's
        # plain 6.5 pt font ran into the right end, 0.75 points clear, cut off by the clip)
        assert left >= 1.5 * scale, (item.route.label_text, left / scale)
        assert length - 1 - right >= 1.5 * scale, (item.route.label_text, (length - 1 - right) / scale)


def _option():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    return QStyleOptionGraphicsItem()


def _rotate(degrees: float):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTransform

    return QTransform().rotate(degrees)
