"""Text from a shared file is shown literally in panels: never rendered as Qt rich text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtGui import QTextDocument, QUndoStack
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from blueprint.edit import Document
from blueprint.ui.panels.functions import FunctionsPanel
from blueprint.ui.plain import tooltip
from blueprint.ui.selection import Selection

from builders import blueprint_with, card

HOSTILE = "<b>Ops</b><img src='x.png'> & co"


def rendered(markup: str) -> str:
    page = QTextDocument()
    page.setHtml(markup)
    return page.toPlainText()


def test_tooltip_markup_shows_the_text_as_typed() -> None:
    assert rendered(tooltip(HOSTILE)) == HOSTILE
    assert QtGuiNamespace.mightBeRichText(tooltip(HOSTILE))


def test_a_function_named_with_markup_is_shown_literally(qtbot: QtBot) -> None:
    doc = blueprint_with(cards=[card("c1", "frontstage", 0, "Work", function="team-a")])
    doc.functions[0].name = HOSTILE
    panel = FunctionsPanel(Document(doc), QUndoStack(), Selection())
    qtbot.addWidget(panel)
    item = panel.list.item(0)
    assert item.text() == HOSTILE
    assert rendered(item.toolTip()).startswith(HOSTILE + ": team")
    labels = panel.findChildren(QLabel)
    assert labels and all(
        label.textFormat() == Qt.TextFormat.PlainText for label in labels if label.wordWrap()
    )


def test_card_and_link_tooltips_on_the_canvas_are_literal(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QGraphicsSceneHoverEvent

    from blueprint.ui.canvas.card_item import CardItem
    from blueprint.ui.canvas.link_item import LinkItem
    from blueprint.ui.canvas.scene import BlueprintScene

    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, HOSTILE),
            card("c2", "frontstage", 0, "Takes it", function="team-a"),
        ],
        links=[("c1", "c2", {"label": "<i>order</i>"})],
    )
    scene = BlueprintScene(Document(doc), Selection())
    cards = [item for item in scene.items() if isinstance(item, CardItem) and item.card_id == "c1"]
    links = [item for item in scene.items() if isinstance(item, LinkItem)]
    assert cards and links
    cards[0].hoverEnterEvent(QGraphicsSceneHoverEvent())
    assert rendered(cards[0].toolTip()).startswith(HOSTILE)
    assert "<i>order</i>" in rendered(links[0].toolTip())
