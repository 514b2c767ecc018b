"""Tiled sheets are cut between cards: every card lies wholly on at least one sheet.

Checked from the tile geometry the page plan returns, and by reading the tiled PDF back with pypdf."""

from __future__ import annotations

import io
import itertools
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from blueprint.export import ExportOptions, export_pdf
from blueprint.export.pages import OVERLAP, PagePlan, card_boxes, page_size, plan_pages
from blueprint.export.tilecuts import CLEARANCE, Blocked, cut_through, spans
from blueprint.fileformat import load
from blueprint.layout import Box, Layout, compute_layout
from blueprint.model import Blueprint

REPO = Path(__file__).resolve().parents[2]


def generated(n: int) -> Blueprint:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate

    return generate(n)


def holding(plan: PagePlan, box: Box) -> list[int]:
    """Indexes of the tiles that show `box` whole."""
    eps = 1e-6
    return [
        i
        for i, t in enumerate(plan.tiles)
        if t.x0 - eps <= box.x
        and box.right <= t.x1 + eps
        and t.y0 - eps <= box.y
        and box.bottom <= t.y1 + eps
    ]


@pytest.fixture(scope="module")
def layout400() -> Layout:
    return compute_layout(generated(400))


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_every_card_of_a_400_card_blueprint_is_whole_on_some_a4_sheet(
    layout400: Layout, orientation: str
) -> None:
    plan = plan_pages(layout400, "A4", orientation, "tile")
    assert len(plan.tiles) == plan.rows * plan.columns > 20
    for card in layout400.cards.values():
        assert holding(plan, card.box), card.card_id
        for marker in card.markers:  # badges straddle the card's edge: not cut either
            assert holding(plan, marker.box), (card.card_id, marker.kind)


def test_sheets_still_overlap_and_cover_the_whole_blueprint(layout400: Layout) -> None:
    plan = plan_pages(layout400, "A4", "landscape", "tile")
    _, _, frame_w, frame_h = plan.frame
    room_w = frame_w / plan.scale - layout400.lane_header_width
    room_h = frame_h / plan.scale - layout400.top_header_height
    xs = sorted({(t.x0, t.x1) for t in plan.tiles})
    ys = sorted({(t.y0, t.y1) for t in plan.tiles})
    assert xs[0][0] == layout400.lane_header_width and xs[-1][1] == layout400.width
    assert ys[0][0] == layout400.top_header_height and ys[-1][1] == layout400.height
    for pieces, room in ((xs, room_w), (ys, room_h)):
        for (a0, a1), (b0, _) in itertools.pairwise(pieces):
            assert b0 == pytest.approx(a1 - OVERLAP / plan.scale)
            assert a1 - a0 <= room + 1e-6
    gutters = [(s.column.right - 10, s.column.right + 10) for s in layout400.steps]
    for _, cut in xs[:-1]:
        assert any(lo - CLEARANCE <= cut <= hi + CLEARANCE for lo, hi in gutters), "x cuts lie in gutters"


def test_the_tiled_pdf_read_back_has_one_a4_page_per_tile_and_each_card_on_its_page(
    layout400: Layout,
) -> None:
    doc = generated(400)
    plan = plan_pages(layout400, "A4", "landscape", "tile")
    out = io.BytesIO()
    export_pdf(doc, out, ExportOptions("A4", "landscape", "tile", appendix=False))
    reader = PdfReader(out)
    assert len(reader.pages) == len(plan.tiles)
    width, height = page_size("A4", "landscape")
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((width, height))
    texts: dict[int, str] = {}
    cards = list(layout400.cards.values())
    for card in cards[:: len(cards) // 12]:  # a dozen cards spread over the blueprint
        index = holding(plan, card.box)[0]
        if index not in texts:
            texts[index] = " ".join(reader.pages[index].extract_text().split())
        assert " ".join(card.title_lines[0].split()) in texts[index], (card.card_id, index)
        tile = plan.tiles[index]
        assert f"row {tile.row + 1}, column {tile.column + 1}" in texts[index]


@pytest.mark.parametrize(
    ("name", "orientation"),
    [("car-ownership", "portrait"), ("saas-subscription", "portrait"), ("smartphone-store", "landscape")],
)
def test_samples_that_used_to_cut_a_card_no_longer_do(name: str, orientation: str) -> None:
    layout = compute_layout(load(REPO / "samples" / f"{name}.blueprint"))
    plan = plan_pages(layout, "A4", orientation, "tile")
    assert len(plan.tiles) > 1
    assert all(holding(plan, box) for box in card_boxes(layout))


def test_a_cut_goes_to_the_furthest_gap_before_a_card() -> None:
    blocked = Blocked([(10, 40), (50, 90), (95, 130)])
    # the room ends inside the card at 95-130: the cut goes just before it (CLEARANCE away)
    assert spans(0, 200, 100, 10, (), blocked)[0] == (0, 95 - CLEARANCE)
    pieces = spans(0, 200, 100, 10, (), blocked)
    assert cut_through(pieces, [(10, 40), (50, 90), (95, 130)]) == 0
    # without cards in the way the sheet takes its whole room
    assert spans(0, 200, 100, 10, (), Blocked([(10, 40)]))[0] == (0, 100)


def test_a_boundary_is_taken_only_when_it_adds_no_sheet_to_what_the_cards_need() -> None:
    blocked = Blocked([(10, 60), (75, 98), (110, 160), (170, 190)])
    # 72 is a boundary in the last 30% of the room and in a gap between cards
    assert spans(0, 200, 100, 10, ([72.0],), blocked)[0] == (0, 72.0)
    # a boundary inside a card is never taken: the room's end (in the gap 98-110) is
    assert spans(0, 200, 100, 10, ([80.0],), blocked)[0] == (0, 100)
    small = Blocked([(5, 8)])
    assert spans(0, 160, 100, 10, ([75.0],), small) == [(0, 75.0), (65.0, 160)]
    assert spans(0, 190, 100, 10, ([75.0],), small) == [(0, 100), (90, 190)], "75 would cost a sheet"


def test_when_no_gap_can_be_reached_the_cut_falls_back_to_the_full_room_and_the_overlap() -> None:
    blocked = Blocked([(5, 400)])  # one span longer than a sheet: nothing to gain by cutting early
    pieces = spans(0, 300, 100, 10, (), blocked)
    assert pieces == [(0, 100), (90, 190), (180, 280), (270, 300)]
