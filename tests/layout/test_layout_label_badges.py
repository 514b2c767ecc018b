"""A link label never lies on a card's fail or wait badge (badges stand up into the gap between
stacked cards, where a label across that gap goes)."""

from __future__ import annotations

from pathlib import Path

from blueprint.fileformat import load
from blueprint.layout import compute_layout
from blueprint.layout.plates import plate
from blueprint.layout.shapes import Layout
from blueprint.model import WaitPoint

from builders import blueprint_with, card


def _labels_on_badges(layout: Layout) -> list[tuple[str, str]]:
    found = []
    for route in layout.routes.values():
        if route.label_pos is None:
            continue
        p = plate(route.label_pos, route.label_vertical, route.label_text)
        for box in layout.cards.values():
            if any(p.overlaps(marker.box) for marker in box.markers):
                found.append((route.link_id, box.card_id))
    return found


def test_no_sample_has_a_label_on_a_badge(sample_path: Path) -> None:
    assert _labels_on_badges(compute_layout(load(sample_path))) == []


def test_a_label_across_a_gap_steps_aside_from_the_badge_below_it() -> None:
    upper = card("c1", "customer", 0, "Checks the tracking page")
    lower = card("c2", "customer", 0, "Calls the hotline")
    doc = blueprint_with(cards=[upper, lower], links=[("c1", "c2")])
    doc.links[0].label = "window is on a workday"
    doc.cards[1].wait_point = WaitPoint(minutes=6)
    layout = compute_layout(doc)
    route = layout.routes[doc.links[0].id]
    assert layout.cards["c2"].markers, "the lower card must show its wait badge"
    assert route.label_moved and _labels_on_badges(layout) == []
    assert route.label_text == "window is on a workday"  # it moved aside, not shortened


def test_a_large_generated_blueprint_has_no_label_on_a_badge() -> None:
    import generated

    layout = compute_layout(generated.generate(800))
    assert sum(len(box.markers) for box in layout.cards.values()) > 20  # badges to stay off
    assert _labels_on_badges(layout) == []
