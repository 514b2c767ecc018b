"""A card keeps where its text lines start between paints (placed once per card box): after a move,
a new text or a new look it paints exactly as a card made afresh with that box, at any zoom."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from blueprint.layout.shapes import Box, CardBox, Marker
from blueprint.ui.app import load_fonts
from blueprint.ui.canvas import style
from blueprint.ui.canvas.card_item import CardItem


@pytest.fixture(autouse=True)
def _fonts(qapp) -> None:  # type: ignore[no-untyped-def]
    load_fonts()
    style.glyph_runs.cache_clear()


def _card(x: float, y: float, title: tuple[str, ...], **more: object) -> CardBox:
    box = Box(x, y, 150.0, 96.0)
    fields: dict[str, object] = {
        "description_lines": ("Checks the reference", "and the seat"),
        "detail_lines": ("Front desk", "web · 15 min"),
        "function_id": "f1",
        "function_name": "Front desk",
        "function_color": "#2E7D32",
        "lane_kind": "frontstage",
        "markers": (Marker("fail", "F", Box(x + 110.0, y - 6.0, 12.0, 12.0)),),
    }
    return CardBox("c1", "l1", "s1", box, title, False, **(fields | more))  # type: ignore[arg-type]


def _painted(item: CardItem, zoom: float) -> QImage:
    image = QImage(260, 180, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#F7F8FA"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    box = item.card_box.box
    painter.setTransform(
        QTransform(zoom, 0, 0, zoom, -round((box.x - 20) * zoom), -round((box.y - 20) * zoom))
    )
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


@pytest.mark.parametrize("zoom", [1.0, 0.8, 1.25, 2.0])
def test_a_card_painted_again_after_a_change_paints_as_a_fresh_one(zoom: float) -> None:
    first = _card(1000.25, 400.5, ("Checks in the guest", "at the desk"))
    item = CardItem(first)
    _painted(item, zoom)  # its text placed for `first`
    changes = [
        _card(1000.25, 412.0, first.title_lines),  # moved down by a lane shift
        _card(1300.75, 987.125, first.title_lines),  # moved to another cell
        _card(1300.75, 987.125, ("Renamed", "card")),  # new title, same box
        _card(1300.75, 987.125, ("שלום עולם",), markers=()),  # a right-to-left title, no marker
        replace(first, description_lines=(), function_name=None),  # fewer blocks
    ]
    for shape in changes:
        item.set_card_box(shape)
        assert _painted(item, zoom) == _painted(CardItem(shape), zoom), shape
    item.set_look(selected=True)
    fresh = CardItem(item.card_box)
    fresh.set_look(selected=True)
    assert _painted(item, zoom) == _painted(fresh, zoom)
