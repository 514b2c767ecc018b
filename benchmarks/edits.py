"""The kinds of edit the benchmark times in the real editor, besides card moves (see `stages.sample_moves`).

Each kind makes, for run number `run`, one operation as the canvas or the Inspector would push it, on a
card a quarter, half or three quarters into the document (so the edit lands in the middle of a big
blueprint, not at its cheap edges). The runner pushes it, times it to the repaint, then undoes it
(untimed), so every run starts from the same document.

A new kind of edit is one more `EditKind` in `KINDS`: the table gets its row by itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from blueprint.edit import AddCard, AddLink, Document, Operation, RemoveCards, SetCardFields, new_card
from blueprint.model import Link


@dataclass(frozen=True)
class EditKind:
    """One row of the table: `make(document, run)` gives the operation to push and the card to look at."""

    key: str
    name: str
    make: Callable[[Document, int], tuple[Operation, str]]


def _card_at(document: Document, run: int, linked: bool = False) -> str:
    """A card a quarter, half or three quarters into the document (by run), optionally one with links."""
    cards = document.blueprint.cards
    start = len(cards) * (run % 3 + 1) // 4
    for card in cards[start:] + cards[:start]:
        if not linked or document.links_of(card.id):
            return card.id
    return cards[start].id


def _add(document: Document, run: int) -> tuple[Operation, str]:
    near = document.card(_card_at(document, run))
    assert near is not None
    card = new_card(document, near.lane, near.step, f"Checks the new request {run}")
    return AddCard(card), near.id


def _delete(document: Document, run: int) -> tuple[Operation, str]:
    card_id = _card_at(document, run, linked=True)
    return RemoveCards((card_id,)), card_id


def _rename(document: Document, run: int) -> tuple[Operation, str]:
    card_id = _card_at(document, run)
    card = document.card(card_id)
    assert card is not None
    return SetCardFields(card_id, {"title": card.title.rstrip(".") + " again"}), card_id


def _link(document: Document, run: int) -> tuple[Operation, str]:
    """A hand-off from a card to the first card two steps on in its lane below (as drawn with the mouse)."""
    source = document.card(_card_at(document, run))
    assert source is not None
    cards = document.blueprint.cards
    start = document.cards.position(source.id) + 1
    target = next(
        (c for c in cards[start : start + 200] if c.lane != source.lane and c.step != source.step), cards[0]
    )
    ids = document.blueprint.all_ids()
    link_id = next(f"bench-link-{k}" for k in range(run, run + 1000) if f"bench-link-{k}" not in ids)
    return AddLink(Link(id=link_id, source=source.id, target=target.id, label="passes the file")), source.id


def _function(document: Document, run: int) -> tuple[Operation, str]:
    card_id = _card_at(document, run)
    card = document.card(card_id)
    assert card is not None
    functions = document.blueprint.functions
    other = next(f.id for f in functions[run % len(functions) :] + functions if f.id != card.function)
    return SetCardFields(card_id, {"function": other}), card_id


KINDS = [
    EditKind("add", "  add a card", _add),
    EditKind("delete", "  delete a card (and its links)", _delete),
    EditKind("rename", "  rename a card", _rename),
    EditKind("link", "  link two cards", _link),
    EditKind("function", "  change a card's function", _function),
]
