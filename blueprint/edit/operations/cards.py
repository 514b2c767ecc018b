"""Card operations: add, remove (with their links), move between cells, edit fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from blueprint.edit.card_index import CardIndex
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
from blueprint.edit.operations.references import after_release, release
from blueprint.edit.operations.removal import Extract
from blueprint.model import Blueprint, Card


@dataclass
class AddCard(Operation):
    """Insert `card` at array position `index` (None: at the end)."""

    card: Card
    index: int | None = None

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        check_free_id(bp, self.card.id, index)
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

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        wanted = set(self.ids)
        links = tuple(li.id for li in bp.links if li.source in wanted or li.target in wanted)
        extract = Extract(card_ids=tuple(self.ids), link_ids=links, text=self.text)
        releases = release(bp, elements=(*self.ids, *links)) if bp.improvements else []
        return after_release(bp, index, releases, lambda: extract.apply(bp), self.describe(bp))

    def affects(self) -> Change:
        return change(["card"], self.ids)

    def describe(self, bp: Blueprint, index: CardIndex | None = None) -> str:
        if self.text or len(self.ids) != 1:
            return self.text or f"Remove {len(self.ids)} cards"
        card = _card(bp, self.ids[0], index)
        return f"Remove card {quoted(card.title)}" if card is not None else "Remove 1 cards"

    def default_text(self, bp: Blueprint) -> str:
        return self.describe(bp)


@dataclass
class MoveCard(Operation):
    """Move a card to the cell (lane, step), as the `index`-th card of that cell.

    In the card array the card goes just before the card it now precedes in the cell (or just after
    the cell's last card); into an empty cell it keeps its array position. `position`, when given, is
    the exact array position instead (undo uses it to put the card back byte for byte).
    """

    card_id: str
    lane_id: str
    step_id: str
    index: int = 0
    position: int | None = field(default=None)

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        cards = index if index is not None else CardIndex(bp)
        card = cards.card(self.card_id)
        if card is None:
            raise EditError("unknown-id", f"There is no card '{self.card_id}'")
        if (card.lane, card.step) != (self.lane_id, self.step_id):
            _check_cell(bp, self.lane_id, self.step_id)
        old_position = cards.position(card.id)
        old_index = cards.cell(card.lane, card.step).index(card.id)
        inverse = MoveCard(card.id, card.lane, card.step, old_index, old_position, text=self.text)
        others = [i for i in cards.cell(self.lane_id, self.step_id) if i != card.id]
        cell_index = max(0, min(self.index, len(others)))
        if self.position is not None:
            new_position = self.position
            before = [i for i in others if _after_removal(cards.position(i), old_position) < new_position]
            cell_index = len(before)
        elif not others:
            new_position = old_position
        elif cell_index < len(others):
            new_position = _after_removal(cards.position(others[cell_index]), old_position)
        else:
            new_position = _after_removal(cards.position(others[-1]), old_position) + 1
        cards.move(card, self.lane_id, self.step_id, new_position, cell_index)
        return inverse

    def affects(self) -> Change:
        return change(["card"], [self.card_id])

    def describe(self, bp: Blueprint, index: CardIndex | None = None) -> str:
        if self.text:
            return self.text
        card = _card(bp, self.card_id, index)
        return f"Move card {quoted(card.title if card is not None else self.card_id)}"

    def default_text(self, bp: Blueprint) -> str:
        return self.describe(bp)


def _card(bp: Blueprint, card_id: str, index: CardIndex | None) -> Card | None:
    """The card `card_id` from the document's index when there is one (no pass over every card)."""
    if index is not None:
        return index.card(card_id)
    return next((card for card in bp.cards if card.id == card_id), None)


def _after_removal(position: int, removed: int) -> int:
    """Where an array position ends up once the element at `removed` is taken out."""
    return position - 1 if position > removed else position


@dataclass
class SetCardFields(Operation):
    """Change fields of a card (not its id, lane or step: MoveCard does that)."""

    card_id: str
    changes: dict[str, Any]

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        card = index.card(self.card_id) if index is not None else find(bp.cards, self.card_id, "card")[1]
        if card is None:
            raise EditError("unknown-id", f"There is no card '{self.card_id}'")
        values = validated_fields(card, self.changes, frozenset({"id", "lane", "step"}))
        function = values.get("function")
        if function is not None and function not in bp.functions_by_id():
            raise EditError("unknown-function", f"There is no function '{function}'", "function")
        point = values.get("fail_point")
        if point is not None and point.owner is not None and point.owner not in bp.functions_by_id():
            raise EditError("unknown-function", f"There is no function '{point.owner}'", "fail_point")
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
