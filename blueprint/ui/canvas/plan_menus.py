"""The improvement entries of the canvas's card and link menus, and the fail point's owner.

"Plan an improvement…" targets what was right-clicked (with the rest of the selection when it is part
of it; the prompt names the right-clicked element first, and the suggested title and owner start from
it); "Add to improvement" puts it into an existing plan; "Fail point owner" names the function that
owns recovery when the card fails (a customer card's fail point is owned this way). Each is one undo
step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from blueprint.edit import Batch, Operation, SetCardFields, SetImprovementFields
from blueprint.model import Card
from blueprint.ui.improvements import MENU_TEXT, plan_improvement
from blueprint.ui.plain import menu_text

if TYPE_CHECKING:
    from blueprint.ui.canvas.view import BlueprintView

TITLE_LIMIT = 40


def menu_targets(view: BlueprintView, element_id: str) -> list[str]:
    """What a menu on `element_id` acts on: the whole selection (cards and links) when the element is
    part of it, else the element alone."""
    editor = view.editor
    selected = [*editor.selected_cards(), *editor.selected_links()]
    return selected if element_id in selected else [element_id]


def add_plan_entries(menu: QMenu, view: BlueprintView, element_id: str) -> None:
    """ "Plan an improvement…" and "Add to improvement ▸" for the element (and the selection)."""
    editor = view.editor
    targets = menu_targets(view, element_id)
    menu.addAction(
        MENU_TEXT,
        lambda: plan_improvement(
            view, editor.document, editor.stack, editor.selection, targets, clicked=element_id
        ),
    ).setStatusTip("Plan a change for this (and the rest of the selection): title, owner, due date")
    plans = editor.document.blueprint.improvements
    into = menu.addMenu("Add to impro&vement")
    into.setEnabled(bool(plans))
    into.setToolTipsVisible(True)  # a greyed plan says why: it holds them already
    for plan in plans:
        missing = [i for i in targets if i not in plan.targets]
        action = into.addAction(
            menu_text(_short(plan.title)), lambda p=plan.id, m=missing: _add_targets(view, p, m)
        )
        action.setEnabled(bool(missing))
        if not missing:
            action.setToolTip("It is in this plan already")


def _add_targets(view: BlueprintView, plan_id: str, missing: list[str]) -> bool:
    plan = view.editor.document.improvement(plan_id)
    if plan is None or not missing:
        return False
    return view.editor.run(
        SetImprovementFields(plan_id, {"targets": [*plan.targets, *missing]}, text="Add to improvement")
    )


def add_fail_owner_menu(menu: QMenu, view: BlueprintView, card: Card, card_ids: list[str]) -> None:
    """ "Fail point owner ▸": the card's function, or another function, owns recovery (cards of the
    selection that have a fail point change with it, each keeping its note and severity)."""
    if card.fail_point is None:
        return
    editor = view.editor
    function_names = {f.id: f.name for f in editor.document.blueprint.functions}
    own = function_names.get(card.function or "", "")
    sub = menu.addMenu("Fail point &owner")
    group = QActionGroup(sub)
    choices = [(None, f"The card's function ({own})" if own else "The card's function (none)")]
    choices += list(function_names.items())
    for function_id, name in choices:
        action = QAction(menu_text(name), sub, checkable=True)
        action.setChecked(card.fail_point.owner == function_id)
        action.triggered.connect(lambda _=False, f=function_id: set_fail_owner(view, card_ids, f))
        group.addAction(action)
        sub.addAction(action)


def set_fail_owner(view: BlueprintView, card_ids: list[str], owner: str | None) -> bool:
    """Set the owner of the fail point of each card that has one (one undo step)."""
    document = view.editor.document
    ops: list[Operation] = []
    for card_id in card_ids:
        card = document.card(card_id)
        if card is not None and card.fail_point is not None and card.fail_point.owner != owner:
            point = {**card.fail_point.model_dump(), "owner": owner}
            ops.append(SetCardFields(card_id, {"fail_point": point}, text="Set fail point owner"))
    if not ops:
        return False
    return view.editor.run(ops[0] if len(ops) == 1 else Batch(ops, text="Set fail point owners"))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_LIMIT else text[: TITLE_LIMIT - 1] + "…"
