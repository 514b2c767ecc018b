"""A modal dialog lives exactly as long as it is used, and dies in the GUI thread.

A dialog made in Python belongs to Python even when it has a parent window, and so do widgets added to
one of its layouts before that layout had a widget. If Python's garbage collector frees such a wrapper
on a worker thread (the findings are checked on one), PySide defers the C++ deletion to the GUI thread;
when the parent window is deleted in between, the object is deleted twice and the editor crashes (seen
in the test suite, once in a few runs). Deleting each dialog right after use, in the GUI thread, leaves
the collector nothing to delete.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


@contextmanager
def modal(dialog: D) -> Iterator[D]:
    """`with modal(SomeDialog(parent)) as dialog: dialog.exec() ...`: read what it holds inside the
    block; the dialog is deleted when the block ends."""
    try:
        yield dialog
    finally:
        if isinstance(dialog, QObject) and shiboken6.isValid(dialog):
            shiboken6.delete(dialog)


def run_modal(dialog: QDialog) -> int:
    """Show a dialog whose answer is all that matters, then delete it; returns `exec()`'s result."""
    with modal(dialog):
        return dialog.exec()
