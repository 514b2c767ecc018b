"""Page setup: paper sizes, and how a layout goes onto pages (scaled to one page, or tiled).

A blueprint page has a title block at the top and a legend at the bottom; the layout fills the frame
between them. Tiled sheets repeat the lane names at the left and the stage and step headers at the top,
overlap their neighbours so they can be taped together, and say "row r, column c"; where each sheet
ends (between cards, columns and lanes) is decided in `tilecuts.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import pagesizes

from blueprint.export.tilecuts import SNAP as SNAP  # re-exported: where sheets end is tilecuts.py
from blueprint.export.tilecuts import Blocked
from blueprint.export.tilecuts import spans as _spans
from blueprint.layout import Box, Layout
from blueprint.layout import metrics as m

PAGE_SIZES: dict[str, tuple[float, float]] = {
    "A4": pagesizes.A4,
    "A3": pagesizes.A3,
    "A2": pagesizes.A2,
    "A1": pagesizes.A1,
    "A0": pagesizes.A0,
    "letter": pagesizes.LETTER,
    "legal": pagesizes.LEGAL,
    "tabloid": pagesizes.TABLOID,
}
MAX_PAGE_SIDE = 14_400.0  # 200 inches: the largest page common PDF readers open
MARGIN = 22.0
TITLE_BLOCK = 46.0
LEGEND = 30.0
MIN_TEXT_PT = 6.0  # below this, card text is hard to read on paper
TILE_SCALE = 8.0 / m.TITLE_SIZE  # card titles print at 8 pt on tiles
MAX_FIT_SCALE = 1.5
OVERLAP = 18.0  # points of each sheet repeated on its neighbour


@dataclass(frozen=True)
class Tile:
    """One sheet: the layout region it shows (layout coordinates) and where it sits in the grid."""

    row: int
    column: int
    x0: float
    x1: float
    y0: float
    y1: float
    repeat_lane_names: bool
    repeat_headers: bool


@dataclass(frozen=True)
class PagePlan:
    page_width: float
    page_height: float
    scale: float
    tiles: tuple[Tile, ...]
    rows: int
    columns: int
    warnings: tuple[str, ...] = ()

    @property
    def frame(self) -> tuple[float, float, float, float]:
        """The area for the blueprint on a page: x, y (bottom, PDF convention), width, height."""
        return (
            MARGIN,
            MARGIN + LEGEND,
            self.page_width - 2 * MARGIN,
            self.page_height - 2 * MARGIN - TITLE_BLOCK - LEGEND,
        )


def page_size(name: str, orientation: str) -> tuple[float, float]:
    width, height = PAGE_SIZES[name]
    if orientation == "landscape":
        return (max(width, height), min(width, height))
    return (min(width, height), max(width, height))


def plan_pages(
    layout: Layout,
    size: str = "A3",
    orientation: str = "landscape",
    fit: str = "page",
    span: tuple[float, float] | None = None,
) -> PagePlan:
    """How `layout` goes onto pages. `span` (x0, x1 in layout points, on column edges) shows only
    those columns, with the lane names and the stage and step headers repeated beside and above
    them (a hand-off sheet shows where its function works)."""
    width, height = page_size(size, orientation)
    assert width <= MAX_PAGE_SIDE and height <= MAX_PAGE_SIDE  # every supported size is far smaller
    return plan_sheets(layout, width, height, fit, size, span)


def plan_sheets(
    layout: Layout,
    width: float,
    height: float,
    fit: str = "page",
    name: str = "",
    span: tuple[float, float] | None = None,
) -> PagePlan:
    """The plan for sheets of `width` x `height` points (a printer's paper: any size); `name` names
    the paper in the warning about small text; `span` as for `plan_pages`."""
    size = name or f"{width:.0f} x {height:.0f} pt"
    plan = PagePlan(width, height, 1.0, (), 1, 1)
    _, _, frame_w, frame_h = plan.frame
    if span is not None:
        return _span(layout, size, width, height, frame_w, frame_h, fit, span)
    if fit == "page":
        scale = min(frame_w / layout.width, frame_h / layout.height, MAX_FIT_SCALE)
        warnings = []
        text_pt = m.TITLE_SIZE * scale
        if text_pt < MIN_TEXT_PT and layout.cards:
            warnings.append(
                f"on one {size} page the card text is {text_pt:.1f} pt, below {MIN_TEXT_PT:g} pt: "
                f"use --fit tile, or a larger --page-size"
            )
        tile = Tile(0, 0, 0.0, layout.width, 0.0, layout.height, False, False)
        return PagePlan(width, height, scale, (tile,), 1, 1, tuple(warnings))
    return _tiles(layout, width, height, frame_w, frame_h)


def card_boxes(layout: Layout) -> list[Box]:
    """Every card box, and the badges that straddle their edges: what a cut should not go through."""
    return [box for card in layout.cards.values() for box in (card.box, *(mk.box for mk in card.markers))]


def _span(
    layout: Layout,
    size: str,
    width: float,
    height: float,
    frame_w: float,
    frame_h: float,
    fit: str,
    span: tuple[float, float],
) -> PagePlan:
    """Columns x0..x1 under repeated headers: on one page when the card text stays legible there
    (or `fit` is "page", with the same warning as for the whole layout), else tiled."""
    x0, x1 = span
    shown_w = layout.lane_header_width + x1 - x0
    scale = min(frame_w / shown_w, frame_h / layout.height, MAX_FIT_SCALE)
    if fit == "page" or m.TITLE_SIZE * scale >= MIN_TEXT_PT:
        tile = Tile(0, 0, x0, x1, layout.top_header_height, layout.height, True, True)
        plan = PagePlan(width, height, scale, (tile,), 1, 1)
        text_pt = m.TITLE_SIZE * scale
        if text_pt < MIN_TEXT_PT and layout.cards:
            warning = f"on one {size} page the card text is {text_pt:.1f} pt, below {MIN_TEXT_PT:g} pt"
            return PagePlan(width, height, scale, (tile,), 1, 1, (warning,))
        return plan
    return _tiles(layout, width, height, frame_w, frame_h, span)


_CUTS: list[tuple[Layout, tuple]] = []  # type: ignore[type-arg]


def _cut_candidates(layout: Layout):  # type: ignore[no-untyped-def]
    """The edges sheets prefer to end on and the spans no cut may cross, for `layout`; remembered for
    the last layout planned (the hand-off sheets of one blueprint plan its tiles once per function)."""
    if _CUTS and _CUTS[0][0] is layout:
        return _CUTS[0][1]
    boxes = card_boxes(layout)
    found = (
        [stage.box.x for stage in layout.stages],
        [step.column.x for step in layout.steps] + [step.column.right for step in layout.steps],
        [lane.band.y for lane in layout.lanes] + [lane.band.bottom for lane in layout.lanes],
        Blocked((box.x, box.right) for box in boxes),
        Blocked((box.y, box.bottom) for box in boxes),
    )
    _CUTS[:] = [(layout, found)]
    return found


def _tiles(
    layout: Layout,
    width: float,
    height: float,
    frame_w: float,
    frame_h: float,
    span: tuple[float, float] | None = None,
) -> PagePlan:
    scale = min(TILE_SCALE, MAX_FIT_SCALE)
    if span is None and layout.width * scale <= frame_w and layout.height * scale <= frame_h:
        scale = min(frame_w / layout.width, frame_h / layout.height, MAX_FIT_SCALE)
        tile = Tile(0, 0, 0.0, layout.width, 0.0, layout.height, False, False)
        return PagePlan(width, height, scale, (tile,), 1, 1)
    head_w, head_h = layout.lane_header_width, layout.top_header_height
    x_start, x_end = span if span is not None else (head_w, layout.width)
    room_w = frame_w / scale - head_w
    room_h = frame_h / scale - head_h
    overlap = OVERLAP / scale
    stage_edges, step_edges, lane_edges, blocked_x, blocked_y = _cut_candidates(layout)
    xs = _spans(x_start, x_end, room_w, overlap, (stage_edges, step_edges), blocked_x)
    ys = _spans(head_h, layout.height, room_h, overlap, (lane_edges,), blocked_y)
    tiles = tuple(
        Tile(r, c, x0, x1, y0, y1, True, True)
        for r, (y0, y1) in enumerate(ys)
        for c, (x0, x1) in enumerate(xs)
    )
    return PagePlan(width, height, scale, tiles, len(ys), len(xs))
