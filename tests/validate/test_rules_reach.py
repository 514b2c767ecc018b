"""BP102 (hand-off dead end) and BP103 (orphan card)."""

from __future__ import annotations

from blueprint.validate import validate

from builders import blueprint_with, card


def test_bp102_fires_when_work_received_never_comes_back() -> None:
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders"),
            card("f1", "frontstage", 0, "Takes the order", function="team-a"),
            card("b1", "backstage", 1, "Logs the order", function="team-b"),
            card("s1", "support", 2, "Archives it", function="team-c"),
        ],
        links=[("c1", "f1"), ("f1", "b1"), ("b1", "s1")],
    )
    findings = validate(doc, codes=["BP102"])
    # one finding per dead end: the stopping card first, then the cards that feed into it
    assert [(f.code, f.severity, f.elements) for f in findings] == [("BP102", "warning", ("s1", "b1"))]
    assert findings[0].message == (
        'the work stops at "Archives it" (Stage › Step 2, Support): nothing it does reaches the '
        "customer or the frontstage; 1 card feeds into it"
    )


def test_bp102_gives_one_finding_per_stopping_card_and_a_circle_stops_at_its_first_card() -> None:
    doc = blueprint_with(
        steps=4,
        cards=[
            card("c1", "customer", 0, "Orders"),
            card("f1", "frontstage", 0, "Takes the order", function="team-a"),
            card("b1", "backstage", 1, "Logs it", function="team-b"),
            card("b2", "backstage", 2, "Files it", function="team-b"),
            card("s1", "support", 2, "Copies it", function="team-c"),
            card("s2", "support", 3, "Shreds it", function="team-c"),
            card("b3", "backstage", 3, "Audits it", function="team-b"),
            card("s3", "support", 1, "Reviews the audit", function="team-c"),
        ],
        links=[
            ("c1", "f1"),
            ("f1", "b1"),
            ("b1", "b2"),  # b1 reaches two stops (b2 and s2): it joins b2's, the first in grid order
            ("b1", "s1"),
            ("s1", "s2"),
            ("f1", "b3"),  # b3 <-> s3 circle and lead nowhere else: they stop at s3 (step 1)
            ("b3", "s3"),
            ("s3", "b3"),
        ],
    )
    findings = validate(doc, codes=["BP102"])
    assert [f.elements for f in findings] == [("s3", "b3"), ("b2", "b1"), ("s2", "s1")]
    assert findings[2].message.endswith("reaches the customer or the frontstage; 1 card feeds into it")


def test_bp102_a_lone_stopping_card_says_nothing_feeds_into_it() -> None:
    doc = blueprint_with(
        cards=[
            card("f1", "frontstage", 0, "Takes the order", function="team-a"),
            card("b1", "backstage", 1, "Logs the order", function="team-b"),
        ],
        links=[("f1", "b1")],
    )
    [finding] = validate(doc, codes=["BP102"])
    assert finding.elements == ("b1",)
    assert finding.message.endswith("nothing it does reaches the customer or the frontstage")


def test_bp102_near_miss_a_path_back_through_support_or_a_loop_counts() -> None:
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders"),
            card("f1", "frontstage", 0, "Takes the order", function="team-a"),
            card("b1", "backstage", 1, "Prepares it", function="team-b"),
            card("s1", "support", 1, "Restocks", function="team-c"),
            card("f2", "frontstage", 2, "Hands it over", function="team-a"),
            card("b2", "backstage", 2, "Renews", function="team-b"),
            card("b3", "backstage", 0, "Sends nothing, receives nothing", function="team-b"),
        ],
        links=[
            ("c1", "f1"),
            ("f1", "b1"),
            ("b1", "s1"),
            ("s1", "f2"),
            ("f2", "b2"),
            ("b2", "c1", {"kind": "loop"}),  # a loop link still brings the work back
        ],
    )
    assert validate(doc, codes=["BP102"]) == []


def test_bp103_fires_on_a_flow_card_with_no_links() -> None:
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders"),
            card("f1", "frontstage", 0, "Takes it", function="team-a"),
            card("b1", "backstage", 1, "Sends the SMS", function="team-b"),
        ],
        links=[("c1", "f1")],
    )
    [finding] = validate(doc, codes=["BP103"])
    assert (finding.code, finding.severity, finding.elements) == ("BP103", "warning", ("b1",))
    assert '"Sends the SMS" (Stage › Step 1, Backstage)' in finding.message


def test_bp103_near_miss_evidence_and_notes_or_no_links_at_all() -> None:
    lanes = ["evidence", "customer", "frontstage", "notes"]
    doc = blueprint_with(
        lanes=lanes,
        cards=[
            card("e1", "evidence", 0, "Sign"),
            card("n1", "notes", 0, "Idea"),
            card("c1", "customer", 0, "Orders"),
            card("f1", "frontstage", 0, "Takes it", function="team-a"),
        ],
        links=[("c1", "f1")],
    )
    assert validate(doc, codes=["BP103"]) == []
    no_links = blueprint_with(
        cards=[card("c1", "customer", 0), card("f1", "frontstage", 0, function="team-a")]
    )
    assert validate(no_links, codes=["BP103"]) == []
