"""Where tiled sheets end: between columns and lanes, never through a card when that can be avoided.

A tiled blueprint is cut into a grid of sheets: x pieces (columns of sheets) times y pieces (rows),
each overlapping the previous by the taping overlap. A card is readable when it lies wholly on at
least one sheet, so every cut is chosen in order of preference:

1. a stage edge, else a step-column edge (rows: a lane edge) in the last SNAP of the sheet's room,
   only if the sheets after it can still reach the end with as few sheets as rules 2-4 need (this
   snapping never adds paper);
2. the end of the sheet's room, when no card crosses it;
3. the furthest point before it that no card crosses (the gutter between two columns, the padding
   between two lanes, the gap between stacked cards), even when that costs a sheet;
4. the end of the room, through the cards (only when one sheet cannot hold what lies across the
   cut): the overlap is all that joins the two halves.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable

SNAP = 0.3  # a sheet may end up to this share of its room early to end on a boundary
CLEARANCE = 1.0  # a cut keeps this far from a card's edge, so no sliver of its outline shows


class Blocked:
    """Spans no cut may cross (card boxes and their badges, along one axis), merged and sorted."""

    def __init__(self, spans: Iterable[tuple[float, float]]) -> None:
        starts: list[float] = []
        ends: list[float] = []
        for lo, hi in sorted(spans):
            lo, hi = lo - CLEARANCE, hi + CLEARANCE
            if ends and lo <= ends[-1]:
                if hi > ends[-1]:
                    ends[-1] = hi
            else:
                starts.append(lo)
                ends.append(hi)
        self.starts = starts
        self.ends = ends

    def is_free(self, at: float) -> bool:
        """No span has `at` strictly inside it."""
        i = bisect.bisect_left(self.starts, at) - 1  # the last span starting before `at`
        return i < 0 or self.ends[i] <= at

    def furthest_free(self, lo: float, hi: float) -> float | None:
        """The furthest point of [lo, hi] outside every span, or None when one span covers it all."""
        if self.is_free(hi):
            return hi
        start = self.starts[bisect.bisect_left(self.starts, hi) - 1]  # the span around hi begins here
        return start if start >= lo else None


def _next_cut(at: float, room: float, overlap: float, blocked: Blocked | None) -> float:
    """Rules 2 to 4: the furthest cut no card crosses, else the end of the room."""
    full = at + room
    if blocked is None:
        return full
    found = blocked.furthest_free(at + overlap + 1.0, full)  # the next sheet must move on
    return full if found is None else found


def _fewest(
    at: float, end: float, room: float, overlap: float, blocked: Blocked | None, memo: dict[float, int]
) -> int:
    """The fewest pieces that cover [at, end] with cuts no card crosses where that can be avoided:
    always taking the furthest such cut is optimal, since a later cut lets the next piece reach
    further. `memo` holds the counts from starts already walked: chains of cuts from nearby starts
    soon meet at the same gutter, so a whole `spans` call walks each sheet about once."""
    if blocked is None:  # every cut is free: equal pieces
        return 1 if end - at <= room else math.ceil((end - at - overlap) / (room - overlap) - 1e-9)
    chain: list[float] = []
    while end - at > room and at not in memo:
        chain.append(at)
        at = _next_cut(at, room, overlap, blocked) - overlap
    count = memo.get(at, 1)
    for start in reversed(chain):
        count += 1
        memo[start] = count
    return count


def spans(
    start: float,
    end: float,
    room: float,
    overlap: float,
    boundaries: tuple[list[float], ...] = (),
    blocked: Blocked | None = None,
) -> list[tuple[float, float]]:
    """Cut [start, end] into pieces of at most `room`, each overlapping the previous by `overlap`,
    every cut chosen as the module docstring says: as few pieces as cuts between cards allow."""
    pieces: list[tuple[float, float]] = []
    memo: dict[float, int] = {}
    ordered = [sorted(candidates) for candidates in boundaries]
    at = start
    while end - at > room:
        full = at + room
        fewest = _fewest(at, end, room, overlap, blocked, memo)
        cut = None
        for candidates in ordered:
            window = candidates[
                bisect.bisect_left(candidates, at + room * (1 - SNAP)) : bisect.bisect_right(candidates, full)
            ]
            for b in reversed(window):
                if blocked is not None and not blocked.is_free(b):
                    continue
                if 1 + _fewest(b - overlap, end, room, overlap, blocked, memo) <= fewest:
                    cut = b
                    break
            if cut is not None:
                break
        if cut is None:
            cut = _next_cut(at, room, overlap, blocked)
        pieces.append((at, cut))
        at = cut - overlap
    pieces.append((at, end))
    return pieces


def cut_through(pieces: list[tuple[float, float]], box_spans: Iterable[tuple[float, float]]) -> int:
    """How many of `box_spans` lie wholly in no piece (for tests and the measurements in the docs)."""
    return sum(not any(a - 1e-6 <= lo and hi <= b + 1e-6 for a, b in pieces) for lo, hi in box_spans)
