"""The cards and routes of a layout that a rectangle of the page meets, found from its columns and
lanes, not by a look at every shape.

Why: after a lane shift at 40,000 cards the canvas leaves ~18,000 items behind (they catch up a chunk
per turn after the paint); a view scrolled right then must bring up to date those it can show, and
asking each one took 60-80 ms. A card lies in its cell (lane x step), so the cells of the columns and
lanes the rectangle meets hold every card it can meet; a route runs between its two cards' columns
and the gutters beside them, so the layout's index of links by column (`edit_state.LinksOfLanes`)
holds every route it can meet. Both answers are exact: the shapes found are tested against the
rectangle.
"""

from __future__ import annotations

from blueprint.layout import metrics as m
from blueprint.layout.edit_state import EditState
from blueprint.layout.shapes import Layout

#: (left, top, right, bottom) in page points.
Rect = tuple[float, float, float, float]


def _columns(left: float, right: float, count: int) -> range:
    """The columns `left`..`right` meets, with one more on each side (a gutter is shared)."""
    first = int((left - m.LANE_HEADER_WIDTH) // m.COLUMN_WIDTH) - 1
    last = int((right - m.LANE_HEADER_WIDTH) // m.COLUMN_WIDTH) + 1
    return range(max(0, first), min(count - 1, last) + 1)


def cards_meeting(layout: Layout, rect: Rect) -> list[str]:
    """The ids of the cards whose box meets `rect` (edges touching count)."""
    left, top, right, bottom = rect
    steps, cells, cards = layout.steps, layout.cells, layout.cards
    columns = _columns(left, right, len(steps))
    found: list[str] = []
    for lane in layout.lanes:
        band = lane.band
        if band.y > bottom or band.y + band.h < top:
            continue
        lane_id = lane.lane_id
        for i in columns:
            cell = cells.get((lane_id, steps[i].step_id))
            if cell is None:
                continue
            for card_id in cell.card_ids:
                b = cards[card_id].box
                if b.x <= right and b.x + b.w >= left and b.y <= bottom and b.y + b.h >= top:
                    found.append(card_id)
    return found


def route_candidates(layout: Layout, rect: Rect) -> list[str] | None:
    """The ids of the links whose routes can meet `rect` (a superset, from the index of links by
    column); None when the layout keeps no such index in step with its routes (a full layout before
    `prepare_for_edits`, a preview)."""
    state = layout.edit_state
    lanes = state.lanes if isinstance(state, EditState) else None
    if lanes is None or lanes.routes is not layout.routes:
        return None
    columns = _columns(rect[0], rect[2], len(layout.steps))
    if not columns:
        return []
    return lanes.near(columns.start, columns.stop - 1)
