"""The stacks of cards in a lane's cells (top to bottom in document order) and how tall they are.

A full layout groups every card. After an edit that added, removed and reordered no card, only the
cells the changed cards left or joined are grouped again; every other cell keeps its previous stack
and height (read off its first and last card), which spares a pass over all cards per edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from blueprint.layout import metrics as m
from blueprint.layout.shapes import Layout
from blueprint.model import Card

Key = tuple[str, str]  # (lane id, step id)


def grouped(cards: Iterable[Card], lanes: set[str] | None) -> dict[Key, tuple[str, ...]]:
    """The card ids of every cell of `lanes` (all lanes when None), in document order."""
    stacks: dict[Key, list[str]] = {}
    for card in cards:
        if lanes is None or card.lane in lanes:
            stacks.setdefault((card.lane, card.step), []).append(card.id)
    return {key: tuple(ids) for key, ids in stacks.items()}


def regrouped(
    previous: Layout,
    fresh: list[Card],
    changed: set[str],
    all_ids: list[str],
    cell_of: Callable[[str, str], Sequence[str]] | None = None,
) -> dict[Key, tuple[str, ...]]:
    """The stacks of the cells an edit regrouped: the cells its cards left or joined, an emptied one
    as (). Every other cell keeps its previous stack. `cell_of(lane, step)` gives a cell's cards in
    order when the caller keeps them; else the edit added, removed and reordered no card (so `fresh`
    are the changed cards and `all_ids` is in the previous order)."""
    old_cards, old_cells = previous.cards, previous.cells
    affected = {(old_cards[i].lane_id, old_cards[i].step_id) for i in changed if i in old_cards}
    arriving: dict[Key, list[str]] = {}
    for card in fresh:
        arriving.setdefault((card.lane, card.step), []).append(card.id)
    affected.update(arriving)
    stacks: dict[Key, tuple[str, ...]] = {}
    if cell_of is not None:
        return {key: tuple(cell_of(*key)) for key in affected}
    for key in affected:
        old = old_cells.get(key)
        kept = [i for i in (old.card_ids if old is not None else ()) if i not in changed]
        kept += arriving.get(key, [])
        stacks[key] = tuple(sorted(kept, key=all_ids.index)) if len(kept) > 1 else tuple(kept)
    return stacks


def heights(
    stacks: dict[Key, tuple[str, ...]],
    height_of: Callable[[str], float],
    previous: Layout | None,
    fresh: set[str],
    base: dict[str, dict[str, float]] | None,
    lanes: Iterable[str],
) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """The stack height of every cell with cards, per lane, for `lanes` (the lanes `stacks` was made
    for), and the tallest stack of each (0 for a lane without cards). With `base` (the previous
    heights), `stacks` holds only the cells that changed: the others keep their height. A stack of
    cards that all kept their place is as tall as before: from its first card's top to its last
    card's bottom."""
    per_lane: dict[str, dict[str, float]] = {}
    old_cells = previous.cells if previous is not None else {}
    old_cards = previous.cards if previous is not None else {}
    for lane_id in lanes:
        per_lane[lane_id] = dict(base.get(lane_id, {})) if base is not None else {}
    for key, ids in stacks.items():
        cells = per_lane.get(key[0])
        if cells is None:
            continue
        if not ids:
            cells.pop(key[1], None)
            continue
        old = old_cells.get(key)
        if old is not None and old.card_ids == ids and not any(i in fresh for i in ids):
            h = old_cards[ids[-1]].box.bottom - old_cards[ids[0]].box.y
        else:
            h = sum(map(height_of, ids)) + m.CARD_GAP * (len(ids) - 1)
        cells[key[1]] = h
    tallest = {lane_id: max(cells.values(), default=0.0) for lane_id, cells in per_lane.items()}
    return per_lane, tallest
