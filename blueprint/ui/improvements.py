"""Planning an improvement from the editor: "Plan an improvement…" on a card, a link, a selection or a
finding asks for the change in a few words and adds a plan that targets those elements (one undo
step), then selects it so the Inspector shows the rest of its fields. A plan for a finding is about the
card the finding names first (BP112: the slow customer card, not the first card of its chain): its
title and owner are suggested from that card.

Also the plain-English names of a plan's parts that the dock, the Inspector and the menus share.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from blueprint.edit import AddImprovement, Document, EditError
from blueprint.graph.timing import longest_part
from blueprint.model import Improvement, fresh_id
from blueprint.ui.commands import push
from blueprint.ui.selection import Selection
from blueprint.validate import RULES, Finding

MENU_TEXT = "&Plan an improvement…"
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
#: A due date passed on an open plan, in the dock and the Inspector (the PDF's red too).
OVERDUE_COLOUR = "#B3261E"
OVERDUE_TIP = "Overdue: the due date has passed and the plan is still open"


def target_name(document: Document, element_id: str, limit: int | None = None) -> str:
    """A plan target as a designer reads it: a card's title, a link as "Source → Target". With
    `limit`, each title is cut to that many characters (a link's two ends each, so both show)."""

    def title(card_id: str) -> str:
        card = document.card(card_id)
        text = card.title if card is not None else card_id
        return text if limit is None else _short(text, limit)

    link = document.link(element_id)
    if link is not None:
        return f"{title(link.source)} → {title(link.target)}"
    return title(element_id)


def plannable(document: Document, ids: Iterable[str]) -> list[str]:
    """The cards and links among `ids` (what a plan may target), in order, each once."""
    return [i for i in dict.fromkeys(ids) if document.card(i) is not None or document.link(i) is not None]


def suggested_title(document: Document, targets: list[str], findings: Sequence[Finding] = ()) -> str:
    """A first title the person edits: from the findings ("Slower than the customer accepts: Picks
    up the drink", the rule's name and the card each is about), the note of the first target with a
    fail point ("Fix: …"), or the first target ("Improve …")."""
    if findings:
        code = findings[0].code
        reason = RULES[code].title if code in RULES else code
        subjects = list(dict.fromkeys(i for f in findings for i in plannable(document, f.elements)[:1]))
        if not subjects:
            return _short(reason, TITLE_LIMIT)
        return _short(f"{reason}: {_names(document, subjects)}", TITLE_LIMIT)
    for card in (document.card(i) for i in targets):
        if card is not None and card.fail_point is not None and card.fail_point.note.strip():
            return _short(f"Fix: {card.fail_point.note.strip()}", TITLE_LIMIT)
    return _short(f"Improve {_names(document, targets)}", TITLE_LIMIT)


def _names(document: Document, ids: list[str]) -> str:
    """ "Picks up the drink", "Picks up the drink and 2 more" (the first name, cut to 60 characters)."""
    first = target_name(document, ids[0], 60) if ids else ""
    return first + (f" and {len(ids) - 1} more" if len(ids) > 1 else "")


def suggested_owner(document: Document, targets: list[str], about: Sequence[str] = ()) -> str | None:
    """Who owns the change at first.

    For a finding (`about`: its elements, the card it is about first): that card's fail point owner or
    function, else the function of the finding's card that takes the longest (BP112's longest part of
    the chain; with no minutes, the first card with a function). Otherwise: the owner of a targeted
    fail point, else the function of a targeted card with a fail point, else of any targeted card.
    """
    subject = next((document.card(i) for i in about if document.card(i) is not None), None)
    if subject is not None:
        if subject.fail_point is not None and subject.fail_point.owner is not None:
            return subject.fail_point.owner
        if subject.function is not None:
            return subject.function
        cards = (document.card(i) for i in about)
        longest = longest_part(card for card in cards if card is not None and card.function is not None)
        if longest is not None:
            return longest.function
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
    findings: Sequence[Finding] = (),
    clicked: str | None = None,
) -> str | None:
    """Ask for the change in a few words and add a plan targeting the cards and links among `ids` (one
    undo step); the new plan is selected. For `findings`, the plan says why in its description (each
    finding's message). `clicked`: the element whose menu was used (with a selection): the prompt
    names it first and the title and owner are suggested from it, the targets keep their order.
    None when there is nothing to target or the person cancels."""
    targets = plannable(document, ids)
    if not targets:
        return None
    first = [clicked, *(i for i in targets if i != clicked)] if clicked in targets else targets
    names = ", ".join(f'"{target_name(document, i, 40)}"' for i in first[:3])
    names += f" and {len(first) - 3} more" if len(first) > 3 else ""
    title, ok = QInputDialog.getText(
        parent,
        "Plan an improvement",
        f"For {names}.\nWhat will change? (a few words; the Inspector takes the rest)",
        QLineEdit.EchoMode.Normal,
        suggested_title(document, first, findings),
    )
    if not ok or not title.strip():
        return None
    plan = Improvement(
        id=fresh_id("plan", document.blueprint.all_ids()),
        title=_short(title.strip(), TITLE_LIMIT),
        description="\n".join(f"{f.code}: {f.message}" for f in findings),
        targets=targets,
        owner=suggested_owner(document, first, findings[0].elements if findings else ()),
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
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
