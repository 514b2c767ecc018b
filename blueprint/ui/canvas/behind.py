"""Items out of sight are brought up to date after the paint, so an edit's repaint waits only for
what the views show.

A card move that makes a lane taller gives ~1,000 cards and ~1,300 routes below it new shapes
(at 5,000 cards); telling every item at once (new bounds, Qt re-indexing each) took 15-25 ms before
the view could repaint, though only the few dozen in sight change what anyone sees. The scene tells
at once the items whose old or new place is in (or near) a visible view's sight, and leaves the
others "behind": their items still show their previous shapes, consistently (bounds, path, label,
tooltip), where no view looks. They are brought up to date

- a chunk per turn of the event loop after the view has painted (`BlueprintScene._catch_up`);
- before a view paints anything outside the sight they were left behind for (a scroll, a zoom, a
  resize, another view): those whose old or new place the new sight meets, the others then being
  behind for that sight (`BlueprintScene._look_at`); all of them before the scene is rendered
  elsewhere (`render`);
- one by one whenever code asks for an item by id (`ItemTable.__getitem__` and `get`), so every
  caller that looks at one item's place (keyboard moves, in-place editing, centring on a card,
  drags) sees it where the layout has it.

While the scene shows a preview (`pending.py`), an item asked for by id whose place lies outside the
preview's sight may not be where the exact layout puts it: the table's `unsure` check then waits
for the exact layout first.

Qt's own questions (`items(pos)` for a click) only ask about places in sight, where no item is
behind. With no visible view nothing is left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QRectF

from blueprint.layout.metrics import COLUMN_WIDTH
from blueprint.layout.shapes import Box

T = TypeVar("T")

#: How far around a view's visible rect (scene points) items are still told at once: room for the
#: badges and handles outside a card's box, and for a label's plate around its route.
MARGIN = 300.0

#: How far beside its two ends a route can run (a gutter next to one of its cards' columns).
REACH = COLUMN_WIDTH

Sight = tuple[float, float, float, float]  # left, top, right, bottom


class ItemTable(dict[str, T]):
    """Items by id; getting one by id first brings it up to date if it was left behind (and, with
    `unsure` set, lets that check whether its place can be trusted before the exact layout)."""

    __slots__ = ("behind", "settle", "unsure")

    def __init__(self, behind: dict[str, None], settle: Callable[[str], None]) -> None:
        super().__init__()
        self.behind = behind
        self.settle = settle
        self.unsure: Callable[[str], None] | None = None

    def __getitem__(self, key: str) -> T:
        if self.unsure is not None:
            self.unsure(key)
        if self.behind and key in self.behind:
            self.settle(key)
        return dict.__getitem__(self, key)

    def get(self, key: str, default: T | None = None) -> T | None:  # type: ignore[override]
        if self.unsure is not None:
            self.unsure(key)
        if self.behind and key in self.behind:
            self.settle(key)
        return dict.get(self, key, default)


def sight_of(rects: list[QRectF]) -> Sight | None:
    """The union of the views' visible rects with `MARGIN` around; None without any."""
    if not rects:
        return None
    union = rects[0]
    for rect in rects[1:]:
        union = union.united(rect)
    return (union.left() - MARGIN, union.top() - MARGIN, union.right() + MARGIN, union.bottom() + MARGIN)


def within(rect: QRectF, sight: Sight) -> bool:
    """`rect` lies inside `sight` (so nothing left behind for `sight` shows in it)."""
    left, top, right, bottom = sight
    return rect.left() >= left and rect.top() >= top and rect.right() <= right and rect.bottom() <= bottom


def box_in_sight(b: Box, sight: Sight) -> bool:
    left, top, right, bottom = sight
    return b.x <= right and b.x + b.w >= left and b.y <= bottom and b.y + b.h >= top


def points_in_sight(points: tuple[tuple[float, float], ...], sight: Sight) -> bool:
    """The bounds of a route's points meet `sight` (its label lies within `MARGIN` of them).

    Routes turn in the gutters next to their own cards (`layout/routes.py`), so a route whose ends
    are more than `REACH` beside the sight is out of it: most are, and are told so from two points."""
    if not points:
        return False
    left, top, right, bottom = sight
    x0, x1 = points[0][0], points[-1][0]
    if x0 > x1:
        x0, x1 = x1, x0
    if x0 - REACH > right or x1 + REACH < left:
        return False
    xs = [x for x, _ in points]
    if min(xs) > right or max(xs) < left:
        return False
    ys = [y for _, y in points]
    return min(ys) <= bottom and max(ys) >= top
