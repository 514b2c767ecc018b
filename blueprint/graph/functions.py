"""The function graph: who hands work to whom, counted from the links between their cards."""

from __future__ import annotations

import networkx as nx

from blueprint.graph.cards import build_graph
from blueprint.model import Blueprint


def function_graph(doc: Blueprint, graph: nx.MultiDiGraph | None = None) -> nx.DiGraph:
    """One node per function (in display order; attributes `name`, `kind`), an edge A -> B whose
    `weight` is the number of hand-offs (links from a card of A to a card of B, A != B).

    Pass `graph` (from `build_graph`) to reuse a card graph that is already built.
    """
    graph = build_graph(doc) if graph is None else graph
    result = nx.DiGraph()
    result.add_nodes_from((f.id, {"name": f.name, "kind": f.kind}) for f in doc.functions)
    function_of = graph.nodes.data("function")
    for source, target, handoff in graph.edges(data="handoff"):
        if not handoff:
            continue
        a, b = function_of[source], function_of[target]
        if result.has_edge(a, b):
            result[a][b]["weight"] += 1
        else:
            result.add_edge(a, b, weight=1)
    return result


def _in_display_order(functions: nx.DiGraph, ids: object) -> list[str]:
    wanted = set(ids)  # type: ignore[call-overload]
    return [node for node in functions.nodes if node in wanted]


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
