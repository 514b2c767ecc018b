"""Whole-document rules that single elements cannot check: unique ids and references.

Kept as a plain function returning every problem (not just the first), so that "Open and repair"
can list exactly what it would drop or move.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from blueprint.model.blueprint import Blueprint


@dataclass(frozen=True)
class Problem:
    """One broken rule: a JSON path into the file, a code and a plain message."""

    path: str
    code: str
    message: str


def integrity_problems(doc: Blueprint) -> list[Problem]:
    """Every duplicate id and dangling reference in `doc`, in file order."""
    problems: list[Problem] = []
    seen: set[str] = set()

    def claim(element_id: str, path: str) -> None:
        if element_id in seen:
            problems.append(Problem(f"{path}.id", "duplicate-id", f"duplicate id '{element_id}'"))
        seen.add(element_id)

    for i, function in enumerate(doc.functions):
        claim(function.id, f"functions[{i}]")
    for i, lane in enumerate(doc.lanes):
        claim(lane.id, f"lanes[{i}]")
    for i, stage in enumerate(doc.stages):
        claim(stage.id, f"stages[{i}]")
        for j, step in enumerate(stage.steps):
            claim(step.id, f"stages[{i}].steps[{j}]")
    for i, card in enumerate(doc.cards):
        claim(card.id, f"cards[{i}]")
    for i, link in enumerate(doc.links):
        claim(link.id, f"links[{i}]")

    lanes = {lane.id for lane in doc.lanes}
    steps = {step.id for stage in doc.stages for step in stage.steps}
    functions = {function.id for function in doc.functions}
    for i, card in enumerate(doc.cards):
        if card.lane not in lanes:
            problems.append(Problem(f"cards[{i}].lane", "unknown-lane", f"unknown lane '{card.lane}'"))
        if card.step not in steps:
            problems.append(Problem(f"cards[{i}].step", "unknown-step", f"unknown step '{card.step}'"))
        if card.function is not None and card.function not in functions:
            problems.append(
                Problem(f"cards[{i}].function", "unknown-function", f"unknown function '{card.function}'")
            )
    cards = {card.id for card in doc.cards}
    for i, link in enumerate(doc.links):
        for end in ("source", "target"):
            ref = getattr(link, end)
            if ref not in cards:
                problems.append(Problem(f"links[{i}].{end}", "unknown-card", f"unknown card '{ref}'"))
        if link.source == link.target:
            problems.append(
                Problem(
                    f"links[{i}].target", "self-link", f"a link cannot join card '{link.source}' to itself"
                )
            )
    return problems
