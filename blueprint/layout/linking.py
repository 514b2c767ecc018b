"""The routes of a whole layout: all of them for a full layout, or, after an edit, only those that changed.

A route depends on its two cards' boxes, their columns (and their order in a column) and the channels
between them. After an edit most routes are the old ones, and when a lane grew or shrank, the routes
below it are the old ones moved down or up as a whole: `relayout` reuses or shifts those instead of
routing them again (routing costs about 20 times as much as a shift).
"""

from __future__ import annotations

from collections.abc import Mapping

from blueprint.layout import metrics as m
from blueprint.layout.edit_state import EditState, LinksOfCards, LinksOfLanes
from blueprint.layout.grid import column_x
from blueprint.layout.label_memo import Memo
from blueprint.layout.labels import labels_apart
from blueprint.layout.routes import (
    RoutingGrid,
    channel_of,
    label_place,
    new_route,
    points_between,
    route_of,
    shift_route,
)
from blueprint.layout.shapes import Box, CardBox, Cell, LaneBand, Layout, Route
from blueprint.model import Blueprint, Link


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
    links: Mapping[str, Link | None] | None = None,
    renewed_cards: set[str] | None = None,
) -> tuple[dict[str, Route], set[str], Memo | None, LinksOfCards | None, LinksOfLanes | None]:
    """Every link's route, the ids of those that are not `previous`'s objects (removed ones included),
    the memo of their labels if one is kept (see `label_memo`) and the indexes of the links of each
    card and of each pair of lanes if they are kept (see `edit_state`). With `previous`, a route
    whose cards are not in `dirty` (cards whose box changed other than by their lane's shift, and
    their column neighbours) is reused,
    or shifted when its cards and its channel all moved by the same amount. With `links` too (the
    links an edit added, changed or removed, see `relayout`) and no lane moved, only the routes of
    those links and of the dirty cards are visited; when lanes moved, the links of the dirty cards
    and the links between lanes that moved (found by pair of lanes); `renewed_cards`: the cards
    whose box is new."""
    channels = channels_of(bands, lanes_bottom)
    grid = RoutingGrid(_column_xs(len(steps_index)), channels)
    lane_ids = [band.lane_id for band in bands]
    order = _ColumnOrder(cells, lane_ids)
    state = previous.edit_state if previous is not None else None
    if previous is not None and links is not None and isinstance(state, EditState):
        same = channels == channels_of(previous.lanes, previous.height - m.BOTTOM_CHANNEL)
        moved = None if same else _Moved(previous, channels, grid, lane_ids, steps_index)
        done = _routes_after_edit(
            doc, cards, steps_index, grid, order, previous, dirty or set(), links, state, moved
        )
        if done is not None:
            routes, renewed, index, lanes, links_changed = done
            where = (cards, cells, lane_ids, list(steps_index))
            memo = _labels(routes, where, renewed, previous, renewed_cards, links_changed)
            return routes, renewed, memo, index, lanes
    if previous is None:
        routes = _routed(doc, cards, cells, lane_ids, steps_index, grid)
        renewed = set(routes)
        memo = _labels(routes, (cards, cells, lane_ids, list(steps_index)), renewed, None, None, False)
        return routes, renewed, memo, None, None
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
        where = (cards, steps_index, order, grid)
        routes[link_id] = _route(link_id, source_id, target_id, link.label, link.kind, *where)
        renewed.add(link_id)
    index = None
    if previous is not None:
        renewed.update(previous.routes.keys() - routes.keys())
        if isinstance(state, EditState) and state.links is not None and state.links.routes is previous.routes:
            index = state.links  # handed on, brought up to date with the routes that changed ends
            for link_id in renewed:
                old, new = previous.routes.get(link_id), routes.get(link_id)
                if old is None or new is None or (old.source, old.target) != (new.source, new.target):
                    index.update(old, new)
            index.routes = routes
    links_changed = previous is not None and len(routes) != len(previous.routes)
    where = (cards, cells, lane_ids, list(steps_index))
    memo = _labels(routes, where, renewed, previous, None, links_changed)
    return routes, renewed, memo, index, None


