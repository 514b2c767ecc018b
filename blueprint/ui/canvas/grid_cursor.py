"""Where the keyboard is on the grid, and where an arrow key takes it (no Qt here).

A place is a cell ("cell", (lane id, step id)) or a header ("lane" | "step" | "stage", id). From a cell,
Ctrl+arrows go cell by cell; up from the first lane reaches the step's header and then its stage's;
left from the first step reaches the lane's name. So a designer can reach every cell and every header
without the mouse: to add a card there, rename, reorder or open its menu.
"""

from __future__ import annotations

from typing import Any

from blueprint.edit import Document
from blueprint.model import Blueprint

Place = tuple[str, Any]
Direction = tuple[int, int]


def place_of(document: Document, ids: tuple[str, ...], cell: tuple[str, str] | None) -> Place | None:
    """Where the keyboard is: the last selected element (a card or a link stands for its cell), else
    the cell chosen last (still in the grid), else nowhere."""
    for element_id in reversed(ids):
        kind = document.kind_of(element_id)
        if kind in ("lane", "stage", "step"):
            return (kind, element_id)
        card = document.card(element_id)
        if card is None and kind == "link":
            card = document.card(document.link(element_id).source)  # type: ignore[union-attr]
        if card is not None:
            return ("cell", (card.lane, card.step))
    if cell is not None and in_grid(document.blueprint, cell):
        return ("cell", cell)
    return None


def header_ids(bp: Blueprint, kind: str) -> list[str]:
    """The ids of the lanes, stages or steps (`kind`), in the order they are drawn."""
    if kind == "lane":
        return [lane.id for lane in bp.lanes]
    if kind == "stage":
        return [stage.id for stage in bp.stages]
    return [step.id for _, step in bp.all_steps()]


def in_grid(bp: Blueprint, cell: tuple[str, str]) -> bool:
    return cell[0] in bp.lanes_by_id() and cell[1] in bp.stage_of_step()


def first_cell(bp: Blueprint) -> tuple[str, str] | None:
    """Where a card goes when nothing says where: the first customer lane (else the first lane) in the
    first step."""
    steps = bp.all_steps()
    if not bp.lanes or not steps:
        return None
    lane = next((lane for lane in bp.lanes if lane.kind == "customer"), bp.lanes[0])
    return (lane.id, steps[0][1].id)


def neighbour(bp: Blueprint, place: Place, direction: Direction) -> Place | None:
    """The place one step in `direction` ((-1, 0) left, (1, 0) right, (0, -1) up, (0, 1) down)."""
    lanes, steps, stages = (header_ids(bp, kind) for kind in ("lane", "step", "stage"))
    dx, dy = direction
    kind, value = place
    if kind == "cell":
        lane, step = value
        if lane not in lanes or step not in steps:
            return None
        li, si = lanes.index(lane) + dy, steps.index(step) + dx
        if li < 0:
            return ("step", step)
        if si < 0:
            return ("lane", lane)
        return ("cell", (lanes[li], steps[si])) if li < len(lanes) and si < len(steps) else None
    if kind == "step":
        if dy > 0:
            return ("cell", (lanes[0], value)) if lanes else None
        if dy < 0:
            return ("stage", bp.stage_of_step()[value].id)
        return _along(steps, value, dx, "step")
    if kind == "stage":
        if dy > 0:
            stage = next(s for s in bp.stages if s.id == value)
            return ("step", stage.steps[0].id) if stage.steps else None
        if dy < 0:
            return None
        return _along(stages, value, dx, "stage")
    if kind == "lane":
        if dy:
            return _along(lanes, value, dy, "lane")
        return ("cell", (value, steps[0])) if dx > 0 and steps else None
    return None


def _along(ids: list[str], value: str, delta: int, kind: str) -> Place | None:
    index = ids.index(value) + delta
    return (kind, ids[index]) if 0 <= index < len(ids) else None
