"""The rule about the order of lanes and the three lines between them (BP110)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.model import ZONE_OF_LANE, ZONE_RANK, LaneKind
from blueprint.validate.context import Context
from blueprint.validate.registry import Hit, rule


def _kept_in_order(ranks: list[int]) -> set[int]:
    """Indexes of a longest non-decreasing run of `ranks`: the lanes that can stay where they are.

    The other lanes are the fewest a designer has to move (ties keep the lane that comes first).
    """
    length = [1] * len(ranks)
    parent: list[int | None] = [None] * len(ranks)
    for i in range(len(ranks)):
        for j in range(i):
            if ranks[j] <= ranks[i] and length[j] + 1 > length[i]:
                length[i], parent[i] = length[j] + 1, j
    if not ranks:
        return set()
    end: int | None = max(range(len(ranks)), key=lambda i: (length[i], -i))
    kept = set()
    while end is not None:
        kept.add(end)
        end = parent[end]
    return kept


@rule("BP110", "Lane order", "error")
def lane_order(ctx: Context) -> Iterator[Hit]:
    """Lanes that break the zone order (customer side, frontstage, backstage, support); notes lanes
    may stand anywhere."""
    ranked = [
        (index, lane, ZONE_RANK[ZONE_OF_LANE[LaneKind(lane.kind)]])
        for index, lane in enumerate(ctx.doc.lanes)
        if lane.kind != "notes"
    ]
    kept = _kept_in_order([rank for _, _, rank in ranked])
    for position, (index, lane, rank) in enumerate(ranked):
        if position in kept:
            continue
        above = [other for p, other in enumerate(ranked[:position]) if p in kept and other[2] > rank]
        if above:
            relation, other = "sits below", above[-1][1]
        else:
            below = [o for p, o in enumerate(ranked) if p > position and p in kept and o[2] < rank]
            relation, other = "sits above", below[0][1]
        yield Hit(
            f"lane {ctx.lane_label(lane.id)} {relation} {ctx.lane_label(other.id)}: lanes go customer "
            "side, frontstage, backstage, support from top to bottom",
            (lane.id, other.id),
            (-1, index, -1),
        )
