"""Edit > Find… (Ctrl+F): a small bar under the canvas; Enter selects and centres the next card whose
title or description contains the text (case-insensitive, in reading order: step by step, lane by lane,
wrapping around). Escape or the close button hides it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar

from blueprint.model import Blueprint

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow


def matching_cards(blueprint: Blueprint, text: str) -> list[str]:
    """Ids of the cards whose title or description contains `text`, in reading order."""
    needle = text.casefold()
    steps = blueprint.step_indexes()
    lanes = {lane.id: i for i, lane in enumerate(blueprint.lanes)}
    found = [
        (steps.get(card.step, 0), lanes.get(card.lane, 0), index, card.id)
        for index, card in enumerate(blueprint.cards)
        if needle in card.title.casefold() or needle in card.description.casefold()
    ]
    return [card_id for *_, card_id in sorted(found)]


class FindEdit(QLineEdit):
    """The search field: Escape closes the bar (Enter is `returnPressed`)."""

    def __init__(self, bar: QToolBar) -> None:
        super().__init__(bar)
        self.bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.bar.hide()
            self.bar.parentWidget().view.setFocus()  # type: ignore[union-attr]
            return
        super().keyPressEvent(event)


class FindBar(QToolBar):
    """Docked at the bottom of the window, hidden until Find is chosen."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__("Find", window)
        self.window_ = window
        self.setObjectName("findBar")
        self.setMovable(False)
        self.addWidget(QLabel(" Find: "))
        self.edit = FindEdit(self)
        self.edit.setObjectName("findText")
        self.edit.setPlaceholderText("text in a card's title or description")
        self.edit.setToolTip("Enter: select and show the next card containing this text (Escape closes)")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(320)
        self.edit.returnPressed.connect(self.find_next)
        self.addWidget(self.edit)
        self.addAction("Next", self.find_next).setToolTip("The next card containing the text (Enter)")
        self.addAction("Close", self.hide).setToolTip("Hide the find bar (Escape)")
        self.hide()

    def open(self) -> None:
        """Show the bar with its text selected, ready for typing."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def find_next(self) -> str | None:
        """Select and centre the next matching card after the selected one; None when none matches."""
        text = self.edit.text().strip()
        if not text:
            return None
        window = self.window_
        found = matching_cards(window.document.blueprint, text)
        if not found:
            window.show_message(f"No card contains “{text}”")
            return None
        current = window.selection.ids[-1] if window.selection.ids else None
        following = found.index(current) + 1 if current in found else 0
        card_id = found[following % len(found)]
        window.selection.set([card_id], centre=True)
        item = window.scene.cards.get(card_id)
        if item is not None:
            window.view.centerOn(item)
        shown = f"{found.index(card_id) + 1} of {len(found)}"
        window.show_message(f"Card {shown} containing “{text}”", 3000)
        return card_id
