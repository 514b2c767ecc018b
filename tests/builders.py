"""Small hand-made blueprints for tests: say only what matters to the test.

doc = blueprint_with(
    cards=[
        card("c1", "customer", 0, "Orders", channel="app"),
        card("c2", "frontstage", 0, "Takes it", function="team-a"),
    ],
    links=[("c1", "c2")],
)
"""

from __future__ import annotations

from typing import Any

from blueprint.fileformat import from_raw as from_raw_json
from blueprint.model import Blueprint, Card, Link

STANDARD_LANES = ["evidence", "customer", "frontstage", "backstage", "support"]


def card(card_id: str, lane: str, step: int, title: str | None = None, **fields: Any) -> dict[str, Any]:
    """A raw card in lane `lane` (the lane id equals its kind in `blueprint_with`) at step index `step`."""
    return {"id": card_id, "lane": lane, "step": f"step{step}", "title": title or card_id, **fields}


def blueprint_with(
    *,
    cards: list[dict[str, Any]] = (),  # type: ignore[assignment]
    links: list[tuple[str, str] | tuple[str, str, dict[str, Any]]] = (),  # type: ignore[assignment]
    lanes: list[str] = STANDARD_LANES,
    steps: int = 3,
    stages: list[tuple[str, int, str | None]] | None = None,
    functions: list[str] = ("team-a", "team-b", "team-c"),  # type: ignore[assignment]
    title: str = "Test blueprint",
    improvements: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> Blueprint:
    """A validated blueprint; lane ids equal their kinds, steps are `step0..stepN-1`, links `l0..`.

    `stages` is a list of (stage id, number of steps, phase); by default one stage holds every step.
    """
    stage_spec = stages or [("stage", steps, None)]
    raw_stages, n = [], 0
    for stage_id, count, phase in stage_spec:
        raw_stages.append(
            {
                "id": stage_id,
                "name": stage_id.title(),
                "phase": phase,
                "steps": [{"id": f"step{n + i}", "name": f"Step {n + i}"} for i in range(count)],
            }
        )
        n += count
    raw_links = []
    for i, spec in enumerate(links):
        source, target, *extra = spec
        raw_links.append({"id": f"l{i}", "source": source, "target": target, **(extra[0] if extra else {})})
    return Blueprint.model_validate(
        {
            "format": "service-blueprint",
            "version": 2,
            "title": title,
            "functions": [{"id": f, "name": f.replace("-", " ").title()} for f in functions],
            "lanes": [{"id": kind, "name": kind.title(), "kind": kind} for kind in lanes],
            "stages": raw_stages,
            "cards": list(cards),
            "links": raw_links,
            "improvements": [{"title": plan["id"], **plan} for plan in improvements],
        }
    )


def plan(plan_id: str, *targets: str, **fields: Any) -> dict[str, Any]:
    """A raw improvement plan (format version 2) targeting cards or links."""
    return {"id": plan_id, "targets": list(targets), **fields}


def findings_blueprint() -> Blueprint:
    """Three cards whose findings are a lone row and a group: the frontstage card has no function
    (BP104); steps 1..5 have no customer card (five BP108 findings, listed under one row)."""
    return blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders", function="team-a"),
            card("c2", "frontstage", 0, "Takes the order"),
            card("c3", "backstage", 0, "Cooks", function="team-b"),
        ],
        links=[("c1", "c2"), ("c2", "c3")],
        steps=6,
    )


def backward_flow_blueprint() -> Blueprint:
    """Two steps whose frontstage flow goes back a step: exactly one BP106 error (for the command's
    exit codes and outputs)."""
    return blueprint_with(
        steps=2,
        cards=[
            card("c0", "customer", 0, "Orders"),
            card("c1", "customer", 1, "Pays"),
            card("f0", "frontstage", 0, "Takes it", function="team-a"),
            card("f1", "frontstage", 1, "Charges", function="team-a"),
        ],
        links=[("c0", "f0"), ("c1", "f1"), ("f1", "f0", {"label": "retry"})],
    )


