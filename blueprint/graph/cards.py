"""The card graph: cards are nodes, links are edges, annotated with what checks and reports ask about.

Everything downstream (rules, hand-off report, path queries) reads these attributes instead of going
back to the document, so one build serves a whole validation run.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

import networkx as nx

from blueprint.model import Blueprint


def is_handoff(source_function: str | None, target_function: str | None) -> bool:
    """A hand-off moves work between two different functions (both cards must have one)."""
    return source_function is not None and target_function is not None and source_function != target_function


def _assemble(
    graph: nx.DiGraph, nodes: Iterable[tuple[str, dict[str, Any]]], edges: Iterable[tuple[str, str, Any]]
) -> None:
    """Fill an empty `DiGraph` or `MultiDiGraph` with nodes and edges, through networkx's adjacency dicts.

    Why: `add_edges_from` costs about 6 µs per edge on a multigraph (45 ms for 7,500 links), a third of
    the time budget of validating after every edit. The layout written here is the documented one
    (`G._succ[u][v]` is `G._pred[v][u]`: the edge data dict, or for multigraphs the key -> data dict);
    `test_graph_cards.py` checks the result equals a graph built with the public API. Edges name
    existing nodes (the model guarantees links name existing cards). For a multigraph, each edge's
    third item is `(key, data)`; otherwise it is the data dict. The graph must be new (no cached views).
    """
    node, succ, pred = graph._node, graph._succ, graph._pred
    for name, data in nodes:
        node[name] = data
        succ[name] = {}
        pred[name] = {}
    if graph.is_multigraph():
        for source, target, (key, data) in edges:
            row = succ[source]
            keyed = row.get(target)
            if keyed is None:
                keyed = row[target] = pred[target][source] = {}
            keyed[key] = data
    else:
        for source, target, data in edges:
            succ[source][target] = pred[target][source] = data


def release_graph(graph: nx.MultiDiGraph, *more: dict[str, Any]) -> None:
    """Let go of a card graph (and of `more` dicts keyed by card id) one card at a time.

    Freed at once, the graph of a 40,000-card blueprint holds the interpreter for about 50 ms without
    a break: while the editor checks a document on a worker thread, its UI thread cannot run for that
    long. Here each turn of the loop frees one card's entries, and the interpreter may switch threads
    between turns (about 80 ms in all at 40,000 cards, on the worker). The graph is of no use
    afterwards: its views cached by networkx (`nodes`, `adj`, `in_degree`…, each referring back to
    the graph: a reference cycle) go too, so nothing of it waits for the cycle collector. (The editor
    checks with the collector paused and freezes what is alive at the end out of collections: a
    graph left in a cycle stayed for good, 5,000 dicts a check at 40,000 cards.)"""
    for index in (*more, graph._succ, graph._pred, graph._node):
        while index:
            index.popitem()
    vars(graph).clear()


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
    nodes: dict[str, dict[str, Any]] = {}
    for order, card in enumerate(doc.cards):
        lane_index, lane_kind = lanes[card.lane]
        step_index, stage_id = steps[card.step]
        nodes[card.id] = {
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
        }
    graph = nx.MultiDiGraph()
    _assemble(
        graph,
        nodes.items(),
        (
            (
                link.source,
                link.target,
                (
                    link.id,
                    {
                        "kind": link.kind,
                        "label": link.label,
                        "handoff": is_handoff(nodes[link.source]["function"], nodes[link.target]["function"]),
                    },
                ),
            )
            for link in doc.links
        ),
    )
    return graph


def flow_graph(graph: nx.MultiDiGraph, nodes: Collection[str] | None = None) -> nx.DiGraph:
    """The `flow` links only, as a simple digraph (parallel flow links become one edge).

    With `nodes`, only those cards and the flow links among them. Edge attribute `links`: the ids of the
    flow links from one card to the other, in document order.
    """
    keep = graph if nodes is None else nodes
    edges = []
    succ = graph._succ  # the raw adjacency: networkx's views cost 20 ms at 7,500 links
    for source in keep:
        for target, keyed in succ[source].items():
            if nodes is not None and target not in keep:
                continue
            links = [key for key, data in keyed.items() if data["kind"] == "flow"]
            if links:
                edges.append((source, target, {"links": links}))
    flow = nx.DiGraph()
    _assemble(flow, ((node, {}) for node in keep), edges)
    return flow
