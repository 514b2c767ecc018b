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
    """A backstage or support card that receives work from which no path of links reaches the customer
    or the frontstage."""
    graph = ctx.graph
    targets = [node for node, data in ctx.nodes.items() if data["lane_kind"] in _SEEN_BY_CUSTOMER]
    # One reverse multi-source BFS: every card with a path to a customer or frontstage card.
    reaching: set[str] = set()
    for layer in nx.bfs_layers(graph.reverse(copy=False), targets):
        reaching.update(layer)
    received = {link.target for link in ctx.doc.links}
    for node, data in ctx.nodes.items():
        if data["lane_kind"] in _BEHIND and node in received and node not in reaching:
            yield Hit(
                f"{ctx.label(node)} receives work but nothing it does reaches the customer or the frontstage",
                (node,),
                ctx.grid(node),
            )


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
