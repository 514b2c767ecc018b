"""The Inspector's "Customer's time here" for a customer card: the time, the tolerance, and the chain of
cards it adds up, each a button that selects that card, with what it adds ("4 min + 2 min wait"), so a
designer can check the sum by hand and jump to the slow part.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from blueprint.edit import Document
from blueprint.export.time_words import card_part, over_by, time_here
from blueprint.layout.cards import minutes_text
from blueprint.model import Card
from blueprint.ui.panels.title_buttons import TitleButtons
from blueprint.ui.plain import plain_label

WORKING = "Customer's time here: working it out…"
OVER_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #666;"


class CustomerTime(QWidget):
    """Shown under a customer card's fields; `picked(card_id)` when a card of the chain is clicked."""

    picked = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.summary = plain_label(QLabel())
        self.summary.setObjectName("customer-time")
        self.summary.setWordWrap(True)
        self.chain = TitleButtons()
        self.chain.setObjectName("customer-time-chain")
        self.chain.picked.connect(self.picked.emit)
        self.note = plain_label(QLabel())
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for widget in (self.summary, self.chain, self.note):
            column.addWidget(widget)

    def show_time(self, doc: Document, card: Card, timing: Any) -> None:
        """Show the time at `card` from `timing` (None: not computed yet)."""
        here = timing.card(card.id) if timing is not None else None
        if here is None:
            self.summary.setText(WORKING if timing is None else "")
            self.summary.setStyleSheet("")
            self.chain.set_items([])
            self.note.setText("")
            return
        self.summary.setText(f"Customer's time here: {time_here(here)}")
        self.summary.setStyleSheet(OVER_STYLE if here.over else "")
        kinds = {lane.id: lane.kind for lane in doc.blueprint.lanes}
        items = []
        for card_id in here.chain:
            part = doc.card(card_id)
            if part is not None:
                # the minutes first: they stay in sight when a long title is cut to the Inspector's width
                items.append((card_id, f"{card_part(part, kinds[part.lane])} · {part.title}", part.title))
        self.chain.set_items(items)
        notes = [f"Work {minutes_text(here.work_minutes)}, waiting {minutes_text(here.wait_minutes)}."]
        if here.over:
            notes.append(over_by(here).capitalize() + ".")
        if here.incomplete:
            notes.append("Incomplete: a card of the chain has no duration, or a wait no minutes (? min).")
        self.note.setText(" ".join(notes))
