"""The cards and routes a rectangle meets, found from the layout's cells and its index of links by
column (`layout/in_sight.py`), are every one a look at each shape finds: on a generated blueprint,
after a full layout and after lane-shifting relayouts, for rectangles of many sizes and places."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint.layout import Layout, compute_layout, prepare_for_edits, relayout
from blueprint.layout.in_sight import Rect, cards_meeting, route_candidates
from blueprint.model import Blueprint

import generated as _generator
from builders import IndexOf
from strategies import blueprints


def _meets_box(layout: Layout, card_id: str, rect: Rect) -> bool:
    b = layout.cards[card_id].box
    left, top, right, bottom = rect
    return b.x <= right and b.x + b.w >= left and b.y <= bottom and b.y + b.h >= top


def _meets_points(layout: Layout, link_id: str, rect: Rect) -> bool:
    """The bounds of the route's points meet `rect` (as the canvas asks of a route)."""
    left, top, right, bottom = rect
    xs = [x for x, _ in layout.routes[link_id].points]
    ys = [y for _, y in layout.routes[link_id].points]
    return min(xs) <= right and max(xs) >= left and min(ys) <= bottom and max(ys) >= top


def _rects(layout: Layout, rng: random.Random, count: int) -> list[Rect]:
    rects: list[Rect] = [(-50.0, -50.0, layout.width + 50, layout.height + 50)]
    for _ in range(count):
        w, h = rng.choice((1.0, 40.0, 300.0, 1400.0, 3000.0)), rng.choice((1.0, 40.0, 300.0, 900.0))
        x, y = rng.uniform(-200, layout.width + 100), rng.uniform(-200, layout.height + 100)
        rects.append((x, y, x + w, y + h))
    return rects


def _assert_found(layout: Layout, rects: list[Rect]) -> None:
    for rect in rects:
        want_cards = {i for i in layout.cards if _meets_box(layout, i, rect)}
        assert set(cards_meeting(layout, rect)) == want_cards, rect
        candidates = route_candidates(layout, rect)
        assert candidates is not None
        meeting = {i for i in layout.routes if layout.routes[i].points and _meets_points(layout, i, rect)}
        assert meeting <= set(candidates), (rect, sorted(meeting - set(candidates))[:5])


def _lane_shifted(doc: Blueprint, layout: Layout, rng: random.Random, moves: int) -> Layout:
    """`layout` after `moves` cards moved to a neighbouring step (as the editor relayouts them)."""
    steps = [step.id for _, step in doc.all_steps()]
    for _ in range(moves):
        card = rng.choice(doc.cards)
        i = steps.index(card.step)
        card.step = steps[i + 1] if i + 1 < len(steps) else steps[i - 1]
        layout = relayout(doc, layout, {card.id}, index=IndexOf(doc), same_frame=True)
    return layout


def test_a_generated_blueprint_before_and_after_edits() -> None:
    rng = random.Random(7)
    doc = _generator.generate(600)
    layout = compute_layout(doc)
    assert route_candidates(layout, (0.0, 0.0, 10.0, 10.0)) is None  # no index yet: the caller asks each
    prepare_for_edits(layout)
    _assert_found(layout, _rects(layout, rng, 150))
    heights = [lane.band.h for lane in layout.lanes]
    layout = _lane_shifted(doc, layout, rng, 6)
    assert [lane.band.h for lane in layout.lanes] != heights, "no lane moved: the test lost its point"
    _assert_found(layout, _rects(layout, rng, 150))


@settings(max_examples=40, deadline=None)
@given(blueprints(), st.randoms(use_true_random=False))
def test_random_blueprints(doc: Blueprint, rng: random.Random) -> None:
    layout = compute_layout(doc)
    prepare_for_edits(layout)
    _assert_found(layout, _rects(layout, rng, 20))
