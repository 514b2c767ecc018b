"""Rules about the customer's time and the plans that act on findings (BP112, BP113)."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint.graph.timing import CardTime, longest_part
from blueprint.graph.timing_report import minutes_text
from blueprint.validate.context import Context
from blueprint.validate.registry import Hit, rule


def _longest_part(ctx: Context, time: CardTime) -> str:
    """The card of the chain that takes longest, with its minutes: `"Makes the drink" (4 min + 2 min
    wait)` (the first in chain order on a tie)."""
    card = longest_part(ctx.cards[card_id] for card_id in time.chain) or ctx.cards[time.card_id]
    work = card.duration_minutes or 0
    wait = (card.wait_point.minutes or 0) if card.wait_point is not None else 0
    amount = minutes_text(work) + (f" + {minutes_text(wait)} wait" if wait else "")
    return f"{ctx.title(card.id)} ({amount})"


@rule("BP112", "Slower than the customer accepts", "warning")
def slower_than_tolerance(ctx: Context) -> Iterator[Hit]:
    """A customer card whose time (the chain of work behind it) is longer than its tolerance."""
    for time in ctx.tolerance_times.cards:
        if not time.over or time.tolerance_minutes is None:
            continue
        known = " (with the minutes known: some are missing)" if time.incomplete else ""
        yield Hit(
            f"{ctx.label(time.card_id)} takes the customer {minutes_text(time.minutes)}{known} against a "
            f"tolerance of {minutes_text(time.tolerance_minutes)}; the longest part is "
            f"{_longest_part(ctx, time)}",
            (time.card_id, *(card_id for card_id in time.chain if card_id != time.card_id)),
            ctx.grid(time.card_id),
        )


@rule("BP113", "Fail point without a plan", "info")
def fail_point_without_plan(ctx: Context) -> Iterator[Hit]:
    """A card with a high-severity fail point that no open improvement plan targets."""
    planned = {target for plan in ctx.doc.improvements if plan.is_open for target in plan.targets}
    for card in ctx.doc.cards:
        point = card.fail_point
        if point is None or point.severity != "high" or card.id in planned:
            continue
        note = " ".join(point.note.split())
        what = f' ("{note[:59] + "…" if len(note) > 60 else note}")' if note else ""
        yield Hit(
            f"{ctx.label(card.id)} has a high fail point{what} and no open improvement plan: "
            "plan what will change, who owns it and by when",
            (card.id,),
            ctx.grid(card.id),
        )
