"""What stands behind a customer moment: the cards it depends on, the hand-offs on the way, the time.

These queries follow `flow` links only: a `loop` link is a later round (a renewal, a retry), not
something the customer waits for the first time through.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

import networkx as nx

from blueprint.graph.cards import flow_graph


@dataclass(frozen=True)
class PathTiming:
    """The longest chain of work (by minutes) that ends at one card, and its minutes."""

    cards: tuple[str, ...]
    duration_minutes: float
    wait_minutes: float

    @property
    def total_minutes(self) -> float:
        return self.duration_minutes + self.wait_minutes


def upstream_cards(
    graph: nx.MultiDiGraph, sources: Iterable[str], kinds: Collection[str] | None = ("flow",)
) -> set[str]:
    """Cards from which a path of one or more links reaches any of `sources` (one multi-source BFS
    against the direction of the links). `kinds`: the link kinds followed (None: every link)."""
    seen: set[str] = set()
    frontier = list(sources)
    pred = graph.pred
    while frontier:
        following = []
        for node in frontier:
            before = pred[node]
            for parent in before:
                if parent in seen:
                    continue
                if kinds is None or any(data["kind"] in kinds for data in before[parent].values()):
                    seen.add(parent)
                    following.append(parent)
        frontier = following
    return seen


def customer_cards(graph: nx.MultiDiGraph, step_id: str | None = None) -> list[str]:
    """Customer cards (of one step, or all), in document order."""
    return [
        node
        for node, data in graph.nodes(data=True)
        if data["lane_kind"] == "customer" and (step_id is None or data["step"] == step_id)
    ]


def step_dependencies(graph: nx.MultiDiGraph, step_id: str) -> set[str]:
    """Every card the customer cards of `step_id` depend on (everything upstream of them)."""
    return upstream_cards(graph, customer_cards(graph, step_id))


def handoffs_behind(graph: nx.MultiDiGraph) -> dict[str, int]:
    """For each customer card, the number of hand-off links among the flow work that leads to it."""
    result = {}
    for card in customer_cards(graph):
        upstream = upstream_cards(graph, [card])
        inside = upstream | {card}
        result[card] = sum(
            1
            for source in upstream
            for target, links in graph.succ[source].items()
            if target in inside
            for data in links.values()
            if data["kind"] == "flow" and data["handoff"]
        )
    return result


def longest_path_to(graph: nx.MultiDiGraph, card_id: str) -> PathTiming:
    """The chain of flow work ending at `card_id` with the most minutes (duration plus wait).

    Cards in a flow cycle (BP107) are counted once, as a block: the work of the cycle is done once.
    """
    nodes = upstream_cards(graph, [card_id]) | {card_id}
    flow = flow_graph(graph.subgraph(nodes))
    blocks = nx.condensation(flow)
    member_of = blocks.graph["mapping"]

    def grid(node: str) -> tuple[int, int, int]:
        data = graph.nodes[node]
        return data["step_index"], data["lane_index"], data["order"]

    members = {block: sorted(blocks.nodes[block]["members"], key=grid) for block in blocks}
    minutes = {
        block: (
            sum(graph.nodes[n]["duration_minutes"] for n in cards),
            sum(graph.nodes[n]["wait_minutes"] for n in cards),
        )
        for block, cards in members.items()
    }
    best: dict[int, tuple[float, float, float]] = {}
    parent: dict[int, int | None] = {}
    for block in nx.topological_sort(blocks):
        duration, wait = minutes[block]
        before = sorted(blocks.predecessors(block), key=lambda b: grid(members[b][0]))
        chosen = max(before, key=lambda b: best[b][0], default=None)
        base = best[chosen] if chosen is not None else (0.0, 0.0, 0.0)
        best[block] = (base[0] + duration + wait, base[1] + duration, base[2] + wait)
        parent[block] = chosen
    chain: list[str] = []
    block: int | None = member_of[card_id]
    end = block
    while block is not None:
        chain[:0] = members[block]
        block = parent[block]
    _, duration, wait = best[end]  # type: ignore[index]
    return PathTiming(cards=tuple(chain), duration_minutes=duration, wait_minutes=wait)


def customer_timings(graph: nx.MultiDiGraph) -> dict[str, PathTiming]:
    """`longest_path_to` for every customer card."""
    return {card: longest_path_to(graph, card) for card in customer_cards(graph)}