def _routed(
    doc: Blueprint,
    cards: dict[str, CardBox],
    cells: dict[tuple[str, str], Cell],
    lane_ids: list[str],
    steps_index: dict[str, int],
    grid: RoutingGrid,
) -> dict[str, Route]:
    """Every link routed (a full layout): what each card's routes need (its box, column, place in
    the column and function) is read once per card, column by column, not twice per link."""
    ends: dict[str, tuple[Box, int, int, str | None]] = {}
    for step_id, column in steps_index.items():
        i = 0
        for lane_id in lane_ids:
            for card_id in cells[(lane_id, step_id)].card_ids:
                card = cards[card_id]
                ends[card_id] = (card.box, column, i, card.function_id)
                i += 1
    # `route_of` written out, its names bound once: a call and a lookup less per link, same Routes
    routes: dict[str, Route] = {}
    between, place, make = points_between, label_place, new_route
    for link in doc.links:
        link_id, source_id, target_id, label = link.id, link.source, link.target, link.label
        s, cs, os, fs = ends[source_id]
        t, ct, ot, ft = ends[target_id]
        points = between(link_id, s, cs, os, t, ct, ot, grid)
        handoff = fs is not None and ft is not None and fs != ft
        if label and len(points) > 1 and label.strip():
            middle, vertical, text, cut = place(points, label)
        else:  # Route's defaults from `label_pos` on
            middle, vertical, text, cut = None, False, "", False
        routes[link_id] = make(
            link_id,
            source_id,
            target_id,
            points,
            label,
            middle,
            link.kind,
            handoff,
            text,
            vertical,
            cut,
            False,
            0.0,
        )
    return routes


def _labels(
    routes: dict[str, Route],
    where: tuple[dict[str, CardBox], dict[tuple[str, str], Cell], list[str], list[str]],
    renewed: set[str],
    previous: Layout | None,
    renewed_cards: set[str] | None,
    links_changed: bool,
) -> Memo | None:
    """`labels_apart` on `routes` (`where`: cards, cells, lane ids, step ids), after an edit of
    `previous` when there is one."""
    memo = previous.label_memo if previous is not None else None
    return labels_apart(
        routes,
        *where,
        renewed,
        previous.routes if previous is not None else None,
        previous.cards if previous is not None else None,
        memo.memo if memo is not None else None,  # type: ignore[attr-defined]
        renewed_cards=renewed_cards,
        links_changed=links_changed,
    )


_COLUMN_XS: dict[int, tuple[float, ...]] = {}


def _column_xs(count: int) -> tuple[float, ...]:
    """The left edges of `count` columns (kept: the same for every layout with as many steps)."""
    xs = _COLUMN_XS.get(count)
    if xs is None:
        if len(_COLUMN_XS) > 64:
            _COLUMN_XS.clear()
        xs = _COLUMN_XS[count] = tuple(column_x(i) for i in range(count))
    return xs


def _route(
    link_id: str,
    source_id: str,
    target_id: str,
    label: str,
    kind: str,
    cards: dict[str, CardBox],
    steps_index: dict[str, int],
    order: _ColumnOrder,
    grid: RoutingGrid,
) -> Route:
    """The link routed afresh between its cards' boxes (a hand-off between two functions)."""
    s, t = cards[source_id], cards[target_id]
    fs, ft = s.function_id, t.function_id
    points = points_between(
        link_id, s.box, steps_index[s.step_id], order(s), t.box, steps_index[t.step_id], order(t), grid
    )
    return route_of(
        link_id, source_id, target_id, points, label, kind, fs is not None and ft is not None and fs != ft
    )


class _Moved:
    """How the lanes moved since `previous`: each lane's shift and the old channels."""

    def __init__(
        self,
        previous: Layout,
        channels: tuple[float, ...],
        grid: RoutingGrid,
        lane_ids: list[str],
        steps_index: dict[str, int],
    ) -> None:
        old_channels = channels_of(previous.lanes, previous.height - m.BOTTOM_CHANNEL)
        self.shifts = [new - old for new, old in zip(channels, old_channels, strict=True)]
        self.old_grid = RoutingGrid(grid.column_x, old_channels)
        self.lane_index = {lane_id: i for i, lane_id in enumerate(lane_ids)}
        self.pairs: dict[tuple[str, str], tuple[float | None, bool]] = {}

    def pair(self, lanes: tuple[str, str]) -> tuple[float | None, bool]:
        """`_pair` of the two lanes (kept per pair)."""
        found = self.pairs.get(lanes)
        if found is None:
            index = self.lane_index
            found = self.pairs[lanes] = _pair(self.shifts, index[lanes[0]], index[lanes[1]])
        return found


