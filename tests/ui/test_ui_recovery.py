"""Recovery copies in the editor: every edit written down at once while unsaved, the copy withdrawn when
clean, and every orphaned copy offered at start-up in one list.

Driven on the real MainWindow; the questions are answered by replacing the prompt functions, except in
the tests that click the real dialog.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from recovery_folders import entries, lay_out

from blueprint.edit import SetDocumentFields
from blueprint.fileformat import atomic, dumps, load, save
from blueprint.model import Blueprint
from blueprint.recovery import RecoveryCopy, RecoveryStore, new_key
from blueprint.ui import main_window as main_window_module
from blueprint.ui.commands import push
from blueprint.ui.dialogs.prompts import Answer
from blueprint.ui.main_window import MainWindow
from blueprint.ui.safety import install_safety, offer_recovery, prompts, safety_net_of
from blueprint.ui.safety import restore as restore_module
from blueprint.ui.safety.recovery_dialog import RecoveryDialog

from ui_gestures import isolate_settings, open_window

Answers = dict[str, prompts.Restore]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RecoveryStore:
    isolate_settings(tmp_path / "settings")
    # Windows left dirty by a test are closed at teardown: discard rather than wait on a modal question.
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    return RecoveryStore(tmp_path / "recovery")


def retitle(window: MainWindow, title: str) -> None:
    push(window.undo_stack, window.document, SetDocumentFields({"title": title}))


def flush(window: MainWindow) -> None:
    """Let the window's worker finish what it was asked, and the window hear about it."""
    net = safety_net_of(window)
    assert net is not None
    for _ in range(4):
        assert net.autosave.wait(10)
        QApplication.processEvents()


def copy_titles(store: RecoveryStore) -> list[str]:
    return [copy.document().title for copy in store.copies()]


def saved_window(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, name: str = "trip.blueprint"
) -> MainWindow:
    path = tmp_path / name
    save(Blueprint(title="Saved"), path)
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store)
    assert window.open_path(path)
    return window


def test_every_edit_is_in_the_copy_the_moment_it_is_made(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore
) -> None:
    window = saved_window(qtbot, tmp_path, store)
    assert store.copies() == []
    retitle(window, "First edit")  # the file as opened is copied at once, with the edit
    assert copy_titles(store) == ["First edit"]
    for n in range(5):  # each later edit: one line, written by the editor's own thread at once
        retitle(window, f"Edit {n}")
        assert copy_titles(store) == [f"Edit {n}"]
    [copy] = store.copies()
    assert copy.original_path == tmp_path / "trip.blueprint"
    assert copy.read().edits == 6
    assert copy.base is not None and copy.base.read_bytes() == (tmp_path / "trip.blueprint").read_bytes()


