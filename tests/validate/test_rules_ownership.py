"""BP104 (unowned work), BP109 (unowned fail point) and BP111 (unlabelled hand-off)."""

from __future__ import annotations

from blueprint.validate import validate

from builders import blueprint_with, card

FAIL = {"note": "Order misheard", "severity": "high"}


def test_bp104_fires_on_company_work_without_a_function() -> None:
    doc = blueprint_with(
        cards=[card("f1", "frontstage", 0, "Greets"), card("s1", "support", 1, "Restocks")],
    )
    findings = validate(doc, codes=["BP104"])
    assert [(f.code, f.severity, f.elements) for f in findings] == [
        ("BP104", "warning", ("f1",)),
        ("BP104", "warning", ("s1",)),
    ]
    assert findings[0].message.startswith('"Greets" (Stage › Step 0, Frontstage) has no function')


def test_bp104_near_miss_customer_side_cards_need_no_function() -> None:
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders"),
            card("e1", "evidence", 0, "Menu"),
            card("b1", "backstage", 0, "Cooks", function="team-a"),
        ],
    )
    assert validate(doc, codes=["BP104"]) == []


def test_bp109_fires_on_a_fail_point_nobody_owns() -> None:
    doc = blueprint_with(cards=[card("e1", "evidence", 0, "Dummy phone", fail_point=FAIL)])
    [finding] = validate(doc, codes=["BP109"])
    assert (finding.code, finding.severity, finding.elements) == ("BP109", "warning", ("e1",))
    assert finding.message == (
        '"Dummy phone" (Stage › Step 0, Evidence) has a high fail point ("Order misheard") and nobody owns '
        "its recovery: give the fail point an owner (or the card a function)"
    )


def test_bp109_near_miss_owned_fail_point_or_no_fail_point() -> None:
    doc = blueprint_with(
        cards=[
            card("f1", "frontstage", 0, "Takes the order", function="team-a", fail_point=FAIL),
            card("c1", "customer", 0, "Orders"),
        ],
    )
    assert validate(doc, codes=["BP109"]) == []


def test_bp109_near_miss_a_fail_point_with_an_owner_needs_no_function_on_its_card() -> None:
    owned = {**FAIL, "owner": "team-b"}
    doc = blueprint_with(cards=[card("c1", "customer", 0, "Fills in the form wrongly", fail_point=owned)])
    assert validate(doc, codes=["BP109"]) == []


def test_bp111_fires_on_a_hand_off_without_a_label() -> None:
    doc = blueprint_with(
        cards=[
            card("f1", "frontstage", 0, "Takes the order", function="team-a"),
            card("b1", "backstage", 0, "Makes the drink", function="team-b"),
        ],
        links=[("f1", "b1", {"label": "  "})],
    )
    [finding] = validate(doc, codes=["BP111"])
    assert (finding.code, finding.severity, finding.elements) == ("BP111", "info", ("l0", "f1", "b1"))
    assert "from Team A to Team B" in finding.message
    assert '"Takes the order" (Stage › Step 0, Frontstage)' in finding.message


def test_bp111_near_miss_labelled_same_function_or_not_a_hand_off() -> None:
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders"),
            card("f1", "frontstage", 0, "Takes the order", function="team-a"),
            card("f2", "frontstage", 1, "Calls the name", function="team-a"),
            card("b1", "backstage", 0, "Makes the drink", function="team-b"),
            card("b2", "backstage", 1, "Unowned"),
        ],
        links=[
            ("c1", "f1"),  # the customer has no function: an interaction, not a hand-off
            ("f1", "f2"),  # same function
            ("f1", "b1", {"label": "order ticket"}),
            ("b1", "b2"),  # no function on one side
        ],
    )
    assert validate(doc, codes=["BP111"]) == []
