"""BP108 (journey gap), BP110 (lane order) and BP201 (inside-out journey)."""

from __future__ import annotations

from blueprint.model import Lane
from blueprint.validate import validate

from builders import blueprint_with, card


def test_bp108_fires_on_a_step_without_a_customer_card() -> None:
    doc = blueprint_with(
        stages=[("order", 2, None), ("deliver", 1, None)],
        cards=[card("c0", "customer", 0, "Orders"), card("c2", "customer", 2, "Receives")],
    )
    [finding] = validate(doc, codes=["BP108"])
    assert (finding.code, finding.severity, finding.elements) == ("BP108", "warning", ("step1",))
    assert finding.message.startswith('step "Step 1" (Order) has no customer card')


def test_bp108_near_miss_every_step_covered_or_a_blank_draft() -> None:
    doc = blueprint_with(cards=[card(f"c{i}", "customer", i) for i in range(3)])
    assert validate(doc, codes=["BP108"]) == []
    assert validate(blueprint_with(), codes=["BP108"]) == []


def test_bp110_fires_on_the_fewest_lanes_to_move() -> None:
    doc = blueprint_with(lanes=["support", "evidence", "customer", "frontstage", "backstage"])
    [finding] = validate(doc, codes=["BP110"])
    assert (finding.code, finding.severity, finding.elements) == ("BP110", "error", ("support", "evidence"))
    assert finding.message.startswith('lane "Support" (support) sits above "Evidence" (evidence)')


def test_bp110_fires_on_backstage_above_frontstage() -> None:
    doc = blueprint_with(lanes=["customer", "backstage", "frontstage", "support"])
    [finding] = validate(doc, codes=["BP110"])
    assert finding.elements == ("frontstage", "backstage")
    assert finding.message.startswith('lane "Frontstage" (frontstage) sits below "Backstage" (backstage)')


def test_bp110_near_miss_notes_lanes_stand_anywhere_and_kinds_may_repeat() -> None:
    doc = blueprint_with(lanes=["notes", "evidence", "customer", "frontstage", "support"])
    doc.lanes.insert(3, Lane(id="evidence2", name="More evidence", kind="evidence"))
    doc.lanes.insert(5, Lane(id="ideas", name="Ideas", kind="notes"))
    assert validate(doc, codes=["BP110"]) == []


def test_bp201_fires_when_nobody_uses_the_service_after_buying() -> None:
    doc = blueprint_with(
        stages=[("buy", 1, "purchase"), ("use", 2, "post-purchase")],
        cards=[
            card("c0", "customer", 0, "Buys"),
            card("f1", "frontstage", 1, "Calls back", function="team-a"),
        ],
    )
    [finding] = validate(doc, codes=["BP201"])
    assert (finding.code, finding.severity, finding.elements) == ("BP201", "info", ("use",))
    assert '"Use"' in finding.message


def test_bp201_fires_when_no_stage_is_post_purchase() -> None:
    doc = blueprint_with(stages=[("buy", 3, "purchase")], cards=[card("c0", "customer", 0, "Buys")])
    [finding] = validate(doc, codes=["BP201"])
    assert finding.elements == ()
    assert finding.message.startswith("no stage is post-purchase")


def test_bp201_near_miss_usage_designed_or_no_phases() -> None:
    designed = blueprint_with(
        stages=[("buy", 1, "purchase"), ("use", 2, "post-purchase")],
        cards=[card("c0", "customer", 0, "Buys"), card("c2", "customer", 2, "Uses it")],
    )
    assert validate(designed, codes=["BP201"]) == []
    no_phases = blueprint_with(cards=[card("c0", "customer", 0, "Buys")])
    assert validate(no_phases, codes=["BP201"]) == []
