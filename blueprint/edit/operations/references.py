"""What else must change when elements are deleted, so that no reference is left dangling.

Format version 2 lets plans name cards and links, views name lanes and functions, and fail points name
an owner function. Deleting one of those elements first takes it out of everything that names it (a
plan left with no target goes too); the removal operations put these edits in the same batch, so one
undo step restores all of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from blueprint.edit.card_index import CardIndex
from blueprint.edit.errors import EditError
from blueprint.edit.operations.base import Batch, Operation, apply_op
from blueprint.edit.operations.plans import RemoveImprovements, SetImprovementFields, SetViewFields
from blueprint.model import Blueprint


def release(
    bp: Blueprint,
    *,
    elements: Iterable[str] = (),
    lanes: Iterable[str] = (),
    functions: Iterable[str] = (),
) -> list[Operation]:
    """The edits that free the cards or links `elements`, the `lanes` and the `functions` of every
    reference from plans, views and fail points (to apply before removing them)."""
    from blueprint.edit.operations.cards import SetCardFields  # cards.py imports this module

    gone, gone_lanes, gone_functions = set(elements), set(lanes), set(functions)
    ops: list[Operation] = []
    emptied: list[str] = []
    for plan in bp.improvements:
        changes: dict[str, object] = {}
        if gone and any(target in gone for target in plan.targets):
            kept = [target for target in plan.targets if target not in gone]
            if not kept:
                emptied.append(plan.id)
                continue
            changes["targets"] = kept
        if plan.owner is not None and plan.owner in gone_functions:
            changes["owner"] = None
        if changes:
            ops.append(SetImprovementFields(plan.id, changes))
    if emptied:
        ops.append(RemoveImprovements(tuple(emptied)))
    for view in bp.views:
        changes = {}
        if gone_lanes and any(lane in gone_lanes for lane in view.hidden_lanes):
            changes["hidden_lanes"] = [lane for lane in view.hidden_lanes if lane not in gone_lanes]
        if gone_functions and any(function in gone_functions for function in view.focus):
            changes["focus"] = [function for function in view.focus if function not in gone_functions]
        if changes:
            ops.append(SetViewFields(view.id, changes))
    if gone_functions:
        for card in bp.cards:
            point = card.fail_point
            if point is not None and point.owner in gone_functions and card.id not in gone:
                ops.append(SetCardFields(card.id, {"fail_point": point.model_copy(update={"owner": None})}))
    return ops


def after_release(
    bp: Blueprint,
    index: CardIndex | None,
    releases: list[Operation],
    remove: Callable[[], Operation],
    text: str,
) -> Operation:
    """Apply `releases`, then `remove()`; the inverse undoes both, as one step. If the removal is
    refused, the releases are rolled back and the document is as it was."""
    if not releases:
        return remove()
    inverses: list[Operation] = []
    try:
        for op in releases:
            inverses.append(apply_op(op, bp, index))
        inverses.append(remove())
    except EditError:
        for inverse in reversed(inverses):
            apply_op(inverse, bp, index)
        raise
    return Batch(list(reversed(inverses)), text=text)
