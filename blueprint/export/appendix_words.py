"""Appendix sections with the blueprint's own words: the overview (description, persona, stages and
their jobs, lanes, functions) and the card details (the full text the boxes shortened, the notes of
fail and wait points, tags, shortened link labels)."""

from __future__ import annotations

from blueprint.export.appendix_flow import BODY, SMALL, SUBHEADING, Flow
from blueprint.layout import Layout
from blueprint.model import Blueprint


def overview_section(flow: Flow, doc: Blueprint) -> None:
    """The words of the blueprint that are not on cards: description, persona, stages' jobs, functions."""
    flow.section("appendix-overview", "Overview")
    flow.text(doc.title, SUBHEADING, bold=True, owner="the title", gap_after=2)
    if doc.description.strip():
        flow.text(doc.description, BODY, owner="the description", gap_after=4)
    if doc.persona is not None:
        flow.text(f"Persona: {doc.persona.name}", SUBHEADING, bold=True, owner="the persona", keep=BODY)
        if doc.persona.description.strip():
            flow.text(doc.persona.description, BODY, indent=18, owner="the persona", gap_after=4)
    if doc.metadata.tags:
        flow.text("Tags: " + ", ".join(doc.metadata.tags), BODY, color="#546E7A", gap_after=4)
    if doc.stages:
        flow.text("Stages", SUBHEADING, bold=True, keep=BODY * 2, gap_after=1)
        for stage in doc.stages:
            phase = f" ({stage.phase})" if stage.phase else ""
            steps = ", ".join(step.name for step in stage.steps)
            flow.text(f"{stage.name}{phase}: {steps}", BODY, indent=6, owner=f"stage '{stage.name}'")
            if stage.job.strip():
                flow.text(
                    f"Job: {stage.job}", BODY, indent=18, color="#546E7A", owner=f"stage '{stage.name}'"
                )
        flow.gap(4)
    if doc.lanes:
        flow.text("Lanes", SUBHEADING, bold=True, keep=BODY * 2, gap_after=1)
        for lane in doc.lanes:
            flow.text(f"{lane.name} ({lane.kind})", BODY, indent=6, owner=f"lane '{lane.name}'")
        flow.gap(4)
    if doc.functions:
        flow.text("Functions", SUBHEADING, bold=True, keep=BODY * 2, gap_after=1)
        for function in doc.functions:
            text = f"{function.name} ({function.kind})"
            if function.description.strip():
                text += f": {function.description}"
            flow.text(text, BODY, indent=6, owner=f"function '{function.name}'")


def _places(doc: Blueprint) -> dict[str, str]:
    """Where each card sits, in words: "Stage › Step · Lane"."""
    lanes = {lane.id: lane.name for lane in doc.lanes}
    steps = {step.id: f"{stage.name} › {step.name}" for stage, step in doc.all_steps()}
    return {card.id: f"{steps[card.step]} · {lanes[card.lane]}" for card in doc.cards}


def card_details_section(flow: Flow, doc: Blueprint, layout: Layout, refs: dict[str, str]) -> None:
    flow.section("appendix-cards", "Card details")
    shortened_links = [r for r in layout.routes.values() if r.label_shortened]
    if not refs and not shortened_links:
        flow.text(
            "Every card and link label fits its box, and no card has notes, tags or evidence.",
            color="#546E7A",
        )
        return
    flow.text(
        "Full text of the cards whose boxes had to shorten it (marked ▸A1, ▸A2… on the blueprint), and "
        "the notes of fail and wait points and the tags of every card that has them.",
        color="#546E7A",
        gap_after=6,
    )
    functions = doc.functions_by_id()
    cards = doc.cards_by_id()
    places = _places(doc)
    for card_id, ref in refs.items():
        card = cards[card_id]
        owner = f"card '{card.id}'"
        flow.text(f"{ref}  {card.title}", SUBHEADING, bold=True, owner=owner, keep=BODY * 2)
        facts = [places[card_id]]
        if card.function:
            facts.append(functions[card.function].name)
        if card.channel:
            facts.append(card.channel)
        flow.text(" · ".join(facts), SMALL, indent=18, color="#546E7A", owner=owner)
        if card.description.strip():
            flow.text(card.description, BODY, indent=18, owner=owner)
        if card.fail_point is not None:
            flow.text(
                f"Fail point ({card.fail_point.severity}): {card.fail_point.note}",
                BODY,
                indent=18,
                color="#C62828",
                owner=owner,
            )
        if card.wait_point is not None:
            minutes = card.wait_point.minutes
            wait = f"Wait point{f' ({minutes:g} min)' if minutes is not None else ''}: {card.wait_point.note}"
            flow.text(wait, BODY, indent=18, color="#8D6E00", owner=owner)
        if card.evidence:
            flow.text(f"Evidence: {card.evidence}", SMALL, indent=18, color="#546E7A")
        if card.tags:
            flow.text("Tags: " + ", ".join(card.tags), SMALL, indent=18, color="#546E7A", owner=owner)
        flow.gap(5)
    if shortened_links:
        flow.gap(4)
        flow.text("Link labels shortened on the blueprint", SUBHEADING, bold=True, keep=BODY * 2)
        titles = {c.id: c.title for c in doc.cards}
        for route in shortened_links:
            flow.text(
                f"{titles[route.source]} → {titles[route.target]}: {route.label}",
                BODY,
                indent=18,
                owner=f"link '{route.link_id}'",
            )
