"""Link routes: orthogonal polylines through the routing gutters between cells.

Cards never sit in the gutters between columns (the vertical channels) nor in the top padding of a
lane (the horizontal channels), so a route made of an exit stub, gutter runs, channel runs and an entry
stub cannot cross another card. Routes stay local: they turn in the gutters next to their own cards.
A route depends only on its two cards, their columns and the channels, so the editor can recompute
just the routes whose cards moved.
"""

from __future__ import annotations

import zlib
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from blueprint.layout import metrics as m
from blueprint.layout.quickinit import positional_maker
from blueprint.layout.shapes import Box, Route
from blueprint.layout.text import clean, one_line, text_width

Point = tuple[float, float]

#: `Route(...)` with every field given, in field order (`shifted_by` last): half the cost of the
#: class's own constructor, for the loops that make a route per link (see `positional_maker`).
new_route = positional_maker(Route)


@dataclass(frozen=True, slots=True)
class RoutingGrid:
    """What routing needs to know about the grid."""

    column_x: tuple[float, ...]  # left edge of every column
    channels: tuple[float, ...]  # y of every horizontal channel, top to bottom


@lru_cache(maxsize=131_072)
def _tracks(link_id: str) -> tuple[float, float, float, float]:
    """Small deterministic offsets so routes that share a gutter or a channel do not overlap exactly."""
    h = zlib.crc32(link_id.encode("utf-8"))
    gutter = ((h % 7) - 3) * 2.5
    channel = ((h >> 3) % 4) * 2.0
    exit_ = (((h >> 5) % 5) - 2) * 3.0
    entry = (((h >> 8) % 5) - 2) * 3.0
    return gutter, channel, exit_, entry


def _edge_y(box: Box, offset: float) -> float:
    limit = max(0.0, box.h / 2 - 6)
    return box.y + box.h / 2 + max(-limit, min(limit, offset))


def _gutter_x(grid: RoutingGrid, boundary: int, offset: float) -> float:
    """x of the vertical channel at the left edge of column `boundary` (may be one past the last)."""
    x = grid.column_x[boundary] if boundary < len(grid.column_x) else grid.column_x[-1] + m.COLUMN_WIDTH
    if boundary == 0:  # only half a gutter before the first column
        return x + m.CARD_INSET_X / 2 + offset / 3
    if boundary >= len(grid.column_x):
        return x - m.CARD_INSET_X / 2 + offset / 3
    return x + offset


def _channel_y(grid: RoutingGrid, ys: float, yt: float, offset: float) -> float:
    """The horizontal channel that makes the vertical runs shortest (nearest the target on ties)."""
    channels = grid.channels
    low, high = (ys, yt) if ys <= yt else (yt, ys)
    i = bisect_left(channels, low)
    n = len(channels)
    if i < n and channels[i] <= high:
        # the channels between the two ends, top to bottom: the nearest the target (the upper on ties)
        best = channels[i]
        distance = abs(best - yt)
        for j in range(i + 1, n):
            c = channels[j]
            if c > high:
                break
            d = abs(c - yt)
            if d < distance:
                best, distance = c, d
        return best + offset
    above = channels[i - 1] if i > 0 else None
    below = channels[i] if i < n else None
    if above is None or below is None:
        best = below if above is None else above  # type: ignore[assignment]
    else:  # the shorter runs together, then nearer the target, then the upper
        ka = (abs(above - ys) + abs(above - yt), abs(above - yt), above)
        kb = (abs(below - ys) + abs(below - yt), abs(below - yt), below)
        best = below if kb < ka else above
    return best + offset


def _simplify(points: list[Point]) -> tuple[Point, ...]:
    """Drop repeated points and middle points of straight runs."""
    out: list[Point] = []
    for p in points:
        if out:
            last = out[-1]
            if last == p:
                continue
            if len(out) >= 2:
                before = out[-2]
                if (before[0] == last[0] == p[0]) or (before[1] == last[1] == p[1]):
                    out[-1] = p
                    continue
        out.append(p)
    return tuple(out)


def label_place(points: tuple[Point, ...], label: str) -> tuple[Point, bool, str, bool]:
    """Where a label goes: the middle of the longest horizontal segment if it has room, else of the
    longest segment; the label is cut to that segment's length."""
    flat, flat_width, full = _flat(label)
    one_segment = len(points) == 2
    if one_segment:  # (a third of all routes): no choice to make
        (ax, ay), (bx, by) = points
        length = abs(bx - ax) + abs(by - ay)
    else:
        best_h = best_any = -1.0
        h_seg = any_seg = None
        a = points[0]
        ax, ay = a
        for b in points[1:]:
            bx, by = b
            if ay == by:  # a horizontal run (abs(dy) adds nothing)
                length = bx - ax if bx >= ax else ax - bx
                if length > best_h:
                    best_h, h_seg = length, (a, b)
            else:
                length = abs(bx - ax) + abs(by - ay)
            if length > best_any:
                best_any, any_seg = length, (a, b)
            a, ax, ay = b, bx, by
        if best_h >= 0 and best_h >= (full + 8 if full + 8 <= 60 else 60):  # min(full + 8, 60)
            length, ((ax, ay), (bx, by)) = best_h, h_seg  # type: ignore[misc]
        else:
            length, ((ax, ay), (bx, by)) = best_any, any_seg  # type: ignore[misc]
    middle = ((ax + bx) / 2, (ay + by) / 2)
    vertical = ax == bx
    if one_segment and vertical and length < full + 8:
        # a short straight drop between stacked cards: the label lies across the gap between them
        vertical, room = False, m.CARD_WIDTH - 10
    else:
        room = length - 6 if length - 6 > 24.0 else 24.0  # max(length - 6, 24.0)
    if flat_width <= room:  # what one_line gives, without its cache missing on every new room
        return middle, vertical, flat, False
    text, cut = one_line(label, m.LINK_LABEL_SIZE, room)
    return middle, vertical, text, cut


