"""What stands behind a customer moment: dependencies, hand-offs behind it, the longest path in time."""

from __future__ import annotations

import pytest

from blueprint.graph import (
    build_graph,
    customer_timings,
    handoffs_behind,
    longest_path_to,
    step_dependencies,
    upstream_cards,
)

from builders import blueprint_with, card


def pickup():  # type: ignore[no-untyped-def]
    return blueprint_with(
        steps=3,
        cards=[
            card("c0", "customer", 0, "Orders", duration_minutes=1),
            card("f0", "frontstage", 0, "Takes order", function="team-a", duration_minutes=1),
            card("b0", "backstage", 1, "Prints ticket", function="team-b", duration_minutes=0.5),
            card(
                "b1",
                "backstage",
                1,
                "Makes drink",
                function="team-b",
                duration_minutes=4,
                wait_point={"note": "queue", "minutes": 3},
            ),
            card("s0", "support", 0, "Stock", function="team-c", duration_minutes=30),
            card("f1", "frontstage", 2, "Calls name", function="team-a", duration_minutes=0.5),
            card("c2", "customer", 2, "Picks up", duration_minutes=0.5),
            card("n0", "backstage", 2, "Unrelated", function="team-c"),
        ],
        links=[
            ("c0", "f0"),
            ("f0", "b0"),
            ("b0", "b1"),
            ("b1", "f1"),
            ("s0", "b1", {"kind": "loop"}),  # a later round: not on the way
            ("f1", "c2"),
            ("n0", "c2", {"kind": "loop"}),
        ],
    )


def test_step_dependencies_are_everything_upstream_by_flow() -> None:
    graph = build_graph(pickup())
    assert step_dependencies(graph, "step2") == {"c0", "f0", "b0", "b1", "f1"}
    assert step_dependencies(graph, "step0") == set()
    assert upstream_cards(graph, ["b1"]) == {"c0", "f0", "b0"}
    assert upstream_cards(graph, ["b1"], kinds=None) == {"c0", "f0", "b0", "s0"}  # loop links too
    assert upstream_cards(graph, ["c2"], kinds=None) == {"c0", "f0", "b0", "b1", "s0", "f1", "n0"}


def test_handoffs_behind_each_customer_card() -> None:
    # f0 -> b0 (team-a to team-b) and b1 -> f1 (team-b to team-a) are the hand-offs behind "Picks up".
    assert handoffs_behind(build_graph(pickup())) == {"c0": 0, "c2": 2}


def test_longest_path_sums_duration_and_wait() -> None:
    timing = longest_path_to(build_graph(pickup()), "c2")
    assert timing.cards == ("c0", "f0", "b0", "b1", "f1", "c2")
    assert timing.duration_minutes == pytest.approx(7.5)
    assert timing.wait_minutes == pytest.approx(3)
    assert timing.total_minutes == pytest.approx(10.5)
    assert set(customer_timings(build_graph(pickup()))) == {"c0", "c2"}


def test_longest_path_picks_the_slower_branch() -> None:
    doc = blueprint_with(
        cards=[
            card("a", "backstage", 0, duration_minutes=1, function="team-a"),
            card("slow", "backstage", 1, duration_minutes=10, function="team-a"),
            card("fast", "support", 1, duration_minutes=2, function="team-a"),
            card("c", "customer", 2),
        ],
        links=[("a", "fast"), ("a", "slow"), ("fast", "c"), ("slow", "c")],
    )
    timing = longest_path_to(build_graph(doc), "c")
    assert timing.cards == ("a", "slow", "c") and timing.duration_minutes == 11


def test_longest_path_counts_a_flow_cycle_once() -> None:
    doc = blueprint_with(
        cards=[
            card("x", "backstage", 0, duration_minutes=2, function="team-a"),
            card("y", "backstage", 0, duration_minutes=3, function="team-a"),
            card("c", "customer", 1, duration_minutes=1),
        ],
        links=[("x", "y"), ("y", "x"), ("y", "c")],
    )
    timing = longest_path_to(build_graph(doc), "c")
    assert timing.cards == ("x", "y", "c") and timing.duration_minutes == 6
