"""The layout after a lane-shifting edit, exact where the views look: what the editor repaints at once.

A card move that makes a lane taller or shorter moves everything below that lane across the whole
width of the blueprint: at 5,000 cards about 1,000 cards and 1,300 routes, of which some 900 are
stretched across the lane and routed again, and every link label is kept apart again. The views show
a few columns of it. `preview` gives a layout that is exact within `sight` (the lanes, the headers,
and every card, cell and route whose old or new place meets the sight) and holds the previous
layout's shapes everywhere else; the editor paints it, and the exact `relayout` follows off the UI
thread (`docs/editor.md`).

`within_sight` cuts an exact layout to a sight in the same way: it is what `preview` must equal, and
what the tests compare it with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from blueprint.layout.engine import DocumentIndex, compute_layout
from blueprint.layout.label_memo import MemoSlot
from blueprint.layout.shapes import Box, Layout

Sight = tuple[float, float, float, float]  # left, top, right, bottom (scene points)


def box_meets(b: Box, sight: Sight) -> bool:
    """`b` meets `sight` (edges included), as the canvas asks it of a card."""
    left, top, right, bottom = sight
    return b.x <= right and b.x + b.w >= left and b.y <= bottom and b.y + b.h >= top


def points_meet(points: tuple[tuple[float, float], ...], sight: Sight) -> bool:
    """The bounds of a route's points meet `sight`, as the canvas asks it of a link."""
    if not points:
        return False
    left, top, right, bottom = sight
    xs = [x for x, _ in points]
    if min(xs) > right or max(xs) < left:
        return False
    ys = [y for _, y in points]
    return min(ys) <= bottom and max(ys) >= top


def preview(
    doc: object,
    previous: Layout,
    changed_ids: Iterable[str],
    sight: Sight,
    *,
    index: DocumentIndex,
) -> Layout | None:
    """The layout of `doc` after an edit of `previous` that changed only the cards `changed_ids` (as
    `relayout(doc, previous, changed_ids, index=index, same_frame=True)` takes it), exact within
    `sight` (see `within_sight`); None when the edit changed no lane's height, or added, removed or
    changed anything but existing cards: then `relayout` is as quick. Leaves `previous` as it is.

    This first version is the reference: it lays the whole document out again."""
    changed = set(changed_ids)
    if not changed or any(index.card(i) is None or i not in previous.cards for i in changed):
        return None
    return within_sight(previous, compute_layout(doc), sight)  # type: ignore[arg-type]


def within_sight(previous: Layout, exact: Layout, sight: Sight) -> Layout | None:
    """`exact` where `sight` looks and `previous` elsewhere: its lanes, lines, headers, size and
    emotion row; for cards, cells and routes, `exact`'s shape where the old or the new one meets
    `sight`, `previous`'s otherwise. None when no lane changed its place or height, or the two do not
    hold the same cards and links. `renewed_cards` and `renewed_routes` name the shapes that differ
    from `previous`'s; the result has no label memo and no edit state (a `relayout` from it would
    lay everything out again)."""
    if [band.band for band in exact.lanes] == [band.band for band in previous.lanes]:
        return None
    if exact.cards.keys() != previous.cards.keys() or exact.routes.keys() != previous.routes.keys():
        return None
    cards = dict(previous.cards)
    renewed_cards: set[str] = set()
    for card_id, new in exact.cards.items():
        old = cards[card_id]
        if old != new and (box_meets(old.box, sight) or box_meets(new.box, sight)):
            cards[card_id] = new
            renewed_cards.add(card_id)
    routes = dict(previous.routes)
    renewed_routes: set[str] = set()
    for link_id, route in exact.routes.items():
        old_route = routes[link_id]
        if old_route != route and (points_meet(old_route.points, sight) or points_meet(route.points, sight)):
            routes[link_id] = route
            renewed_routes.add(link_id)
    cells = dict(previous.cells)
    for key, cell in exact.cells.items():
        old_cell = cells.get(key)
        if old_cell != cell and (
            old_cell is None or box_meets(old_cell.box, sight) or box_meets(cell.box, sight)
        ):
            cells[key] = cell
    return replace(
        exact,
        cards=cards,
        routes=routes,
        cells=cells,
        renewed_cards=frozenset(renewed_cards),
        renewed_routes=frozenset(renewed_routes),
        label_memo=MemoSlot(),
        edit_state=None,
    )
