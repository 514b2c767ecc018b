"""The appendix page "The customer's time": the journey's total, each stage's, and every customer card
over its tolerance with the chain of cards its time adds up (each with what it adds), so a reader can
check the sum and see where the time goes. A section with its own outline entry that follows the
findings like the others (a page of its own would leave the page before it half empty); left out of a
blueprint that gives no minutes at all (nothing to add up).
"""

from __future__ import annotations

from typing import Any

from blueprint.export.appendix_flow import BODY, SECTION_GAP, SMALL, SUBHEADING, Flow
from blueprint.export.time_words import against_tolerance, card_part, total
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
    title = "The customer's time"
    intro = (
        "The time at a customer card is the longest chain of work that leads to it from the customer's "
        "previous moment: each card's duration plus its wait. A stage adds up its customer cards, the "
        "journey its stages. Incomplete: a card of a chain has no duration, or a wait no minutes "
        "(counted as 0)."
    )
    journey = f"Journey: {total(timing.minutes, timing.incomplete)}"
    names = {stage.id: stage.name for stage in doc.stages}
    stages = [
        (
            names.get(t.stage_id, t.stage_id),
            f"{names.get(t.stage_id, t.stage_id)}: {total(t.minutes, t.incomplete)}",
        )
        for t in timing.stages
    ]
    # the heading, the journey and the stage totals in one piece: the last stage alone at the top of
    # the next page read as a stray line, the heading alone at the foot of a page as a section cut off
    flow.keep_together(
        SECTION_GAP
        + flow.heading_height(title)
        + flow.text_height(intro)
        + 6
        + flow.text_height(journey, SUBHEADING, bold=True)
        + 4
        + flow.text_height("Stages", SUBHEADING, bold=True)
        + 1
        + sum(flow.text_height(line, BODY, indent=6) for _, line in stages)
    )
    flow.section("appendix-time", title)
    flow.text(intro, color=MUTED, gap_after=6)
    flow.text(journey, SUBHEADING, bold=True, gap_after=4)
    flow.text("Stages", SUBHEADING, bold=True, keep=BODY * 2, gap_after=1)
    for name, line in stages:
        flow.text(line, BODY, indent=6, owner=f"stage '{name}'")
    flow.gap(6)
    over = [card_time for card_time in timing.cards if card_time.over]
    if not over:
        flow.text("Slower than the customer accepts", SUBHEADING, bold=True, keep=BODY * 3, gap_after=1)
        flow.text("No customer card is over its tolerance.", BODY, indent=6, color=MUTED)
        return
    cards = doc.cards_by_id()
    kinds = {lane.id: lane.kind for lane in doc.lanes}
    places = {step.id: f"{stage.name} › {step.name}" for stage, step in doc.all_steps()}
    blocks = []
    for card_time in over:
        card = cards[card_time.card_id]
        chain = [cards[i] for i in card_time.chain if i in cards]
        steps = " → ".join(f"{part.title} ({card_part(part, kinds[part.lane])})" for part in chain)
        lines = (f"{card.title} ({places[card.step]})", against_tolerance(card_time), f"Chain: {steps}")
        height = (
            flow.text_height(lines[0], BODY, bold=True, indent=6)
            + flow.text_height(lines[1], BODY, indent=18)
            + flow.text_height(lines[2], SMALL, indent=18)
        )
        blocks.append((card, lines, height))
    # the heading stays with the first card, and each card's block (name, time, chain) in one piece:
    # a chain split over two pages read as a stray line at the top of the next one
    heading = "Slower than the customer accepts"
    flow.keep_together(flow.text_height(heading, SUBHEADING, bold=True) + 1 + blocks[0][2])
    flow.text(heading, SUBHEADING, bold=True, gap_after=1)
    for card, (name, minutes, chain_text), height in blocks:
        owner = f"card '{card.id}'"
        flow.keep_together(height)
        flow.text(name, BODY, bold=True, indent=6, owner=owner)
        flow.text(minutes, BODY, indent=18, color=OVER)
        flow.text(chain_text, SMALL, indent=18, owner=owner, gap_after=4)
