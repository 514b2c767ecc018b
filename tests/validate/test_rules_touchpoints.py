"""BP101 (unsupported touchpoint) and BP105 (visibility breach): one blueprint that fires, one near miss."""

from __future__ import annotations

from blueprint.model import Blueprint
from blueprint.validate import Finding, validate

from builders import blueprint_with, card


def run(doc: Blueprint, code: str) -> list[Finding]:
    return validate(doc, codes=[code])


def test_bp101_fires_on_a_touchpoint_the_company_does_not_answer() -> None:
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Calls the hotline", channel="phone"),
            card("e1", "evidence", 0, "Hotline number on the box"),
            card("f1", "frontstage", 1, "Greets", function="team-a"),
        ],
        links=[("e1", "c1")],  # evidence does not count: no company card answers the call
    )
    [finding] = run(doc, "BP101")
    assert (finding.code, finding.severity, finding.elements) == ("BP101", "warning", ("c1",))
    assert '"Calls the hotline" (Stage › Step 0, Customer)' in finding.message
    assert "phone" in finding.message and "c1" not in finding.message


def test_bp101_near_miss_linked_either_way_or_no_channel() -> None:
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders in the app", channel="app"),
            card("c2", "customer", 1, "Gets a reply", channel="email"),
            card("c3", "customer", 2, "Thinks it over"),  # no channel: the customer's own action
            card("c4", "customer", 2, "Blank channel", channel="  "),
            card("b1", "backstage", 0, "Books the order", function="team-a"),
            card("s1", "support", 1, "Sends the mail", function="team-b"),
        ],
        links=[("c1", "b1"), ("s1", "c2")],
    )
    assert run(doc, "BP101") == []


def test_bp105_fires_on_links_across_the_line_of_visibility_in_both_directions() -> None:
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Pays"),
            card("b1", "backstage", 0, "Charges the card", function="team-a"),
            card("s1", "support", 1, "Prints the receipt", function="team-b"),
            card("e1", "evidence", 1, "Receipt"),
        ],
        links=[("c1", "b1"), ("s1", "e1")],
    )
    findings = run(doc, "BP105")
    assert [(f.code, f.severity, f.elements) for f in findings] == [
        ("BP105", "warning", ("l0", "c1", "b1")),
        ("BP105", "warning", ("l1", "s1", "e1")),
    ]
    assert '"Pays" (Stage › Step 0, Customer)' in findings[0].message
    assert '"Charges the card" (Stage › Step 0, Backstage)' in findings[0].message


def test_bp105_near_miss_through_the_frontstage() -> None:
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Pays"),
            card("f1", "frontstage", 0, "Takes the card", function="team-a"),
            card("b1", "backstage", 0, "Charges the card", function="team-b"),
            card("e1", "evidence", 1, "Receipt"),
        ],
        links=[("c1", "f1"), ("f1", "b1"), ("b1", "f1", {"kind": "loop"}), ("f1", "e1")],
    )
    assert run(doc, "BP105") == []
