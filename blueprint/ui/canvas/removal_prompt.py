"""Asking before a lane, stage or step goes with cards in it: the question names what goes with it.

An empty one goes without asking (undo brings everything back either way). Tests replace
`confirm_removal`, since a modal box would wait for a click that never comes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from blueprint.edit import Document
from blueprint.ui.dialogs.lifetime import modal


def may_remove(doc: Document, kind: str, element_id: str) -> bool:
    """True when the lane, stage or step is empty, or the person agreed to delete it with its cards."""
    cards, links = contents(doc, kind, element_id)
    return not cards or confirm_removal(*removal_question(doc, kind, element_id, cards, links))


def contents(doc: Document, kind: str, element_id: str) -> tuple[int, int]:
    """How many cards a lane, stage or step holds, and how many links touch them."""
    bp = doc.blueprint
    if kind == "lane":
        inside = {card.id for card in bp.cards if card.lane == element_id}
    else:
        steps = {element_id}
        if kind == "stage":
            steps = {step.id for stage in bp.stages if stage.id == element_id for step in stage.steps}
        inside = {card.id for card in bp.cards if card.step in steps}
    if not inside:
        return 0, 0
    return len(inside), sum(1 for link in bp.links if link.source in inside or link.target in inside)


def removal_question(doc: Document, kind: str, element_id: str, cards: int, links: int) -> tuple[str, str]:
    """ "Delete the lane 'Backstage' with its 3 cards and 2 links?" and a line about undo."""
    bp = doc.blueprint
    names = {lane.id: lane.name for lane in bp.lanes} | {stage.id: stage.name for stage in bp.stages}
    names |= {step.id: step.name for _, step in bp.all_steps()}
    name = " ".join(names.get(element_id, element_id).split())
    name = name if len(name) <= 40 else name[:39] + "…"
    what = f"{cards} card{'s' * (cards != 1)}"
    if links:
        what += f" and {links} link{'s' * (links != 1)}"
    return f"Delete the {kind} '{name}' with its {what}?", "Undo (Ctrl+Z) brings them back."


def confirm_removal(question: str, detail: str) -> bool:
    """Ask (modal) before deleting what holds cards; True to delete."""
    box = QMessageBox(QApplication.activeWindow())
    box.setObjectName("confirmRemoval")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Delete")
    box.setText(question)
    box.setInformativeText(detail)
    delete = box.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(delete)
    with modal(box):
        box.exec()
        return box.clickedButton() is delete
