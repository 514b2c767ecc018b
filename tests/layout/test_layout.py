"""The layout engine: geometry invariants on samples and random documents, and its determinism."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from blueprint.fileformat import load
from blueprint.layout import compute_layout
from blueprint.layout import metrics as m

from builders import blueprint_with, card
from strategies import blueprints
from test_layout_invariants import check_layout, segment_enters


def test_samples_satisfy_every_invariant(sample_path: Path) -> None:
    doc = load(sample_path)
    layout = compute_layout(doc)
    assert set(layout.cards) == {c.id for c in doc.cards}
    assert set(layout.routes) == {link.id for link in doc.links}
    check_layout(layout)


@given(blueprints())
def test_random_documents_satisfy_every_invariant(doc) -> None:  # type: ignore[no-untyped-def]
    layout = compute_layout(doc)
    check_layout(layout)
    assert layout == compute_layout(doc), "the layout must be deterministic"


def test_a_lane_grows_to_fit_its_tallest_cell() -> None:
    stacked = [card(f"c{i}", "backstage", 1, f"Card {i}") for i in range(4)]
    doc = blueprint_with(cards=[card("a", "customer", 0, "Alone"), *stacked])
    layout = compute_layout(doc)
    bands = {band.lane_id: band for band in layout.lanes}
    bottom = max(layout.cards[c["id"]].box.bottom for c in stacked)
    assert bands["backstage"].band.bottom >= bottom
    assert bands["backstage"].band.h > bands["customer"].band.h
    ys = [layout.cards[c["id"]].box.y for c in stacked]
    assert ys == sorted(ys), "cards of a cell stack in array order"


def test_the_three_lines_lie_between_the_right_lanes() -> None:
    doc = blueprint_with(lanes=["evidence", "customer", "frontstage", "notes", "backstage", "support"])
    layout = compute_layout(doc)
    bands = {band.lane_id: band for band in layout.lanes}
    lines = {line.kind: line.y for line in layout.lines}
    assert lines["interaction"] == bands["frontstage"].band.y
    assert bands["frontstage"].band.bottom <= lines["visibility"] <= bands["backstage"].band.y
    assert lines["internal"] == bands["support"].band.y
    assert {line.label for line in layout.lines} == {
        "Line of interaction",
        "Line of visibility",
        "Line of internal interaction",
    }


def test_lines_need_both_zones() -> None:
    layout = compute_layout(blueprint_with(lanes=["customer", "frontstage"]))
    assert [line.kind for line in layout.lines] == ["interaction"]


def test_the_emotion_row_appears_only_with_customer_emotions() -> None:
    plain = compute_layout(blueprint_with(cards=[card("a", "customer", 0, "A")]))
    assert plain.emotion is None
    doc = blueprint_with(
        cards=[card("a", "customer", 0, "A", emotion=2), card("b", "customer", 2, "B", emotion=-2)]
    )
    curve = compute_layout(doc).emotion
    assert curve is not None
    assert [step for step, _ in curve.values] == ["step0", "step2"]
    (x0, y0), (x1, y1) = curve.points
    assert x0 < x1 and y0 < curve.baseline_y < y1, "happy is drawn above the baseline, unhappy below"
    assert curve.box.y >= 0 and curve.box.bottom <= compute_layout(doc).lanes[0].band.y


def test_stage_headers_group_their_steps() -> None:
    doc = blueprint_with(steps=5, stages=[("first", 2, "pre-purchase"), ("second", 3, None)])
    layout = compute_layout(doc)
    first, second = layout.stages
    assert first.phase == "pre-purchase"
    assert [s.step_id for s in layout.steps if s.stage_id == "second"] == ["step2", "step3", "step4"]
    for step in layout.steps:
        stage = first if step.stage_id == "first" else second
        assert stage.box.x <= step.box.x and step.box.right <= stage.box.right + 1e-6
        assert step.column.bottom == layout.lanes[-1].band.bottom


def test_long_titles_wrap_inside_the_box_and_are_marked_when_shortened() -> None:
    long_word = "Überweisungsbestätigungsformular" * 2
    doc = blueprint_with(
        cards=[
            card("short", "customer", 0, "Pays"),
            card("word", "customer", 1, long_word),
            card("long", "customer", 2, "word " * 90),
        ]
    )
    layout = compute_layout(doc)
    from blueprint.layout.text import text_width

    assert layout.cards["short"].title_lines == ("Pays",)
    assert not layout.cards["short"].shortened
    assert "".join(layout.cards["word"].title_lines) == long_word
    assert layout.cards["long"].shortened
    assert layout.cards["long"].title_lines[-1].endswith("…")
    for box in layout.cards.values():
        for line in box.title_lines:
            assert text_width(line, m.TITLE_SIZE, True) <= m.TEXT_WIDTH + 1e-6


def test_routes_between_far_cards_stay_in_gutters_and_channels() -> None:
    cards = [card(f"b{i}", "backstage", i, f"Blocker {i}") for i in range(5)]
    cards += [card("s", "customer", 0, "Start"), card("t", "support", 4, "End")]
    cards += [card(f"f{i}", "frontstage", i, f"Front {i}") for i in range(5)]
    doc = blueprint_with(cards=cards, steps=5, links=[("s", "t"), ("t", "s", {"kind": "loop"})])
    layout = compute_layout(doc)
    check_layout(layout)
    forward, back = layout.routes["l0"], layout.routes["l1"]
    assert forward.points[0][0] == layout.cards["s"].box.right, "a forward link leaves at the right edge"
    assert forward.points[-1][0] == layout.cards["t"].box.x, "and enters at the left edge"
    assert back.points[0][0] == layout.cards["t"].box.x and back.kind == "loop"
    width = layout.width
    assert max(x for x, _ in forward.points) < width and len(forward.points) <= 6


def test_neighbours_in_a_column_join_straight() -> None:
    doc = blueprint_with(
        cards=[card("a", "customer", 1, "A"), card("b", "frontstage", 1, "B")], links=[("a", "b")]
    )
    route = compute_layout(doc).routes["l0"]
    assert len(route.points) == 2 and route.points[0][0] == route.points[1][0]


def test_handoffs_are_links_between_two_functions() -> None:
    doc = blueprint_with(
        cards=[
            card("a", "frontstage", 0, "A", function="team-a"),
            card("b", "backstage", 1, "B", function="team-b"),
            card("c", "backstage", 2, "C", function="team-b"),
            card("d", "customer", 2, "D"),
        ],
        links=[("a", "b"), ("b", "c"), ("c", "d")],
    )
    routes = compute_layout(doc).routes
    assert [routes[f"l{i}"].is_handoff for i in range(3)] == [True, False, False]


def test_segment_check_catches_a_crossing() -> None:
    from blueprint.layout import Box

    box = Box(10, 10, 20, 20)
    assert segment_enters((0, 15), (50, 15), box)
    assert not segment_enters((0, 10), (50, 10), box), "running along an edge is not crossing"
    assert not segment_enters((0, 5), (50, 5), box)


@pytest.mark.parametrize("title", ["<b>&amp; <font>", "Привет мир", "Ωμέγα", "مرحبا بالعالم", "预订房间"])
def test_any_text_is_kept(title: str) -> None:
    layout = compute_layout(blueprint_with(cards=[card("a", "customer", 0, title)]))
    assert " ".join(layout.cards["a"].title_lines) == title


@given(st.text(max_size=200), st.floats(20, 300))
@example("000\u05d0", 20.0)  # a right-to-left paragraph broken before its Hebrew: a mark leads the line
def test_wrapping_keeps_every_character(text: str, width: float) -> None:
    """Every character is kept, in order; the only additions are the direction marks that keep a
    continued line of a right-to-left paragraph right-to-left (layout/direction.py)."""
    from blueprint.layout.text import clean, wrap

    lines, shortened = wrap(text, 9.0, width)
    assert not shortened
    unmarked = str.maketrans("", "", "\u200e\u200f")
    assert "".join("".join(lines).translate(unmarked).split()) == "".join(
        clean(text).translate(unmarked).split()
    )


def test_two_lines_between_the_same_lanes_put_their_labels_apart() -> None:
    # customer, backstage, frontstage: interaction and visibility both fall on the top of backstage
    layout = compute_layout(blueprint_with(lanes=["customer", "backstage", "frontstage", "support"]))
    lines = sorted(layout.lines, key=lambda line: line.y)
    first, second = lines[0], lines[1]
    assert {first.kind, second.kind} == {"interaction", "visibility"}
    assert second.y - first.y >= 2.0, "the two dashed lines must not coincide"
    assert not first.label_below and second.label_below
    assert not any(line.label_below for line in lines[2:]), "a line alone at its boundary keeps its label"


def test_lines_at_their_own_boundaries_keep_labels_above() -> None:
    layout = compute_layout(blueprint_with(lanes=["customer", "frontstage", "backstage", "support"]))
    assert len(layout.lines) == 3
    assert not any(line.label_below for line in layout.lines)
