"""The customer's time at each customer card: the chain of flow work behind it, summed, against the
tolerance; stage and journey totals (spec: time-and-action.md)."""

from __future__ import annotations

from hypothesis import given, settings

from blueprint.graph.timing import customer_time
from blueprint.model import Blueprint

from builders import blueprint_with, card
from strategies import blueprints


def _coffee(**changes: dict) -> Blueprint:
    """The spec's example: Orders -> Takes -> Makes (4 + 2 wait) -> Hands -> Receives (0.5, tolerance 5)."""
    cards = {
        "orders": card("orders", "customer", 0, "Orders", duration_minutes=1),
        "takes": card("takes", "frontstage", 0, "Takes the order", duration_minutes=1, function="team-a"),
        "makes": card(
            "makes",
            "backstage",
            1,
            "Makes the drink",
            duration_minutes=4,
            wait_point={"note": "queue", "minutes": 2},
            function="team-b",
        ),
        "hands": card("hands", "frontstage", 2, "Hands it over", duration_minutes=1, function="team-a"),
        "receives": card(
            "receives", "customer", 2, "Receives the drink", duration_minutes=0.5, tolerance_minutes=5
        ),
    }
    for card_id, fields in changes.items():
        cards[card_id] = {**cards[card_id], **fields}
    return blueprint_with(
        cards=list(cards.values()),
        links=[("orders", "takes"), ("takes", "makes"), ("makes", "hands"), ("hands", "receives")],
    )


def test_the_specs_example_adds_up_to_eight_and_a_half_minutes() -> None:
    timing = customer_time(_coffee())
    receives = timing.card("receives")
    assert receives is not None
    assert receives.chain == ("takes", "makes", "hands", "receives")  # stops before "Orders"
    assert (receives.minutes, receives.work_minutes, receives.wait_minutes) == (8.5, 6.5, 2)
    assert receives.over and not receives.incomplete and receives.tolerance_minutes == 5
    orders = timing.card("orders")
    assert orders is not None and orders.chain == ("orders",) and orders.minutes == 1 and not orders.over
    assert [t.card_id for t in timing.cards] == ["orders", "receives"]  # journey order
    assert (timing.minutes, timing.incomplete) == (9.5, False)
    assert [(s.stage_id, s.minutes) for s in timing.stages] == [("stage", 9.5)]


def test_the_longest_of_two_chains_is_taken_and_a_tie_goes_to_the_first_in_grid_order() -> None:
    def doc(support_minutes: float) -> Blueprint:
        return blueprint_with(
            cards=[
                card("a", "backstage", 0, "A", duration_minutes=3, function="team-a"),
                card("b", "support", 0, "B", duration_minutes=support_minutes, function="team-b"),
                card("c", "customer", 1, "C", duration_minutes=1),
            ],
            links=[("b", "c"), ("a", "c")],
        )

    assert customer_time(doc(5)).cards[0].chain == ("b", "c")
    assert customer_time(doc(1)).cards[0].chain == ("a", "c")
    tie = customer_time(doc(3)).cards[0]
    assert tie.chain == ("a", "c") and tie.minutes == 4  # backstage comes before support in the grid


def test_a_flow_cycle_counts_once_as_one_block() -> None:
    doc = blueprint_with(
        cards=[
            card("x", "backstage", 0, "X", duration_minutes=2, function="team-a"),
            card("y", "backstage", 1, "Y", duration_minutes=3, function="team-a"),
            card("c", "customer", 2, "C", duration_minutes=1),
        ],
        links=[("x", "y"), ("y", "x"), ("y", "c")],
    )
    time = customer_time(doc).cards[0]
    assert time.chain == ("x", "y", "c") and time.minutes == 6


def test_loop_links_are_a_later_round_and_do_not_count() -> None:
    doc = _coffee()
    doc.links.append(
        doc.links[0].model_copy(update={"id": "again", "source": "hands", "target": "takes", "kind": "loop"})
    )
    assert customer_time(doc).card("receives").minutes == 8.5  # type: ignore[union-attr]


