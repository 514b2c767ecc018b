"""Rules about the line of interaction and the line of visibility (BP101, BP105)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.model import COMPANY_LANES, CUSTOMER_SIDE_LANES
from blueprint.validate.context import Context, short_title
from blueprint.validate.registry import Hit, rule

_OUT_OF_SIGHT = frozenset({"backstage", "support"})


@rule("BP101", "Unsupported touchpoint", "warning")
def unsupported_touchpoint(ctx: Context) -> Iterator[Hit]:
    """A customer card with a channel that no frontstage, backstage or support card links to or from."""
    nodes, graph = ctx.nodes, ctx.graph
    for node, data in nodes.items():
        if data["lane_kind"] != "customer":
            continue
        channel = ctx.cards[node].channel
        if channel is None or not channel.strip():
            continue
        neighbours = [*graph.pred[node], *graph.succ[node]]
        if any(nodes[other]["lane_kind"] in COMPANY_LANES for other in neighbours):
            continue
        yield Hit(
            f"{ctx.label(node)} is a touchpoint ({short_title(channel)}) with no link to or from any "
            "frontstage, backstage or support card: the company does nothing here",
            (node,),
            ctx.grid(node),
        )


@rule("BP105", "Visibility breach", "warning")
def visibility_breach(ctx: Context) -> Iterator[Hit]:
    """A link, in either direction, between a customer-side card and a backstage or support card."""
    nodes = ctx.nodes
    for link in ctx.doc.links:
        source, target = nodes[link.source]["lane_kind"], nodes[link.target]["lane_kind"]
        if (source in CUSTOMER_SIDE_LANES and target in _OUT_OF_SIGHT) or (
            source in _OUT_OF_SIGHT and target in CUSTOMER_SIDE_LANES
        ):
            yield Hit(
                f"the link from {ctx.label(link.source)} to {ctx.label(link.target)} crosses the line of "
                "visibility: the customer cannot interact with what is out of sight; route it through the "
                "frontstage",
                (link.id, link.source, link.target),
                ctx.grid(link.source),
            )
