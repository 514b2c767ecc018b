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

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from blueprint.layout import metrics as m
from blueprint.layout.cards import place_card, planned_cards, shift_card
from blueprint.layout.edit_state import EditState
from blueprint.layout.engine import DocumentIndex, _contents, _emotion, _means_after_edit
from blueprint.layout.gcpause import without_gc
from blueprint.layout.grid import column_x, lane_band, three_lines
from blueprint.layout.label_memo import MemoSlot
from blueprint.layout.labels import _Slow
from blueprint.layout.linking import _column_xs, _ColumnOrder, _pair, _route, _same_channel, channels_of
from blueprint.layout.routes import RoutingGrid, shift_route
from blueprint.layout.shapes import Box, CardBox, Cell, LaneBand, Layout, Route
from blueprint.layout.stacks import heights, regrouped
from blueprint.model import Blueprint, Card

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
    doc: Blueprint,
    previous: Layout,
    changed_ids: Iterable[str],
    sight: Sight,
    *,
    index: DocumentIndex,
) -> Layout | None:
    """The layout of `doc` after an edit of `previous` that added, changed or removed only the cards
    `changed_ids` (and the links of the removed ones), as `relayout(doc, previous, changed_ids,
    index=index, same_frame=True)` takes it (lanes, stages, steps and functions as in `previous`),
    exact within `sight` as `within_sight` cuts it; None when the edit changed no lane's height or
    place, or added or changed links: then `relayout` is as quick. Leaves `previous` as it is (its
    label memo and edit state are the exact relayout's to use).

    The work follows the sight, not the document: the lanes' new heights from the changed cells'
    stacks, then only the cards of the columns in sight (each lane's cards move with their lane),
    the routes that can meet the sight (routed again, shifted or kept as `relayout` would) and their
    labels kept apart among the routes of the columns around the sight (`_AROUND_X`). A label held
    off by a chain of labels reaching in from beyond those may differ from the exact layout's (not
    seen in 1,500 random moves at 5,000 cards; found in random crowded blueprints); the exact layout
    that follows corrects it. The step headers are `previous`'s (see `within_sight`)."""
    state = previous.edit_state
    if not isinstance(state, EditState):
        return None
    planned = planned_cards(doc)
    changed = set(changed_ids) | (planned ^ previous.planned)
    found = {i: index.card(i) for i in changed}
    fresh = [card for card in found.values() if card is not None]
    removed = {i for i, card in found.items() if card is None and i in previous.cards}
    cards = {card.id for card in fresh} | removed
    # links may only go with a removed card (a card deleted with its links)
    for link_id in changed - cards:
        old = previous.routes.get(link_id)
        if index.link(link_id) is not None or old is None or not {old.source, old.target} & removed:
            return None
    if not cards:
        return None
    with without_gc():
        frame = _Frame(doc, previous, state, fresh, cards, planned, index)  # type: ignore[arg-type]
        try:
            frame.removed_links = changed - cards
            if frame.bands_unchanged:
                return None
            return frame.within(sight)
        finally:  # its lazy dicts hold it through their bound methods: a cycle that held `previous`,
            vars(frame).clear()  # kept for good once the editor froze it out of collections


#: How far beside its two ends a route can run (a gutter next to one of its cards' columns).
_REACH = m.COLUMN_WIDTH
#: Around the sight, the routes whose labels are kept apart again (a label's reach is its route's span
#: widened by its plate and a column; two reaches' worth sideways).
_AROUND_X = 3 * m.COLUMN_WIDTH
_AROUND_Y = float("inf")  # the whole height: a lane shift moves labels up and down every column


