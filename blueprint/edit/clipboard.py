"""New cards, copies and pastes: every new element gets a fresh id, copies keep links among themselves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from blueprint.edit.document import Document
from blueprint.edit.operations.base import Batch, Operation
from blueprint.edit.operations.cards import AddCard
from blueprint.edit.operations.links import AddLink
from blueprint.model import Card, Link, unique_id


def new_card(doc: Document, lane_id: str, step_id: str, title: str = "New card") -> Card:
    """A card with a fresh id in the cell (lane, step); push `AddCard(card)` to add it."""
    return Card(id=unique_id("card", doc.blueprint.all_ids()), lane=lane_id, step=step_id, title=title)


def copy_cards(doc: Document, card_ids: Iterable[str]) -> dict[str, Any]:
    """The cards and the links among them as plain JSON data (for the clipboard)."""
    wanted = set(card_ids)
    cards = [card.model_dump(mode="json") for card in doc.blueprint.cards if card.id in wanted]
    links = [
        link.model_dump(mode="json")
        for link in doc.blueprint.links
        if link.source in wanted and link.target in wanted
    ]
    return {"cards": cards, "links": links}


def paste_cards(
    doc: Document, payload: dict[str, Any], lane_id: str | None = None, step_id: str | None = None
) -> Batch:
    """An operation adding copies of `payload` (from `copy_cards`) with fresh ids.

    With a target cell every copy goes there; otherwise copies keep their lane and step when they
    exist here (else the first lane and step). Unknown functions are dropped. The new card ids are
    `pasted_card_ids(batch)`.
    """
    bp = doc.blueprint
    lanes = {lane.id for lane in bp.lanes}
    steps = [step.id for _, step in bp.all_steps()]
    functions = {function.id for function in bp.functions}
    taken = set(bp.all_ids())
    fresh: dict[str, str] = {}
    ops: list[Operation] = []
    for raw in payload.get("cards", []):
        new_id = unique_id("card", taken)
        taken.add(new_id)
        fresh[raw["id"]] = new_id
        lane = lane_id or (raw["lane"] if raw["lane"] in lanes else (bp.lanes[0].id if bp.lanes else ""))
        step = step_id or (raw["step"] if raw["step"] in steps else (steps[0] if steps else ""))
        function = raw.get("function") if raw.get("function") in functions else None
        card = Card.model_validate({**raw, "id": new_id, "lane": lane, "step": step, "function": function})
        ops.append(AddCard(card))
    for raw in payload.get("links", []):
        if raw["source"] in fresh and raw["target"] in fresh:
            new_id = unique_id("link", taken)
            taken.add(new_id)
            link = {**raw, "id": new_id, "source": fresh[raw["source"]], "target": fresh[raw["target"]]}
            ops.append(AddLink(Link.model_validate(link)))
    count = len(fresh)
    return Batch(ops, text="Paste card" if count == 1 else f"Paste {count} cards")


def duplicate_cards(doc: Document, card_ids: Iterable[str]) -> Batch:
    """Copies of the cards in their own cells, right after the originals' cells, with their links."""
    batch = paste_cards(doc, copy_cards(doc, card_ids))
    batch.text = batch.text.replace("Paste", "Duplicate")
    return batch


def pasted_card_ids(batch: Batch) -> list[str]:
    """Ids of the cards a paste or duplicate adds (to select them)."""
    return [op.card.id for op in batch.ops if isinstance(op, AddCard)]
