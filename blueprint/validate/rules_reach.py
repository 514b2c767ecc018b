"""Rules about whether work connects back to the customer (BP102, BP103)."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from blueprint.model import FLOW_LANES
from blueprint.validate.context import Context
from blueprint.validate.registry import Hit, rule

_SEEN_BY_CUSTOMER = frozenset({"customer", "frontstage"})
_BEHIND = frozenset({"backstage", "support"})


@rule("BP102", "Hand-off dead end", "warning")
def handoff_dead_end(ctx: Context) -> Iterator[Hit]:
    """Backstage or support work that never comes back to the customer or the frontstage, one finding
    per place where the work stops."""
    graph = ctx.graph
    targets = [node for node, data in ctx.nodes.items() if data["lane_kind"] in _SEEN_BY_CUSTOMER]
    # One reverse multi-source BFS: every card with a path to a customer or frontstage card.
    reaching: set[str] = set()
    for layer in nx.bfs_layers(graph.reverse(copy=False), targets):
        reaching.update(layer)
    received = {link.target for link in ctx.doc.links}
    found = [
        node
        for node, data in ctx.nodes.items()
        if data["lane_kind"] in _BEHIND and node in received and node not in reaching
    ]
    if not found:
        return
    groups: dict[str, list[str]] = {}
    region: set[str] = set()
    for layer in nx.bfs_layers(graph, found):  # everything the dead-end work leads to, in one sweep
        region.update(layer)
    stops = _stopping_cards(ctx, graph.subgraph(region))
    for node in sorted(found, key=ctx.grid):
        groups.setdefault(stops[node], []).append(node)
    for stop, members in sorted(groups.items(), key=lambda item: ctx.grid(item[0])):
        feeders = [node for node in members if node != stop]
        feed = f"; {len(feeders)} cards feed into it" if len(feeders) > 1 else "; 1 card feeds into it"
        yield Hit(
            f"the work stops at {ctx.label(stop)}: nothing it does reaches the customer or the frontstage"
            + (feed if feeders else ""),
            (stop, *feeders),
            ctx.grid(stop),
        )


def _stopping_cards(ctx: Context, region: nx.MultiDiGraph) -> dict[str, str]:
    """For each card of `region` (work that cannot reach the customer, and all it leads to), the first
    card in grid order where its chains stop: a card with no outgoing link, or the first card (in grid
    order) of a circle that leads nowhere else."""
    blocks = nx.condensation(region)
    first = {block: min(blocks.nodes[block]["members"], key=ctx.grid) for block in blocks}
    stop: dict[int, str] = {}
    for block in reversed(list(nx.topological_sort(blocks))):
        after = [stop[successor] for successor in blocks.successors(block)]
        stop[block] = min(after, key=ctx.grid) if after else first[block]
    mapping: dict[str, int] = blocks.graph["mapping"]
    return {node: stop[block] for node, block in mapping.items()}


@rule("BP103", "Orphan card", "warning")
def orphan_card(ctx: Context) -> Iterator[Hit]:
    """A customer, frontstage, backstage or support card with no links, in a blueprint that has links."""
    if not ctx.doc.links:
        return
    linked = {link.source for link in ctx.doc.links} | {link.target for link in ctx.doc.links}
    for node, data in ctx.nodes.items():
        if data["lane_kind"] in FLOW_LANES and node not in linked:
            yield Hit(
                f"{ctx.label(node)} has no links: connect it to the work before or after it",
                (node,),
                ctx.grid(node),
            )
