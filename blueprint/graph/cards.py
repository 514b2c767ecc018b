"""The card graph: cards are nodes, links are edges, annotated with what checks and reports ask about.

Everything downstream (rules, hand-off report, path queries) reads these attributes instead of going
back to the document, so one build serves a whole validation run.
"""

from __future__ import annotations

import networkx as nx

from blueprint.model import Blueprint


def is_handoff(source_function: str | None, target_function: str | None) -> bool:
    """A hand-off moves work between two different functions (both cards must have one)."""
    return source_function is not None and target_function is not None and source_function != target_function


def build_graph(doc: Blueprint) -> nx.MultiDiGraph:
    """A `MultiDiGraph` of the document's cards and links.

    Node (card id) attributes: `title`, `lane`, `lane_kind`, `lane_index`, `step`, `step_index`,
    `stage`, `order` (index in the card array: top-to-bottom order inside a cell), `function`,
    `duration_minutes` and `wait_minutes` (0 when not given).
    Edge (key = link id) attributes: `kind` (`flow`/`loop`), `label`, `handoff` (bool).
    """
    lanes = {lane.id: (index, lane.kind) for index, lane in enumerate(doc.lanes)}
    steps: dict[str, tuple[int, str]] = {}
    for stage in doc.stages:
        for step in stage.steps:
            steps[step.id] = (len(steps), stage.id)
    graph = nx.MultiDiGraph()
    functions: dict[str, str | None] = {}
    nodes = []
    for order, card in enumerate(doc.cards):
        lane_index, lane_kind = lanes[card.lane]
        step_index, stage_id = steps[card.step]
        functions[card.id] = card.function
        nodes.append(
            (
                card.id,
                {
                    "title": card.title,
                    "lane": card.lane,
                    "lane_kind": lane_kind,
                    "lane_index": lane_index,
                    "step": card.step,
                    "step_index": step_index,
                    "stage": stage_id,
                    "order": order,
                    "function": card.function,
                    "duration_minutes": card.duration_minutes or 0,
                    "wait_minutes": (card.wait_point.minutes or 0) if card.wait_point else 0,
                },
            )
        )
    graph.add_nodes_from(nodes)
    graph.add_edges_from(
        (
            link.source,
            link.target,
            link.id,
            {
                "kind": link.kind,
                "label": link.label,
                "handoff": is_handoff(functions[link.source], functions[link.target]),
            },
        )
        for link in doc.links
    )
    return graph


def flow_graph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """The `flow` links only, as a simple digraph (parallel flow links collapse into one edge).

    Edge attribute `links`: the ids of the flow links between the two cards, in document order.
    """
    flow = nx.DiGraph()
    flow.add_nodes_from(graph.nodes)
    for source, target, key, kind in graph.edges(keys=True, data="kind"):
        if kind != "flow":
            continue
        if flow.has_edge(source, target):
            flow[source][target]["links"].append(key)
        else:
            flow.add_edge(source, target, links=[key])
    return flow
