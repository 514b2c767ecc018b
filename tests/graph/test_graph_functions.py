"""The function graph and the hand-off report (the data of `blueprint handoffs`)."""

from __future__ import annotations

from hypothesis import given

from blueprint.graph import (
    downstream_functions,
    function_graph,
    handoff_matrix,
    handoff_report,
    upstream_functions,
)

from builders import blueprint_with, card
from strategies import blueprints

MATRIX = {"web": {"warehouse": 2}, "warehouse": {"courier": 1}, "courier": {"web": 1}}


def shop():  # type: ignore[no-untyped-def]
    return blueprint_with(
        stages=[("order", 2, None), ("deliver", 1, None)],
        functions=["web", "warehouse", "courier", "idle"],
        cards=[
            card("c1", "customer", 0, "Orders"),
            card("f1", "frontstage", 0, "Checkout", function="web"),
            card("b1", "backstage", 1, "Picks", function="warehouse"),
            card("b2", "backstage", 1, "Packs", function="warehouse"),
            card("s1", "support", 2, "Drives", function="courier"),
            card("f2", "frontstage", 2, "Hands over", function="courier"),
        ],
        links=[
            ("c1", "f1"),  # not a hand-off: the customer is not a function
            ("f1", "b1"),
            ("f1", "b2", {"kind": "loop"}),  # loops are hand-offs too
            ("b1", "b2"),  # same function: not a hand-off
            ("b2", "s1"),
            ("s1", "f2"),  # same function
            ("f2", "f1"),
        ],
    )


def test_function_graph_weights_count_hand_offs() -> None:
    functions = function_graph(shop())
    assert list(functions.nodes) == ["web", "warehouse", "courier", "idle"]
    assert functions.nodes["warehouse"] == {"name": "Warehouse", "kind": "team", "index": 1}
    assert {(a, b): d["weight"] for a, b, d in functions.edges(data=True)} == {
        ("web", "warehouse"): 2,
        ("warehouse", "courier"): 1,
        ("courier", "web"): 1,
    }
    assert upstream_functions(functions, "warehouse") == ["web"]
    assert downstream_functions(functions, "warehouse") == ["courier"]
    assert upstream_functions(functions, "idle") == [] == downstream_functions(functions, "idle")
    assert handoff_matrix(functions) == {
        "web": {"warehouse": 2},
        "warehouse": {"courier": 1},
        "courier": {"web": 1},
    }


def test_handoff_report_has_every_function_with_counts_and_stages() -> None:
    report = handoff_report(shop())
    assert report.to_json() == {
        "functions": [
            {
                "id": "web",
                "name": "Web",
                "upstream": ["courier"],
                "downstream": ["warehouse"],
                "handoffs_in": 1,
                "handoffs_out": 2,
                "stages": ["order"],
            },
            {
                "id": "warehouse",
                "name": "Warehouse",
                "upstream": ["web"],
                "downstream": ["courier"],
                "handoffs_in": 2,
                "handoffs_out": 1,
                "stages": ["order"],
            },
            {
                "id": "courier",
                "name": "Courier",
                "upstream": ["warehouse"],
                "downstream": ["web"],
                "handoffs_in": 1,
                "handoffs_out": 1,
                "stages": ["deliver"],
            },
            {
                "id": "idle",
                "name": "Idle",
                "upstream": [],
                "downstream": [],
                "handoffs_in": 0,
                "handoffs_out": 0,
                "stages": [],
            },
        ],
        "matrix": {"web": {"warehouse": 2}, "warehouse": {"courier": 1}, "courier": {"web": 1}},
    }
    assert report.function("warehouse").kind == "team"
    assert report.count("web", "warehouse") == 2 and report.count("web", "idle") == 0


@given(blueprints())
def test_report_counts_agree_with_the_matrix(doc) -> None:  # type: ignore[no-untyped-def]
    report = handoff_report(doc)
    assert [f.id for f in report.functions] == [f.id for f in doc.functions]
    for entry in report.functions:
        assert entry.handoffs_out == sum(report.matrix.get(entry.id, {}).values())
        assert entry.handoffs_in == sum(row.get(entry.id, 0) for row in report.matrix.values())
        assert set(entry.downstream) == set(report.matrix.get(entry.id, {}))
        assert entry.id not in entry.upstream
