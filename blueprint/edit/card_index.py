"""Where each card and link is: by id, its array position, the cards of each cell and the links of each
card, in order.

Kept by the Document so that an edit costs what it touches, not what the document holds: moving a card
costs O(cards in the two cells + cards between its old and new array positions), and adding or
removing cards and links updates the index in place (the operations that do say so with
`Operation.keeps_index`). Array positions after an insertion or removal in the middle are brought up
to date lazily, in C, when one of them is next asked for. Any other operation that adds or removes
elements (lanes, stages, steps, functions, plans, views) invalidates the index; it is rebuilt on the
next look-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

from blueprint.model import Blueprint, Card, Link

_ID = attrgetter("id")
_CELL = attrgetter("lane", "step")

Cell = tuple[str, str]


class _Positions:
    """Array positions of the elements of one list by id, right below `settled` (entries at or beyond
    it may be stale after an insertion or removal there, and are rewritten when one is asked for)."""

    __slots__ = ("items", "of", "settled")

    def __init__(self, items: list) -> None:  # type: ignore[type-arg]
        self.items = items
        self.of: dict[str, int] = dict(zip(map(_ID, items), range(len(items)), strict=True))
        self.settled = len(items)

    def __getitem__(self, element_id: str) -> int:
        position = self.of[element_id]
        if position < self.settled:
            return position
        start, items = self.settled, self.items
        self.of.update(zip(map(_ID, items[start:]), range(start, len(items)), strict=True))
        self.settled = len(items)
        return self.of[element_id]

    def changed_at(self, position: int) -> None:
        """An element was inserted at or removed from `position`: the ones after it moved."""
        if position < self.settled:
            self.settled = position

    def inserted(self, element_id: str, position: int) -> None:
        self.changed_at(position)
        self.of[element_id] = position

    def removed(self, element_id: str, position: int) -> None:
        self.changed_at(position)
        del self.of[element_id]


class CardIndex:
    """See the module's docstring."""

    def __init__(self, bp: Blueprint) -> None:
        self.bp = bp
        self._built = False
        self._cards: dict[str, Card] = {}
        self._positions = _Positions([])
        self._cells: dict[Cell, list[str]] = {}
        self._links: dict[str, Link] | None = None
        self._link_positions = _Positions([])
        self._links_of: dict[str, list[Link]] = {}
        self._ids: set[str] | None = None

    def invalidate(self) -> None:
        self._built = False
        self._links = None
        self._ids = None

    def _build(self) -> None:
        cards = self.bp.cards
        ids = list(map(_ID, cards))  # the dicts are made in C: a few ms at 40,000 cards
        self._cards = dict(zip(ids, cards, strict=True))
        self._positions = _Positions(cards)
        cells: dict[Cell, list[str]] = {}
        setdefault = cells.setdefault
        for key, card_id in zip(map(_CELL, cards), ids, strict=True):
            setdefault(key, []).append(card_id)
        self._cells = cells
        self._built = True

    def _build_links(self) -> dict[str, Link]:
        links = self.bp.links
        self._links = dict(zip(map(_ID, links), links, strict=True))
        self._link_positions = _Positions(links)
        index: dict[str, list[Link]] = {}
        for link in links:
            index.setdefault(link.source, []).append(link)
            if link.target != link.source:
                index.setdefault(link.target, []).append(link)
        self._links_of = index
        return self._links

    def id_taken(self, element_id: str) -> bool:
        """True when any element of the document has `element_id` (as `Blueprint.all_ids` says: cards,
        links, lanes, stages, steps, functions, improvements, views) without building that set on
        every call."""
        if self.card(element_id) is not None or self.link(element_id) is not None:
            return True
        if self._ids is None:
            bp = self.bp
            ids = set(map(_ID, bp.lanes))
            ids.update(map(_ID, bp.functions))
            ids.update(map(_ID, bp.improvements))
            ids.update(map(_ID, bp.views))
            ids.update(map(_ID, bp.stages))
            for stage in bp.stages:
                ids.update(map(_ID, stage.steps))
            self._ids = ids
        return element_id in self._ids

    # --- cards --------------------------------------------------------------------------------------

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
        of = positions.of
        for i in range(low, high + 1):
            of[cards[i].id] = i
        card.lane, card.step = lane_id, step_id
        self._cells.setdefault((lane_id, step_id), []).insert(cell_index, card.id)

    def cards_added(self, placed: Iterable[tuple[int, Card]]) -> None:
        """These cards were inserted into the array at these positions (ascending, as `Restore` puts
        them back)."""
        if not self._built:
            return
        cards, positions = self.bp.cards, self._positions
        for position, card in placed:
            self._cards[card.id] = card
            positions.inserted(card.id, position)
            cell = self._cells.setdefault((card.lane, card.step), [])
            _insert_in_order(cell, card.id, lambda other: positions[other], position, len(cards))

    def cards_removed(self, taken: Iterable[tuple[int, Card]]) -> None:
        """These cards were taken out of the array from these positions (ascending)."""
        if not self._built:
            return
        for position, card in taken:
            del self._cards[card.id]
            self._positions.removed(card.id, position)
            key = (card.lane, card.step)
            cell = self._cells.get(key)
            if cell is not None:
                cell.remove(card.id)
                if not cell:
                    del self._cells[key]

    # --- links --------------------------------------------------------------------------------------

    def link(self, link_id: str) -> Link | None:
        links = self._links if self._links is not None else self._build_links()
        return links.get(link_id)

    def link_position(self, link_id: str) -> int:
        if self._links is None:
            self._build_links()
        return self._link_positions[link_id]

    def links_of(self, card_id: str) -> list[Link]:
        """Links that start or end at the card, in file order (do not modify)."""
        if self._links is None:
            self._build_links()
        return self._links_of.get(card_id, [])

    def links_added(self, placed: Iterable[tuple[int, Link]]) -> None:
        """These links were inserted into the array at these positions (ascending)."""
        if self._links is None:
            return
        links, positions = self.bp.links, self._link_positions
        for position, link in placed:
            self._links[link.id] = link
            positions.inserted(link.id, position)
            for end in dict.fromkeys((link.source, link.target)):
                mine = self._links_of.setdefault(end, [])
                _insert_in_order(mine, link, lambda other: positions[other.id], position, len(links))

    def links_removed(self, taken: Iterable[tuple[int, Link]]) -> None:
        """These links were taken out of the array from these positions (ascending)."""
        if self._links is None:
            return
        for position, link in taken:
            del self._links[link.id]
            self._link_positions.removed(link.id, position)
            for end in dict.fromkeys((link.source, link.target)):
                mine = self._links_of.get(end)
                if mine is not None:
                    at = next((k for k, other in enumerate(mine) if other is link), None)
                    if at is not None:
                        del mine[at]
                    if not mine:
                        del self._links_of[end]


def _insert_in_order(
    items: list[Any], new: object, position_of: Callable[[Any], int], position: int, total: int
) -> None:
    """Insert `new`, now at array `position` of `total` elements, into `items` (kept in array order):
    before the first one that comes after it in the array. The last element of the array goes last
    without looking at the others."""
    if position == total - 1 or not items:
        items.append(new)
        return
    at = next((k for k, other in enumerate(items) if position_of(other) > position), len(items))
    items.insert(at, new)
