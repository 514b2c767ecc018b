"""Undo commands: each wraps one edit operation of the document on the window's one QUndoStack.

`push(stack, document, op)` applies the operation first, so a refused edit raises EditError to the
caller (shown beside the field) and never reaches the stack. Typing in one field of one element
merges into one undo step when the caller passes the same `merge_key`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand, QUndoStack

from blueprint.edit import Document, Operation

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
        self._skip_first_redo = inverse is not None

    def redo(self) -> None:
        if self._skip_first_redo:  # already applied by push()
            self._skip_first_redo = False
            return
        self.inverse = self.document.apply(self.op)

    def undo(self) -> None:
        assert self.inverse is not None
        self.document.apply(self.inverse)

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
    text = op.describe(document.blueprint)
    inverse = document.apply(op)
    stack.push(EditCommand(document, op, inverse, merge_key, text))
