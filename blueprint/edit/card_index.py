"""Where each card is: by id, its array position, and the cards of each cell in order.

Kept by the Document so that moving a card costs O(cards in the two cells + cards between its old
and new array positions), not a scan of the document. Operations that add or remove elements
invalidate it; it is rebuilt lazily on the next look-up.
"""

from __future__ import annotations

from blueprint.model import Blueprint, Card

Cell = tuple[str, str]


class CardIndex:
    def __init__(self, bp: Blueprint) -> None:
        self.bp = bp
        self._built = False
        self._cards: dict[str, Card] = {}
        self._positions: dict[str, int] = {}
        self._cells: dict[Cell, list[str]] = {}

    def invalidate(self) -> None:
        self._built = False

    def _build(self) -> None:
        self._cards, self._positions, self._cells = {}, {}, {}
        for i, card in enumerate(self.bp.cards):
            self._cards[card.id] = card
            self._positions[card.id] = i
            self._cells.setdefault((card.lane, card.step), []).append(card.id)
        self._built = True

    def card(self, card_id: str) -> Card | None:
        if not self._built:
            self._build()
        return self._cards.get(card_id)

    def position(self, card_id: str) -> int:
        if not self._built:
            self._build()
        return self._positions[card_id]

    def cell(self, lane_id: str, step_id: str) -> list[str]:
        """Ids of the cell's cards, top to bottom (do not modify)."""
        if not self._built:
            self._build()
        return self._cells.get((lane_id, step_id), [])

    def move(self, card: Card, lane_id: str, step_id: str, new_position: int, cell_index: int) -> None:
        """Move `card` in the array to `new_position` and into the cell at `cell_index`; keep the index."""
        cards, positions = self.bp.cards, self._positions
        old_position = positions[card.id]
        old_cell = self._cells[(card.lane, card.step)]
        old_cell.remove(card.id)
        if not old_cell:
            del self._cells[(card.lane, card.step)]
        del cards[old_position]
        cards.insert(new_position, card)
        low, high = min(old_position, new_position), max(old_position, new_position)
        for i in range(low, high + 1):
            positions[cards[i].id] = i
        card.lane, card.step = lane_id, step_id
        self._cells.setdefault((lane_id, step_id), []).insert(cell_index, card.id)
