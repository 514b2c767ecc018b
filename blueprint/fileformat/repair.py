""" "Open and repair": plan, list and apply the fixes for a file whose only problems are missing ids.

The plan is made on the raw JSON (pydantic refuses such files, so there is no model to work on). A
repair never throws work away that it can keep: a card in a missing lane or step is moved to a new
lane or step named for it; only links to missing cards (and links from a card to itself) are dropped, and
a card's missing function is cleared. In format version 2, a blank card title becomes "(untitled)", a
missing fail-point or plan owner is cleared, a plan's target that names no card or link is dropped (and
a plan left with no target with it), and a view's missing lanes and functions are dropped. Anything else
wrong with the file makes it not repairable.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from blueprint.fileformat.encoding import decode
from blueprint.fileformat.errors import BlueprintFileError
from blueprint.fileformat.jsontext import parse_json
from blueprint.fileformat.reader import from_raw, read_bytes
from blueprint.model import Blueprint, unique_id

#: The error codes of problems "Open and repair" can fix.
REFERENCE_CODES = frozenset(
    {
        "unknown-lane",
        "unknown-step",
        "unknown-function",
        "unknown-card",
        "self-link",
        "unknown-target",
        "target-kind",
        "blank",
    }
)
UNTITLED = "(untitled)"
REPAIR_LANE_NAME = "Cards from missing lanes"
REPAIR_STAGE_NAME = "Repaired"
REPAIR_STEP_NAME = "Cards from missing steps"


@dataclass(frozen=True)
class RepairAction:
    """One change the repair makes: where (JSON path of the original file), what kind, and in words."""

    path: str
    kind: str  # "move", "drop" or "clear"
    text: str


@dataclass(frozen=True)
class RepairPlan:
    """What "Open and repair" will do to a file, and the document it gives (nothing is written)."""

    file: str | None
    actions: tuple[RepairAction, ...]
    repaired: Blueprint


_CARD_TITLE = re.compile(r"^cards\[\d+\]\.title$")


def is_repairable(error: BlueprintFileError) -> bool:
    """Whether it is worth offering "Open and repair" for a load error (a blank title only on a card:
    the repair names cards "(untitled)", not plans or stages)."""
    if error.code == "blank":
        return bool(_CARD_TITLE.match(error.path or ""))
    return error.code in REFERENCE_CODES


def _ids(raw: dict[str, Any], key: str) -> set[str]:
    return {item["id"] for item in _list(raw, key) if isinstance(item.get("id"), str)}


def _list(raw: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = raw.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _card_name(card: dict[str, Any]) -> str:
    return f"card '{str(card.get('title', ''))[:60]}' ({card.get('id')})"


def _plan_name(plan: dict[str, Any]) -> str:
    return f"plan '{str(plan.get('title', ''))[:60]}' ({plan.get('id')})"


def _view_name(view: dict[str, Any]) -> str:
    return f"view '{str(view.get('name', ''))[:60]}' ({view.get('id')})"


def _taken_ids(raw: dict[str, Any]) -> set[str]:
    keys = ("functions", "lanes", "stages", "cards", "links", "improvements", "views")
    taken = set().union(*(_ids(raw, key) for key in keys))
    for stage in _list(raw, "stages"):
        taken |= _ids(stage, "steps")
    return taken


def plan_raw(raw: dict[str, Any]) -> tuple[list[RepairAction], dict[str, Any]]:
    """The repair actions for a raw document, and a repaired copy (the input is not changed)."""
    fixed = copy.deepcopy(raw)
    actions: list[RepairAction] = []
    taken = _taken_ids(fixed)
    lanes, functions = _ids(fixed, "lanes"), _ids(fixed, "functions")
    steps = {sid for stage in _list(fixed, "stages") for sid in _ids(stage, "steps")}
    new_lane: str | None = None
    new_step: str | None = None
    for i, card in enumerate(_list(fixed, "cards")):
        title = card.get("title")
        if isinstance(title, str) and not title.strip():
            actions.append(
                RepairAction(
                    f"cards[{i}].title",
                    "name",
                    f"Name card {card.get('id')}, whose title is blank, '{UNTITLED}'",
                )
            )
            card["title"] = UNTITLED
        if card.get("lane") not in lanes:
            if new_lane is None:
                new_lane = unique_id("repaired-lane", taken)
                taken.add(new_lane)
                fixed.setdefault("lanes", []).append(
                    {"id": new_lane, "name": REPAIR_LANE_NAME, "kind": "notes"}
                )
            actions.append(
                RepairAction(
                    f"cards[{i}].lane",
                    "move",
                    f"Move {_card_name(card)} from missing lane '{card.get('lane')}' "
                    f"to a new lane '{REPAIR_LANE_NAME}'",
                )
            )
            card["lane"] = new_lane
        if card.get("step") not in steps:
            if new_step is None:
                stage_id = unique_id("repaired-stage", taken)
                taken.add(stage_id)
                new_step = unique_id("repaired-step", taken)
                taken.add(new_step)
                stage = {
                    "id": stage_id,
                    "name": REPAIR_STAGE_NAME,
                    "steps": [{"id": new_step, "name": REPAIR_STEP_NAME}],
                }
                fixed.setdefault("stages", []).append(stage)
            actions.append(
                RepairAction(
                    f"cards[{i}].step",
                    "move",
                    f"Move {_card_name(card)} from missing step '{card.get('step')}' "
                    f"to a new step '{REPAIR_STEP_NAME}' at the end",
                )
            )
            card["step"] = new_step
        if card.get("function") is not None and card.get("function") not in functions:
            actions.append(
                RepairAction(
                    f"cards[{i}].function",
                    "clear",
                    f"Clear the missing function '{card.get('function')}' of {_card_name(card)}",
                )
            )
            card["function"] = None
        point = card.get("fail_point")
        if isinstance(point, dict) and point.get("owner") is not None and point.get("owner") not in functions:
            actions.append(
                RepairAction(
                    f"cards[{i}].fail_point.owner",
                    "clear",
                    f"Clear the missing owner '{point.get('owner')}' of the fail point of {_card_name(card)}",
                )
            )
            card["fail_point"] = {**point, "owner": None}
    cards = _ids(fixed, "cards")
    kept = []
    for i, link in enumerate(fixed.get("links", []) if isinstance(fixed.get("links"), list) else []):
        if isinstance(link, dict):
            source, target = link.get("source"), link.get("target")
            missing = [str(end) for end in (source, target) if end not in cards]
            if missing:
                what = " and ".join(f"'{end}'" for end in missing)
                actions.append(
                    RepairAction(f"links[{i}]", "drop", f"Drop link {link.get('id')} to missing card {what}")
                )
                continue
            if source == target:
                actions.append(
                    RepairAction(
                        f"links[{i}]", "drop", f"Drop link {link.get('id')} from card '{source}' to itself"
                    )
                )
                continue
        kept.append(link)
    if "links" in fixed:
        fixed["links"] = kept
    actions += _repair_plans_and_views(fixed, cards | _ids(fixed, "links"), functions, lanes)
    return actions, fixed


def _repair_plans_and_views(
    fixed: dict[str, Any], targets: set[str], functions: set[str], lanes: set[str]
) -> list[RepairAction]:
    """Drop what improvement plans and views name that is not there (format version 2)."""
    actions: list[RepairAction] = []
    plans = fixed.get("improvements")
    if isinstance(plans, list):
        kept_plans = []
        for i, plan in enumerate(plans):
            if not isinstance(plan, dict):
                kept_plans.append(plan)
                continue
            if isinstance(plan.get("targets"), list):
                gone = [t for t in plan["targets"] if t not in targets]
                for target in gone:
                    actions.append(
                        RepairAction(
                            f"improvements[{i}].targets",
                            "drop",
                            f"Drop '{target}' (not a card or link) from the targets of {_plan_name(plan)}",
                        )
                    )
                plan["targets"] = [t for t in plan["targets"] if t in targets]
                if gone and not plan["targets"]:
                    actions.append(
                        RepairAction(
                            f"improvements[{i}]",
                            "drop",
                            f"Drop {_plan_name(plan)}, which has no target left",
                        )
                    )
                    continue
            if plan.get("owner") is not None and plan.get("owner") not in functions:
                actions.append(
                    RepairAction(
                        f"improvements[{i}].owner",
                        "clear",
                        f"Clear the missing owner '{plan.get('owner')}' of {_plan_name(plan)}",
                    )
                )
                plan["owner"] = None
            kept_plans.append(plan)
        fixed["improvements"] = kept_plans
    for i, view in enumerate(_list(fixed, "views")):
        for key, known, what in (("hidden_lanes", lanes, "lane"), ("focus", functions, "function")):
            if isinstance(view.get(key), list):
                for missing in [x for x in view[key] if x not in known]:
                    actions.append(
                        RepairAction(
                            f"views[{i}].{key}",
                            "drop",
                            f"Drop the missing {what} '{missing}' from {_view_name(view)}",
                        )
                    )
                view[key] = [x for x in view[key] if x in known]
    return actions


def plan_repair_text(text: str | bytes, *, file: str | None = None) -> RepairPlan:
    """The repair plan for the text of a file; raises `BlueprintFileError` when it cannot be repaired.

    A file that loads as it is gives an empty plan.
    """
    try:
        raw = parse_json(decode(text) if isinstance(text, bytes) else text)
        try:
            return RepairPlan(file, (), from_raw(raw))
        except BlueprintFileError as error:
            if not is_repairable(error):
                raise
        actions, fixed = plan_raw(raw)
        try:
            repaired = from_raw(fixed)
        except BlueprintFileError as error:
            raise BlueprintFileError(
                f"cannot be repaired: {error.message}", path=error.path, code=error.code
            ) from None
        return RepairPlan(file, tuple(actions), repaired)
    except BlueprintFileError as error:
        raise error.with_file(file) if file else error from None


def plan_repair(path: str | Path) -> RepairPlan:
    """The repair plan for a file (read with the same limits as `load`)."""
    return plan_repair_text(read_bytes(path), file=str(path))
