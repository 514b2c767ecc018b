"""Invariants every layout must satisfy (used by the layout tests), and a check of the checks."""

from __future__ import annotations

from itertools import pairwise

from blueprint.layout import Box, Layout
from blueprint.layout import metrics as m

EPS = 1e-6


def segment_enters(a: tuple[float, float], b: tuple[float, float], box: Box) -> bool:
    """True when the axis-parallel segment a-b passes through the interior of `box`."""
    (ax, ay), (bx, by) = a, b
    if ay == by:
        lo, hi = sorted((ax, bx))
        return box.y + EPS < ay < box.bottom - EPS and min(hi, box.right) - max(lo, box.x) > EPS
    lo, hi = sorted((ay, by))
    return box.x + EPS < ax < box.right - EPS and min(hi, box.bottom) - max(lo, box.y) > EPS


def on_edge(point: tuple[float, float], box: Box) -> bool:
    x, y = point
    inside_x = box.x - EPS <= x <= box.right + EPS
    inside_y = box.y - EPS <= y <= box.bottom + EPS
    on_vertical = abs(x - box.x) < 0.01 or abs(x - box.right) < 0.01
    on_horizontal = abs(y - box.y) < 0.01 or abs(y - box.bottom) < 0.01
    return inside_x and inside_y and (on_vertical or on_horizontal)


def check_layout(layout: Layout) -> None:
    cards = list(layout.cards.values())
    for i, one in enumerate(cards):
        cell = layout.cells[(one.lane_id, one.step_id)]
        assert cell.box.contains(one.box), f"{one.card_id} sticks out of its cell"
        assert one.card_id in cell.card_ids
        for other in cards[i + 1 :]:
            assert not one.box.overlaps(other.box), f"{one.card_id} overlaps {other.card_id}"
        for marker in one.markers:  # badges stay on their card, clear of the gutters beside it
            text_left = one.box.x + m.STRIP_WIDTH + m.CARD_PAD
            assert text_left - EPS <= marker.box.x and marker.box.right <= one.box.right + EPS, (
                f"{one.card_id}'s {marker.kind} badge sticks out of its card"
            )
    for lane in layout.lanes:
        assert lane.band.h > 0
    for a, b in pairwise(layout.lanes):
        assert abs(a.band.bottom - b.band.y) < EPS, "lanes must stack without gaps"
    for route in layout.routes.values():
        source, target = layout.cards[route.source].box, layout.cards[route.target].box
        points = route.points
        assert len(points) >= 2, route
        assert on_edge(points[0], source), f"{route.link_id} does not leave {route.source} at an edge"
        assert on_edge(points[-1], target), f"{route.link_id} does not enter {route.target} at an edge"
        for a, b in pairwise(points):
            assert a[0] == b[0] or a[1] == b[1], f"{route.link_id} has a slanted segment"
            for card in cards:
                assert not segment_enters(a, b, card.box), f"{route.link_id} runs through {card.card_id}"


def test_the_edge_check_knows_edges_from_the_inside() -> None:
    box = Box(0, 0, 10, 10)
    assert on_edge((10, 5), box) and on_edge((5, 0), box)
    assert not on_edge((5, 5), box) and not on_edge((12, 5), box)
