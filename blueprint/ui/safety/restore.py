"""At start-up, offer every document a crashed or killed editor left unsaved, in one list.

A restored document opens as unsaved changes to its original path (nothing is written until the designer
saves). The first goes into the start-up window when that window holds only the untouched start
document (no file, no changes); the others, and all of them when a file was opened from the command
line, open in windows of their own. The old copy is removed only once the new window has written its
own. Copies that cannot be read are moved to the recovery folder's `set-aside` folder and named in one
line; a copy that turns out unreadable when restored is moved there too, and said so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from blueprint.edit import Document
from blueprint.recovery import RecoveryCopy, RecoveryStore, SetAside, UnreadableCopy
from blueprint.ui.safety import prompts
from blueprint.ui.safety.recovery_dialog import saved_at_text, shown_path

#: Windows opened for restored documents (kept here so that Python does not collect them).
EXTRA_WINDOWS: list[QMainWindow] = []
#: How many names one line gives before "and N more".
NAMES_IN_A_LINE = 3


def show_as_unsaved(window: QMainWindow, document: Document) -> None:
    """Put `document` in `window`, marked as unsaved changes (the stack is not clean)."""
    window.set_document(document)  # type: ignore[attr-defined]
    window.undo_stack.resetClean()  # type: ignore[attr-defined]


def set_aside_line(items: list[SetAside], folder: Path) -> str | None:
    """One line saying which copies could not be read and where they are now."""
    if not items:
        return None
    names = [
        f"{shown_path(i.name)} ({saved_at_text(i.saved_at)})" if i.saved_at else shown_path(i.name)
        for i in items
    ]
    listed = ", ".join(names[:NAMES_IN_A_LINE])
    if len(names) > NAMES_IN_A_LINE:
        listed += f" and {len(names) - NAMES_IN_A_LINE} more"
    count = f"{len(items)} recovery cop{'ies' if len(items) != 1 else 'y'} could not be read"
    moved = [i.moved_to for i in items if i.moved_to is not None]
    where = f"moved to {shown_path(moved[0])}" if moved else f"left in {shown_path(folder)}"
    why = f"; {items[0].reason}" if len(items) == 1 else ""
    return f"{count} and {'were' if len(items) != 1 else 'was'} {where}: {listed}{why}."


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
    """Ask once about every orphaned recovery copy; returns how many documents were restored."""
    scan = store.scan()
    note = set_aside_line(scan.set_aside, store.folder / "set-aside")
    if not scan.copies:
        if note:
            prompts.show_notice(window, "Recovery copies set aside", note)
        return 0
    answers = prompts.choose_recovery(window, scan.copies, note)
    restored = 0
    for copy in scan.copies:
        answer = answers.get(copy.key, prompts.Restore.LATER)
        if answer is prompts.Restore.DISCARD:
            store.remove_copy(copy)
        elif answer is prompts.Restore.RESTORE and restore_copy(window, store, copy, first=restored == 0):
            restored += 1
    return restored


def restore_copy(
    window: QMainWindow, store: RecoveryStore, copy: RecoveryCopy, *, first: bool = True
) -> bool:
    """Open `copy` as unsaved changes; an unreadable copy is set aside and reported instead."""
    try:
        recovered = copy.read()
    except UnreadableCopy as error:
        aside = store.set_aside_copy(copy, str(error))
        line = set_aside_line([aside], store.folder)
        prompts.show_problem(window, "Cannot restore the document", line or str(error))
        return False
    from blueprint.ui.safety import safety_net_of

    target = _window_for(window, store, first)
    document = Document(recovered.blueprint, copy.original_path, disk=copy.disk, source=recovered.base)
    target.set_document(document)  # type: ignore[attr-defined]
    net = safety_net_of(target)
    if net is not None:
        net.autosave.seed(recovered.lines)
        if recovered.problem:  # keep what could not be replayed where the designer can find it
            reason = f"restored up to the last edit that could be read: {recovered.problem}"
            net.autosave.after_publish(lambda: _keep_damaged(target, store, copy, reason))
        else:
            net.autosave.after_publish(lambda: store.remove_copy(copy))
    target.undo_stack.resetClean()  # type: ignore[attr-defined]
    if net is None:
        store.remove_copy(copy)
    return True


def _keep_damaged(window: QMainWindow, store: RecoveryStore, copy: RecoveryCopy, reason: str) -> None:
    aside = store.set_aside_copy(copy, reason)
    where = shown_path(aside.moved_to) if aside.moved_to else shown_path(store.folder)
    window.statusBar().showMessage(
        f"{shown_path(copy.shown_name)}: {reason}. The copy is kept in {where}.", 30_000
    )
