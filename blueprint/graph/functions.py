"""The function graph: who hands work to whom, counted from the links between their cards."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from blueprint.graph.cards import build_graph, is_handoff
from blueprint.model import Blueprint


def function_graph(doc: Blueprint, graph: nx.MultiDiGraph | None = None) -> nx.DiGraph:
    """One node per function (in display order; attributes `name`, `kind`, `index`), an edge A -> B
    whose `weight` is the number of hand-offs (links from a card of A to a card of B, A != B).

    Pass `graph` (from `build_graph`) to reuse a card graph that is already built.
    """
    graph = build_graph(doc) if graph is None else graph
    result = nx.DiGraph()
    result.add_nodes_from(
        (f.id, {"name": f.name, "kind": f.kind, "index": i}) for i, f in enumerate(doc.functions)
    )
    weights: dict[tuple[str, str], int] = {}
    nodes = graph.nodes
    for link in doc.links:
        pair = nodes[link.source]["function"], nodes[link.target]["function"]
        if is_handoff(*pair):
            weights[pair] = weights.get(pair, 0) + 1
    result.add_edges_from((a, b, {"weight": n}) for (a, b), n in weights.items())
    return result


def _in_display_order(functions: nx.DiGraph, ids: Iterable[str]) -> list[str]:
    index = functions.nodes
    return sorted(ids, key=lambda function_id: index[function_id]["index"])


def upstream_functions(functions: nx.DiGraph, function_id: str) -> list[str]:
    """Functions that hand work to `function_id`, in display order."""
    return _in_display_order(functions, functions.predecessors(function_id))


def downstream_functions(functions: nx.DiGraph, function_id: str) -> list[str]:
    """Functions `function_id` hands work to, in display order."""
    return _in_display_order(functions, functions.successors(function_id))


def handoff_matrix(functions: nx.DiGraph) -> dict[str, dict[str, int]]:
    """`{from: {to: n}}` with only the pairs that hand off (n > 0), keys in display order."""
    matrix: dict[str, dict[str, int]] = {}
    for source in functions.nodes:
        targets = downstream_functions(functions, source)
        row = {target: functions[source][target]["weight"] for target in targets}
        if row:
            matrix[source] = row
    return matrix
