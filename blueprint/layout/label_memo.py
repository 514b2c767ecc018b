"""Link labels kept apart after an edit: only the labels an edit can reach are placed again.

A label's place depends only on its route, the plates placed before it (in link order) and the cards
within its reach (the box its route's segments span, widened by its longest plate and a column). So
after an edit the previous placement stands for every label whose route was reused and whose reach
holds no renewed card and no plate that changed; the others are placed again in link order, each
against exactly the plates a full pass would have placed before it, and a plate that changed marks
the later labels whose reach it lies in. The result is the full pass's, label for label.

The memo (plates and reaches of a layout's labels, with spatial indexes) travels with the layout
(`Layout.label_memo`) and is handed on, updated in place, to the layout made from it; it remembers
the routes it is in step with, so a second layout made from the same one builds its own. A layout with
no memo builds one when it is first edited (a full pass's cost, once).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from itertools import islice

from blueprint.layout import metrics as m
from blueprint.layout.plates import PLATE_H, Y_CELL, bucket_keys, half_length, plate_rect
from blueprint.layout.shapes import CardBox, Route

Rect = tuple[float, float, float, float]
Key = tuple[float, float]

_REACH_X = 4 * m.COLUMN_WIDTH  # buckets of the index of reaches (reaches are a few columns wide)
_REACH_Y = 2000.0


def _reach_keys(r: Rect) -> list[tuple[int, int]]:
    i0, i1 = int(r[0] // _REACH_X), int(r[2] // _REACH_X)
    j0, j1 = int(r[1] // _REACH_Y), int(r[3] // _REACH_Y)
    return [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]


_MAX_SEEDS = 400  # more renewed routes or cards than this: a full pass is as cheap


class MemoSlot:
    """Where a layout keeps its label memo (`Layout.label_memo`): filled when the layout is first
    edited, or before that by `prepare_for_edits` when the editor has a moment."""

    __slots__ = ("memo",)

    def __init__(self, memo: Memo | None = None) -> None:
        self.memo = memo


def prepare_for_edits(routes: dict[str, Route], slot: MemoSlot) -> None:
    """Fill `slot` with the memo of `routes` if it holds none in step with them, and bring the
    entries a lane-shifting edit left stale up to date (else the next edit does it)."""
    if slot.memo is None or slot.memo.routes is not routes:
        slot.memo = Memo(routes)
    elif slot.memo.stale:
        _refresh(slot.memo, routes)


class Memo:
    """The labels of one layout: link order, plates and reaches, each indexed by bucket."""

    def __init__(self, routes: dict[str, Route]) -> None:
        #: The routes this memo is in step with (but for `stale`): the last layout it was handed to.
        self.routes = routes
        #: Link ids in link order; None where a link was removed since (see `renumber`).
        self.order: list[str | None] = list(routes)
        #: Each link's place in `order`.
        self.index = {link_id: i for i, link_id in enumerate(self.order)}
        self.plates: dict[str, Rect] = {}
        self.reaches: dict[str, Rect] = {}
        #: The links whose plate lies in each bucket (their plates are in `plates`).
        self.plate_buckets: dict[Key, set[str]] = {}
        self.reach_buckets: dict[tuple[int, int], set[str]] = {}
        #: Links whose plate and reach are not yet those of the routes this memo is kept for.
        self.stale: set[str] = set()
        for link_id, route in routes.items():
            plate = _plate_of(route)
            if plate is None:
                continue
            self.plates[link_id] = plate
            for key in bucket_keys(plate):
                self.plate_buckets.setdefault(key, set()).add(link_id)
            reach = _reach(route)
            self.reaches[link_id] = reach
            for key in _reach_keys(reach):
                self.reach_buckets.setdefault(key, set()).add(link_id)

    def renumber(self, routes: dict[str, Route], renewed: set[str]) -> None:
        """Follow links added or removed (`renewed` holds them): `routes`' order. A removed link leaves
        a hole (None) in `order`, the others keep their numbers; links added at the end are numbered
        after the last; a link put back elsewhere (undo) numbers every link again. Only the order of
        the numbers matters (labels are placed in link order), so no edit but that one pays for the
        document's size."""
        index, order = self.index, self.order
        for link_id in renewed:
            if link_id not in routes and link_id in index:
                order[index.pop(link_id)] = None
        added = {i for i in renewed if i in routes and i not in index}
        if not added:
            return
        tail = list(islice(reversed(routes), len(added)))
        if added == set(tail):
            for link_id in reversed(tail):
                index[link_id] = len(order)
                order.append(link_id)
            return
        self.order = list(routes)
        self.index = {link_id: i for i, link_id in enumerate(routes)}

    def set_plate(self, link_id: str, plate: Rect | None) -> None:
        old = self.plates.pop(link_id, None)
        if old is not None and plate is not None:
            keys = bucket_keys(old)
            if keys == bucket_keys(plate):  # the common case: the plate stays in its buckets
                self.plates[link_id] = plate
                return
        if old is not None:
            for key in bucket_keys(old):
                self.plate_buckets[key].discard(link_id)
        if plate is not None:
            self.plates[link_id] = plate
            for key in bucket_keys(plate):
                self.plate_buckets.setdefault(key, set()).add(link_id)

    def set_reach(self, link_id: str, reach: Rect | None) -> None:
        old = self.reaches.pop(link_id, None)
        if old is not None and reach is not None and _reach_keys(old) == _reach_keys(reach):
            self.reaches[link_id] = reach  # the common case: the reach stays in its buckets
            return
        if old is not None:
            for key in _reach_keys(old):
                self.reach_buckets[key].discard(link_id)
        if reach is not None:
            self.reaches[link_id] = reach
            for key in _reach_keys(reach):
                self.reach_buckets.setdefault(key, set()).add(link_id)

    def shift_all(self, routes: dict[str, Route], renewed: set[str]) -> None:
        """After a full pass: move the plate and reach of every renewed route that was moved with its
        lane, label and all (`Route.shifted_by`) and whose entry was up to date: exact, since plates,
        reaches and shifts are multiples of 1/8 pt, and most stay in their buckets (written out in
        one loop: a lane shift moves thousands); mark the others stale."""
        stale, plates, reaches = self.stale, self.plates, self.reaches
        for link_id in renewed:
            route = routes.get(link_id)
            dy = route.shifted_by if route is not None else 0.0
            if not dy or link_id in stale:
                if route is not None:
                    stale.add(link_id)
                continue
            plate = plates.get(link_id)
            if plate is None:
                continue
            x0, y0, x1, y1 = plate
            a, b = y0 + dy, y1 + dy
            if y0 // Y_CELL == a // Y_CELL and y1 // Y_CELL == b // Y_CELL:
                plates[link_id] = (x0, a, x1, b)
            else:
                self.set_plate(link_id, (x0, a, x1, b))
            x0, y0, x1, y1 = reaches[link_id]
            a, b = y0 + dy, y1 + dy
            if y0 // _REACH_Y == a // _REACH_Y and y1 // _REACH_Y == b // _REACH_Y:
                reaches[link_id] = (x0, a, x1, b)
            else:
                self.set_reach(link_id, (x0, a, x1, b))

    def reaching(self, r: Rect) -> set[str]:
        """Links whose reach overlaps `r`."""
        x0, y0, x1, y1 = r
        found: set[str] = set()
        reaches = self.reaches
        for key in _reach_keys(r):
            for link_id in self.reach_buckets.get(key, ()):
                a0, b0, a1, b1 = reaches[link_id]
                if x0 <= a1 and a0 <= x1 and y0 <= b1 and b0 <= y1:
                    found.add(link_id)
        return found

    def placed_before(self, link_id: str) -> dict[Key, list[Rect]]:
        """The plates a full pass would hold when it reaches `link_id`, in the buckets of its reach,
        each bucket in link order (as the full pass fills them)."""
        limit, index, plates = self.index[link_id], self.index, self.plates
        placed: dict[Key, list[Rect]] = {}
        for key in bucket_keys(self.reaches[link_id]):
            bucket = self.plate_buckets.get(key)
            if bucket:
                earlier = sorted((index[i], plates[i]) for i in bucket if index[i] < limit)
                if earlier:
                    placed[key] = [r for _, r in earlier]
        return placed


