"""Where each card is: by id, its array position, and the cards of each cell in order.

Kept by the Document so that moving a card costs O(cards in the two cells + cards between its old
and new array positions), not a scan of the document. Operations that add or remove elements
invalidate it; it is rebuilt lazily on the next look-up.
"""

from __future__ import annotations

from operator import attrgetter

from blueprint.model import Blueprint, Card

_ID = attrgetter("id")
_CELL = attrgetter("lane", "step")

Cell = tuple[str, str]


class CardIndex:
    def __init__(self, bp: Blueprint) -> None:
        self.bp = bp
        self._built = False
        self._cards: dict[str, Card] = {}
        self._positions: dict[str, int] = {}
        self._cells: dict[Cell, list[str]] = {}
        self._ids: set[str] | None = None

    def invalidate(self) -> None:
        self._built = False
        self._ids = None

    def _build(self) -> None:
        cards = self.bp.cards
        ids = list(map(_ID, cards))  # the dicts are made in C: a few ms at 40,000 cards
        self._cards = dict(zip(ids, cards, strict=True))
        self._positions = dict(zip(ids, range(len(ids)), strict=True))
        cells: dict[Cell, list[str]] = {}
        setdefault = cells.setdefault
        for key, card_id in zip(map(_CELL, cards), ids, strict=True):
            setdefault(key, []).append(card_id)
        self._cells = cells
        self._built = True

    def id_taken(self, element_id: str) -> bool:
        """True when any element of the document has `element_id` (as `Blueprint.all_ids` says: cards,
        links, lanes, stages, steps, functions, improvements, views) without building that set on
        every call."""
        if self.card(element_id) is not None:
            return True
        if self._ids is None:
            bp = self.bp
            ids = set(map(_ID, bp.links))
            ids.update(map(_ID, bp.lanes))
            ids.update(map(_ID, bp.functions))
            ids.update(map(_ID, bp.improvements))
            ids.update(map(_ID, bp.views))
            ids.update(map(_ID, bp.stages))
            for stage in bp.stages:
                ids.update(map(_ID, stage.steps))
            self._ids = ids
        return element_id in self._ids

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
