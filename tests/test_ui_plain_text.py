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
