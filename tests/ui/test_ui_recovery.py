"""Recovery copies in the editor: written while unsaved, removed when clean, restored at start-up.

Driven on the real MainWindow; the questions are answered by replacing the prompt functions, except in
one test that clicks the real message box.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from blueprint.edit import SetDocumentFields
from blueprint.fileformat import atomic as writer_module
from blueprint.fileformat import dumps, load, save
from blueprint.model import Blueprint
from blueprint.recovery import RecoveryStore, new_key
from blueprint.ui import main_window as main_window_module
from blueprint.ui.commands import push
from blueprint.ui.dialogs.prompts import Answer
from blueprint.ui.main_window import MainWindow
from blueprint.ui.safety import install_safety, offer_recovery, prompts, safety_net_of
from blueprint.ui.safety import restore as restore_module

from ui_gestures import isolate_settings, open_window


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RecoveryStore:
    isolate_settings(tmp_path / "settings")
    # Windows left dirty by a test are closed at teardown: discard rather than wait on a modal question.
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    return RecoveryStore(tmp_path / "recovery")


def retitle(window: MainWindow, title: str) -> None:
    push(window.undo_stack, window.document, SetDocumentFields({"title": title}))


def copy_titles(store: RecoveryStore) -> list[str]:
    return [copy.document().title for copy in store.copies()]


def saved_window(qtbot: QtBot, tmp_path: Path, store: RecoveryStore, interval_ms: int = 50) -> MainWindow:
    path = tmp_path / "trip.blueprint"
    save(Blueprint(title="Saved"), path)
    window = open_window(qtbot, load(path), path)
    install_safety(window, store=store, interval_ms=interval_ms)
    return window


def test_a_copy_is_written_when_the_document_turns_dirty_and_again_after_the_interval(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore
) -> None:
    window = saved_window(qtbot, tmp_path, store)
    assert store.copies() == []
    retitle(window, "First edit")
    assert copy_titles(store) == ["First edit"]  # at once: the stack turned dirty
    retitle(window, "Second edit")
    assert copy_titles(store) == ["First edit"]
    qtbot.waitUntil(lambda: copy_titles(store) == ["Second edit"], timeout=2000)
    [copy] = store.copies()
    assert copy.original_path == tmp_path / "trip.blueprint"


def test_steady_editing_still_writes_a_copy_each_interval(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore
) -> None:
    window = saved_window(qtbot, tmp_path, store, interval_ms=200)
    retitle(window, "Edit 0")
    for n in range(1, 8):  # an edit every 50 ms never postpones the copy past the interval
        qtbot.wait(50)
        retitle(window, f"Edit {n}")
    assert copy_titles(store) != ["Edit 0"]


def test_saving_or_undoing_to_the_saved_state_removes_the_copy(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore
) -> None:
    window = saved_window(qtbot, tmp_path, store)
    retitle(window, "Edited")
    assert len(store.copies()) == 1
    window.undo_stack.undo()
    assert store.copies() == []
    window.undo_stack.redo()
    assert copy_titles(store) == ["Edited"]
    assert window.save_to(window.document.path)
    assert store.copies() == []
    assert list(store.folder.iterdir()) == []


def test_a_clean_close_removes_the_copy(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = saved_window(qtbot, tmp_path, store)
    retitle(window, "Edited")
    window.close()
    qtbot.waitUntil(lambda: store.copies() == [], timeout=2000)


def test_a_full_disk_never_interrupts_editing(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = saved_window(qtbot, tmp_path, store)

    def full(handle: object, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer_module, "_write_all", full)
    retitle(window, "Edited")
    net = safety_net_of(window)
    assert net is not None and net.autosave.last_error is not None
    assert "No space left on device" in window.statusBar().currentMessage()
    monkeypatch.undo()
    retitle(window, "Edited again")
    qtbot.waitUntil(lambda: copy_titles(store) == ["Edited again"], timeout=2000)
    assert net.autosave.last_error is None


def test_a_failed_save_keeps_the_document_dirty_and_its_copy(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = saved_window(qtbot, tmp_path, store)
    retitle(window, "Precious edit")
    errors: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda parent, title, line: errors.append(line))

    def full(handle: object, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer_module, "_write_all", full)
    assert not window.save_to(window.document.path)
    assert errors == [f"{tmp_path / 'trip.blueprint'}: could not save: No space left on device"]
    assert not window.undo_stack.isClean()
    assert window.document.blueprint.title == "Precious edit"
    assert load(tmp_path / "trip.blueprint").title == "Saved"
    assert copy_titles(store) == ["Precious edit"]


def orphan(store: RecoveryStore, title: str, path: Path | None) -> str:
    """A copy left by an editor that died (its lock released, as the OS does)."""
    other = RecoveryStore(store.folder)
    key = new_key()
    other.write(key, path, dumps(Blueprint(title=title)))
    other.release_all()
    return key


def test_restoring_opens_the_copy_as_unsaved_changes_to_the_original_path(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = tmp_path / "trip.blueprint"
    save(Blueprint(title="On disk"), original)
    old_key = orphan(store, "Recovered work", original)
    asked = []
    monkeypatch.setattr(
        prompts, "ask_restore", lambda parent, copy: asked.append(copy) or prompts.Restore.RESTORE
    )
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store, interval_ms=50)
    assert offer_recovery(window) == 1
    assert [c.original_path for c in asked] == [original]
    assert window.document.blueprint.title == "Recovered work"
    assert window.document.path == original
    assert not window.undo_stack.isClean() and window.isWindowModified()
    assert load(original).title == "On disk"  # nothing written until the designer saves
    assert old_key not in {c.key for c in store.copies()}
    assert copy_titles(store) == ["Recovered work"]  # the window's own copy replaces it


def test_each_copy_is_offered_and_extra_ones_open_in_their_own_windows(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    orphan(store, "One", tmp_path / "one.blueprint")
    orphan(store, "Two", None)
    discarded = orphan(store, "Three", None)
    answers = {
        "One": prompts.Restore.RESTORE,
        "Two": prompts.Restore.RESTORE,
        "Three": prompts.Restore.DISCARD,
    }
    monkeypatch.setattr(prompts, "ask_restore", lambda parent, copy: answers[copy.document().title])
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store, interval_ms=50)
    assert offer_recovery(window) == 2
    extra = restore_module.EXTRA_WINDOWS.pop()
    qtbot.addWidget(extra)
    assert {window.document.blueprint.title, extra.document.blueprint.title} == {"One", "Two"}
    assert not extra.undo_stack.isClean()
    assert discarded not in {c.key for c in store.copies()}
    assert sorted(copy_titles(store)) == ["One", "Two"]


def test_later_keeps_the_copy_for_the_next_start(
    qtbot: QtBot, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = orphan(store, "Keep me", None)
    monkeypatch.setattr(prompts, "ask_restore", lambda parent, copy: prompts.Restore.LATER)
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store)
    assert offer_recovery(window) == 0
    assert [c.key for c in store.copies()] == [key]


def test_the_real_prompt_names_the_document_and_when_it_was_saved(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore
) -> None:
    orphan(store, "Recovered work", tmp_path / "trip.blueprint")
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store)
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            qtbot.wait(20)
            return answer()
        seen.append(box.text())
        restore = next(b for b in box.buttons() if b.text() == "Restore")
        qtbot.mouseClick(restore, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, answer)
    assert offer_recovery(window) == 1
    [text] = seen
    assert "“trip.blueprint”" in text and "A recovery copy was saved on" in text
    [copy] = store.copies()
    assert prompts.saved_at_text(copy.saved_at)[:4] in text
    assert window.document.blueprint.title == "Recovered work"


def test_a_file_opened_at_start_up_is_never_replaced_by_a_restored_copy(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    orphan(store, "Recovered", None)
    monkeypatch.setattr(prompts, "ask_restore", lambda parent, copy: prompts.Restore.RESTORE)
    path = tmp_path / "asked-for.blueprint"
    save(Blueprint(title="Asked for"), path)
    window = open_window(qtbot, load(path), path)
    install_safety(window, store=store)
    assert offer_recovery(window) == 1
    extra = restore_module.EXTRA_WINDOWS.pop()
    qtbot.addWidget(extra)
    assert window.document.blueprint.title == "Asked for"
    assert extra.document.blueprint.title == "Recovered"