def test_a_large_file_is_copied_by_the_worker_and_no_edit_made_meanwhile_is_lost(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint.ui.safety import autosave as autosave_module

    monkeypatch.setattr(autosave_module, "NOW_BYTES", 0)  # every base counts as large
    window = saved_window(qtbot, tmp_path, store)
    for n in range(5):  # while the worker writes the base
        retitle(window, f"Edit {n}")
    flush(window)
    assert copy_titles(store) == ["Edit 4"]
    retitle(window, "After the handover")
    assert copy_titles(store) == ["After the handover"]


def test_saving_or_undoing_to_the_saved_state_removes_the_copy(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore
) -> None:
    window = saved_window(qtbot, tmp_path, store)
    retitle(window, "Edited")
    flush(window)
    assert len(store.copies()) == 1
    window.undo_stack.undo()
    flush(window)
    assert store.copies() == []
    window.undo_stack.redo()
    flush(window)
    assert copy_titles(store) == ["Edited"]
    assert window.save_to(window.document.path)
    flush(window)
    assert store.copies() == []
    assert list(store.folder.iterdir()) == []
    retitle(window, "After saving")  # the next copy starts from the saved text
    flush(window)
    [copy] = store.copies()
    assert copy.base is not None and copy.base.read_bytes() == (tmp_path / "trip.blueprint").read_bytes()
    assert copy.document().title == "After saving"


def test_a_document_without_a_file_is_copied_from_a_snapshot(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore
) -> None:
    window = open_window(qtbot, Blueprint(title="Untitled start"))
    install_safety(window, store=store)
    retitle(window, "Never saved")
    flush(window)
    assert copy_titles(store) == ["Never saved"]
    window.undo_stack.undo()
    window.undo_stack.redo()
    retitle(window, "Still never saved")
    flush(window)
    assert copy_titles(store) == ["Still never saved"]


def test_a_clean_close_removes_the_copy(qtbot: QtBot, tmp_path: Path, store: RecoveryStore) -> None:
    window = saved_window(qtbot, tmp_path, store)
    retitle(window, "Edited")
    flush(window)
    window.close()
    qtbot.waitUntil(lambda: list(store.folder.iterdir()) == [], timeout=3000)


def test_a_full_disk_never_interrupts_editing(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = saved_window(qtbot, tmp_path, store)

    def full(handle: object, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", full)
    retitle(window, "Edited")
    flush(window)
    net = safety_net_of(window)
    assert net is not None and net.autosave.last_error is not None
    assert "No space left on device" in window.statusBar().currentMessage()
    monkeypatch.undo()
    retitle(window, "Edited again")
    flush(window)
    assert copy_titles(store) == ["Edited again"]
    assert net.autosave.last_error is None


def test_a_failed_save_keeps_the_document_dirty_and_its_copy(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = saved_window(qtbot, tmp_path, store)
    retitle(window, "Precious edit")
    flush(window)
    errors: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda parent, title, line: errors.append(line))

    def full(handle: object, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", full)
    assert not window.save_to(window.document.path)
    assert errors == [f"{tmp_path / 'trip.blueprint'}: could not save: No space left on device"]
    assert not window.undo_stack.isClean()
    assert window.document.blueprint.title == "Precious edit"
    assert load(tmp_path / "trip.blueprint").title == "Saved"
    assert copy_titles(store) == ["Precious edit"]


def test_a_file_whose_name_is_not_utf8_gets_a_copy(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore
) -> None:
    window = saved_window(qtbot, tmp_path, store, name=os.fsdecode(b"caf\xe9.blueprint"))
    retitle(window, "Edited")
    flush(window)
    [copy] = store.copies()
    assert os.fsencode(copy.original_path.name) == b"caf\xe9.blueprint"  # type: ignore[union-attr]
    assert copy.document().title == "Edited"


def orphan(store: RecoveryStore, title: str, path: Path | None) -> str:
    """A copy left by an editor that died (its lock released, as the OS does)."""
    other = RecoveryStore(store.folder)
    key = new_key()
    other.write(key, path, dumps(Blueprint(title=title)))
    other.release_all()
    return key


def answer_all(monkeypatch: pytest.MonkeyPatch, answer: prompts.Restore) -> list[list[RecoveryCopy]]:
    asked: list[list[RecoveryCopy]] = []

    def choose(
        parent: object, copies: list[RecoveryCopy], note: str | None = None
    ) -> dict[str, prompts.Restore]:
        asked.append(list(copies))
        return {copy.key: answer for copy in copies}

    monkeypatch.setattr(prompts, "choose_recovery", choose)
    return asked


def test_restoring_opens_the_copy_as_unsaved_changes_to_the_original_path(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = tmp_path / "trip.blueprint"
    save(Blueprint(title="On disk"), original)
    old_key = orphan(store, "Recovered work", original)
    asked = answer_all(monkeypatch, prompts.Restore.RESTORE)
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store)
    assert offer_recovery(window) == 1
    assert [[c.original_path for c in copies] for copies in asked] == [[original]]
    assert window.document.blueprint.title == "Recovered work"
    assert window.document.path == original
    assert not window.undo_stack.isClean() and window.isWindowModified()
    assert load(original).title == "On disk"  # nothing written until the designer saves
    flush(window)
    assert old_key not in {c.key for c in store.copies()}  # once the window's own copy is written
    assert copy_titles(store) == ["Recovered work"]
    retitle(window, "Edited after restoring")
    assert copy_titles(store) == ["Edited after restoring"]


def test_many_copies_are_offered_in_one_list_and_extra_ones_open_in_their_own_windows(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    orphan(store, "One", tmp_path / "one.blueprint")
    orphan(store, "Two", None)
    discarded = orphan(store, "Three", None)
    asked: list[int] = []

    def choose(
        parent: object, copies: list[RecoveryCopy], note: str | None = None
    ) -> dict[str, prompts.Restore]:
        asked.append(len(copies))
        titles = {copy.key: copy.document().title for copy in copies}
        keep = {
            "One": prompts.Restore.RESTORE,
            "Two": prompts.Restore.RESTORE,
            "Three": prompts.Restore.DISCARD,
        }
        return {key: keep[title] for key, title in titles.items()}

    monkeypatch.setattr(prompts, "choose_recovery", choose)
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store)
    assert offer_recovery(window) == 2
    assert asked == [3]  # one question for all of them
    extra = restore_module.EXTRA_WINDOWS.pop()
    qtbot.addWidget(extra)
    assert {window.document.blueprint.title, extra.document.blueprint.title} == {"One", "Two"}
    assert not extra.undo_stack.isClean()
    flush(window)
    flush(extra)
    assert discarded not in {c.key for c in store.copies()}
    assert sorted(copy_titles(store)) == ["One", "Two"]


def test_later_keeps_the_copy_for_the_next_start(
    qtbot: QtBot, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = orphan(store, "Keep me", None)
    answer_all(monkeypatch, prompts.Restore.LATER)
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store)
    assert offer_recovery(window) == 0
    assert [c.key for c in store.copies()] == [key]


def click_when_shown(qtbot: QtBot, kind: type, act) -> list[object]:  # type: ignore[no-untyped-def]
    """Run `act(widget)` on the next modal widget of `kind` once it is shown."""
    seen: list[object] = []

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(20, look)
            return
        seen.append(widget)
        act(widget)

    QTimer.singleShot(50, look)
    return seen


def test_the_real_list_names_each_document_and_its_last_edit_and_restores_the_checked_ones(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore
) -> None:
    orphan(store, "Recovered work", tmp_path / "trip.blueprint")
    later = orphan(store, "For later", tmp_path / "later.blueprint")
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store)
    rows: list[list[str]] = []

    def act(dialog: RecoveryDialog) -> None:
        for row in range(dialog.list.topLevelItemCount()):
            item = dialog.list.topLevelItem(row)
            rows.append([item.text(column) for column in range(3)])
            if item.text(0) == "later.blueprint":
                item.setCheckState(0, Qt.CheckState.Unchecked)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    click_when_shown(qtbot, RecoveryDialog, act)
    assert offer_recovery(window) == 1
    assert sorted(row[0] for row in rows) == ["later.blueprint", "trip.blueprint"]
    assert all(row[1] == str(tmp_path) and " at " in row[2] for row in rows)
    assert window.document.blueprint.title == "Recovered work"
    flush(window)
    assert later in {c.key for c in store.copies()}  # unchecked: kept for the next start


def test_copies_that_cannot_be_read_are_named_in_one_line_under_the_list(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore
) -> None:
    orphan(store, "Good", None)
    store.folder.joinpath("0badc0de.recovery.json").write_bytes(b'{"format": "service-blueprint-rec')
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store)
    notes: list[str] = []

    def act(dialog: RecoveryDialog) -> None:
        notes.append(dialog.note.text())
        qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)

    click_when_shown(qtbot, RecoveryDialog, act)
    assert offer_recovery(window) == 0
    [note] = notes
    assert note.startswith("1 recovery copy could not be read and was moved to ")
    assert note.endswith("; it is damaged (not JSON).")
    assert str(store.folder / "set-aside") in note and "\n" not in note
    assert (store.folder / "set-aside" / "0badc0de.recovery.json").exists()


def test_with_nothing_to_offer_what_was_set_aside_is_told_once(
    qtbot: QtBot, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.folder.mkdir(parents=True)
    store.folder.joinpath("0badc0de.recovery.json").write_bytes(b"\x00\x01")
    told: list[str] = []
    monkeypatch.setattr(prompts, "show_notice", lambda parent, title, line: told.append(line))
    monkeypatch.setattr(prompts, "choose_recovery", lambda *a: pytest.fail("nothing to choose from"))
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store)
    assert offer_recovery(window) == 0
    assert len(told) == 1 and "could not be read" in told[0]
    assert offer_recovery(window) == 0
    assert len(told) == 1


def test_a_copy_found_unreadable_when_restored_is_set_aside_and_said_so(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = orphan(store, "Lost", tmp_path / "trip.blueprint")
    base = store.base_path(key, 1)
    base.write_bytes(base.read_bytes()[:40])  # truncated
    answer_all(monkeypatch, prompts.Restore.RESTORE)
    problems: list[str] = []
    monkeypatch.setattr(prompts, "show_problem", lambda parent, title, line: problems.append(line))
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=store)
    assert offer_recovery(window) == 0
    [line] = problems
    assert "trip.blueprint" in line and "could not be read" in line and "set-aside" in line
    assert (store.folder / "set-aside" / base.name).exists()
    assert window.document.blueprint.title == "Start"


def test_a_file_opened_at_start_up_is_never_replaced_by_a_restored_copy(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    orphan(store, "Recovered", None)
    answer_all(monkeypatch, prompts.Restore.RESTORE)
    path = tmp_path / "asked-for.blueprint"
    save(Blueprint(title="Asked for"), path)
    window = open_window(qtbot, load(path), path)
    install_safety(window, store=store)
    assert offer_recovery(window) == 1
    extra = restore_module.EXTRA_WINDOWS.pop()
    qtbot.addWidget(extra)
    assert window.document.blueprint.title == "Asked for"
    assert extra.document.blueprint.title == "Recovered"


def test_the_dialog_buttons_need_a_checked_row(qtbot: QtBot, tmp_path: Path, store: RecoveryStore) -> None:
    orphan(store, "One", None)
    dialog = RecoveryDialog(store.copies(), None)
    qtbot.addWidget(dialog)
    item = dialog.list.topLevelItem(0)
    assert dialog.restore_button.isEnabled()
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert not dialog.restore_button.isEnabled() and not dialog.discard_button.isEnabled()
    assert dialog.later_button.isEnabled()


def test_a_long_journal_is_folded_into_a_new_full_copy_without_losing_an_edit(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint.ui.safety import autosave as autosave_module

    monkeypatch.setattr(autosave_module, "COMPACT_BYTES", 2_000)
    window = saved_window(qtbot, tmp_path, store)
    net = safety_net_of(window)
    assert net is not None
    for n in range(40):  # a few hundred bytes an edit: several new full copies on the way
        retitle(window, f"Edit {n}")
        if n % 7 == 0:
            flush(window)
    generations_seen = net.autosave.live
    flush(window)
    assert copy_titles(store) == ["Edit 39"]
    [copy] = store.copies()
    assert copy.generation is not None and copy.generation > 1 and generations_seen is not None
    assert copy.read().edits < 40  # the older edits are in the newer full copy
    names = sorted(p.name for p in store.folder.iterdir())
    assert [n for n in names if n.endswith(".base")] == [f"{copy.key}.{copy.generation}.base"]


def test_the_journal_reaches_the_disk_within_the_interval(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = saved_window(qtbot, tmp_path, store)
    retitle(window, "Edited")
    flush(window)
    net = safety_net_of(window)
    assert net is not None and net.autosave.fd is not None
    journal = os.fstat(net.autosave.fd).st_ino
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(os.fstat(fd).st_ino) or real_fsync(fd))
    retitle(window, "Edited again")
    qtbot.waitUntil(lambda: journal in synced, timeout=net.autosave.timer.interval() + 2000)


@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(planned=st.lists(entries(), max_size=8))
def test_the_editor_starts_whatever_the_recovery_folder_holds(
    qtbot: QtBot, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch, planned: list
) -> None:
    folder = tmp_path_factory.mktemp("fuzzed") / "recovery"
    lay_out(folder, planned)
    answer_all(monkeypatch, prompts.Restore.RESTORE)
    told: list[str] = []
    monkeypatch.setattr(prompts, "show_problem", lambda parent, title, line: told.append(line))
    monkeypatch.setattr(prompts, "show_notice", lambda parent, title, line: told.append(line))
    window = open_window(qtbot, Blueprint(title="Start"))
    install_safety(window, store=RecoveryStore(folder))
    restored = restore_module.offer_recovery(window, safety_net_of(window).store)  # raises nothing
    assert all("\n" not in line for line in told)
    while restore_module.EXTRA_WINDOWS:
        extra = restore_module.EXTRA_WINDOWS.pop()
        extra.undo_stack.setClean()
        extra.close()
    assert restored >= 0


def test_a_journal_that_cannot_be_written_is_replaced_by_a_full_copy_with_every_edit(
    qtbot: QtBot, tmp_path: Path, store: RecoveryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint.ui.safety import autosave as autosave_module

    window = saved_window(qtbot, tmp_path, store)
    retitle(window, "One")
    flush(window)

    real_write_lines = autosave_module._write_lines
    failures = [OSError(errno.ENOSPC, "No space left on device")]

    def full_once(fd: int, lines: list[bytes]) -> None:
        if failures:
            raise failures.pop()
        real_write_lines(fd, lines)

    monkeypatch.setattr(autosave_module, "_write_lines", full_once)
    retitle(window, "Two")  # this edit misses the journal: a full copy is written instead
    qtbot.waitUntil(lambda: "No space left on device" in window.statusBar().currentMessage(), timeout=2000)
    push(window.undo_stack, window.document, SetDocumentFields({"description": "Three"}))
    flush(window)
    [copy] = store.copies()
    assert (copy.document().title, copy.document().description) == ("Two", "Three")