class _Frame:
    """The lanes after the edit, and the cards, cells and routes they give, each made when asked."""

    def __init__(
        self,
        doc: Blueprint,
        previous: Layout,
        state: EditState,
        fresh: list[Card],
        changed: set[str],
        planned: frozenset[str],
        index: DocumentIndex,
    ) -> None:
        self.previous, self.changed = previous, changed
        self.removed = changed - {card.id for card in fresh}
        self.removed_links: set[str] = set()  # the links of the removed cards, named by the edit
        self.contents = _contents(doc, fresh, planned)
        old_cards = previous.cards
        touched = {old_cards[i].lane_id for i in changed if i in old_cards} | {card.lane for card in fresh}
        self.stacks = regrouped(previous, fresh, changed, [], index.cell)
        contents = self.contents

        def height_of(card_id: str) -> float:
            content = contents.get(card_id)
            return content.height if content is not None else old_cards[card_id].box.h

        _, stack_height = heights(
            self.stacks,
            height_of,
            previous,
            contents.keys(),
            state.stack_heights,
            touched,  # type: ignore[arg-type]
        )
        customer_lanes = {lane.id for lane in doc.lanes if lane.kind == "customer"}
        means = None
        if not touched & customer_lanes:
            emotion_needed = previous.emotion is not None
        else:
            means = _means_after_edit(previous, fresh, changed, customer_lanes, index)
            emotion_needed = bool(means)
        steps_index = self.steps_index = state.steps_index
        self.step_ids = list(steps_index)
        width = column_x(len(steps_index)) if steps_index else m.LANE_HEADER_WIDTH + m.COLUMN_WIDTH
        lanes_top = (
            m.STAGE_HEADER_HEIGHT + m.STEP_HEADER_HEIGHT + (m.EMOTION_ROW_HEIGHT if emotion_needed else 0)
        )
        old_bands = {band.lane_id: band for band in previous.lanes}
        bands: list[LaneBand] = []
        y = lanes_top
        for lane in doc.lanes:
            if lane.id in touched:
                h = max(
                    m.MIN_LANE_HEIGHT, m.LANE_PAD_TOP + stack_height.get(lane.id, 0.0) + m.LANE_PAD_BOTTOM
                )
                bands.append(lane_band(lane, y, h, width))
            else:
                old = old_bands[lane.id]
                h = old.band.h
                bands.append(old if old.band.y == y else lane_band(lane, y, h, width))
            y += h
        self.bands = bands
        self.bands_unchanged = [b.band for b in bands] == [b.band for b in previous.lanes]
        self.lane_ids = [band.lane_id for band in bands]
        self.band_of = {band.lane_id: band for band in bands}
        #: how far each lane's cards moved with it (a lane's cells keep their stacks unless regrouped)
        self.lane_dy = {b.lane_id: b.band.y - old_bands[b.lane_id].band.y for b in bands}
        self.lanes_bottom = y
        if self.bands_unchanged:
            return
        steps = previous.steps  # (see `within_sight`)
        self.layout_fields = {
            "planned": planned,
            "width": width,
            "height": y + m.BOTTOM_CHANNEL,
            "lanes": tuple(bands),
            "lines": three_lines(tuple(bands), width),
            "emotion": _emotion(doc, steps, lanes_top, width, previous, bool(touched & customer_lanes), means)
            if emotion_needed
            else None,
        }
        self.placed = {card.id: card for card in fresh}
        self.cells = _Lazy(self._cell)
        self.cards = _Lazy(self._card)
        self._regrouped_cards: dict[str, CardBox] = {}
        for key, ids in self.stacks.items():
            self._place_cell(key, ids)

    # --- cells and cards -------------------------------------------------------------------------

    def _cell(self, key: tuple[str, str]) -> Cell:
        old = self.previous.cells[key]
        band = self.band_of[key[0]].band
        ids = self.stacks.get(key, old.card_ids)
        if old.box.y == band.y and old.box.h == band.h and old.card_ids == ids:
            return old
        return Cell(key[0], key[1], Box(old.box.x, band.y, m.COLUMN_WIDTH, band.h), ids)

    def _place_cell(self, key: tuple[str, str], ids: tuple[str, ...]) -> None:
        """The cards of a cell the edit regrouped, stacked from the top of their lane (as `relayout`)."""
        lane_id, step_id = key
        x = column_x(self.steps_index[step_id]) + m.CARD_INSET_X
        cy = self.band_of[lane_id].band.y + m.LANE_PAD_TOP
        old_cards, contents = self.previous.cards, self.contents
        for card_id in ids:
            content = contents.get(card_id)
            old = old_cards.get(card_id) if content is None else None
            if old is not None and old.box.y == cy:
                box = old
            elif old is not None:
                box = shift_card(old, x - old.box.x, cy - old.box.y)
            else:
                box = place_card(self.placed[card_id], content, x, cy)  # type: ignore[arg-type]
            self._regrouped_cards[card_id] = box
            cy += box.box.h + m.CARD_GAP

    def _card(self, card_id: str) -> CardBox:
        box = self._regrouped_cards.get(card_id)
        if box is not None:
            return box
        old = self.previous.cards[card_id]
        dy = self.lane_dy[old.lane_id]
        return shift_card(old, 0.0, dy) if dy else old

    # --- the cut to the sight --------------------------------------------------------------------

    def within(self, sight: Sight) -> Layout:
        previous = self.previous
        cards = dict(previous.cards)
        cells = dict(previous.cells)
        renewed_cards: set[str] = set()
        left, top, right, bottom = sight
        first = max(0, int((left - m.LANE_HEADER_WIDTH) // m.COLUMN_WIDTH))
        last = min(len(self.step_ids) - 1, int((right - m.LANE_HEADER_WIDTH) // m.COLUMN_WIDTH))
        old_bands = {band.lane_id: band.band for band in previous.lanes}
        seen: set[str] = set()
        for band in self.bands:
            lane_id, new, old = band.lane_id, band.band, old_bands[band.lane_id]
            if not (new.y <= bottom and new.bottom >= top) and not (old.y <= bottom and old.bottom >= top):
                continue
            for i in range(first, last + 1):
                key = (lane_id, self.step_ids[i])
                cell = self.cells[key]
                if cell is not cells[key] and cell != cells[key]:
                    cells[key] = cell
                for card_id in (*cell.card_ids, *previous.cells[key].card_ids):
                    if card_id not in seen:
                        seen.add(card_id)
                        self._take_card(card_id, sight, cards, renewed_cards)
        for key in self.stacks:  # the cells the edit regrouped, wherever they are
            cell = self.cells[key]
            if cell != cells[key] and (box_meets(cell.box, sight) or box_meets(cells[key].box, sight)):
                cells[key] = cell
            for card_id in (*cell.card_ids, *previous.cells[key].card_ids):
                if card_id not in seen:
                    seen.add(card_id)
                    self._take_card(card_id, sight, cards, renewed_cards)
        for card_id in self.removed:  # wherever they were: the canvas drops their items
            del cards[card_id]
            renewed_cards.add(card_id)
        for card_id in self.changed - self.removed - previous.cards.keys():  # added, wherever they are
            cards[card_id] = self.cards[card_id]
            renewed_cards.add(card_id)
        routes, renewed_routes = self._routes_within(sight)
        return _cut(previous, cards, routes, cells, renewed_cards, renewed_routes, **self.layout_fields)

    def _take_card(self, card_id: str, sight: Sight, cards: dict[str, CardBox], renewed: set[str]) -> None:
        old = self.previous.cards.get(card_id)
        if old is None or card_id in self.removed:
            return  # added or removed: see `within`
        new = self.cards[card_id]
        if new is not old and new != old and (box_meets(old.box, sight) or box_meets(new.box, sight)):
            cards[card_id] = new
            renewed.add(card_id)

    # --- routes and their labels ------------------------------------------------------------------

    def _routes_within(self, sight: Sight) -> tuple[dict[str, Route], set[str]]:
        """The routes whose old or new points meet `sight`, with their labels kept apart among the
        routes around it, as `relayout` would make them."""
        previous = self.previous
        old_routes = previous.routes
        left, top, right, bottom = sight
        around = (left - _AROUND_X, top - _AROUND_Y, right + _AROUND_X, bottom + _AROUND_Y)
        a_left, a_right = around[0] - _REACH, around[2] + _REACH
        dirty = self._dirty()
        grid = RoutingGrid(_column_xs(len(self.steps_index)), channels_of(self.bands, self.lanes_bottom))
        old_grid = RoutingGrid(grid.column_x, channels_of(previous.lanes, previous.height - m.BOTTOM_CHANNEL))
        old_channels, channels = old_grid.channels, grid.channels
        shifts = [new - old for new, old in zip(channels, old_channels, strict=True)]
        lane_index = {lane_id: i for i, lane_id in enumerate(self.lane_ids)}
        order = _ColumnOrder(self.cells, self.lane_ids)  # type: ignore[arg-type]
        cards, old_cards, steps_index = self.cards, previous.cards, self.steps_index
        pairs: dict[tuple[str, str], tuple[float | None, bool]] = {}
        near: dict[str, Route] = {}  # link order: the routes around the sight, as routed now
        gone = self.removed_links
        for link_id in self._candidates(a_left, a_right, dirty):
            if link_id in gone:
                continue
            old = old_routes[link_id]
            points = old.points
            x0, x1 = points[0][0], points[-1][0]
            if x0 > x1:
                x0, x1 = x1, x0
            source, target = old.source, old.target
            if (x0 > a_right or x1 < a_left) and source not in dirty and target not in dirty:
                continue
            if source in dirty or target in dirty:
                route = None
            else:
                s, t = old_cards[source], old_cards[target]
                lanes = (s.lane_id, t.lane_id)
                pair = pairs.get(lanes)
                if pair is None:
                    pair = pairs[lanes] = _pair(shifts, lane_index[lanes[0]], lane_index[lanes[1]])
                dy, alike = pair
                route = None
                if dy is not None and (
                    alike
                    or abs(steps_index[s.step_id] - steps_index[t.step_id]) < 2
                    or _same_channel(link_id, cards[source], cards[target], dy, grid, old_grid, old_cards)
                ):
                    route = old if dy == 0 else shift_route(old, dy)
            if route is None:
                route = _route(link_id, source, target, old.label, old.kind, cards, steps_index, order, grid)  # type: ignore[arg-type]
            if points_meet(route.points, around) or points_meet(points, around):
                near[link_id] = route
        slow = _Slow({}, cards, self.cells, self.lane_ids, self.step_ids, after_edit=True)  # type: ignore[arg-type]
        routes = dict(old_routes)
        renewed: set[str] = set(gone)
        for link_id in gone:  # wherever they ran: the canvas drops their items
            del routes[link_id]
        for link_id, route in near.items():
            if route.label_pos is not None:
                placed = slow.place(route)
                if placed is not None:
                    route = placed
            old = old_routes[link_id]
            if route != old and (points_meet(old.points, sight) or points_meet(route.points, sight)):
                routes[link_id] = route
                renewed.add(link_id)
        return routes, renewed

    def _candidates(self, left: float, right: float, dirty: set[str]) -> Iterable[str]:
        """The links, in link order, that can run between `left` and `right` (or have a dirty card):
        from the previous layout's index of links by column and the label memo's link order when both
        are in step with its routes (as after every `relayout` and `prepare_for_edits`); else every
        link."""
        previous = self.previous
        state, memo = previous.edit_state, previous.label_memo
        lanes = state.lanes if isinstance(state, EditState) else None
        order = memo.memo if isinstance(memo, MemoSlot) else None
        if (
            lanes is None
            or lanes.routes is not previous.routes
            or order is None
            or order.routes is not previous.routes
        ):
            return previous.routes
        first = max(0, int((left - m.LANE_HEADER_WIDTH - m.COLUMN_WIDTH) // m.COLUMN_WIDTH))
        last = int((right - m.LANE_HEADER_WIDTH) // m.COLUMN_WIDTH)
        found = set(lanes.near(first, last))
        for column in self._columns():  # the links of the dirty cards (see `_dirty`)
            found.update(lanes.near(column, column))
        index = order.index
        return sorted(found, key=index.__getitem__)

    def _columns(self, by_id: bool = False) -> set:  # type: ignore[type-arg]
        """The columns the changed cards left or joined (indexes, or step ids with `by_id`)."""
        old_cards = self.previous.cards
        ids = {old_cards[i].step_id for i in self.changed if i in old_cards}
        ids |= {self.cards[i].step_id for i in self.changed - self.removed}
        return ids if by_id else {self.steps_index[i] for i in ids}

    def _dirty(self) -> set[str]:
        """Cards whose routes are routed again whatever the lanes did: the changed ones and every card
        of a column a changed card left or joined (their order in the column changed)."""
        dirty = set(self.changed)
        for step_id in self._columns(by_id=True):
            for lane_id in self.lane_ids:
                dirty.update(self.cells[(lane_id, step_id)].card_ids)
        return dirty


class _Lazy(dict):  # type: ignore[type-arg]
    """A dict that makes a missing entry when first asked for it (by `[]`), and keeps it."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.make(key)
        return value


def within_sight(previous: Layout, exact: Layout, sight: Sight) -> Layout | None:
    """`exact` where `sight` looks and `previous` elsewhere: its lanes, lines, size and emotion row;
    `previous`'s step headers (the same but for their columns' heights, which follow the lanes'
    bottom: no view draws them, the canvas draws the columns to the layout's height, and making them
    again is a pass over every step); for cards, cells and routes, `exact`'s shape where the old or
    the new one meets `sight`, `previous`'s otherwise. None when no lane changed its place or
    height. Cards and links added or removed are added or removed wherever they are.
    `renewed_cards` and `renewed_routes` name the shapes that differ from `previous`'s; the result
    has no label memo and no edit state (a `relayout` from it would lay everything out again)."""
    if [band.band for band in exact.lanes] == [band.band for band in previous.lanes]:
        return None
    cards = dict(previous.cards)
    renewed_cards = set(cards.keys() - exact.cards.keys())  # removed, wherever they were
    for card_id in renewed_cards:
        del cards[card_id]
    for card_id, new in exact.cards.items():
        old = cards.get(card_id)
        if old is None or (old != new and (box_meets(old.box, sight) or box_meets(new.box, sight))):
            cards[card_id] = new  # added (wherever it is), or changed where the sight looks
            renewed_cards.add(card_id)
    routes = dict(previous.routes)
    renewed_routes = set(routes.keys() - exact.routes.keys())
    for link_id in renewed_routes:
        del routes[link_id]
    for link_id, route in exact.routes.items():
        old_route = routes.get(link_id)
        if old_route is None or (
            old_route != route and (points_meet(old_route.points, sight) or points_meet(route.points, sight))
        ):
            routes[link_id] = route
            renewed_routes.add(link_id)
    cells = dict(previous.cells)
    for key, cell in exact.cells.items():
        old_cell = cells.get(key)
        if old_cell != cell and (
            old_cell is None or box_meets(old_cell.box, sight) or box_meets(cell.box, sight)
        ):
            cells[key] = cell
    return _cut(exact, cards, routes, cells, renewed_cards, renewed_routes, steps=previous.steps)


def _cut(
    base: Layout,
    cards: dict[str, CardBox],
    routes: dict[str, Route],
    cells: dict[tuple[str, str], Cell],
    renewed_cards: set[str],
    renewed_routes: set[str],
    **fields: Any,
) -> Layout:
    """`base` with these shapes (and `fields`) as a layout cut to a sight: no label memo and no edit
    state, so that it is never the start of a `relayout`."""
    return replace(
        base,
        **fields,
        cards=cards,
        routes=routes,
        cells=cells,
        renewed_cards=frozenset(renewed_cards),
        renewed_routes=frozenset(renewed_routes),
        label_memo=MemoSlot(),
        edit_state=None,
    )
