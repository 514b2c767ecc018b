"""The emotion row of a long journey draws only the markers and values in sight, and looks exactly as a
freshly built canvas does wherever the view is and whatever the edit repainted."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from blueprint.edit import Document, SetCardFields
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.canvas.view import BlueprintView

from builders import blueprint_with, card
from ui_gestures import canvas_view

STEPS = 60


def journey() -> Document:
    """Sixty steps, a customer card with a feeling at each, so the curve runs far beyond the view."""
    cards = [card(f"c{i}", "customer", i, f"Customer {i}", emotion=(i % 5) - 2) for i in range(STEPS)]
    cards += [card(f"f{i}", "frontstage", i, f"Desk {i}") for i in range(STEPS)]
    return Document(blueprint_with(cards=cards, steps=STEPS))


def shown(qtbot: QtBot, document: Document, x: int) -> tuple[BlueprintView, BlueprintScene, CanvasEditor]:
    view, scene, editor, _ = canvas_view(qtbot, document, 600, 400, x)
    return view, scene, editor


def seen(qtbot: QtBot, view: BlueprintView) -> QImage:
    qtbot.wait(20)
    return view.viewport().grab().toImage()


def test_an_edit_in_the_middle_of_a_long_curve_repaints_as_a_fresh_canvas(qtbot: QtBot) -> None:
    document = journey()
    view, scene, editor = shown(qtbot, document, 3000)
    assert scene.emotion is not None and scene.emotion.xs is not None
    left = view.mapToScene(0, 0).x()
    assert left > 2000  # the view is far along the journey: most markers are out of sight
    middle = next(
        card_id
        for card_id, item in dict.items(scene.cards)
        if card_id.startswith("c") and item.sceneBoundingRect().left() > left + 150
    )
    before = seen(qtbot, view)
    assert editor.run(SetCardFields(middle, {"emotion": 2 if document.card(middle).emotion != 2 else -2}))
    after = seen(qtbot, view)
    assert after != before  # the marker and value moved in sight

    fresh_view, _, _ = shown(qtbot, document, view.horizontalScrollBar().value())
    assert seen(qtbot, fresh_view) == after


def strip_painted(item: QGraphicsItem, strip: QRectF, exposed: QRectF) -> QImage:
    """What `item` paints inside `strip` (the painter clipped to it, as a view's update region clips),
    told that `exposed` is the part to paint."""
    image = QImage(int(strip.width()), int(strip.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.translate(-strip.left(), -strip.top())
    painter.setClipRect(strip)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = exposed
    item.paint(painter, option, None)
    painter.end()
    return image


def test_a_strip_of_the_row_paints_what_the_whole_row_paints_there(qtbot: QtBot) -> None:
    """A repaint of part of the row (an update region, a scroll) draws only the markers that can reach
    it; a marker just outside whose value reaches in must be drawn too."""
    document = journey()
    _, scene, _ = shown(qtbot, document, 0)
    item = scene.emotion
    assert item is not None and item.xs is not None
    whole = item.boundingRect()
    compared = 0
    for left in range(150, int(whole.right()) - 60, 37):  # strips cutting through markers and values
        strip = QRectF(left, whole.top(), 23, whole.height())
        partly = strip_painted(item, strip, strip)
        assert partly == strip_painted(item, strip, whole)
        compared += partly != strip_painted(item, strip, QRectF())  # something of the curve is in it
    assert compared > STEPS // 2
