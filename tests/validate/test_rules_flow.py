"""BP106 (backwards flow) and BP107 (unmarked cycle)."""

from __future__ import annotations

from blueprint.validate import validate

from builders import blueprint_with, card

LOOP = {"kind": "loop"}


def test_bp106_fires_on_a_flow_link_to_an_earlier_step() -> None:
    doc = blueprint_with(
        cards=[
            card("f1", "frontstage", 0, "Shows the tracking page", function="team-a"),
            card("b1", "backstage", 2, "Scans not at home", function="team-b"),
        ],
        links=[("b1", "f1", {"label": "status"})],
    )
    [finding] = validate(doc, codes=["BP106"])
    assert (finding.code, finding.severity, finding.elements) == ("BP106", "error", ("l0", "b1", "f1"))
    assert '"Scans not at home" (Stage › Step 2, Backstage)' in finding.message
    assert '"Shows the tracking page" (Stage › Step 0, Frontstage)' in finding.message


def test_bp106_near_miss_loops_same_step_and_forward_links() -> None:
    doc = blueprint_with(
        cards=[
            card("f1", "frontstage", 0, "A", function="team-a"),
            card("b1", "backstage", 0, "B", function="team-a"),
            card("b2", "backstage", 2, "C", function="team-a"),
        ],
        links=[("f1", "b1"), ("b1", "f1"), ("b1", "b2"), ("b2", "f1", LOOP)],
    )
    assert validate(doc, codes=["BP106"]) == []


def test_bp107_fires_once_per_cycle_naming_cards_and_links() -> None:
    doc = blueprint_with(
        cards=[
            card("b1", "backstage", 1, "Picks", function="team-a"),
            card("b2", "backstage", 1, "Packs", function="team-a"),
            card("s1", "support", 0, "Checks stock", function="team-b"),
            card("s2", "support", 0, "Orders stock", function="team-b"),
            card("s3", "support", 0, "Receives stock", function="team-b"),
        ],
        links=[("b2", "b1"), ("b1", "b2"), ("s1", "s2"), ("s2", "s3"), ("s3", "s1"), ("s2", "s1")],
    )
    findings = validate(doc, codes=["BP107"])
    assert [(f.code, f.severity) for f in findings] == [("BP107", "error")] * 2
    # Sorted by grid position; each cycle starts at its first card in the grid and is the shortest one.
    assert findings[0].elements == ("s1", "s2", "l2", "l5")
    assert findings[1].elements == ("b1", "b2", "l1", "l0")
    assert findings[1].message.startswith(
        'flow links go round in a circle: "Picks" (Stage › Step 1, Backstage) → "Packs" '
        '(Stage › Step 1, Backstage) → back to "Picks"'
    )


def test_bp107_near_miss_a_cycle_closed_by_a_loop_link() -> None:
    doc = blueprint_with(
        cards=[card(f"b{i}", "backstage", i, f"Card {i}", function="team-a") for i in range(3)],
        links=[("b0", "b1"), ("b1", "b2"), ("b2", "b0", LOOP)],
    )
    assert validate(doc, codes=["BP107"]) == []


def test_bp107_long_cycle_message_is_shortened() -> None:
    n = 9
    doc = blueprint_with(
        steps=1,
        cards=[card(f"b{i}", "backstage", 0, f"Card {i}", function="team-a") for i in range(n)],
        links=[(f"b{i}", f"b{(i + 1) % n}") for i in range(n)],
    )
    [finding] = validate(doc, codes=["BP107"])
    assert len(finding.elements) == 2 * n
    assert '→ and 3 more → back to "Card 0"' in finding.message


def test_bp107_stays_fast_on_a_dense_cycle_nest() -> None:
    """A complete flow digraph has exponentially many cycles: we report one, without enumerating."""
    n = 40
    doc = blueprint_with(
        steps=1,
        cards=[card(f"b{i}", "backstage", 0, function="team-a") for i in range(n)],
        links=[(f"b{i}", f"b{j}") for i in range(n) for j in range(n) if i != j],
    )
    [finding] = validate(doc, codes=["BP107"])
    assert finding.elements[:2] == ("b0", "b1")
