"""relayout: after an edit of a few cards it gives exactly what a full compute_layout gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from blueprint.layout import Layout, compute_layout, relayout
from blueprint.model import Blueprint, Card, Link, unique_id

from builders import IndexOf, blueprint_with, card, plan
from strategies import blueprints


def _edit(doc: Blueprint, data: st.DataObject, links: dict[str, Link | None] | None = None) -> set[str]:
    """Apply one random edit to `doc`; return the ids of the cards it touched. `links`, when given,
    gets the links it added (by id) and removed (None), as the editor tells `relayout`."""
    links = {} if links is None else links
    lanes = [lane.id for lane in doc.lanes]
    steps = [step.id for _, step in doc.all_steps()]
    choice = data.draw(st.sampled_from(["move", "retitle", "remove", "add", "link", "reorder", "feel"]))
    if not doc.cards or choice == "add":
        new = Card(
            id=unique_id("new-card", doc.all_ids()),  # ids are unique in a valid document
            lane=data.draw(st.sampled_from(lanes)),
            step=data.draw(st.sampled_from(steps)),
            title="New " * data.draw(st.integers(1, 30)),
        )
        doc.cards.insert(data.draw(st.integers(0, len(doc.cards))), new)
        return {new.id}
    target = data.draw(st.sampled_from(doc.cards))
    if choice == "move":
        target.lane = data.draw(st.sampled_from(lanes))
        target.step = data.draw(st.sampled_from(steps))
    elif choice == "retitle":
        target.title = data.draw(st.sampled_from(["x", "A much longer title " * 8, "Short"]))
        target.description = data.draw(st.sampled_from(["", "words " * 60]))
    elif choice == "feel":  # the emotion curve counts the customer cards of the step again
        target.emotion = data.draw(st.sampled_from([None, -2, 0, 1, 2]))
    elif choice == "remove":
        doc.cards.remove(target)
        links.update((link.id, None) for link in doc.links if target.id in (link.source, link.target))
        doc.links[:] = [link for link in doc.links if target.id not in (link.source, link.target)]
    elif choice == "reorder":
        doc.cards.remove(target)
        doc.cards.insert(data.draw(st.integers(0, len(doc.cards))), target)
    elif choice == "link" and len(doc.cards) > 1:
        other = data.draw(st.sampled_from([c for c in doc.cards if c.id != target.id]))
        link = Link(
            id=unique_id("new-link", doc.all_ids()),
            source=target.id,
            target=other.id,
            label="handed over",
        )
        doc.links.insert(data.draw(st.sampled_from([len(doc.links), 0])), link)
        links[link.id] = link
        return {target.id, other.id}
    return {target.id}


@given(blueprints(), st.data())
def test_relayout_equals_a_full_layout(doc: Blueprint, data: st.DataObject) -> None:
    if not doc.lanes or not doc.stages:
        return
    previous = compute_layout(doc)
    changed: set[str] = set()
    for _ in range(data.draw(st.integers(1, 3))):
        changed |= _edit(doc, data)
        incremental = relayout(doc, previous, changed)
        assert incremental == compute_layout(doc)
        _assert_renewed_names_every_new_shape(previous, incremental)
        previous, changed = incremental, set()


@given(blueprints(), st.data())
def test_relayout_told_what_changed_equals_a_full_layout(doc: Blueprint, data: st.DataObject) -> None:
    """As the editor calls it: every card and link the edit touched named, the frame vouched for."""
    if not doc.lanes or not doc.stages:
        return
    previous = compute_layout(doc)
    for _ in range(data.draw(st.integers(1, 3))):
        links: dict[str, Link | None] = {}
        changed = _edit(doc, data, links) | links.keys()
        incremental = relayout(doc, previous, changed, index=IndexOf(doc), same_frame=True)
        assert incremental == compute_layout(doc)
        assert list(incremental.routes) == [link.id for link in doc.links]
        assert sorted(incremental.cards) == sorted(card.id for card in doc.cards)
        _assert_renewed_names_every_new_shape(previous, incremental)
        previous = incremental


def _assert_renewed_names_every_new_shape(previous: Layout, new: Layout) -> None:
    """The canvas updates only the items `renewed_*` names: every shape that is not the previous
    layout's object, and every removed one, must be there."""
    for renewed, old_shapes, new_shapes in (
        (new.renewed_cards, previous.cards, new.cards),
        (new.renewed_routes, previous.routes, new.routes),
    ):
        if renewed is None:  # a full layout (the frame changed): everything is new
            continue
        for element_id, shape in new_shapes.items():
            assert old_shapes.get(element_id) is shape or element_id in renewed
        assert old_shapes.keys() - new_shapes.keys() <= renewed


def test_a_move_that_grows_a_lane_shifts_the_lanes_below() -> None:
    cards = [card(f"c{i}", "frontstage", i % 3, f"Card {i}") for i in range(6)]
    cards += [card("low", "support", 0, "Below"), card("up", "customer", 1, "Above")]
    doc = blueprint_with(cards=cards, links=[("up", "c1"), ("c1", "low"), ("up", "low")])
    before = compute_layout(doc)
    doc.cards[4].step = "step0"  # three cards now stack in one cell
    after = relayout(doc, before, {"c4"})
    assert after == compute_layout(doc)
    assert after.cards["low"].box.y > before.cards["low"].box.y
    assert after.cards["up"] is before.cards["up"], "cards above the change are reused as they are"


