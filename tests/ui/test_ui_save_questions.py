"""Saving in the editor asks where a person would want to be asked: before replacing a file another
program changed since it was opened (even a moment before Save, even with backups off, even into a
file too large to open, or a link retargeted to another file), and before replacing a read-only file;
and it says when the document was saved but its backup could not be written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from blueprint.edit import SetDocumentFields
from blueprint.fileformat import load, save, writer
from blueprint.fileformat.limits import MAX_FILE_BYTES
from blueprint.fileformat.writer import backup_path
from blueprint.model import Blueprint
from blueprint.recovery import RecoveryStore
from blueprint.ui import main_window as main_window_module
from blueprint.ui.commands import push
from blueprint.ui.dialogs.prompts import Answer
from blueprint.ui.main_window import MainWindow
from blueprint.ui.safety import install_safety, prompts
from blueprint.ui.safety import saving as saving_module
from blueprint.ui.safety.disk_watch import SETTLE_MS

from ui_gestures import isolate_settings, open_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    isolate_settings(tmp_path / "settings")
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    path = tmp_path / "trip.blueprint"
    save(Blueprint(title="Saved"), path)
    win = open_window(qtbot, Blueprint(title="Start"))
    install_safety(win, store=RecoveryStore(tmp_path / "recovery"))
    assert win.open_path(path)
    push(win.undo_stack, win.document, SetDocumentFields({"title": "Mine"}))
    return win


def answers(monkeypatch: pytest.MonkeyPatch, name: str, reply: bool) -> list[tuple[object, ...]]:
    asked: list[tuple[object, ...]] = []
    monkeypatch.setattr(prompts, name, lambda *args, **kwargs: asked.append(args[1:]) or reply)
    return asked


def written_by_someone_else(path: Path, title: str) -> bytes:
    data = path.read_bytes().replace(b'"Saved"', f'"{title}"'.encode())
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("backups", [True, False])
def test_a_write_a_moment_before_save_is_not_replaced_without_asking(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, backups: bool
) -> None:
    writer.set_keep_backup(backups)
    try:
        asked = answers(monkeypatch, "ask_replace_changed", False)
        path = window.document.path
        theirs = written_by_someone_else(path, "Theirs")  # before the change-on-disk watch has settled
        assert not window.save_to(path)
        assert [(p, reason) for p, reason in asked] == [(path, "was changed by another program")]
        assert path.read_bytes() == theirs
        assert not window.undo_stack.isClean() and window.document.blueprint.title == "Mine"
        asked = answers(monkeypatch, "ask_replace_changed", True)
        assert window.save_to(path)
        assert load(path).title == "Mine" and len(asked) == 1
        if backups:
            assert load(backup_path(path)).title == "Theirs"  # theirs is kept as the backup
    finally:
        writer.set_keep_backup(True)


def test_after_keeping_my_version_the_save_replaces_without_asking_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers(monkeypatch, "ask_reload", False)  # "Keep my version"
    asked = answers(monkeypatch, "ask_replace_changed", False)
    written_by_someone_else(window.document.path, "Theirs")
    qtbot.wait(SETTLE_MS + 500)
    assert window.save_to(window.document.path)
    assert asked == [] and load(window.document.path).title == "Mine"


def test_a_replacement_too_large_to_open_is_reported_and_save_asks(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = answers(monkeypatch, "tell_changed_unreadable", True)
    path = window.document.path
    with open(path, "wb") as handle:  # sparse
        handle.truncate(MAX_FILE_BYTES + 4096)
    qtbot.waitUntil(lambda: len(told) == 1, timeout=5000)
    assert told[0][0] == path and "larger than" in str(told[0][1])
    asked = answers(monkeypatch, "ask_replace_changed", False)
    assert not window.save_to(path)
    assert len(asked) == 1 and path.stat().st_size == MAX_FILE_BYTES + 4096


def test_a_link_retargeted_while_open_asks_before_saving(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_settings(tmp_path / "settings")
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    first, second, link = tmp_path / "v1.blueprint", tmp_path / "v2.blueprint", tmp_path / "current.blueprint"
    save(Blueprint(title="Version 1"), first)
    save(Blueprint(title="Version 2"), second)
    link.symlink_to(first)
    win = open_window(qtbot, Blueprint(title="Start"))
    assert win.open_path(link)
    link.unlink()
    link.symlink_to(second)
    asked = answers(monkeypatch, "ask_replace_changed", False)
    push(win.undo_stack, win.document, SetDocumentFields({"title": "Edited version 1"}))
    assert not win.save_to(link)
    assert asked == [(link, f"now points to another file ({second})")]
    assert load(second).title == "Version 2"


def test_a_read_only_file_is_replaced_only_when_the_designer_agrees(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = window.document.path
    os.chmod(path, 0o444)
    asked = answers(monkeypatch, "ask_replace_read_only", False)
    assert not window.save_to(path)
    assert asked == [(path,)] and load(path).title == "Saved"
    assert not window.undo_stack.isClean()
    answers(monkeypatch, "ask_replace_read_only", True)
    assert window.save_to(path)
    assert load(path).title == "Mine"
    assert path.stat().st_mode & 0o777 == 0o444  # still read-only


def test_a_backup_that_cannot_be_written_is_said_and_the_document_is_saved(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(saving_module, "_TOLD", set())
    path = window.document.path
    backup_path(path).mkdir()
    told = answers(monkeypatch, "tell_backup_problem", True)
    errors: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda *args: errors.append(args[-1]))
    assert window.save_to(path)
    assert errors == [] and load(path).title == "Mine" and window.undo_stack.isClean()
    assert told == [(path, "trip~.blueprint is a folder")]
    assert window.statusBar().currentMessage() == (
        f"Saved {path}, but its backup could not be written: trip~.blueprint is a folder"
    )
    push(window.undo_stack, window.document, SetDocumentFields({"title": "Again"}))
    assert window.save_to(path)
    assert len(told) == 1  # the box once; the status bar each time
    assert "backup could not be written" in window.statusBar().currentMessage()


def test_a_repaired_file_changed_by_another_program_asks_before_saving(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, repo: Path
) -> None:
    from blueprint.ui.safety import offer_repair
    from blueprint.ui.safety import repair_dialog as repair_module

    isolate_settings(tmp_path / "settings")
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    monkeypatch.setattr(repair_module, "confirm_repair", lambda *a: True)
    path = tmp_path / "broken.blueprint"
    path.write_bytes((repo / "tests" / "files" / "repair-dangling-link.blueprint").read_bytes())
    win = open_window(qtbot, Blueprint(title="Start"))
    assert offer_repair(win, path)
    assert win.document.disk is not None and not win.undo_stack.isClean()
    path.write_bytes(path.read_bytes() + b"\n")  # another program touches the file meanwhile
    asked = answers(monkeypatch, "ask_replace_changed", False)
    assert not win.save_to(path)
    assert asked == [(path, "was changed by another program")]