def _routes_after_edit(
    doc: Blueprint,
    cards: dict[str, CardBox],
    steps_index: dict[str, int],
    grid: RoutingGrid,
    order: _ColumnOrder,
    previous: Layout,
    dirty: set[str],
    links: Mapping[str, Link | None],
    state: EditState,
    moved: _Moved | None,
) -> tuple[dict[str, Route], set[str], LinksOfCards, LinksOfLanes | None, bool] | None:
    """The routes after an edit named by the editor (`links`: the links it added, changed or
    removed), what the visit of every link gives, visiting only the links `links` names and the
    links of the `dirty` cards (card-to-links index) and, when lanes moved (`moved`), the links
    between two lanes of which one moved (lane-pair index; links between two lanes that kept their
    place, and every channel between them, are the previous routes). Returns the routes, the
    renewed ids, the indexes (updated and handed on; the lane-pair one when it is kept) and whether
    links were added or removed; None when the links do not add up to the document's (then the
    caller visits every link)."""
    old_routes, old_cards = previous.routes, previous.cards
    index = state.links_in_step(old_routes)
    if moved is not None:
        lanes: LinksOfLanes | None = state.lanes_in_step(old_routes, old_cards)
    else:  # kept up to date when it is in step (a card that changed lanes moves its links' pair)
        lanes = state.lanes if state.lanes is not None and state.lanes.routes is old_routes else None
    routes = dict(old_routes)
    renewed: set[str] = set()
    added: list[str] = []
    removed = False
    for link_id, link in links.items():
        if link is None and link_id in routes:
            index.update(routes.pop(link_id), None)
            if lanes is not None:
                lanes.update(link_id, None, cards)
            renewed.add(link_id)
            removed = True
    todo = index.of(dirty)
    todo.update(link_id for link_id, link in links.items() if link is not None)
    where = (cards, steps_index, order, grid)

    def carried(link_id: str, old: Route, dy: float | None, alike: bool) -> Route | None:
        """An unchanged link between cards that moved only with their lanes (if at all), whose lanes
        moved by `dy` (None: by different amounts) and alike with the channels between them
        (`_Moved.pair`): the previous route, or it shifted, or None when it must be routed again."""
        if dy is None:
            return None
        if not alike:
            s, t = cards[old.source], cards[old.target]
            if not (
                abs(steps_index[s.step_id] - steps_index[t.step_id]) < 2  # no channel run
                or _same_channel(link_id, s, t, dy, grid, moved.old_grid, old_cards)  # type: ignore[union-attr]
            ):
                return None
        return old if dy == 0 else shift_route(old, dy)

    if moved is not None:
        for pair, members in lanes.by_pair.items():  # type: ignore[union-attr]
            dy, alike = moved.pair(pair)
            if dy == 0 and alike:
                continue  # both lanes and every channel between them kept their place: routes stand
            for link_id in members:
                if link_id in todo:
                    continue  # below
                old = old_routes[link_id]
                route = carried(link_id, old, dy, alike)
                if route is None:
                    route = _route(link_id, old.source, old.target, old.label, old.kind, *where)
                if route is not old:
                    routes[link_id] = route
                    renewed.add(link_id)
    for link_id in todo:
        link = links.get(link_id)
        old = routes.get(link_id)
        if link is not None:
            source_id, target_id, label, kind = link.source, link.target, link.label, link.kind
        elif old is not None:
            source_id, target_id, label, kind = old.source, old.target, old.label, old.kind
        else:
            continue
        if cards.get(source_id) is None or cards.get(target_id) is None:
            state.links = state.lanes = None  # a link to a card that is gone, not named as removed
            return None
        route = None
        if (
            old is not None
            and source_id not in dirty
            and target_id not in dirty
            and (old.source, old.target, old.label, old.kind) == (source_id, target_id, label, kind)
        ):
            # an unchanged link between cards that kept their place, or moved with their lanes
            if moved is None:
                route = old
            else:
                route = carried(
                    link_id, old, *moved.pair((cards[source_id].lane_id, cards[target_id].lane_id))
                )
        if route is None:
            route = _route(link_id, source_id, target_id, label, kind, *where)
        if old is None:
            added.append(link_id)
        if route is not old:
            routes[link_id] = route
            index.update(old, route)
            if lanes is not None:
                lanes.update(link_id, route, cards)
            renewed.add(link_id)
    if len(routes) != len(doc.links):
        # the named links do not add up to the document's: the indexes took changes they should not
        # keep (they are rebuilt when next needed) and the caller visits every link
        state.links = state.lanes = None
        return None
    if added:  # in the document's order: appended links at the end, in order; else all in order
        tail = doc.links[len(doc.links) - len(added) :]
        if {link.id for link in tail} == set(added):
            for link in tail:
                routes[link.id] = routes.pop(link.id)
        else:
            routes = {link.id: routes[link.id] for link in doc.links}
    index.routes = routes
    if lanes is not None:
        lanes.routes = routes
    return routes, renewed, index, lanes, removed or bool(added)


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
