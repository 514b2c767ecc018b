"""Rules about whether work connects back to the customer (BP102, BP103)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.graph.components import strongly_connected
from blueprint.model import FLOW_LANES
from blueprint.validate.context import Context
from blueprint.validate.registry import Hit, rule

_SEEN_BY_CUSTOMER = frozenset({"customer", "frontstage"})
_BEHIND = frozenset({"backstage", "support"})


@rule("BP102", "Hand-off dead end", "warning")
def handoff_dead_end(ctx: Context) -> Iterator[Hit]:
    """Backstage or support work that never comes back to the customer or the frontstage, one finding
    per place where the work stops."""
    pred = ctx.graph._pred  # the raw adjacency: networkx's views cost more than this whole rule
    # One reverse multi-source sweep: every card with a path to a customer or frontstage card.
    reaching = [node for node, data in ctx.nodes.items() if data["lane_kind"] in _SEEN_BY_CUSTOMER]
    seen = set(reaching)
    for node in reaching:  # grows while it is read
        for prior in pred[node]:
            if prior not in seen:
                seen.add(prior)
                reaching.append(prior)
    received = {link.target for link in ctx.doc.links}
    found = [
        node
        for node, data in ctx.nodes.items()
        if data["lane_kind"] in _BEHIND and node in received and node not in seen
    ]
    if not found:
        return
    groups: dict[str, list[str]] = {}
    stops = _stopping_cards(ctx, found)
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


def _stopping_cards(ctx: Context, found: list[str]) -> dict[str, str]:
    """For each card of `found` (work that cannot reach the customer), the first card in grid order
    where its chains stop: a card with no outgoing link, or the first card (in grid order) of a circle
    that leads nowhere else. Everything the found cards lead to is walked once, with plain dicts."""
    succ = ctx.graph._succ  # the raw adjacency: networkx's views cost more than this whole pass
    region = list(found)
    seen = set(found)
    for node in region:  # grows while it is read: one breadth-first sweep from all found cards
        for following in succ[node]:
            if following not in seen:
                seen.add(following)
                region.append(following)
    components = strongly_connected(region, succ)  # sinks first
    block_of: dict[str, int] = {}
    stop_of_block: list[str] = []
    for number, members in enumerate(components):
        for node in members:
            block_of[node] = number
        after = {block_of[f] for node in members for f in succ[node] if block_of.get(f, number) != number}
        candidates = [stop_of_block[b] for b in after]
        stop_of_block.append(min(candidates or members, key=ctx.grid))
    return {node: stop_of_block[block_of[node]] for node in found}


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
