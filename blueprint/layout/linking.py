"""The routes of a whole layout: all of them for a full layout, or, after an edit, only those that changed.

A route depends on its two cards' boxes, their columns (and their order in a column) and the channels
between them. After an edit most routes are the old ones, and when a lane grew or shrank, the routes
below it are the old ones moved down or up as a whole: `relayout` reuses or shifts those instead of
routing them again (routing costs about 20 times as much as a shift).
"""

from __future__ import annotations

from blueprint.layout import metrics as m
from blueprint.layout.grid import column_x
from blueprint.layout.label_memo import Memo
from blueprint.layout.labels import labels_apart
from blueprint.layout.routes import RoutingGrid, channel_of, points_between, route_of, shift_route
from blueprint.layout.shapes import CardBox, Cell, LaneBand, Layout, Route
from blueprint.model import Blueprint


def channels_of(lanes: tuple[LaneBand, ...] | list[LaneBand], lanes_bottom: float) -> tuple[float, ...]:
    """y of every horizontal channel: the top of each lane, and one below the last lane."""
    return (*(band.band.y + 3.0 for band in lanes), lanes_bottom + 3.0)


class _ColumnOrder:
    """A card's place in its column, top to bottom (made per column when first asked). Lanes are
    stacked in order and a cell's cards top to bottom, so the cells of a column, lane by lane, give
    the order without sorting."""

    def __init__(self, cells: dict[tuple[str, str], Cell], lane_ids: list[str]) -> None:
        self._cells = cells
        self._lane_ids = lane_ids
        self._order: dict[str, int] = {}

    def __call__(self, card: CardBox) -> int:
        order = self._order.get(card.card_id)
        if order is None:
            i = 0
            for lane_id in self._lane_ids:
                for card_id in self._cells[(lane_id, card.step_id)].card_ids:
                    self._order[card_id] = i
                    i += 1
            order = self._order[card.card_id]
        return order


def all_routes(
    doc: Blueprint,
    cards: dict[str, CardBox],
    cells: dict[tuple[str, str], Cell],
    bands: list[LaneBand],
    steps_index: dict[str, int],
    lanes_bottom: float,
    previous: Layout | None = None,
    dirty: set[str] | None = None,
) -> tuple[dict[str, Route], set[str], Memo | None]:
    """Every link's route, the ids of those that are not `previous`'s objects, and the memo of their
    labels if one is kept (see `label_memo`). With `previous`, a
    route whose cards are not in `dirty` (cards whose box changed other than by their lane's shift, and
    their column neighbours) is reused, or shifted when its cards and its channel all moved by the
    same amount."""
    channels = channels_of(bands, lanes_bottom)
    grid = RoutingGrid(tuple(column_x(i) for i in range(len(steps_index))), channels)
    lane_ids = [band.lane_id for band in bands]
    order = _ColumnOrder(cells, lane_ids)
    if previous is not None:
        lane_index = {lane_id: i for i, lane_id in enumerate(lane_ids)}
        old_channels = channels_of(previous.lanes, previous.height - m.BOTTOM_CHANNEL)
        shifts = [new - old for new, old in zip(channels, old_channels, strict=True)]
        nothing_moved = not any(shifts)
        old_routes = previous.routes
        old_grid = RoutingGrid(grid.column_x, old_channels)
    routes: dict[str, Route] = {}
    renewed: set[str] = set()
    #: (lane of the source, lane of the target) -> (their common shift, or None if they moved apart;
    #: whether every channel a route between them can use moved by that shift too)
    pairs: dict[tuple[str, str], tuple[float | None, bool]] = {}
    old_route = old_routes.get if previous is not None else None
    for link in doc.links:
        link_id, source_id, target_id = link.id, link.source, link.target
        if old_route is not None and source_id not in dirty and target_id not in dirty:  # type: ignore[operator]
            old = old_route(link_id)
            if (
                old is not None
                and old.source == source_id
                and old.target == target_id
                and old.label == link.label
                and old.kind == link.kind
            ):
                if nothing_moved:
                    routes[link_id] = old
                    continue
                s, t = cards[source_id], cards[target_id]
                lanes = (s.lane_id, t.lane_id)
                pair = pairs.get(lanes)
                if pair is None:
                    pair = pairs[lanes] = _pair(shifts, lane_index[lanes[0]], lane_index[lanes[1]])
                dy, alike = pair
                if dy is not None and (
                    alike
                    or abs(steps_index[s.step_id] - steps_index[t.step_id]) < 2  # no channel run
                    or _same_channel(link_id, s, t, dy, grid, old_grid, previous.cards)  # type: ignore[union-attr]
                ):
                    if dy == 0:
                        routes[link_id] = old
                    else:
                        routes[link_id] = shift_route(old, dy)
                        renewed.add(link_id)
                    continue
        s, t = cards[source_id], cards[target_id]
        fs, ft = s.function_id, t.function_id
        points = points_between(
            link_id, s.box, steps_index[s.step_id], order(s), t.box, steps_index[t.step_id], order(t), grid
        )
        routes[link_id] = route_of(
            link_id,
            source_id,
            target_id,
            points,
            link.label,
            link.kind,
            fs is not None and ft is not None and fs != ft,
        )
        renewed.add(link_id)
    memo = labels_apart(
        routes,
        cards,
        cells,
        lane_ids,
        list(steps_index),
        renewed,
        previous.routes if previous is not None else None,
        previous.cards if previous is not None else None,
        previous.label_memo.memo if previous is not None and previous.label_memo is not None else None,  # type: ignore[attr-defined]
    )
    return routes, renewed, memo


def _pair(shifts: list[float], a: int, b: int) -> tuple[float | None, bool]:
    """For a route between lanes `a` and `b`: the shift both lanes moved by (None if they moved by
    different amounts: the route must be routed again), and whether every channel such a route can
    run in (the tops of the lanes from the upper one to the one below the lower one, or the bottom
    channel) moved by it too. Then the route runs in the channel it ran in, moved by the shift (a cheap
    sufficient test; `_same_channel` decides the rest)."""
    dy = shifts[a]
    if shifts[b] != dy:
        return None, False
    low, high = (a, b) if a <= b else (b, a)
    return dy, all(shifts[i] == dy for i in range(low, high + 2))


def _same_channel(
    link_id: str,
    source: CardBox,
    target: CardBox,
    dy: float,
    grid: RoutingGrid,
    old_grid: RoutingGrid,
    old_cards: dict[str, CardBox],
) -> bool:
    """True when a route whose two cards both moved by `dy` still runs in the channel it ran in, moved
    by `dy` too (then the whole route is the old one shifted). Choosing the channel again is a small
    part of routing."""
    old_channel = channel_of(link_id, old_cards[source.card_id].box, old_cards[target.card_id].box, old_grid)
    return channel_of(link_id, source.box, target.box, grid) == old_channel + dy
