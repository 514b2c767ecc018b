"""A form heading that never widens its dock: "Link  Source title → Target title" is cut with "…" to
the width it gets (the full text in its tooltip), because a label as wide as its text would force the
whole Inspector (every form shares one stacked widget) past the dock's right edge.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

REST_STYLE = "color:#666"


class Heading(QLabel):
    """A bold lead ("Link", "Card", "3 cards") and a grey rest (names, an id) elided to fit."""

    def __init__(self, lead: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.lead, self.rest = "", ""
        self.set_heading(lead)

    def set_heading(self, lead: str, rest: str = "") -> None:
        """Show `lead` in bold and `rest` after it, both taken literally (never as markup)."""
        self.lead, self.rest = lead, rest
        self._show()

    def full_text(self) -> str:
        return f"{self.lead} {self.rest}".strip()

    def shown_rest(self) -> str:
        """The rest as shown now (cut with "…" when the label is too narrow for it)."""
        if not self.rest:
            return ""
        bold = QFont(self.font())
        bold.setBold(True)
        room = self.contentsRect().width() - QFontMetrics(bold).horizontalAdvance(self.lead + " ") - 2
        return QFontMetrics(self.font()).elidedText(self.rest, Qt.TextElideMode.ElideRight, max(room, 0))

    def _show(self) -> None:
        text = f"<b>{html.escape(self.lead)}</b>"
        rest = self.shown_rest()
        if rest:
            text += f" <span style='{REST_STYLE}'>{html.escape(rest)}</span>"
        if text != self.text():
            self.setText(text)
        self.setToolTip(html.escape(self.full_text()) if rest != self.rest else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(0, super().sizeHint().height())
