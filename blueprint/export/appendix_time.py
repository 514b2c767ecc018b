"""The appendix page "The customer's time": the journey's total, each stage's, and every customer card
over its tolerance with the chain of cards its time adds up (each with what it adds), so a reader can
check the sum and see where the time goes. A section with its own outline entry that follows the
findings like the others (a page of its own would leave the page before it half empty); left out of a
blueprint that gives no minutes at all (nothing to add up).
"""

from __future__ import annotations

from typing import Any

from blueprint.export.appendix_flow import BODY, SMALL, SUBHEADING, Flow
from blueprint.export.time_words import card_part, over_by, time_here, total
from blueprint.model import Blueprint

MUTED = "#546E7A"
OVER = "#C62828"


def has_minutes(doc: Blueprint) -> bool:
    """True when some card gives a duration, a tolerance or a wait's minutes."""
    return any(
        card.duration_minutes is not None
        or card.tolerance_minutes is not None
        or (card.wait_point is not None and card.wait_point.minutes is not None)
        for card in doc.cards
    )


def customer_time_section(flow: Flow, doc: Blueprint, timing: Any) -> None:
    """The section, from a graph.timing.Timing of `doc`."""
    if timing is None or not has_minutes(doc):
        return
    flow.section("appendix-time", "The customer's time")
    flow.text(
        "The time at a customer card is the longest chain of work that leads to it from the customer's "
        "previous moment: each card's duration plus its wait. A stage adds up its customer cards, the "
        "journey its stages. Incomplete: a card of a chain has no duration, or a wait no minutes "
        "(counted as 0).",
        color=MUTED,
        gap_after=6,
    )
    flow.text(f"Journey: {total(timing.minutes, timing.incomplete)}", SUBHEADING, bold=True, gap_after=4)
    names = {stage.id: stage.name for stage in doc.stages}
    flow.text("Stages", SUBHEADING, bold=True, keep=BODY * 2, gap_after=1)
    for stage in timing.stages:
        flow.text(
            f"{names.get(stage.stage_id, stage.stage_id)}: {total(stage.minutes, stage.incomplete)}",
            BODY,
            indent=6,
            owner=f"stage '{names.get(stage.stage_id, stage.stage_id)}'",
        )
    flow.gap(6)
    over = [card_time for card_time in timing.cards if card_time.over]
    flow.text("Slower than the customer accepts", SUBHEADING, bold=True, keep=BODY * 3, gap_after=1)
    if not over:
        flow.text("No customer card is over its tolerance.", BODY, indent=6, color=MUTED)
        return
    cards = doc.cards_by_id()
    kinds = {lane.id: lane.kind for lane in doc.lanes}
    places = {step.id: f"{stage.name} › {step.name}" for stage, step in doc.all_steps()}
    for card_time in over:
        card = cards[card_time.card_id]
        owner = f"card '{card.id}'"
        flow.text(
            f"{card.title} ({places[card.step]})", BODY, bold=True, indent=6, owner=owner, keep=BODY * 2
        )
        flow.text(f"{time_here(card_time)}: {over_by(card_time)}", BODY, indent=18, color=OVER)
        chain = [cards[i] for i in card_time.chain if i in cards]
        steps = " → ".join(f"{part.title} ({card_part(part, kinds[part.lane])})" for part in chain)
        flow.text(f"Chain: {steps}", SMALL, indent=18, owner=owner, gap_after=4)
