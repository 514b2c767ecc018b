"""Planning an improvement from the editor: "Plan an improvement…" on a card, a link, a selection or a
finding asks for the change in a few words and adds a plan that targets those elements (one undo
step), then selects it so the Inspector shows the rest of its fields.

Also the plain-English names of a plan's parts that the dock, the Inspector and the menus share.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from blueprint.edit import AddImprovement, Document, EditError
from blueprint.model import Improvement, unique_id
from blueprint.ui.commands import push
from blueprint.ui.selection import Selection

MENU_TEXT = "Plan an improvement…"
STATUSES = [
    ("Proposed", "proposed"),
    ("Planned", "planned"),
    ("Testing", "testing"),
    ("Done", "done"),
    ("Dropped", "dropped"),
]
STATUS_NAMES = dict((value, text) for text, value in STATUSES)
#: Colours of the status dots in the Improvements dock (open plans stand out; closed ones are grey).
STATUS_COLOURS = {
    "proposed": "#90A4AE",
    "planned": "#1E88E5",
    "testing": "#FFB300",
    "done": "#43A047",
    "dropped": "#D0D4D9",
}
TITLE_LIMIT = 200


def target_name(document: Document, element_id: str) -> str:
    """A plan target as a designer reads it: a card's title, a link as "Source → Target"."""
    card = document.card(element_id)
    if card is not None:
        return card.title
    link = document.link(element_id)
    if link is not None:
        source, target = document.card(link.source), document.card(link.target)
        return f"{source.title if source else link.source} → {target.title if target else link.target}"
    return element_id


def plannable(document: Document, ids: Iterable[str]) -> list[str]:
    """The cards and links among `ids` (what a plan may target), in order, each once."""
    return [i for i in dict.fromkeys(ids) if document.card(i) is not None or document.link(i) is not None]


def suggested_title(document: Document, targets: list[str], reason: str = "") -> str:
    """A first title the person edits: from the finding (`reason`), a fail point's note, or the card."""
    first = _short(target_name(document, targets[0]), 60) if targets else ""
    more = f" (+{len(targets) - 1})" if len(targets) > 1 else ""
    if reason:
        return _short(f"{reason}: {first}{more}", TITLE_LIMIT)
    card = document.card(targets[0]) if targets else None
    if card is not None and card.fail_point is not None and card.fail_point.note.strip():
        return _short(f"Fix: {card.fail_point.note.strip()}", TITLE_LIMIT)
    return _short(f"Improve {first}{more}", TITLE_LIMIT)


def suggested_owner(document: Document, targets: list[str]) -> str | None:
    """Who owns the change at first: the owner of a targeted fail point, else a targeted card's function."""
    cards = [card for card in (document.card(i) for i in targets) if card is not None]
    for card in cards:
        if card.fail_point is not None and card.fail_point.owner is not None:
            return card.fail_point.owner
    for card in cards:
        if card.fail_point is not None and card.function is not None:
            return card.function
    return next((card.function for card in cards if card.function is not None), None)


def plan_improvement(
    parent: QWidget,
    document: Document,
    stack: QUndoStack,
    selection: Selection,
    ids: Iterable[str],
    reason: str = "",
    description: str = "",
) -> str | None:
    """Ask for the change in a few words and add a plan targeting the cards and links among `ids` (one
    undo step); the new plan is selected. None when there is nothing to target or the person cancels."""
    targets = plannable(document, ids)
    if not targets:
        return None
    names = ", ".join(f'"{_short(target_name(document, i), 40)}"' for i in targets[:3])
    names += f" and {len(targets) - 3} more" if len(targets) > 3 else ""
    title, ok = QInputDialog.getText(
        parent,
        "Plan an improvement",
        f"For {names}.\nWhat will change? (a few words; the Inspector takes the rest)",
        QLineEdit.EchoMode.Normal,
        suggested_title(document, targets, reason),
    )
    if not ok or not title.strip():
        return None
    plan = Improvement(
        id=unique_id("plan", document.blueprint.all_ids()),
        title=_short(title.strip(), TITLE_LIMIT),
        description=description,
        targets=targets,
        owner=suggested_owner(document, targets),
    )
    try:
        push(stack, document, AddImprovement(plan))
    except EditError:
        return None
    selection.set([plan.id])
    return plan.id


def is_overdue(plan: Improvement, today: date | None = None) -> bool:
    """An open plan whose due date has passed."""
    if plan.due is None or not plan.is_open:
        return False
    return date.fromisoformat(plan.due) < (today or date.today())


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
