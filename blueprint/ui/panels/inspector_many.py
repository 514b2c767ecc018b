"""The Inspector's form for several selected cards: the fields they can share, changed on all at once.

Function, channel, emotion and evidence: a field where the cards differ reads "Mixed" and is left
alone until the person picks or types a value; each change is one undo step over all the cards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit

from blueprint.edit import Batch, Document, Operation, SetCardFields
from blueprint.model import Card
from blueprint.ui.panels.form import ChoiceBox, Form, set_line
from blueprint.ui.panels.inspector_card import EMOTIONS, EVIDENCE
from blueprint.ui.panels.parse import optional
from blueprint.ui.vocabulary import NO_FUNCTION

Submit = Callable[[str, Operation], None]


class _Mixed:
    """The value of a field where the selected cards differ (a choice that changes nothing)."""

    def __repr__(self) -> str:
        return "MIXED"


MIXED = _Mixed()
MIXED_TEXT = "Mixed (leave as they are)"


class ManyCardsForm(Form):
    """Function, channel, emotion and evidence of every selected card."""

    def __init__(self, submit: Submit) -> None:
        super().__init__("Cards")
        self._submit = submit
        self._doc: Document | None = None
        self.card_ids: list[str] = []
        self.note = QLabel("A change here applies to every selected card.")
        self.note.setWordWrap(True)
        self._layout.addRow(self.note)
        self.function = self.add(
            "function",
            "Function",
            ChoiceBox([], lambda v: self._set("function", v, "Set function")),
            "The team, role or system doing it",
        )
        self.channel = self.add("channel", "Channel", QLineEdit(), "How it happens (Enter applies it)")
        self.channel.editingFinished.connect(self._channel)
        self.emotion = self.add(
            "emotion",
            "Emotion",
            ChoiceBox(EMOTIONS, lambda v: self._set("emotion", v, "Set emotion")),
            "How the customer feels here",
        )
        self.evidence = self.add(
            "evidence",
            "Evidence",
            ChoiceBox(EVIDENCE, lambda v: self._set("evidence", v, "Set evidence")),
            "How we know this happens",
        )

    def load(self, doc: Document, cards: list[Card]) -> None:
        if [c.id for c in cards] != self.card_ids:
            self.clear_errors()
        self._doc, self.card_ids = doc, [c.id for c in cards]
        self.heading.set_heading(f"{len(cards)} cards")
        functions = [(NO_FUNCTION, None)] + [(f.name, f.id) for f in doc.blueprint.functions]
        for box, choices, key in (
            (self.function, functions, "function"),
            (self.emotion, EMOTIONS, "emotion"),
            (self.evidence, EVIDENCE, "evidence"),
        ):
            value = _shared(cards, key)
            box.set_choices(([(MIXED_TEXT, MIXED)] if value is MIXED else []) + list(choices))
            box.set_value(value)
        channel = _shared(cards, "channel")
        if not self.channel.hasFocus():
            set_line(self.channel, "" if channel is MIXED else channel or "")
        self.channel.setPlaceholderText(MIXED_TEXT if channel is MIXED else "e.g. app, phone")

    def _cards(self) -> list[Card]:
        if self._doc is None:
            return []
        return [card for card in map(self._doc.card, self.card_ids) if card is not None]

    def _set(self, key: str, value: Any, text: str) -> None:
        if value is MIXED:
            return
        changed = [card.id for card in self._cards() if getattr(card, key) != value]
        if changed:
            ops: list[Operation] = [SetCardFields(card_id, {key: value}) for card_id in changed]
            self._submit(key, Batch(ops, text=f"{text} ({len(changed)} cards)"))

    def _channel(self) -> None:
        text = self.channel.text().strip()
        if not text and _shared(self._cards(), "channel") is MIXED:
            return  # left empty over differing channels: keep them
        self._set("channel", optional(text), "Set channel")


def _shared(cards: list[Card], key: str) -> Any:
    """The value every card has for `key`, or MIXED."""
    values = {repr(getattr(card, key)) for card in cards}
    return getattr(cards[0], key) if len(values) == 1 and cards else MIXED