def cafe_raw(**changes: Any) -> dict[str, Any]:
    """A small café blueprint as raw JSON (stage Order › Pays, lanes Customer and Frontstage)."""
    raw: dict[str, Any] = {
        "format": "service-blueprint",
        "version": 2,
        "title": "Café",
        "metadata": {"modified": "2026-01-01T09:00:00Z"},
        "functions": [{"id": "barista", "name": "Barista"}, {"id": "cashier", "name": "Cashier"}],
        "lanes": [
            {"id": "customer", "name": "Customer", "kind": "customer"},
            {"id": "front", "name": "Frontstage", "kind": "frontstage"},
            {"id": "back", "name": "Backstage", "kind": "backstage"},
        ],
        "stages": [
            {
                "id": "order",
                "name": "Order",
                "steps": [{"id": "pays", "name": "Pays"}, {"id": "waits", "name": "Waits"}],
            }
        ],
        "cards": [
            {"id": "c1", "lane": "customer", "step": "pays", "title": "Orders a flat white"},
            {"id": "c4", "lane": "front", "step": "pays", "title": "Takes the order", "function": "barista"},
            {"id": "c5", "lane": "back", "step": "waits", "title": "Makes the coffee", "function": "barista"},
        ],
        "links": [{"id": "l1", "source": "c1", "target": "c4"}, {"id": "l2", "source": "c4", "target": "c5"}],
    }
    raw.update(changes)
    return raw


def from_raw(raw: dict[str, Any]) -> Blueprint:
    """A blueprint read from raw JSON as the file reader reads it (migrations included)."""
    return from_raw_json(raw)


def drink_blueprint(stages: list[tuple[str, int, str | None]] | None = None, **receives: Any) -> Blueprint:
    """The spec's example of the customer's time: "Orders" (customer, 1 min) -> "Takes the order" (1)
    -> "Makes the drink" (4, wait 2) -> "Hands it over" (1) -> "Receives the drink" (customer, 0.5):
    8.5 min at "Receives the drink" (ids c1, c3, c4, c5, c9). `receives`: more fields of that card
    (e.g. tolerance_minutes=5)."""
    return blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders", duration_minutes=1),
            card("c3", "frontstage", 0, "Takes the order", function="team-a", duration_minutes=1),
            card(
                "c4",
                "backstage",
                1,
                "Makes the drink",
                function="team-b",
                duration_minutes=4,
                wait_point={"note": "queue", "minutes": 2},
            ),
            card("c5", "frontstage", 2, "Hands it over", function="team-a", duration_minutes=1),
            card("c9", "customer", 2, "Receives the drink", **{"duration_minutes": 0.5, **receives}),
        ],
        links=[("c1", "c3"), ("c3", "c4"), ("c4", "c5"), ("c5", "c9")],
        stages=stages,
    )


def sharing_blueprint() -> Blueprint:
    """Work handed between two teams behind two customer moments, a support card nobody links to, a
    function with no cards, fail points (one owned through `owner`), a plan and two saved views: what
    hand-off sheets, audience views and the HTML viewer show."""
    doc = blueprint_with(
        steps=3,
        functions=["team-a", "team-b", "team-c", "team-d"],
        cards=[
            card("c0", "customer", 0, "Orders a room", duration_minutes=2, tolerance_minutes=5),
            card(
                "c1",
                "customer",
                2,
                "Gets the key",
                duration_minutes=1,
                tolerance_minutes=3,
                fail_point={"note": "Key does not open", "severity": "high", "owner": "team-b"},
            ),
            card(
                "f0",
                "frontstage",
                0,
                "Takes the booking",
                function="team-a",
                duration_minutes=2,
                fail_point={"note": "Booking lost", "severity": "medium"},
            ),
            card("b0", "backstage", 1, "Prepares the room", function="team-b", duration_minutes=30),
            card("f1", "frontstage", 2, "Hands over the key", function="team-a"),
            card("s0", "support", 1, "Keeps the card system up", function="team-c"),
        ],
        links=[
            ("c0", "f0"),
            ("f0", "b0", {"label": "room request"}),
            ("b0", "f1"),
            ("f1", "c1", {"label": "key"}),
        ],
    )
    raw = doc.model_dump(by_alias=True)
    raw["improvements"] = [
        {
            "id": "p1",
            "title": "Keys checked before hand-over",
            "targets": ["c1"],
            "owner": "team-b",
            "due": "2027-03-31",
            "status": "planned",
        },
    ]
    raw["views"] = [
        {"id": "front", "name": "Front of house", "hidden_lanes": ["support"], "focus": ["team-a"]},
        {"id": "all", "name": "Everything"},
    ]
    return Blueprint.model_validate(raw)


class IndexOf:
    """What the editor's Document answers to `relayout` (cards and links by id, a cell's cards in
    order), made from `doc`."""

    def __init__(self, doc: Blueprint) -> None:
        self.cards = doc.cards_by_id()
        self.links = doc.links_by_id()
        self.cells: dict[tuple[str, str], list[str]] = {}
        for c in doc.cards:
            self.cells.setdefault((c.lane, c.step), []).append(c.id)

    def card(self, card_id: str) -> Card | None:
        return self.cards.get(card_id)

    def link(self, link_id: str) -> Link | None:
        return self.links.get(link_id)

    def cell(self, lane_id: str, step_id: str) -> list[str]:
        return self.cells.get((lane_id, step_id), [])
