"""New cards, copies and pastes: every new element gets a fresh id, copies keep links among themselves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from blueprint.edit.document import Document
from blueprint.edit.operations.base import Batch, Operation
from blueprint.edit.operations.cards import AddCard
from blueprint.edit.operations.links import AddLink
from blueprint.model import Card, Link, fresh_id


def new_card(doc: Document, lane_id: str, step_id: str, title: str = "New card") -> Card:
    """A card with a fresh id in the cell (lane, step); push `AddCard(card)` to add it."""
    return Card(id=fresh_id("card", doc.blueprint.all_ids()), lane=lane_id, step=step_id, title=title)


def copy_cards(doc: Document, card_ids: Iterable[str]) -> dict[str, Any]:
    """The cards and the links among them as plain JSON data (for the clipboard)."""
    wanted = set(card_ids)
    cards = [card.model_dump(mode="json") for card in doc.blueprint.cards if card.id in wanted]
    links = [
        link.model_dump(mode="json")
        for link in doc.blueprint.links
        if link.source in wanted and link.target in wanted
    ]
    lanes, steps = _indexes(doc)
    places = {c["id"]: [lanes.get(c["lane"], 0), steps.get(c["step"], 0)] for c in cards}
    return {"cards": cards, "links": links, "places": places}


def _indexes(doc: Document) -> tuple[dict[str, int], dict[str, int]]:
    """Lane id -> row, step id -> column (across stages)."""
    bp = doc.blueprint
    return {lane.id: i for i, lane in enumerate(bp.lanes)}, {
        s.id: i for i, (_, s) in enumerate(bp.all_steps())
    }


def _spread(doc: Document, payload: dict[str, Any], lane_id: str, step_id: str) -> dict[str, tuple[str, str]]:
    """Cell of each copied card when the block's top-left cell goes to (lane_id, step_id).

    Each card keeps its lanes and steps offset from the top-most lane and left-most step of the copied
    cards (from the copy's `places`, else this document's lanes and steps), clamped to the grid.
    """
    bp = doc.blueprint
    lanes, steps = _indexes(doc)
    lane_order = [lane.id for lane in bp.lanes]
    step_order = [step.id for _, step in bp.all_steps()]
    places = payload.get("places") or {}
    cells = {}
    for raw in payload.get("cards", []):
        place = places.get(raw["id"]) or [lanes.get(raw["lane"], 0), steps.get(raw["step"], 0)]
        cells[raw["id"]] = (int(place[0]), int(place[1]))
    if not cells:
        return {}
    top, left = min(r for r, _ in cells.values()), min(c for _, c in cells.values())
    row0, col0 = lanes.get(lane_id, 0), steps.get(step_id, 0)
    return {
        card_id: (
            lane_order[min(max(row0 + row - top, 0), len(lane_order) - 1)],
            step_order[min(max(col0 + col - left, 0), len(step_order) - 1)],
        )
        for card_id, (row, col) in cells.items()
    }


def paste_cards(
    doc: Document,
    payload: dict[str, Any],
    lane_id: str | None = None,
    step_id: str | None = None,
    *,
    keep_offsets: bool = False,
) -> Batch:
    """An operation adding copies of `payload` (from `copy_cards`) with fresh ids.

    With a target cell every copy goes there, or with `keep_offsets` the copies keep their offsets
    from the block's top-left cell, which goes to the target (as a spreadsheet pastes a range);
    without one, copies keep their lane and step when they exist here (else the first lane and step).
    Unknown functions are dropped. The new card ids are `pasted_card_ids(batch)`.
    """
    bp = doc.blueprint
    lanes = {lane.id for lane in bp.lanes}
    steps = [step.id for _, step in bp.all_steps()]
    functions = {function.id for function in bp.functions}
    taken = set(bp.all_ids())
    fresh: dict[str, str] = {}
    ops: list[Operation] = []
    spread = _spread(doc, payload, lane_id, step_id) if keep_offsets and lane_id and step_id else {}
    for raw in payload.get("cards", []):
        new_id = fresh_id("card", taken)
        taken.add(new_id)
        fresh[raw["id"]] = new_id
        lane = lane_id or (raw["lane"] if raw["lane"] in lanes else (bp.lanes[0].id if bp.lanes else ""))
        step = step_id or (raw["step"] if raw["step"] in steps else (steps[0] if steps else ""))
        lane, step = spread.get(raw["id"], (lane, step))
        function = raw.get("function") if raw.get("function") in functions else None
        card = Card.model_validate({**raw, "id": new_id, "lane": lane, "step": step, "function": function})
        ops.append(AddCard(card))
    for raw in payload.get("links", []):
        if raw["source"] in fresh and raw["target"] in fresh:
            new_id = fresh_id("link", taken)
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
