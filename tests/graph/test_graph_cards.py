"""The card graph: attributes on nodes and edges, and the fast assembly equal to networkx's own."""

from __future__ import annotations

import networkx as nx
from hypothesis import given

from blueprint.graph import build_graph, flow_graph, is_handoff

from builders import blueprint_with, card
from strategies import blueprints


def small():  # type: ignore[no-untyped-def]
    return blueprint_with(
        stages=[("order", 2, "purchase"), ("collect", 1, None)],
        cards=[
            card("c1", "customer", 0, "Orders", duration_minutes=2, wait_point={"note": "", "minutes": 3}),
            card("f1", "frontstage", 1, "Takes it", function="team-a"),
            card("f2", "frontstage", 1, "Checks it", function="team-a"),
            card("b1", "backstage", 2, "Makes it", function="team-b"),
        ],
        links=[("c1", "f1"), ("f1", "b1", {"label": "ticket"}), ("f1", "b1", {"kind": "loop"}), ("f2", "b1")],
    )


def test_nodes_carry_lane_step_function_and_minutes() -> None:
    graph = build_graph(small())
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes["c1"] == {
        "title": "Orders",
        "lane": "customer",
        "lane_kind": "customer",
        "lane_index": 1,
        "step": "step0",
        "step_index": 0,
        "stage": "order",
        "order": 0,
        "function": None,
        "duration_minutes": 2,
        "wait_minutes": 3,
    }
    assert graph.nodes["b1"]["stage"] == "collect" and graph.nodes["f2"]["order"] == 2


def test_edges_are_links_keyed_by_id_with_kind_label_and_hand_off() -> None:
    graph = build_graph(small())
    assert graph.number_of_edges("f1", "b1") == 2
    assert graph.edges["f1", "b1", "l1"] == {"kind": "flow", "label": "ticket", "handoff": True}
    assert graph.edges["f1", "b1", "l2"]["kind"] == "loop"
    assert graph.edges["c1", "f1", "l0"]["handoff"] is False  # the customer has no function
    assert is_handoff("a", "b") and not is_handoff("a", "a") and not is_handoff(None, "a")


def test_flow_graph_keeps_flow_links_only() -> None:
    flow = flow_graph(build_graph(small()))
    assert isinstance(flow, nx.DiGraph) and not flow.is_multigraph()
    assert flow["f1"]["b1"] == {"links": ["l1"]}
    assert set(flow.nodes) == {"c1", "f1", "f2", "b1"}
    part = flow_graph(build_graph(small()), {"f1", "b1"})
    assert set(part.nodes) == {"f1", "b1"} and list(part.edges) == [("f1", "b1")]


@given(blueprints())
def test_fast_assembly_equals_the_public_networkx_build(doc) -> None:  # type: ignore[no-untyped-def]
    graph = build_graph(doc)
    public = nx.MultiDiGraph()
    public.add_nodes_from(graph.nodes(data=True))
    public.add_edges_from(
        (link.source, link.target, link.id, graph.edges[link.source, link.target, link.id])
        for link in doc.links
    )
    assert nx.utils.graphs_equal(graph, public)
    assert list(graph.nodes) == [c.id for c in doc.cards]
    # Mutating through the public API still works on the assembled graph.
    graph.add_edge("x", "y", key="k")
    assert graph.has_edge("x", "y") and graph.in_degree("y") == 1