def test_a_rerouted_label_beside_a_crowded_card_is_placed_as_a_full_layout_places_it() -> None:
    """Found by the property test above: a card with a fail point, a long wait and a plan had badges
    wider than itself, reaching into the gutter on its left. An upright label in that gutter was not
    checked against them by the full label pass but was by the pass after an edit, so a move that
    rerouted it (the lane above shrank) moved its label a point away from where a full layout put it."""
    crowded = card(
        "w",
        "frontstage",
        3,
        "Waits",
        fail_point={"severity": "low"},
        wait_point={"minutes": 5.167655797256223e-159},  # "W 5.16766e-159 min": wider than the card
    )
    cards = [card(c, "customer", 0, f"Card {c}") for c in "abc"]
    cards += [card("d", "customer", 3, "Drops in"), card("t", "customer", 3, "Takes the key")]
    cards += [card("s", "frontstage", 2, "Sends the key"), crowded]
    doc = blueprint_with(
        cards=cards,
        links=[("s", "t", {"label": "handed over at the desk"})],  # upright, in the gutter left of w
        lanes=["customer", "frontstage"],
        steps=4,
        improvements=[plan("p1", "w")],
    )
    before = compute_layout(doc)
    doc.cards[0].step = "step1"  # the customer lane shrinks: s moves up, s -> t is routed again
    after = relayout(doc, before, {"a"})
    assert after.routes["l0"].points != before.routes["l0"].points
    assert after == compute_layout(doc)
    badges = after.cards["w"].markers
    assert [b.kind for b in badges] == ["fail", "wait", "plan"] and badges[1].text.endswith("…")
    assert min(b.box.x for b in badges) > after.cards["w"].box.x, "the badges stay on their card"


def test_a_changed_frame_falls_back_to_a_full_layout() -> None:
    doc = blueprint_with(cards=[card("a", "customer", 0, "A")])
    before = compute_layout(doc)
    doc.lanes[0].name = "Renamed lane"
    assert relayout(doc, before, set()) == compute_layout(doc)


def test_a_renamed_function_is_noticed() -> None:
    doc = blueprint_with(cards=[card("a", "frontstage", 0, "A", function="team-a")])
    before = compute_layout(doc)
    doc.functions[0].name = "Night shift"
    after = relayout(doc, before, set())
    assert after == compute_layout(doc)
    assert after.cards["a"].function_name == "Night shift"


def test_a_lane_shifting_move_told_by_the_editor_visits_only_the_lanes_that_moved() -> None:
    """With the editor's index, a move that grows a lane finds the routes to keep, shift or route
    again by pair of lanes (`edit_state`'s lane-pair index), handed on from layout to layout, and
    gives what a full layout gives, also when links across the moved lanes come and go."""
    cards = [card("up0", "customer", 0), card("up1", "customer", 3)]
    cards += [card(f"f{i}", "frontstage", 1, f"Front {i} " * 6) for i in range(3)]
    cards += [card("f3", "frontstage", 2, "Front 3 " * 6)]
    cards += [card("b0", "backstage", 0), card("b1", "backstage", 3), card("s0", "support", 4)]
    links = [
        ("up0", "up1", {"label": "above"}),
        ("b0", "b1", {"label": "below"}),
        ("up0", "b1", {"label": "across the grown lane"}),
        ("b1", "up0"),
        ("b0", "s0", {"label": "further down"}),
    ]
    doc = blueprint_with(cards=cards, links=links, steps=5)
    previous = compute_layout(doc)
    f3 = next(c for c in doc.cards if c.id == "f3")
    f3.step = "step1"  # four cards now stack in one cell: the frontstage lane grows
    after = relayout(doc, previous, {"f3"}, index=IndexOf(doc), same_frame=True)
    assert after == compute_layout(doc)
    dy = after.cards["b0"].box.y - previous.cards["b0"].box.y
    assert dy > 0
    assert after.routes["l0"] is previous.routes["l0"], "a route between lanes that kept their place stands"
    assert after.routes["l1"].shifted_by == dy, "a route between lanes that moved alike is shifted"
    assert {"l1", "l2", "l3", "l4"} <= after.renewed_routes
    lanes = after.edit_state.lanes  # type: ignore[union-attr]
    assert lanes is not None and lanes.routes is after.routes
    _assert_renewed_names_every_new_shape(previous, after)

    new_link = Link(id="across-up", source="s0", target="up1", label="back up")
    doc.links.append(new_link)
    f3.step = "step2"  # the lane shrinks back
    again = relayout(doc, after, {"f3", "across-up"}, index=IndexOf(doc), same_frame=True)
    assert again == compute_layout(doc)
    assert list(again.routes) == [link.id for link in doc.links]
    _assert_renewed_names_every_new_shape(after, again)

    gone = doc.links.pop(2)
    f3.step = "step1"
    third = relayout(doc, again, {"f3", gone.id}, index=IndexOf(doc), same_frame=True)
    assert third == compute_layout(doc)
    assert gone.id not in third.routes and gone.id in third.renewed_routes  # type: ignore[operator]
    _assert_renewed_names_every_new_shape(again, third)
