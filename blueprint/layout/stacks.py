"""The stacks of cards in a lane's cells (top to bottom in document order) and how tall they are.

A full layout groups every card. After an edit that added, removed and reordered no card, only the
cells the changed cards left or joined are grouped again; every other cell keeps its previous stack
and height (read off its first and last card), which spares a pass over all cards per edit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

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
    lanes: set[str],
    steps: list[str],
    all_ids: list[str],
) -> dict[Key, tuple[str, ...]]:
    """`grouped` for an edit that added, removed and reordered no card (so `fresh` are the changed
    cards and `all_ids` is in the previous order): cells untouched by the edit keep their stacks."""
    old_cards, old_cells = previous.cards, previous.cells
    affected = {(old_cards[i].lane_id, old_cards[i].step_id) for i in changed if i in old_cards}
    arriving: dict[Key, list[str]] = {}
    for card in fresh:
        arriving.setdefault((card.lane, card.step), []).append(card.id)
    affected.update(arriving)
    stacks: dict[Key, tuple[str, ...]] = {}
    for lane_id in lanes:
        for step_id in steps:
            key = (lane_id, step_id)
            ids = old_cells[key].card_ids
            if key in affected:
                kept = [i for i in ids if i not in changed] + arriving.get(key, [])
                ids = tuple(sorted(kept, key=all_ids.index)) if len(kept) > 1 else tuple(kept)
            if ids:
                stacks[key] = ids
    return stacks


def heights(
    stacks: dict[Key, tuple[str, ...]],
    height_of: Callable[[str], float],
    lane_ids: list[str],
    previous: Layout | None,
    fresh: set[str],
) -> dict[str, float]:
    """The tallest stack of every lane (0 for a lane without cards). A stack of cards that all kept
    their place is as tall as before: from its first card's top to its last card's bottom."""
    tallest = dict.fromkeys(lane_ids, 0.0)
    old_cells = previous.cells if previous is not None else {}
    old_cards = previous.cards if previous is not None else {}
    for key, ids in stacks.items():
        old = old_cells.get(key)
        if old is not None and old.card_ids == ids and not any(i in fresh for i in ids):
            h = old_cards[ids[-1]].box.bottom - old_cards[ids[0]].box.y
        else:
            h = sum(height_of(i) for i in ids) + m.CARD_GAP * (len(ids) - 1)
        if h > tallest[key[0]]:
            tallest[key[0]] = h
    return tallest
