"""Appendix pages: card details the boxes shortened, validation findings, the customer's time, the
improvement plan, the hand-off matrix and each function's upstream and downstream functions.

Laid out first as plain "ops" (text at a position, `appendix_flow.py`) so the total page count is
known before anything is drawn ("page n of m"). The sections are in `appendix_words.py` (overview,
card details), `appendix_handoffs.py` (findings, matrix, neighbours), `appendix_time.py` (the
customer's time) and `appendix_plans.py` (the improvement plan); this module says which cards get an
entry and puts the sections in order.
"""

from __future__ import annotations

from blueprint.export.appendix_flow import AppendixPage, Flow
from blueprint.export.appendix_handoffs import findings_section, matrix_section, neighbours_section
from blueprint.export.appendix_plans import improvement_plan_section
from blueprint.export.appendix_time import customer_time_section
from blueprint.export.appendix_words import card_details_section, overview_section
from blueprint.export.sources import AppendixSources
from blueprint.layout import Layout
from blueprint.model import Blueprint

__all__ = ["AppendixPage", "appendix_refs", "build_appendix", "shortened_refs"]


def _has_more(card) -> bool:  # type: ignore[no-untyped-def]
    """True when a card carries words its box never shows (notes of its markers, tags)."""
    return bool(
        (card.fail_point is not None and card.fail_point.note.strip())
        or (card.wait_point is not None and card.wait_point.note.strip())
        or card.tags
    )


def appendix_refs(doc: Blueprint, layout: Layout) -> dict[str, str]:
    """Appendix entry labels ("A1", "A2", ...) of the cards the appendix details: those whose boxes
    shortened their text, and those with notes or tags the box does not show."""
    refs: dict[str, str] = {}
    for card in doc.cards:
        box = layout.cards.get(card.id)
        if box is not None and (box.shortened or _has_more(card)):
            refs[card.id] = f"A{len(refs) + 1}"
    return refs


def shortened_refs(doc: Blueprint, layout: Layout, refs: dict[str, str]) -> dict[str, str]:
    """The entries the blueprint points to: those of the cards whose boxes shortened their text."""
    return {card_id: ref for card_id, ref in refs.items() if layout.cards[card_id].shortened}


def build_appendix(
    doc: Blueprint,
    layout: Layout,
    refs: dict[str, str],
    sources: AppendixSources,
    width: float,
    height: float,
) -> list[AppendixPage]:
    flow = Flow(width, height)
    overview_section(flow, doc)
    card_details_section(flow, doc, layout, refs)
    if sources.findings is not None:
        findings_section(flow, sources.findings)
    customer_time_section(flow, doc, sources.timing)
    improvement_plan_section(flow, doc)
    if sources.handoffs is not None:
        matrix_section(flow, doc, sources.handoffs)
        neighbours_section(flow, doc, sources.handoffs)
    return flow.pages