def test_unknown_durations_and_wait_points_without_minutes_make_the_time_incomplete() -> None:
    no_duration = customer_time(_coffee(hands={"duration_minutes": None}))
    receives = no_duration.card("receives")
    assert receives is not None and receives.incomplete and receives.minutes == 7.5 and receives.over
    assert no_duration.incomplete and no_duration.stages[0].incomplete
    no_wait = customer_time(_coffee(makes={"wait_point": {"note": "queue", "minutes": None}}))
    assert no_wait.card("receives").incomplete and no_wait.card("receives").minutes == 6.5  # type: ignore[union-attr]


def test_evidence_and_notes_add_their_minutes_but_never_make_a_time_incomplete() -> None:
    doc = blueprint_with(
        cards=[
            card("sign", "evidence", 0, "Sign"),
            card("note", "notes", 0, "Note", duration_minutes=2),
            card("c", "customer", 1, "Reads it", duration_minutes=1),
        ],
        links=[("sign", "note"), ("note", "c")],
        lanes=["evidence", "customer", "notes"],
    )
    time = customer_time(doc).cards[0]
    assert time.chain == ("sign", "note", "c") and time.minutes == 3 and not time.incomplete


def test_every_stage_is_listed_even_without_customer_cards() -> None:
    doc = blueprint_with(
        stages=[("first", 1, None), ("second", 1, None)],
        steps=2,
        cards=[card("c", "customer", 0, "C", duration_minutes=2.25)],
    )
    timing = customer_time(doc)
    assert [(s.stage_id, s.minutes, s.incomplete) for s in timing.stages] == [
        ("first", 2.25, False),
        ("second", 0, False),
    ]


def _path_minutes(doc: Blueprint, path: list[str]) -> float:
    cards = doc.cards_by_id()
    total = 0.0
    for card_id in path:
        c = cards[card_id]
        total += (c.duration_minutes or 0) + ((c.wait_point.minutes or 0) if c.wait_point else 0)
    return total


@settings(max_examples=30)
@given(blueprints(max_cards=8))
def test_on_acyclic_blueprints_the_chain_is_the_longest_walk_back(doc: Blueprint) -> None:
    lanes = {lane.id: lane.kind for lane in doc.lanes}
    kind = {c.id: lanes[c.lane] for c in doc.cards}
    before: dict[str, list[str]] = {c.id: [] for c in doc.cards}
    for link in doc.links:
        if link.kind == "flow" and kind[link.source] != "customer":
            before[link.target].append(link.source)

    def walks(end: str, seen: tuple[str, ...]) -> list[list[str]]:
        found = [[end]]
        for prior in before[end]:
            if prior in seen:
                raise _Cyclic
            found += [[*walk, end] for walk in walks(prior, (*seen, end))]
        return found

    timing = customer_time(doc)
    for time in timing.cards:
        try:
            options = walks(time.card_id, ())
        except _Cyclic:
            continue
        best = max(_path_minutes(doc, walk) for walk in options)
        assert abs(time.minutes - best) < 1e-6
        assert list(time.chain) in options
        assert abs(_path_minutes(doc, list(time.chain)) - time.minutes) < 1e-6
        assert all(kind[c] != "customer" for c in time.chain[:-1])
    assert abs(timing.minutes - sum(t.minutes for t in timing.cards)) < 1e-5
    steps = {step.id: i for i, (_, step) in enumerate(doc.all_steps())}
    lane_index = {lane.id: i for i, lane in enumerate(doc.lanes)}
    order = {c.id: (steps[c.step], lane_index[c.lane], i) for i, c in enumerate(doc.cards)}
    journey = [t.card_id for t in timing.cards]
    assert journey == sorted((c for c in kind if kind[c] == "customer"), key=order.__getitem__)


class _Cyclic(Exception):
    """The walk back met a cycle: the brute force does not cover it (the block rule does)."""
