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
    for i, improvement in enumerate(doc.improvements):
        claim(improvement.id, f"improvements[{i}]")
    for i, view in enumerate(doc.views):
        claim(view.id, f"views[{i}]")

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
        owner = card.fail_point.owner if card.fail_point is not None else None
        if owner is not None and owner not in functions:
            problems.append(
                Problem(f"cards[{i}].fail_point.owner", "unknown-function", f"unknown function '{owner}'")
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
    problems += _plan_and_view_problems(doc, functions, lanes, cards)
    return problems


def _plan_and_view_problems(
    doc: Blueprint, functions: set[str], lanes: set[str], cards: set[str]
) -> list[Problem]:
    """References of improvement plans and views (format version 2)."""
    problems: list[Problem] = []
    links = {link.id for link in doc.links}
    kinds: dict[str, str] | None = None
    for i, improvement in enumerate(doc.improvements):
        for j, target in enumerate(improvement.targets):
            if target in cards or target in links:
                continue
            if kinds is None:
                kinds = _kinds_of_other_ids(doc)
            path = f"improvements[{i}].targets[{j}]"
            if target in kinds:
                problems.append(
                    Problem(
                        path,
                        "target-kind",
                        f"'{target}' is a {kinds[target]}; an improvement targets cards or links",
                    )
                )
            else:
                problems.append(Problem(path, "unknown-target", f"unknown card or link '{target}'"))
        if improvement.owner is not None and improvement.owner not in functions:
            problems.append(
                Problem(
                    f"improvements[{i}].owner", "unknown-function", f"unknown function '{improvement.owner}'"
                )
            )
    for i, view in enumerate(doc.views):
        for j, lane in enumerate(view.hidden_lanes):
            if lane not in lanes:
                problems.append(
                    Problem(f"views[{i}].hidden_lanes[{j}]", "unknown-lane", f"unknown lane '{lane}'")
                )
        for j, function in enumerate(view.focus):
            if function not in functions:
                problems.append(
                    Problem(f"views[{i}].focus[{j}]", "unknown-function", f"unknown function '{function}'")
                )
    return problems


def _kinds_of_other_ids(doc: Blueprint) -> dict[str, str]:
    """What each id that is not a card or link names (for a plan that targets a lane, say)."""
    kinds = {function.id: "function" for function in doc.functions}
    kinds.update({lane.id: "lane" for lane in doc.lanes})
    for stage in doc.stages:
        kinds[stage.id] = "stage"
        kinds.update({step.id: "step" for step in stage.steps})
    kinds.update({improvement.id: "improvement" for improvement in doc.improvements})
    kinds.update({view.id: "view" for view in doc.views})
    return kinds
