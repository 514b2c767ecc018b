"""Tiled sheets: filled, cut between columns and lanes where a boundary is near, overlapping."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from blueprint.export.pages import OVERLAP, SNAP, _spans, card_boxes, plan_pages
from blueprint.export.tilecuts import Blocked
from blueprint.fileformat import load
from blueprint.layout import compute_layout

REPO = Path(__file__).resolve().parents[2]


def test_spans_fill_their_room_and_snap_to_a_boundary_near_the_end() -> None:
    assert _spans(0, 250, 100, 10) == [(0, 100), (90, 190), (180, 250)]
    assert _spans(0, 250, 100, 10, ([80.0, 95.0, 150.0],)) == [(0, 95.0), (85.0, 185.0), (175.0, 250)]
    assert _spans(0, 250, 100, 10, ([50.0],))[0] == (0, 100), "a boundary too early is not taken"
    assert _spans(0, 250, 100, 10, ([85.0], [98.0]))[0] == (0, 85.0), "the first list wins"
    assert _spans(0, 80, 100, 10, ([50.0],)) == [(0, 80)]
    assert _spans(0, 280, 100, 10, ([75.0],)) == [(0, 100), (90, 190), (180, 280)], "never an extra sheet"


def test_snapping_never_adds_a_sheet() -> None:
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    layout = compute_layout(generate(400))
    plan = plan_pages(layout, "A4", "landscape", "tile")
    _, _, frame_w, frame_h = plan.frame
    boxes = card_boxes(layout)
    counts = []
    for start, end, room, blocked in (
        (
            layout.lane_header_width,
            layout.width,
            frame_w / plan.scale - layout.lane_header_width,
            Blocked((b.x, b.right) for b in boxes),
        ),
        (
            layout.top_header_height,
            layout.height,
            frame_h / plan.scale - layout.top_header_height,
            Blocked((b.y, b.bottom) for b in boxes),
        ),
    ):
        overlap = OVERLAP / plan.scale
        fewest = math.ceil((end - start - overlap) / (room - overlap))
        assert len(_spans(start, end, room, overlap)) == fewest
        # cards are never cut where that can be avoided (which may take more sheets than equal pieces);
        # snapping to stage, step and lane edges adds none to that
        counts.append(len(_spans(start, end, room, overlap, (), blocked)))
    assert [plan.columns, plan.rows] == counts, "as many sheets as cutting between cards takes"


@pytest.mark.parametrize(
    ("size", "orientation"), [("A4", "landscape"), ("A4", "portrait"), ("A3", "portrait")]
)
def test_sheets_end_between_columns_and_lanes_and_keep_the_overlap(size: str, orientation: str) -> None:
    layout = compute_layout(load(REPO / "samples" / "cafe-order-ahead.blueprint"))
    plan = plan_pages(layout, size, orientation, "tile")
    _, _, frame_w, frame_h = plan.frame
    room_w = frame_w / plan.scale - layout.lane_header_width
    room_h = frame_h / plan.scale - layout.top_header_height
    x_edges = {s.column.x for s in layout.steps} | {s.column.right for s in layout.steps}
    y_edges = {lane.band.y for lane in layout.lanes} | {lane.band.bottom for lane in layout.lanes}
    xs = sorted({(t.x0, t.x1) for t in plan.tiles})
    ys = sorted({(t.y0, t.y1) for t in plan.tiles})
    assert len(xs) * len(ys) == len(plan.tiles) > 1
    for spans, room, edges in ((xs, room_w, x_edges), (ys, room_h, y_edges)):
        for (a0, a1), (b0, _) in itertools.pairwise(spans):
            assert b0 == pytest.approx(a1 - OVERLAP / plan.scale), "neighbours overlap by 18 pt"
            assert (1 - SNAP) * room - 1e-6 <= a1 - a0 <= room + 1e-6, "a sheet is at least 70% full"
            near = [e for e in edges if a0 + (1 - SNAP) * room <= e <= a0 + room]
            if near:
                assert a1 in edges, "the sheet ends on a column or lane edge"
