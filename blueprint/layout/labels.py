"""Link labels kept apart: a label that would lie on a label placed before it moves elsewhere.

Each route places its label on its own (`routes._label_place`), so two routes that share a gutter or
the gap between two stacked cards can put their labels on top of each other. After routing, the labels
are visited in link order; a label whose plate overlaps an earlier plate slides along its segment, then
tries the route's other segments, then a shorter text on its own segment, and takes the first place
that overlaps no earlier plate and no card. A label with no such place stays where it was (overlapping).

The result depends only on the routes as first placed, visited in link order, so `relayout` (which
reuses routes) and a full layout agree: a reused route whose label had moved is put back to its first
place before it is checked.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from blueprint.layout import metrics as m
from blueprint.layout.label_memo import Memo, labels_apart_after_edit
from blueprint.layout.plates import (
    PLATE_H,
    X_CELL,
    X_ORIGIN,
    Y_CELL,
    Rect,
    bucket_keys,
    half_length,
    plate_rect,
    span,
)
from blueprint.layout.routes import label_place
from blueprint.layout.shapes import CardBox, Cell, Route
from blueprint.layout.text import one_line, text_width

_HALF_POINT = 0.5  # a label slides in steps of this (positions stay multiples of it from the middle)
_MAX_JUMPS = 12  # a label tries at most this many places each way along one segment
#: (position, vertical, text, shortened): a place for a label, as `Route` holds it.
Place = tuple[tuple[float, float], bool, str, bool]


def _blocker(buckets: dict[tuple[float, float], list[Rect]], r: Rect) -> Rect | None:
    """A plate in `buckets` that `r` overlaps, if any."""
    x0, y0, x1, y1 = r
    for key in bucket_keys(r):
        for other in buckets.get(key, ()):
            if x0 < other[2] and other[0] < x1 and y0 < other[3] and other[1] < y1:
                return other
    return None


def _hits(buckets: dict[tuple[float, float], list[Rect]], r: Rect, keys: list[tuple[float, float]]) -> bool:
    x0, y0, x1, y1 = r
    for key in keys:
        for a0, b0, a1, b1 in buckets.get(key, ()):
            if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                return True
    return False


class _Cards:
    """Card boxes by column, top to bottom (made per column when first asked: lanes are stacked in
    order and a cell's cards top to bottom), to ask whether a label's plate would cover a card."""

    def __init__(
        self,
        cards: dict[str, CardBox],
        cells: dict[tuple[str, str], Cell],
        lane_ids: list[str],
        step_ids: list[str],
    ) -> None:
        self.cards, self.cells, self.lane_ids, self.step_ids = cards, cells, lane_ids, step_ids
        self.columns: dict[int, tuple[list[Rect], list[float]]] = {}

    def _column(self, i: int) -> tuple[list[Rect], list[float]]:
        column = self.columns.get(i)
        if column is None:
            rects: list[Rect] = []
            if 0 <= i < len(self.step_ids):
                step_id, cards, cells = self.step_ids[i], self.cards, self.cells
                ids = [c for lane in self.lane_ids for c in cells[(lane, step_id)].card_ids]
                rects = [rect for c in ids for rect in card_rects(cards[c])]
            column = self.columns[i] = (rects, [r[3] for r in rects])
        return column

    def blocker(self, r: Rect) -> Rect | None:
        """A card or a card's badge (as a rect) that `r` overlaps, if any."""
        x0, y0, x1, y1 = r
        first = int((x0 - m.LANE_HEADER_WIDTH) // m.COLUMN_WIDTH)
        last = int((x1 - m.LANE_HEADER_WIDTH) // m.COLUMN_WIDTH)
        for i in range(first, last + 1):
            rects, bottoms = self._column(i)
            for b in rects[bisect_right(bottoms, y0) :]:  # top to bottom (tops and bottoms both rise)
                if b[1] >= y1:
                    break
                if x0 < b[2] and b[0] < x1:
                    return b
        return None


def may_lie_on_a_badge(vertical: bool, points: tuple[tuple[float, float], ...]) -> bool:
    """Whether a label's first place (`vertical`, on a route along `points`) can lie on a badge, and
    must be checked against them. An upright label on a route that turns lies on a run in a gutter,
    and badges never reach a gutter (`cards.MARKER_ROOM` keeps them on their card): only a label
    across the gap between stacked cards or along a channel can. The full pass and the pass after an
    edit must ask the same question, or a label is checked in one and not in the other."""
    return not vertical or len(points) == 2


def card_rects(card: CardBox) -> list[Rect]:
    """The rects a card takes: its badges (which straddle its top edge), then its box. Down a column
    these rects' tops and bottoms both rise: a badge stands up at most half its height into the gap
    above its card, which is wider."""
    b = card.box
    rects = [(k.box.x, k.box.y, k.box.x + k.box.w, k.box.y + k.box.h) for k in card.markers]
    rects.append((b.x, b.y, b.x + b.w, b.y + b.h))
    return rects


class _Badges:
    """The cards' fail and wait badges. A route never crosses a card, but a badge stands up into the
    gap above its card, where a label across that gap or along the channel at the top of a lane can
    lie: a label's first place is checked against them too.

    A full pass reads every card once and files the badges in the buckets of the plates' index
    (`buckets`: the pass looks a label's bucket up there as it does for plates, and most buckets hold
    none); after an edit (`where` given: cells, lane ids, step ids) a column's badges are read from
    its cells when first asked, so a few labels cost a few columns. Both answer the same: a badge
    lies on its card, in its card's column (`cards.MARKER_ROOM`)."""

    def __init__(
        self,
        cards: dict[str, CardBox],
        where: tuple[dict[tuple[str, str], Cell], list[str], list[str]] | None = None,
    ) -> None:
        self.columns: dict[int, list[Rect]] = {}
        self.buckets: dict[tuple[float, float], list[Rect]] = {}
        self.cards, self.where = cards, where
        if where is None:
            buckets = self.buckets
            for card in cards.values():
                for k in card.markers:
                    b = k.box
                    rect = (b.x, b.y, b.x + b.w, b.y + b.h)
                    i0, j0 = (rect[0] - X_ORIGIN) // X_CELL, rect[1] // Y_CELL
                    if i0 == (rect[2] - X_ORIGIN) // X_CELL and j0 == rect[3] // Y_CELL:
                        buckets.setdefault((i0, j0), []).append(rect)  # most badges: one bucket
                        continue
                    for key in bucket_keys(rect):
                        buckets.setdefault(key, []).append(rect)

    def _column(self, i: int) -> list[Rect]:
        column = self.columns.get(i)
        if column is None and self.where is not None:
            cells, lane_ids, step_ids = self.where
            column = []
            if 0 <= i < len(step_ids):  # a badge lies over its card, in its card's column
                for lane in lane_ids:
                    for card_id in cells[(lane, step_ids[i])].card_ids:
                        for k in self.cards[card_id].markers:
                            b = k.box
                            column.append((b.x, b.y, b.x + b.w, b.y + b.h))
            self.columns[i] = column
        return column or []

    def hit(self, r: Rect) -> bool:
        if self.where is None:
            return bool(self.buckets) and _hits(self.buckets, r, bucket_keys(r))
        x0, y0, x1, y1 = r
        first = int((x0 - m.LANE_HEADER_WIDTH) // m.COLUMN_WIDTH)
        last = int((x1 - m.LANE_HEADER_WIDTH) // m.COLUMN_WIDTH)
        for i in range(first, last + 1):
            for a0, b0, a1, b1 in self._column(i):
                if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                    return True
        return False


def labels_apart(
    routes: dict[str, Route],
    cards: dict[str, CardBox],
    cells: dict[tuple[str, str], Cell],
    lane_ids: list[str],
    step_ids: list[str],
    renewed: set[str],
    previous_routes: dict[str, Route] | None = None,
    old_cards: dict[str, CardBox] | None = None,
    previous_memo: Memo | None = None,
    renewed_cards: set[str] | None = None,
    links_changed: bool = False,
) -> Memo | None:
    """Move, in place in `routes`, the labels that overlap an earlier label; add their ids to `renewed`.
    `cells`, `lane_ids` and `step_ids` (in column order) say where the cards are. After an edit
    (`previous_routes` and `old_cards` given, and the previous layout's `previous_memo` if it has one)
    only the labels the edit can reach are placed again (`label_memo`), with the same result. Returns
    the memo of the new labels, if one was kept. `renewed_cards`: the cards whose box is not the
    previous object (removed ones included), when known; `links_changed`: links were added or
    removed since `previous_routes` (`renewed` names them)."""
    if previous_routes is not None and old_cards is not None:
        slow = _Slow({}, cards, cells, lane_ids, step_ids, after_edit=True)

        def full_pass() -> None:
            _all_labels_apart(routes, cards, cells, lane_ids, step_ids, renewed)

        memo = labels_apart_after_edit(
            routes,
            cards,
            slow,
            renewed,
            previous_routes,
            old_cards,
            full_pass,
            previous_memo,
            renewed_cards,
            links_changed,
        )
        if memo is not None:
            return memo
    _all_labels_apart(routes, cards, cells, lane_ids, step_ids, renewed)
    return None


def _all_labels_apart(
    routes: dict[str, Route],
    cards: dict[str, CardBox],
    cells: dict[tuple[str, str], Cell],
    lane_ids: list[str],
    step_ids: list[str],
    renewed: set[str],
) -> None:
    """Every label in link order (a full layout's pass)."""
    placed: dict[tuple[float, float], list[Rect]] = {}
    get = placed.get
    length, plate_half = half_length, PLATE_H / 2
    x_origin, x_cell, y_cell = X_ORIGIN, X_CELL, Y_CELL
    slow = _Slow(placed, cards, cells, lane_ids, step_ids)
    badge_buckets = slow.badges.buckets  # looked up by the plates' bucket keys: mostly none
    for link_id, route in routes.items():
        pos = route.label_pos
        if pos is None:
            continue
        if not route.label_moved:  # the common case, kept tight: a label where its route put it
            x, y = pos
            half = length(route.label_text)
            vertical = route.label_vertical
            if vertical:
                x0, y0, x1, y1 = x - plate_half, y - half, x + plate_half, y + half
            else:
                x0, y0, x1, y1 = x - half, y - plate_half, x + half, y + plate_half
            i0, j0 = (x0 - x_origin) // x_cell, y0 // y_cell
            i1, j1 = (x1 - x_origin) // x_cell, y1 // y_cell
            if i0 == i1 and j0 == j1:
                key = (i0, j0)
                near = badge_buckets.get(key) if badge_buckets else None
                if near is None or not (
                    (not vertical or len(route.points) == 2)  # see may_lie_on_a_badge
                    and any(x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1 for a0, b0, a1, b1 in near)
                ):
                    bucket = get(key)
                    if bucket is None:
                        placed[key] = [(x0, y0, x1, y1)]
                        continue
                    for a0, b0, a1, b1 in bucket:
                        if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1:
                            break
                    else:
                        bucket.append((x0, y0, x1, y1))
                        continue
                # else on a badge: the rarer cases below move it
            else:
                keys = [(i, j) for i in span(i0, i1) for j in span(j0, j1)]
                rect = (x0, y0, x1, y1)
                if not (
                    badge_buckets
                    and (not vertical or len(route.points) == 2)
                    and _hits(badge_buckets, rect, keys)
                ) and not _hits(placed, rect, keys):
                    for key in keys:
                        bucket = get(key)
                        if bucket is None:
                            placed[key] = [rect]
                        else:
                            bucket.append(rect)
                    continue
        changed = slow.place(route)
        if changed is not None:
            routes[link_id] = changed
            renewed.add(link_id)


class _Slow:
    """The rarer cases of `labels_apart`: a label that overlaps one placed before it, one that moved
    in the previous layout, or one whose plate spans several buckets of the index."""

    def __init__(
        self,
        placed: dict[tuple[float, float], list[Rect]],
        cards: dict[str, CardBox],
        cells: dict[tuple[str, str], Cell],
        lane_ids: list[str],
        step_ids: list[str],
        after_edit: bool = False,
    ) -> None:
        self.placed = placed
        self.after_edit = after_edit
        self.cards = cards
        self.card_index: _Cards | None = None  # made when a first label must move
        self._badges: _Badges | None = None
        self.where = (cells, lane_ids, step_ids)

    @property
    def badges(self) -> _Badges:
        """The badges of every card (read at once for a full pass, by column as asked after an edit)."""
        if self._badges is None:
            self._badges = _Badges(self.cards, self.where if self.after_edit else None)
        return self._badges

    def _cards(self) -> _Cards:
        if self.card_index is None:
            self.card_index = _Cards(self.cards, *self.where)
        return self.card_index

    def place(self, route: Route) -> Route | None:
        """Place `route`'s label; the route with its label moved (or moved back), or None if unchanged."""
        pos = route.label_pos
        assert pos is not None
        current: Place = (pos, route.label_vertical, route.label_text, route.label_shortened)
        first = label_place(route.points, route.label) if route.label_moved else current
        rect = plate_rect(*first[:3])
        keys = bucket_keys(rect)
        chosen = first
        if _hits(self.placed, rect, keys) or (
            may_lie_on_a_badge(first[1], route.points) and self.badges.hit(rect)
        ):
            self._cards()
            for track in _tracks(route, first, self.cards):
                found = self._free_on(*track)
                if found is not None:
                    chosen, rect = found
                    keys = bucket_keys(rect)
                    break
        for key in keys:
            self.placed.setdefault(key, []).append(rect)
        moved = chosen is not first
        if current == chosen and moved == route.label_moved:
            return None
        return replace(
            route,
            label_pos=chosen[0],
            label_vertical=chosen[1],
            label_text=chosen[2],
            label_shortened=chosen[3],
            label_moved=moved,
            shifted_by=0.0,
        )

    def _free_on(
        self,
        segment: tuple[tuple[float, float], tuple[float, float]],
        middle: tuple[float, float],
        vertical: bool,
        text: str,
        cut: bool,
    ) -> tuple[Place, Rect] | None:
        """The free place along `segment` nearest `middle` (towards the end on a tie) for `text`, with its
        plate: from the middle, each way, the label jumps past whatever plate or card it lies on, in
        steps of half a point from the middle (so positions stay exact when a lane moves them)."""
        (ax, ay), (bx, by) = segment
        half = half_length(text)
        along_y = ax == bx and ay != by  # the segment is vertical
        x, y = middle
        start = y if along_y else x
        low, high = (min(ay, by), max(ay, by)) if along_y else (min(ax, bx), max(ax, bx))
        low, high = min(low + half, start), max(high - half, start)
        best: tuple[float, Place, Rect] | None = None
        for sign in (1.0, -1.0):
            at = start
            for _ in range(_MAX_JUMPS):
                if not low <= at <= high or (best is not None and abs(at - start) >= best[0]):
                    break
                pos = (x, at) if along_y else (at, y)
                rect = plate_rect(pos, vertical, text)
                blocker = _blocker(self.placed, rect) or self.card_index.blocker(rect)  # type: ignore[union-attr]
                if blocker is None:
                    if best is None or abs(at - start) < best[0]:
                        best = (abs(at - start), (pos, vertical, text, cut), rect)
                    break
                edge = (
                    (blocker[3] if along_y else blocker[2])
                    if sign > 0
                    else (blocker[1] if along_y else blocker[0])
                )
                need = edge + half * sign - start  # the centre offset that just clears the blocker
                at = start + sign * _HALF_POINT * (abs(need) // _HALF_POINT + 1)
        return None if best is None else (best[1], best[2])


Track = tuple[tuple[tuple[float, float], tuple[float, float]], tuple[float, float], bool, str, bool]


def _tracks(route: Route, first: Place, cards: dict[str, CardBox]) -> Iterator[Track]:
    """Where else a label may go, best first, each as (segment, middle, vertical, text, shortened): its
    own segment (for a label across the gap between two stacked cards, that gap, which spans the
    column), the route's other segments, then its own segment with a shorter text."""
    (x, y), vertical, text, cut = first
    points = route.points
    own = None
    if len(points) == 2 and points[0][0] == points[1][0] and not vertical:
        box = cards[route.source].box
        own = ((box.x - m.CARD_INSET_X + 1, y), (box.right + m.CARD_INSET_X - 1, y))
    segments = []
    for a, b in pairwise(points):
        if a[0] != b[0] and a[1] != b[1]:
            continue
        middle = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        if own is None and middle == (x, y) and (a[0] == b[0]) == vertical:
            own = (a, b)
        else:
            segments.append((abs(b[0] - a[0]) + abs(b[1] - a[1]), a, b))
    if own is not None:
        yield (own, (x, y), vertical, text, cut)
    segments.sort(key=lambda s: -s[0])
    for length, a, b in segments:
        if length < 30:
            break
        seg_text, seg_cut = one_line(route.label, m.LINK_LABEL_SIZE, length - 6)
        yield ((a, b), ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), a[0] == b[0], seg_text, seg_cut)
    if own is not None:
        full = text_width(text, m.LINK_LABEL_SIZE)
        for share in (0.75, 0.5, 0.35):
            if full * share < 24:
                break
            short, _ = one_line(route.label, m.LINK_LABEL_SIZE, full * share)
            yield (own, (x, y), vertical, short, True)