def _refresh(memo: Memo, routes: dict[str, Route]) -> None:
    """Bring the stale entries of `memo` up to date with `routes` (the routes it is kept for)."""
    for link_id in memo.stale:
        route = routes[link_id]
        memo.set_reach(link_id, _reach(route) if route.label_pos is not None else None)
        memo.set_plate(link_id, _plate_of(route))
    memo.stale.clear()


def _plate_of(route: Route) -> Rect | None:
    if route.label_pos is None:
        return None
    return plate_rect(route.label_pos, route.label_vertical, route.label_text)


def _reach(route: Route) -> Rect:
    """Where `route`'s label may go, or look for plates and cards: its segments' span, widened by its
    longest plate (and a column sideways, for the gap between stacked cards)."""
    xs = [p[0] for p in route.points]
    ys = [p[1] for p in route.points]
    if route.label_pos is not None:
        xs.append(route.label_pos[0])
        ys.append(route.label_pos[1])
    margin = half_length(route.label) + PLATE_H + 1  # a multiple of 1/8 pt, as the points are
    return (
        min(xs) - margin - m.COLUMN_WIDTH,
        min(ys) - margin,
        max(xs) + margin + m.COLUMN_WIDTH,
        max(ys) + margin,
    )


def labels_apart_after_edit(
    routes: dict[str, Route],
    cards: dict[str, CardBox],
    slow: object,
    renewed: set[str],
    previous_routes: dict[str, Route],
    old_cards: dict[str, CardBox],
    full_pass: Callable[[], None],
    memo: Memo | None,
    renewed_cards: set[str] | None = None,
    links_changed: bool = False,
) -> Memo | None:
    """Place again, in place in `routes`, the labels an edit can reach (see the module's docstring);
    add the ids of routes changed here to `renewed`. `memo`: the previous layout's, if it has one.
    After an edit that renewed many routes or cards (a lane that grew moves everything below it) this
    runs `full_pass` and brings the memo up to date from the renewed routes. Returns the memo, now in
    step with `routes`; None (nothing done) when a full pass is due. `renewed_cards`: the cards whose
    box is new (removed ones included) when the caller knows them; `links_changed`: links were added
    or removed (they are in `renewed`)."""
    if renewed_cards is not None:
        moved_cards = [c for c in renewed_cards if c in cards]
        removed = [c for c in renewed_cards if c not in cards]
    else:
        moved_cards = [c for c, box in cards.items() if old_cards.get(c) is not box]
        removed = list(old_cards.keys() - cards.keys())
    many = len(renewed) > _MAX_SEEDS or len(moved_cards) + len(removed) > _MAX_SEEDS
    if memo is None or memo.routes is not previous_routes:
        if many:
            return None  # building a memo costs more than the full pass it would spare
        memo = Memo(previous_routes)
    gone: list[Rect] = []  # the plates of removed links: the labels they held off may come back
    if links_changed or len(routes) != len(previous_routes):
        if many:
            return None
        _refresh(memo, previous_routes)
        for link_id in [i for i in renewed if i not in routes]:
            plate = memo.plates.get(link_id)
            if plate is not None:
                gone.append(plate)
            memo.set_plate(link_id, None)
            memo.set_reach(link_id, None)
        memo.renumber(routes, renewed)
    elif renewed_cards is None and [i for i in memo.order if i is not None] != list(routes):
        return None
    if many:
        full_pass()
        # A route moved with its lane, label and all, whose memo entry was up to date, is moved in the
        # memo too (cheap); the rest are brought up to date when the memo is next used.
        memo.shift_all(routes, renewed)
        memo.routes = routes
        return memo
    _refresh(memo, previous_routes)
    index = memo.index
    dirty: list[int] = []
    for link_id in renewed:
        route = routes.get(link_id)
        if route is None:
            continue  # removed (see `gone`)
        memo.set_reach(link_id, _reach(route) if route.label_pos is not None else None)
        dirty.append(index[link_id])
    for plate in gone:
        dirty.extend(index[i] for i in memo.reaching(plate))
    regions = [cards[c].box for c in moved_cards]
    regions += [old_cards[c].box for c in moved_cards if c in old_cards]
    regions += [old_cards[c].box for c in removed]
    for b in regions:
        dirty.extend(index[i] for i in memo.reaching((b.x, b.y, b.right, b.bottom)))
    heapq.heapify(dirty)
    done: set[int] = set()
    order = memo.order
    while dirty:
        k = heapq.heappop(dirty)
        if k in done:
            continue
        done.add(k)
        link_id = order[k]
        assert link_id is not None  # `index` names no hole
        route = routes[link_id]
        if route.label_pos is not None:
            slow.placed = memo.placed_before(link_id)  # type: ignore[attr-defined]
            changed = slow.place(route)  # type: ignore[attr-defined]
            if changed is not None:
                routes[link_id] = route = changed
                renewed.add(link_id)
        new = _plate_of(route)
        old = memo.plates.get(link_id)
        if new == old:
            continue
        memo.set_plate(link_id, new)
        for r in (old, new):
            if r is not None:
                dirty.extend(index[i] for i in memo.reaching(r) if index[i] > k)
        heapq.heapify(dirty)
    memo.routes = routes
    return memo