@lru_cache(maxsize=32_768)
def _flat(label: str) -> tuple[str, float, float]:
    """`label` on one line (as `one_line` cleans it), its width and the width of `label` as it is, at
    the link label size."""
    flat = " ".join(clean(label).split())
    return flat, text_width(flat, m.LINK_LABEL_SIZE), text_width(label, m.LINK_LABEL_SIZE)


def channel_of(link_id: str, source: Box, target: Box, grid: RoutingGrid) -> float:
    """y of the horizontal run of a route that crosses two or more columns (see `route_points`)."""
    _, channel, exit_off, entry_off = _tracks(link_id)
    return _channel_y(grid, _edge_y(source, exit_off), _edge_y(target, entry_off), channel)


def points_between(
    link_id: str, s: Box, cs: int, os: int, t: Box, ct: int, ot: int, grid: RoutingGrid
) -> tuple[Point, ...]:
    """The polyline from an edge of the source card's box `s` to an edge of the target's `t`, given
    their columns and their places in the column (top to bottom). Called once per link, it builds the
    polyline directly: one whose segments all have a length and turn at every point is already in its
    simplest form. (`_edge_y` and `_gutter_x` are written out here: the same sums in the same order.)"""
    gutter, channel, exit_off, entry_off = _tracks(link_id)
    if cs == ct and (os - ot == 1 or ot - os == 1):  # neighbours in the column: straight down or up
        x = s.x + s.w / 2 + gutter
        a, b = ((x, s.y + s.h), (x, t.y)) if ot > os else ((x, s.y), (x, t.y + t.h))
        return (a, b) if a != b else (a,)
    half = s.h / 2
    limit = half - 6
    if limit < 0.0:
        limit = 0.0
    off = exit_off if -limit <= exit_off <= limit else (limit if exit_off > limit else -limit)
    ys = s.y + half + off
    half = t.h / 2
    limit = half - 6
    if limit < 0.0:
        limit = 0.0
    off = entry_off if -limit <= entry_off <= limit else (limit if entry_off > limit else -limit)
    yt = t.y + half + off
    xs = grid.column_x
    n = len(xs)
    if cs == ct:
        boundary = cs + 1
        xg = xs[boundary] + gutter if boundary < n else _gutter_x(grid, boundary, gutter)
        sx, tx = s.x + s.w, t.x + t.w
        if ys != yt and sx != xg and xg != tx:
            return ((sx, ys), (xg, ys), (xg, yt), (tx, yt))
        return _simplify([(sx, ys), (xg, ys), (xg, yt), (tx, yt)])
    if ct > cs:  # forward
        sx, tx = s.x + s.w, t.x
        boundary = cs + 1
    else:
        sx, tx = s.x, t.x + t.w
        boundary = cs
    xa = xs[boundary] + gutter if 0 < boundary < n else _gutter_x(grid, boundary, gutter)
    if ct - cs == 1 or cs - ct == 1:
        if ys != yt and sx != xa and xa != tx:
            return ((sx, ys), (xa, ys), (xa, yt), (tx, yt))
        return _simplify([(sx, ys), (xa, ys), (xa, yt), (tx, yt)])
    boundary = ct if ct > cs else ct + 1
    xb = xs[boundary] + -gutter if 0 < boundary < n else _gutter_x(grid, boundary, -gutter)
    yh = _channel_y(grid, ys, yt, channel)
    if ys != yh and yh != yt and sx != xa and xa != xb and xb != tx:
        return ((sx, ys), (xa, ys), (xa, yh), (xb, yh), (xb, yt), (tx, yt))
    return _simplify([(sx, ys), (xa, ys), (xa, yh), (xb, yh), (xb, yt), (tx, yt)])


def route_of(
    link_id: str,
    source_id: str,
    target_id: str,
    points: tuple[Point, ...],
    label: str,
    kind: str,
    is_handoff: bool,
) -> Route:
    """The route along `points`, its label placed on it (see `label_place`)."""
    if label and len(points) > 1 and label.strip():
        middle, vertical, text, cut = label_place(points, label)
        return Route(
            link_id, source_id, target_id, points, label, middle, kind, is_handoff, text, vertical, cut
        )
    return Route(link_id, source_id, target_id, points, label, None, kind, is_handoff)


def shift_route(route: Route, dy: float) -> Route:
    """`route` moved down by `dy` (its cards and the channels it uses all moved by `dy`). Exactly what
    routing the moved cards again gives: every y of a layout is a multiple of 1/8 pt (the metrics are
    multiples of 0.5 pt, halved at most three times), so these sums are exact in floating point."""
    label_pos = route.label_pos
    return Route(
        route.link_id,
        route.source,
        route.target,
        tuple([(x, y + dy) for x, y in route.points]),
        route.label,
        None if label_pos is None else (label_pos[0], label_pos[1] + dy),
        route.kind,
        route.is_handoff,
        route.label_text,
        route.label_vertical,
        route.label_shortened,
        route.label_moved,
        dy,
    )
