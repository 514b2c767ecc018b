"""At start-up, offer to restore each document a crashed or killed editor left unsaved.

A restored document opens as unsaved changes to its original path (nothing is written until the designer
saves). The first goes into the start-up window when that window holds only the untouched start
document (no file, no changes); the others, and all of them when a file was opened from the command
line, open in windows of their own. The old copy is removed only once the new window has written its own.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from blueprint.edit import Document
from blueprint.fileformat import BlueprintFileError
from blueprint.recovery import RecoveryCopy, RecoveryStore
from blueprint.ui.safety import prompts

#: Windows opened for restored documents (kept here so that Python does not collect them).
EXTRA_WINDOWS: list[QMainWindow] = []


def show_as_unsaved(window: QMainWindow, document: Document) -> None:
    """Put `document` in `window`, marked as unsaved changes (the stack is not clean)."""
    window.set_document(document)  # type: ignore[attr-defined]
    window.undo_stack.resetClean()  # type: ignore[attr-defined]


def _window_for(window: QMainWindow, store: RecoveryStore, first: bool) -> QMainWindow:
    """The start-up window if it holds only the untouched start document, else a new window."""
    untouched = window.undo_stack.isClean() and window.document.path is None  # type: ignore[attr-defined]
    if first and untouched:
        return window
    from blueprint.ui.safety import install_safety, safety_net_of

    extra = type(window)()
    net = safety_net_of(window)
    install_safety(extra, store=store, interval_ms=net.autosave.timer.interval() if net else None)
    extra.show()
    EXTRA_WINDOWS.append(extra)
    return extra


def offer_recovery(window: QMainWindow, store: RecoveryStore) -> int:
    """Ask about every orphaned recovery copy; returns how many documents were restored."""
    restored = 0
    for copy in store.orphans():
        answer = prompts.ask_restore(window, copy)
        if answer is prompts.Restore.LATER:
            continue
        if answer is prompts.Restore.DISCARD:
            store.remove(copy.key)
            continue
        if restore_copy(window, store, copy, first=restored == 0):
            restored += 1
    return restored


def restore_copy(
    window: QMainWindow, store: RecoveryStore, copy: RecoveryCopy, *, first: bool = True
) -> bool:
    try:
        blueprint = copy.document()
    except BlueprintFileError as error:
        prompts.show_problem(window, "Cannot restore the document", error.one_line())
        return False
    target = _window_for(window, store, first)
    show_as_unsaved(target, Document(blueprint, copy.original_path))
    store.remove(copy.key)  # the window has written its own copy by now (the stack turned dirty)
    return True
