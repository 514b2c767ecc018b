"""A column of card titles as flat link buttons: a click selects that card or link on the canvas.

The Inspector shows a customer card's chain (the cards whose time adds up to the customer's time there)
and an improvement plan's targets this way; targets also get a "×" button that takes them out of the
plan. Buttons rather than rich-text links: a person reaches them with Tab, and tests click them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from blueprint.ui.plain import menu_text, plain_label, tooltip

LINK_STYLE = "QPushButton { color: #1A73E8; text-align: left; border: none; padding: 1px 2px; }"
LINK_STYLE += "QPushButton:hover { text-decoration: underline; }"
LINK_STYLE += "QPushButton:focus { text-decoration: underline; outline: 1px dotted #1A73E8; }"
#: At most this many rows are shown (a chain can hold hundreds of cards); the rest are counted.
MOST = 25
TEXT_LIMIT = 200  # the rest is cut with "…" to the width the button gets


class TitleButtons(QWidget):
    """Rows of (id, text, tooltip); `picked(id)` on a click, `removed(id)` on a row's "×"."""

    picked = Signal(str)
    removed = Signal(str)

    def __init__(self, removable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.removable = removable
        self._items: list[tuple[str, str, str]] | None = None
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self.buttons: dict[str, _ElidedButton] = {}
        self.remove_buttons: dict[str, QToolButton] = {}
        self.more = plain_label(QLabel())
        self.more.setStyleSheet("color:#666")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_items(self, items: list[tuple[str, str, str]]) -> None:
        """Show these rows (nothing is rebuilt when they are what is shown)."""
        if items == self._items:
            return
        self._items = list(items)
        while self._column.count():
            widget = self._column.takeAt(0).widget()
            if widget is not None and widget is not self.more:
                widget.deleteLater()
        self.buttons, self.remove_buttons = {}, {}
        for element_id, text, tip in items[:MOST]:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(2)
            button = _ElidedButton(_short(text))
            button.setObjectName(f"pick:{element_id}")
            button.setStyleSheet(LINK_STYLE)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setToolTip(tooltip(tip or text))
            button.setAccessibleName(text)
            button.clicked.connect(lambda _=False, i=element_id: self.picked.emit(i))
            line.addWidget(button, 1)
            self.buttons[element_id] = button
            if self.removable:
                remove = QToolButton()
                remove.setText("×")
                remove.setObjectName(f"remove:{element_id}")
                remove.setAutoRaise(True)
                remove.setToolTip(tooltip(f"Take {text} out of this plan"))
                remove.setAccessibleName(f"Remove {text}")
                remove.clicked.connect(lambda _=False, i=element_id: self.removed.emit(i))
                line.addWidget(remove)
                self.remove_buttons[element_id] = remove
            self._column.addWidget(row)
        hidden = len(items) - MOST
        self.more.setText(f"… and {hidden} more" if hidden > 0 else "")
        self.more.setVisible(hidden > 0)
        if hidden > 0:
            self._column.addWidget(self.more)

    def ids(self) -> list[str]:
        return [element_id for element_id, _, _ in self._items or ()]


class _ElidedButton(QPushButton):
    """A link button whose text is cut with "…" to the width it gets (never widening the Inspector);
    `full_text()` is the whole text (also in the accessible name)."""

    def __init__(self, text: str) -> None:
        super().__init__(menu_text(text))  # a title's "&" is shown, not taken for a shortcut key
        self._full = text

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = self.contentsRect().width() - 8
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(room, 0))
        if menu_text(shown) != self.text():
            self.setText(menu_text(shown))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"
