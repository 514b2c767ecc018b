"""Link labels kept apart: no label's plate lies on another's, on the samples and on small cases, and
relayout still gives what a full layout gives when labels had to move."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

from blueprint.fileformat import load
from blueprint.layout import Layout, compute_layout, relayout
from blueprint.layout.plates import plate
from blueprint.layout.shapes import Box, Route

from builders import blueprint_with, card

#: Overlaps the layout cannot remove yet, per sample (see docs/layout-link-labels.md): a label cut to
#: a 15 pt gutter crossing, and three labels in one gutter whose segments leave no free room.
KNOWN_OVERLAPS = {
    "aero-engine-power-by-the-hour": {("l20", "l23")},
    "car-ownership": {("l22", "l26"), ("l25", "l26")},
}


def _plate(route: Route) -> Box:
    assert route.label_pos is not None
    return plate(route.label_pos, route.label_vertical, route.label_text)


def _overlapping_labels(layout: Layout) -> set[tuple[str, str]]:
    labelled = [r for r in layout.routes.values() if r.label_pos is not None and r.label_text]
    return {(a.link_id, b.link_id) for a, b in combinations(labelled, 2) if _plate(a).overlaps(_plate(b))}


def test_no_two_link_labels_overlap_on_a_sample(sample_path: Path) -> None:
    layout = compute_layout(load(sample_path))
    assert _overlapping_labels(layout) <= KNOWN_OVERLAPS.get(sample_path.stem, set())


def test_a_moved_label_covers_no_card(sample_path: Path) -> None:
    layout = compute_layout(load(sample_path))
    for route in layout.routes.values():
        if route.label_moved:
            assert not any(_plate(route).overlaps(c.box) for c in layout.cards.values()), route.link_id


def test_two_labels_between_stacked_cards_sit_side_by_side() -> None:
    doc = blueprint_with(
        cards=[card("a", "backstage", 0, "Packs the parcel"), card("b", "backstage", 0, "Prints the label")],
        links=[("a", "b"), ("b", "a")],
    )
    doc.links[0].label = "packed parcel"
    doc.links[1].label = "damaged box: repack"
    layout = compute_layout(doc)
    first, second = (layout.routes[link.id] for link in doc.links)
    assert not first.label_moved and second.label_moved
    assert not _plate(first).overlaps(_plate(second))
    top, bottom = layout.cards["a"].box.bottom, layout.cards["b"].box.y
    gap = Box(0, top, layout.width, bottom - top)
    assert gap.contains(_plate(second)), "the moved label stays in the gap between the two cards"
    assert second.label_text.startswith("damage")


def test_relayout_keeps_moved_labels_as_a_full_layout_places_them(sample_path: Path) -> None:
    doc = load(sample_path)
    previous = compute_layout(doc)
    for c in doc.cards[:: max(1, len(doc.cards) // 4)]:
        c.title = c.title + " and a few more words that make the card taller"
        incremental = relayout(doc, previous, {c.id})
        assert incremental == compute_layout(doc)
        for link_id, route in incremental.routes.items():
            assert previous.routes.get(link_id) is route or link_id in (incremental.renewed_routes or ())
        previous = incremental
