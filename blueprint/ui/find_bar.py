"""Edit > Find… (Ctrl+F): a small bar right under the canvas. While the designer types, every card and
link that matches is highlighted and counted; Enter selects and centres the next one after the
selection (in reading order: step by step, lane by lane, wrapping around).

A card matches by its title, its description or its function's name; a link by its label (what is
handed over). Case does not matter. Shift+Enter adds the next match to the selection instead (so two
cards far apart can be selected, in order, for Link Selected Cards without the mouse). Escape or the
close button hides the bar and the highlights.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar

from blueprint.model import Blueprint
from blueprint.ui.canvas.find_marks import FindMarks

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow


def matching_cards(blueprint: Blueprint, text: str) -> list[str]:
    """Ids of the cards whose title, description or function name contains `text`, in reading order."""
    cards = {card.id for card in blueprint.cards}
    return [i for i in matching_elements(blueprint, text) if i in cards]


def matching_elements(blueprint: Blueprint, text: str) -> list[str]:
    """Ids of the matching cards and links, in reading order (a link right after its source card)."""
    needle = text.casefold()
    if not needle:
        return []
    steps = blueprint.step_indexes()
    lanes = {lane.id: i for i, lane in enumerate(blueprint.lanes)}
    functions = {f.id: f.name.casefold() for f in blueprint.functions}
    place: dict[str, tuple[int, int, int]] = {}
    found: list[tuple[tuple[int, int, int], int, str]] = []
    for index, card in enumerate(blueprint.cards):
        place[card.id] = (steps.get(card.step, 0), lanes.get(card.lane, 0), index)
        if (
            needle in card.title.casefold()
            or needle in card.description.casefold()
            or (card.function is not None and needle in functions.get(card.function, ""))
        ):
            found.append((place[card.id], 0, card.id))
    for index, link in enumerate(blueprint.links):
        if link.label and needle in link.label.casefold():
            found.append((place.get(link.source, (0, 0, 0)), 1 + index, link.id))
    return [element_id for *_, element_id in sorted(found)]


class FindEdit(QLineEdit):
    """The search field: Escape closes the bar (Enter is `returnPressed`)."""

    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self.bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.bar.close_bar()
            return
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if shift and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.bar.find_next(add=True)
            return
        super().keyPressEvent(event)


class FindBar(QToolBar):
    """Under the canvas (in the window's central area), hidden until Find is chosen."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__("Find", window)
        self.window_ = window
        self.setObjectName("findBar")
        self.setMovable(False)
        self.setFloatable(False)
        label = QLabel(" &Find: ")
        self.addWidget(label)
        self.edit = FindEdit(self)
        self.edit.setObjectName("findText")
        self.edit.setAccessibleName("Find")
        label.setBuddy(self.edit)
        self.edit.setPlaceholderText("a word of a card, a function or a link label")
        self.edit.setToolTip(
            "Matches are highlighted as you type; Enter selects the next one, Shift+Enter adds it to the "
            "selection (Escape closes)"
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.setMaximumWidth(340)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.textChanged.connect(lambda _text: self.highlight())
        self.addWidget(self.edit)
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.addWidget(self.count)
        self.addAction("Next", self.find_next).setToolTip("The next match (Enter)")
        self.addAction("Close", self.close_bar).setToolTip("Hide the find bar (Escape)")
        self.marks = FindMarks()
        self.hide()

    def open(self) -> None:
        """Show the bar with its text selected, ready for typing (and its matches highlighted)."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.highlight()

    def close_bar(self) -> None:
        self.hide()
        self.highlight()
        self.window_.view.setFocus()

    def matches(self) -> list[str]:
        return matching_elements(self.window_.document.blueprint, self.edit.text().strip())

    def highlight(self) -> list[str]:
        """Mark every match on the canvas and count them (none while the bar is hidden)."""
        scene = self.window_.scene
        if self.marks.scene() is not scene:
            if self.marks.scene() is not None:
                self.marks.scene().removeItem(self.marks)
            scene.addItem(self.marks)
        text = self.edit.text().strip()
        found = self.matches() if self.isVisible() else []
        self.marks.mark(scene.layout, found)
        if not text or not self.isVisible():
            self.count.setText("")
        else:
            self.count.setText(f"  {len(found)} match{'es' * (len(found) != 1)}" if found else "  no match")
        return found

    def find_next(self, add: bool = False) -> str | None:
        """Select and centre the next match after the selected element (with `add`, add it to the
        selection, last); None when nothing matches."""
        text = self.edit.text().strip()
        if not text:
            return None
        window = self.window_
        found = self.highlight()
        if not found:
            window.show_message(f"Nothing on the blueprint contains “{text}”")
            return None
        current = window.selection.ids[-1] if window.selection.ids else None
        following = found.index(current) + 1 if current in found else 0
        element_id = found[following % len(found)]
        chosen = [i for i in window.selection.ids if i != element_id] + [element_id] if add else [element_id]
        window.selection.set(chosen, centre=True)
        item = window.scene.cards.get(element_id) or window.scene.links.get(element_id)
        if item is not None:
            window.view.centerOn(item)
        shown = f"{found.index(element_id) + 1} of {len(found)}"
        window.show_message(f"Match {shown} for “{text}”", 3000)
        return element_id
