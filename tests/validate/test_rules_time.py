"""BP112 (slower than the customer accepts) and BP113 (a high fail point without an open plan)."""

from __future__ import annotations

from blueprint.validate import validate

from builders import blueprint_with, card, plan


def _coffee(tolerance: float | None = 5, hands_minutes: float | None = 1) -> list[dict]:
    return [
        card("orders", "customer", 0, "Orders", duration_minutes=1),
        card("takes", "frontstage", 0, "Takes the order", duration_minutes=1, function="team-a"),
        card(
            "makes",
            "backstage",
            1,
            "Makes the drink",
            duration_minutes=4,
            wait_point={"note": "queue", "minutes": 2},
            function="team-b",
        ),
        card("hands", "frontstage", 2, "Hands it over", duration_minutes=hands_minutes, function="team-a"),
        card(
            "receives", "customer", 2, "Receives the drink", duration_minutes=0.5, tolerance_minutes=tolerance
        ),
    ]


LINKS = [("orders", "takes"), ("takes", "makes"), ("makes", "hands"), ("hands", "receives")]


def test_bp112_fires_with_both_numbers_and_the_longest_part() -> None:
    [finding] = validate(blueprint_with(cards=_coffee(), links=LINKS), codes=["BP112"])
    assert (finding.code, finding.severity) == ("BP112", "warning")
    assert finding.elements == ("receives", "takes", "makes", "hands")  # the card, then its chain
    assert finding.message == (
        '"Receives the drink" (Stage › Step 2, Customer) takes the customer 8.5 min against a tolerance of '
        '5 min; the longest part is "Makes the drink" (4 min + 2 min wait)'
    )


def test_bp112_checks_an_incomplete_time_with_the_minutes_it_knows() -> None:
    [finding] = validate(blueprint_with(cards=_coffee(hands_minutes=None), links=LINKS), codes=["BP112"])
    assert "7.5 min (with the minutes known: some are missing)" in finding.message
    quiet = blueprint_with(cards=_coffee(tolerance=8, hands_minutes=None), links=LINKS)
    assert validate(quiet, codes=["BP112"]) == []  # 7.5 known minutes are within 8


def test_bp112_near_miss_equal_to_the_tolerance_or_without_one() -> None:
    assert validate(blueprint_with(cards=_coffee(tolerance=8.5), links=LINKS), codes=["BP112"]) == []
    assert validate(blueprint_with(cards=_coffee(tolerance=None), links=LINKS), codes=["BP112"]) == []


def test_bp112_near_miss_a_loop_back_is_a_later_round() -> None:
    links = [*LINKS[:3], ("hands", "receives", {"kind": "loop"})]
    assert validate(blueprint_with(cards=_coffee(), links=links), codes=["BP112"]) == []


def test_bp112_counts_a_cycle_once() -> None:
    links = [*LINKS, ("hands", "makes")]  # makes <-> hands: a block of 4 + 2 + 1 minutes, counted once
    [finding] = validate(blueprint_with(cards=_coffee(), links=links), codes=["BP112"])
    assert "8.5 min against a tolerance of 5 min" in finding.message


HIGH = {"note": "Order misheard", "severity": "high"}


def test_bp113_fires_on_a_high_fail_point_without_an_open_plan() -> None:
    doc = blueprint_with(
        cards=[card("f1", "frontstage", 0, "Takes the order", function="team-a", fail_point=HIGH)],
        improvements=[plan("p1", "f1", status="done")],
    )
    [finding] = validate(doc, codes=["BP113"])
    assert (finding.code, finding.severity, finding.elements) == ("BP113", "info", ("f1",))
    assert finding.message.startswith('"Takes the order" (Stage › Step 0, Frontstage) has a high fail point')


def test_bp113_near_miss_planned_or_not_high() -> None:
    for status in ("proposed", "planned", "testing"):
        doc = blueprint_with(
            cards=[card("f1", "frontstage", 0, "Takes the order", function="team-a", fail_point=HIGH)],
            improvements=[plan("p1", "f1", status=status)],
        )
        assert validate(doc, codes=["BP113"]) == []
    medium = blueprint_with(
        cards=[card("f1", "frontstage", 0, "T", function="team-a", fail_point={**HIGH, "severity": "medium"})]
    )
    assert validate(medium, codes=["BP113"]) == []
