"""Undo commands: each wraps one edit operation of the document on the window's one QUndoStack.

`push(stack, document, op)` applies the operation first, so a refused edit raises EditError to the
caller (shown beside the field) and never reaches the stack. Typing in one field of one element
merges into one undo step when the caller passes the same `merge_key`.

When the window lets the stack follow its selection (`follow_selection`), undo and redo select what
the step edited, created or brought back (a document field: nothing, so the Inspector shows the
blueprint), and the Inspector follows.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand, QUndoStack

from blueprint.edit import (
    AddCard,
    Batch,
    Document,
    MoveCard,
    Operation,
    RemoveCards,
    SetCardFields,
    SetDocumentFields,
)
from blueprint.ui.selection import Selection

#: QUndoCommand.id() of commands that may merge (Qt merges only commands with equal ids, not -1).
MERGEABLE_ID = 4711


class EditCommand(QUndoCommand):
    """One operation: redo applies it, undo applies its inverse."""

    def __init__(
        self,
        document: Document,
        op: Operation,
        inverse: Operation | None = None,
        merge_key: str | None = None,
        text: str | None = None,
    ) -> None:
        super().__init__(text if text is not None else op.describe(document.blueprint))
        self.document = document
        self.op = op
        self.inverse = inverse
        self.merge_key = merge_key
        self.selection: Selection | None = None
        self._skip_first_redo = inverse is not None

    def redo(self) -> None:
        if self._skip_first_redo:  # already applied by push()
            self._skip_first_redo = False
            return
        self.inverse = self.document.apply(self.op)
        self._select()

    def undo(self) -> None:
        assert self.inverse is not None
        self.document.apply(self.inverse)
        self._select()

    def _select(self) -> None:
        """Select what this step is about, as far as it exists now (after an undo or a redo)."""
        if self.selection is None:
            return
        ids = subjects(self.op)
        if ids is None:  # e.g. a function's edit: the selection stays, less what no longer exists
            ids = list(self.selection.ids)
        present = [i for i in ids if self.document.kind_of(i) not in (None, "function")]
        self.selection.set(present, centre=bool(present))

    def id(self) -> int:
        return MERGEABLE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Fold a later edit of the same field into this step: keep our old values, take its new ones."""
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        if type(other.op) is not type(self.op) or not hasattr(self.op, "changes"):
            return False
        if self.inverse is None or other.inverse is None:
            return False
        self.op = replace(self.op, changes={**self.op.changes, **other.op.changes})
        self.inverse = replace(self.inverse, changes={**other.inverse.changes, **self.inverse.changes})
        if self.op.changes == self.inverse.changes:  # typed back to where it started: nothing to undo
            self.setObsolete(True)
        return True


def push(stack: QUndoStack, document: Document, op: Operation, merge_key: str | None = None) -> None:
    """Apply `op` and record it on `stack`; EditError (document unchanged) propagates to the caller.

    A drag is pushed once, on release; a Batch makes a multi-element edit one undo step.
    """
    text = op.describe(document.blueprint, document.cards)
    inverse = document.apply(op)
    command = EditCommand(document, op, inverse, merge_key, text)
    command.selection = getattr(stack, "followed_selection", None)
    stack.push(command)


def follow_selection(stack: QUndoStack, selection: Selection) -> None:
    """Let undo and redo on `stack` select what each step is about."""
    stack.followed_selection = selection  # type: ignore[attr-defined]


def subjects(op: Operation) -> list[str] | None:
    """Ids of the elements `op` is about, in order; None when it is about no selectable element."""
    if isinstance(op, SetDocumentFields):
        return []
    if isinstance(op, Batch):
        found = [i for part in op.ops for i in subjects(part) or ()]
        cards = [i for part in op.ops if _is_card_op(part) for i in subjects(part) or ()]
        chosen = cards or found  # a paste's cards, not also their links
        return list(dict.fromkeys(chosen)) if chosen or any(subjects(p) == [] for p in op.ops) else None
    for name in ("card", "link", "lane", "stage", "step", "improvement"):
        element = getattr(op, name, None)
        if isinstance(getattr(element, "id", None), str):
            return [element.id]  # type: ignore[union-attr]
    for name in ("card_id", "link_id", "lane_id", "step_id", "stage_id", "improvement_id"):
        value = getattr(op, name, None)
        if isinstance(value, str):
            return [value]
    ids = getattr(op, "ids", None)
    return list(ids) if isinstance(ids, tuple | list) else None


def _is_card_op(op: Operation) -> bool:
    return isinstance(op, AddCard | RemoveCards | MoveCard | SetCardFields)
