"""Rules about who owns the work, its failures and its hand-offs (BP104, BP109, BP111)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.graph import is_handoff
from blueprint.model import COMPANY_LANES
from blueprint.validate.context import Context, short_title
from blueprint.validate.registry import Hit, rule


@rule("BP104", "Unowned work", "warning")
def unowned_work(ctx: Context) -> Iterator[Hit]:
    """A frontstage, backstage or support card with no function."""
    for node, data in ctx.nodes.items():
        if data["lane_kind"] in COMPANY_LANES and data["function"] is None:
            yield Hit(
                f"{ctx.label(node)} has no function: say which team, role, system or partner does this work",
                (node,),
                ctx.grid(node),
            )


@rule("BP109", "Unowned fail point", "warning")
def unowned_fail_point(ctx: Context) -> Iterator[Hit]:
    """A card with a fail point that neither the card's function nor the fail point's owner owns."""
    for card in ctx.doc.cards:
        if card.fail_point is None or card.function is not None or card.fail_point.owner is not None:
            continue
        note = short_title(card.fail_point.note)
        what = f"a {card.fail_point.severity} fail point" + (f' ("{note}")' if note else "")
        yield Hit(
            f"{ctx.label(card.id)} has {what} and nobody owns its recovery: give the fail point an owner "
            "(or the card a function)",
            (card.id,),
            ctx.grid(card.id),
        )


@rule("BP111", "Unlabelled hand-off", "info")
def unlabelled_handoff(ctx: Context) -> Iterator[Hit]:
    """A hand-off (a link between cards of two different functions) with an empty label."""
    names, nodes = ctx.function_names, ctx.nodes
    for link in ctx.doc.links:
        giver, taker = nodes[link.source]["function"], nodes[link.target]["function"]
        if not is_handoff(giver, taker) or link.label.strip():
            continue
        source, target = link.source, link.target
        yield Hit(
            f"the hand-off from {names[giver]} to {names[taker]}, {ctx.label(source)} → "
            f"{ctx.label(target)}, has no label: say what is handed over",
            (link.id, source, target),
            ctx.grid(source),
        )
