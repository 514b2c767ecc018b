"""Cards on the canvas look as the PDF draws them: filled by lane kind, evidence dashed, notes folded,
fail points a red disc (rendered into an image and read back pixel by pixel)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from blueprint.edit import Document
from blueprint.ui.canvas import style
from blueprint.ui.canvas.card_item import CardItem
from blueprint.ui.main_window import MainWindow

from builders import STANDARD_LANES, blueprint_with, card

SCALE = 4.0


def _render(item: CardItem) -> tuple[QImage, QRectF]:
    """The card alone, 4x, on a transparent-free white image with a 10-point margin."""
    rect = item.rect()
    area = rect.adjusted(-10, -10, 10, 10)
    image = QImage(int(area.width() * SCALE), int(area.height() * SCALE), QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.scale(SCALE, SCALE)
    painter.translate(-area.topLeft())
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    item.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    return image, area


def _pixel(image: QImage, area: QRectF, x: float, y: float) -> QColor:
    return QColor(image.pixel(int((x - area.x()) * SCALE), int((y - area.y()) * SCALE)))


def _close(a: QColor, b: str, tolerance: int = 12) -> bool:
    c = QColor(b)
    return all(abs(p - q) <= tolerance for p, q in zip(a.getRgb()[:3], c.getRgb()[:3], strict=True))


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    lanes = [*STANDARD_LANES, "notes"]
    cards = [card(f"c-{kind}", kind, 0, "Hi") for kind in lanes]
    cards.append(card("c-fail", "frontstage", 1, "Fails", fail_point={"note": "breaks"}))
    win = MainWindow(Document(blueprint_with(cards=cards, lanes=lanes)))
    qtbot.addWidget(win)
    return win


@pytest.mark.parametrize("kind", [*STANDARD_LANES, "notes"])
def test_a_card_is_filled_with_its_lane_kinds_colour(window: MainWindow, kind: str) -> None:
    item = window.scene.cards[f"c-{kind}"]
    image, area = _render(item)
    rect = item.rect()
    inside = _pixel(image, area, rect.right() - 12, rect.bottom() - 12 if kind != "notes" else rect.top() + 3)
    assert _close(inside, style.CARD_COLOURS[kind][0], 3), (kind, inside.name())


def test_evidence_is_dashed_and_customer_solid(window: MainWindow) -> None:
    def border_pixels(kind: str) -> list[bool]:
        item = window.scene.cards[f"c-{kind}"]
        image, area = _render(item)
        rect = item.rect()
        border = style.CARD_COLOURS[kind][1]
        xs = [rect.left() + 10 + i * 0.25 for i in range(int((rect.width() - 20) * 4))]
        return [_close(_pixel(image, area, x, rect.top()), border, 60) for x in xs]

    evidence, customer = border_pixels("evidence"), border_pixels("customer")
    assert all(customer)
    gaps = sum(1 for a, b in pairwise(evidence) if a and not b)
    assert gaps >= len(evidence) / 4 / 5 * 0.8  # 3 points on, 2 off: a gap every 5 points


def test_a_note_has_a_folded_corner(window: MainWindow) -> None:
    item = window.scene.cards["c-notes"]
    image, area = _render(item)
    rect = item.rect()
    fold = style.NOTE_FOLD_SIZE
    # inside the fold's triangle: the fold colour; the corner cut off: the paper below
    assert _close(_pixel(image, area, rect.right() - fold + 2, rect.bottom() - fold + 4), style.NOTE_FOLD)
    assert _close(_pixel(image, area, rect.right() - 1.5, rect.bottom() - 1.5), "#FFFFFF")
    # the other corners are square
    assert _close(
        _pixel(image, area, rect.left() + 0.3, rect.top() + 0.3), style.CARD_COLOURS["notes"][1], 60
    )


def test_a_fail_point_is_a_red_disc_with_white_ink(window: MainWindow) -> None:
    item = window.scene.cards["c-fail"]
    (marker,) = item.card_box.markers
    image, area = _render(item)
    b = marker.box
    centre = QPointF(b.x + b.w / 2, b.y + b.h / 2)
    ring = [(centre.x() + dx, centre.y() + dy) for dx, dy in ((-4, 0), (4, 0), (0, -4.5))]
    assert all(_close(_pixel(image, area, x, y), style.FAIL, 40) for x, y in ring)
    # the box's corners around the disc stay the card's or the lane's colours, not red
    assert not _close(_pixel(image, area, b.x + 0.3, b.y + 0.3), style.FAIL, 40)
    # white ink (the "F") in the middle
    whites = sum(
        _close(_pixel(image, area, centre.x() + dx / 4, centre.y() + dy / 4), "#FFFFFF", 40)
        for dx in range(-8, 9)
        for dy in range(-12, 13)
    )
    assert whites > 10
