"""Card operations: add, remove (with their links), move between cells, edit fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from blueprint.edit.change import Change, change
from blueprint.edit.errors import EditError
from blueprint.edit.operations.base import (
    Operation,
    check_free_id,
    find,
    quoted,
    set_fields,
    validated_fields,
)
from blueprint.edit.operations.removal import Extract
from blueprint.model import Blueprint, Card


@dataclass
class AddCard(Operation):
    """Insert `card` at array position `index` (None: at the end)."""

    card: Card
    index: int | None = None

    reshapes = True

    def apply(self, bp: Blueprint) -> Operation:
        check_free_id(bp, self.card.id)
        _check_cell(bp, self.card.lane, self.card.step)
        if self.card.function is not None and self.card.function not in bp.functions_by_id():
            raise EditError("unknown-function", f"There is no function '{self.card.function}'", "function")
        bp.cards.insert(len(bp.cards) if self.index is None else self.index, self.card)
        return Extract(card_ids=(self.card.id,), text=self.text)

    def affects(self) -> Change:
        return change(["card"], [self.card.id])

    def default_text(self, bp: Blueprint) -> str:
        return f"Add card {quoted(self.card.title)}"


@dataclass
class RemoveCards(Operation):
    """Remove cards and every link that touches them."""

    ids: tuple[str, ...]

    reshapes = True

    def apply(self, bp: Blueprint) -> Operation:
        wanted = set(self.ids)
        links = tuple(li.id for li in bp.links if li.source in wanted or li.target in wanted)
        return Extract(card_ids=tuple(self.ids), link_ids=links, text=self.text).apply(bp)

    def affects(self) -> Change:
        return change(["card"], self.ids)

    def default_text(self, bp: Blueprint) -> str:
        if len(self.ids) == 1:
            cards = bp.cards_by_id()
            if self.ids[0] in cards:
                return f"Remove card {quoted(cards[self.ids[0]].title)}"
        return f"Remove {len(self.ids)} cards"


@dataclass
class MoveCard(Operation):
    """Move a card to the cell (lane, step), as the `index`-th card of that cell.

    `position`, when given, is the exact array position instead (used by undo to put it back).
    """

    card_id: str
    lane_id: str
    step_id: str
    index: int = 0
    position: int | None = field(default=None)

    def apply(self, bp: Blueprint) -> Operation:
        cards = bp.cards
        found = _locate(cards, self.card_id, self.lane_id, self.step_id)
        old_position, card, cell_index, target_positions = found
        if card is None:
            raise EditError("unknown-id", f"There is no card '{self.card_id}'")
        if (card.lane, card.step) != (self.lane_id, self.step_id):
            _check_cell(bp, self.lane_id, self.step_id)
        inverse = MoveCard(card.id, card.lane, card.step, cell_index, old_position, text=self.text)
        del cards[old_position]
        if self.position is not None:
            new_position = self.position
        else:
            others = [p - (p > old_position) for p in target_positions if p != old_position]
            index = max(0, self.index)
            if index < len(others):
                new_position = others[index]
            elif others:
                new_position = others[-1] + 1
            else:
                new_position = len(cards)
        cards.insert(new_position, card)
        card.lane, card.step = self.lane_id, self.step_id
        return inverse

    def affects(self) -> Change:
        return change(["card"], [self.card_id])

    def default_text(self, bp: Blueprint) -> str:
        cards = bp.cards_by_id()
        title = cards[self.card_id].title if self.card_id in cards else self.card_id
        return f"Move card {quoted(title)}"


@dataclass
class SetCardFields(Operation):
    """Change fields of a card (not its id, lane or step: MoveCard does that)."""

    card_id: str
    changes: dict[str, Any]

    def apply(self, bp: Blueprint) -> Operation:
        _, card = find(bp.cards, self.card_id, "card")
        values = validated_fields(card, self.changes, frozenset({"id", "lane", "step"}))
        function = values.get("function")
        if function is not None and function not in bp.functions_by_id():
            raise EditError("unknown-function", f"There is no function '{function}'", "function")
        return SetCardFields(self.card_id, set_fields(card, values), text=self.text)

    def affects(self) -> Change:
        return change(["card"], [self.card_id])

    def default_text(self, bp: Blueprint) -> str:
        names = ", ".join(name.replace("_minutes", "").replace("_", " ") for name in self.changes)
        return f"Edit card {names}"


def _check_cell(bp: Blueprint, lane_id: str, step_id: str) -> None:
    if not any(lane.id == lane_id for lane in bp.lanes):
        raise EditError("unknown-lane", f"There is no lane '{lane_id}'", "lane")
    if not any(step.id == step_id for stage in bp.stages for step in stage.steps):
        raise EditError("unknown-step", f"There is no step '{step_id}'", "step")


def _locate(
    cards: list[Card], card_id: str, lane_id: str, step_id: str
) -> tuple[int, Card | None, int, list[int]]:
    """One pass: the card's position, the card, its index in its own cell, and the target cell's positions."""
    position, found, target = -1, None, []
    for i, c in enumerate(cards):
        if c.lane == lane_id and c.step == step_id:
            target.append(i)
        if c.id == card_id:
            position, found = i, c
    if found is None:
        return -1, None, 0, target
    if (found.lane, found.step) == (lane_id, step_id):
        cell_index = target.index(position)
    else:
        cell_index = sum(1 for c in cards[:position] if c.lane == found.lane and c.step == found.step)
    return position, found, cell_index, target
