"""Rules about the direction of the flow of work (BP106, BP107)."""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from blueprint.graph import flow_graph
from blueprint.graph.components import strongly_connected
from blueprint.validate.context import Context
from blueprint.validate.registry import Hit, rule

#: Cards named in full in a cycle message; longer cycles are shortened with "and N more".
_CYCLE_NAMED = 6


@rule("BP106", "Backwards flow", "error")
def backwards_flow(ctx: Context) -> Iterator[Hit]:
    """A flow link whose target step comes before its source step."""
    nodes = ctx.nodes
    for link in ctx.doc.links:
        source, target = link.source, link.target
        if link.kind == "flow" and nodes[target]["step_index"] < nodes[source]["step_index"]:
            yield Hit(
                f"the flow link from {ctx.label(source)} goes back to an earlier step, to "
                f"{ctx.label(target)}: reverse it, or mark it as a loop if going back is deliberate",
                (link.id, source, target),
                ctx.grid(source),
            )


def _cycle_through(flow: nx.DiGraph, start: str, members: set[str]) -> list[str]:
    """The shortest cycle of flow links through `start` inside one strongly connected component (BFS).

    Enumerating every cycle is exponential; one short cycle per component is enough to point at.
    """
    parent: dict[str, str] = {}
    queue = [start]
    for node in queue:
        for following in flow.succ[node]:
            if following == start:
                cycle = [node]
                while cycle[-1] != start:
                    cycle.append(parent[cycle[-1]])
                return cycle[::-1]
            if following in members and following not in parent:
                parent[following] = node
                queue.append(following)
    raise AssertionError("a strongly connected component always has a cycle through each member")


@rule("BP107", "Unmarked cycle", "error")
def unmarked_cycle(ctx: Context) -> Iterator[Hit]:
    """A cycle made only of flow links (one finding per strongly connected part of the flow links)."""
    # A flow cycle lies inside a cycle of the whole graph: look for flow cycles only within those.
    for candidate in strongly_connected(ctx.graph, ctx.graph._succ):  # the raw adjacency: no views
        if len(candidate) < 2:
            continue
        flow = flow_graph(ctx.graph, set(candidate))
        for members in nx.strongly_connected_components(flow):
            if len(members) >= 2:
                yield _cycle_hit(ctx, flow, members)


def _cycle_hit(ctx: Context, flow: nx.DiGraph, members: set[str]) -> Hit:
    start = min(members, key=ctx.grid)
    cycle = _cycle_through(flow, start, members)
    links = [flow[a][b]["links"][0] for a, b in zip(cycle, [*cycle[1:], start], strict=True)]
    named = " → ".join(ctx.label(card) for card in cycle[:_CYCLE_NAMED])
    more = f" → and {len(cycle) - _CYCLE_NAMED} more" if len(cycle) > _CYCLE_NAMED else ""
    return Hit(
        f"flow links go round in a circle: {named}{more} → back to {ctx.title(start)}; "
        "mark the link that goes back as a loop, or remove it",
        (*cycle, *links),
        ctx.grid(start),
    )
