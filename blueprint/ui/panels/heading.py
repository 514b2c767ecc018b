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
ARROW = " → "


class Heading(QLabel):
    """A bold lead ("Link", "Card", "3 cards") and grey parts after it (a link's two card titles joined
    by an arrow, a card's id), each part cut with "…" to its share of the width when they do not fit."""

    def __init__(self, lead: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.lead, self.parts = "", ()
        self.set_heading(lead)

    @property
    def rest(self) -> str:
        return ARROW.join(self.parts)

    def set_heading(self, lead: str, *parts: str) -> None:
        """Show `lead` in bold and `parts` after it (joined by an arrow), all taken literally."""
        self.lead, self.parts = lead, tuple(parts)
        self._show()

    def full_text(self) -> str:
        return f"{self.lead} {self.rest}".strip()

    def shown_rest(self) -> str:
        """The parts as shown now (each cut with "…" when the label is too narrow for them all)."""
        if not self.parts:
            return ""
        bold = QFont(self.font())
        bold.setBold(True)
        plain = QFontMetrics(self.font())
        room = self.contentsRect().width() - QFontMetrics(bold).horizontalAdvance(self.lead + " ") - 2
        if plain.horizontalAdvance(self.rest) <= room:
            return self.rest
        room -= plain.horizontalAdvance(ARROW) * (len(self.parts) - 1)
        # a short part keeps its width; the long ones share what is left
        shares = sorted(self.parts, key=plain.horizontalAdvance)
        width: dict[str, int] = {}
        left, count = max(room, 0), len(shares)
        for part in shares:
            width[part] = min(plain.horizontalAdvance(part), left // count)
            left, count = left - width[part], count - 1
        cut = [
            part
            if width[part] >= plain.horizontalAdvance(part)  # elidedText cuts a part that just fits
            else plain.elidedText(part, Qt.TextElideMode.ElideRight, width[part])
            for part in self.parts
        ]
        return ARROW.join(cut)

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
