"""Improvement plans and saved views (format version 2): add, edit, reorder, remove.

A plan names cards and links (`targets`) and may name an owner function; a view names lanes to hide and
functions to focus on. Each operation checks those names against the blueprint, so an edit can never
leave a dangling reference (the file reader would refuse it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from blueprint.edit.card_index import CardIndex
from blueprint.edit.change import Change, change
from blueprint.edit.errors import EditError
from blueprint.edit.operations.base import (
    Operation,
    check_free_id,
    find,
    quoted,
    set_fields,
    validated_fields,
)
from blueprint.model import Blueprint, Improvement, View


def _check_plan_references(bp: Blueprint, targets: Iterable[str] | None, owner: str | None) -> None:
    if targets is not None:
        known = {card.id for card in bp.cards} | {link.id for link in bp.links}
        for target in targets:
            if target not in known:
                raise EditError("unknown-target", f"There is no card or link '{target}'", "targets")
    if owner is not None and owner not in bp.functions_by_id():
        raise EditError("unknown-function", f"There is no function '{owner}'", "owner")


def _check_view_references(
    bp: Blueprint, hidden_lanes: Iterable[str] | None, focus: Iterable[str] | None
) -> None:
    lanes = {lane.id for lane in bp.lanes}
    for lane in hidden_lanes or ():
        if lane not in lanes:
            raise EditError("unknown-lane", f"There is no lane '{lane}'", "hidden_lanes")
    functions = bp.functions_by_id()
    for function in focus or ():
        if function not in functions:
            raise EditError("unknown-function", f"There is no function '{function}'", "focus")


@dataclass
class AddImprovement(Operation):
    """Insert `improvement` at `index` (None: at the end)."""

    improvement: Improvement
    index: int | None = None

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        check_free_id(bp, self.improvement.id)
        _check_plan_references(bp, self.improvement.targets, self.improvement.owner)
        at = len(bp.improvements) if self.index is None else self.index
        bp.improvements.insert(at, self.improvement)
        return RemoveImprovements((self.improvement.id,), text=self.text)

    def affects(self) -> Change:
        return change(["improvement"], [self.improvement.id, *self.improvement.targets])

    def default_text(self, bp: Blueprint) -> str:
        return f"Plan improvement {quoted(self.improvement.title)}"


@dataclass
class RemoveImprovements(Operation):
    ids: tuple[str, ...]

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        wanted = set(self.ids)
        for plan_id in self.ids:
            find(bp.improvements, plan_id, "improvement")
        removed = [(i, plan) for i, plan in enumerate(bp.improvements) if plan.id in wanted]
        bp.improvements[:] = [plan for plan in bp.improvements if plan.id not in wanted]
        return _RestoreImprovements(removed, text=self.text)

    def affects(self) -> Change:
        return change(["improvement"], self.ids)

    def default_text(self, bp: Blueprint) -> str:
        plans = bp.improvements_by_id()
        if len(self.ids) == 1 and self.ids[0] in plans:
            return f"Remove improvement {quoted(plans[self.ids[0]].title)}"
        return f"Remove {len(self.ids)} improvements"


@dataclass
class _RestoreImprovements(Operation):
    """Put removed plans back at their positions (the inverse of RemoveImprovements)."""

    placed: list[tuple[int, Improvement]]

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        for i, plan in self.placed:
            bp.improvements.insert(i, plan)
        return RemoveImprovements(tuple(plan.id for _, plan in self.placed), text=self.text)

    def affects(self) -> Change:
        return change(["improvement"], [plan.id for _, plan in self.placed])


@dataclass
class SetImprovementFields(Operation):
    """Edit a plan's title, description, targets, owner, measure, target, due date or status."""

    improvement_id: str
    changes: dict[str, Any]

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        _, plan = find(bp.improvements, self.improvement_id, "improvement")
        values = validated_fields(plan, self.changes)
        _check_plan_references(bp, values.get("targets"), values.get("owner"))
        return SetImprovementFields(self.improvement_id, set_fields(plan, values), text=self.text)

    def affects(self) -> Change:
        targets = self.changes.get("targets") or ()
        return change(["improvement"], [self.improvement_id, *targets])

    def default_text(self, bp: Blueprint) -> str:
        if set(self.changes) == {"status"}:
            return "Change improvement status"
        # named like a card's edit ("Edit card title"): Edit > Undo says which field goes back
        names = {"due": "due date"}
        return "Edit improvement " + ", ".join(names.get(name, name) for name in self.changes)


@dataclass
class MoveImprovement(Operation):
    """Move a plan so that it ends up at `index` in the list of plans."""

    improvement_id: str
    index: int

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        old, plan = find(bp.improvements, self.improvement_id, "improvement")
        bp.improvements.pop(old)
        bp.improvements.insert(max(0, min(self.index, len(bp.improvements))), plan)
        return MoveImprovement(self.improvement_id, old, text=self.text)

    def affects(self) -> Change:
        return change(["improvement"], [self.improvement_id])

    def default_text(self, bp: Blueprint) -> str:
        return "Move improvement"


@dataclass
class AddView(Operation):
    """Save a view at `index` (None: at the end)."""

    view: View
    index: int | None = None

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        check_free_id(bp, self.view.id)
        _check_view_references(bp, self.view.hidden_lanes, self.view.focus)
        at = len(bp.views) if self.index is None else self.index
        bp.views.insert(at, self.view)
        return RemoveView(self.view.id, text=self.text)

    def affects(self) -> Change:
        return change(["view"], [self.view.id])

    def default_text(self, bp: Blueprint) -> str:
        return f"Save view {quoted(self.view.name)}"


@dataclass
class RemoveView(Operation):
    view_id: str

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        at, view = find(bp.views, self.view_id, "view")
        bp.views.pop(at)
        return AddView(view, at, text=self.text)

    def affects(self) -> Change:
        return change(["view"], [self.view_id])

    def default_text(self, bp: Blueprint) -> str:
        views = bp.views_by_id()
        return f"Delete view {quoted(views[self.view_id].name)}" if self.view_id in views else "Delete view"


@dataclass
class SetViewFields(Operation):
    """Rename a view, or change the lanes it hides or the functions it focuses on."""

    view_id: str
    changes: dict[str, Any]

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        _, view = find(bp.views, self.view_id, "view")
        values = validated_fields(view, self.changes)
        _check_view_references(bp, values.get("hidden_lanes"), values.get("focus"))
        return SetViewFields(self.view_id, set_fields(view, values), text=self.text)

    def affects(self) -> Change:
        return change(["view"], [self.view_id])

    def default_text(self, bp: Blueprint) -> str:
        return "Rename view" if set(self.changes) == {"name"} else "Edit view"
