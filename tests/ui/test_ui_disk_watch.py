"""Change on disk: never overwritten silently; the editor's own saves never ask."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from blueprint.edit import SetDocumentFields
from blueprint.fileformat import load, save
from blueprint.model import Blueprint
from blueprint.recovery import RecoveryStore
from blueprint.ui import main_window as main_window_module
from blueprint.ui.commands import push
from blueprint.ui.dialogs.prompts import Answer
from blueprint.ui.main_window import MainWindow
from blueprint.ui.safety import install_safety, prompts, safety_net_of
from blueprint.ui.safety.disk_watch import SETTLE_MS

from ui_gestures import isolate_settings, open_window


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    isolate_settings(tmp_path / "settings")
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    path = tmp_path / "trip.blueprint"
    save(Blueprint(title="Saved"), path)
    win = open_window(qtbot, load(path), path)
    install_safety(win, store=RecoveryStore(tmp_path / "recovery"))
    return win


def answer_reload(monkeypatch: pytest.MonkeyPatch, reload: bool) -> list[bool]:
    asked: list[bool] = []

    def ask(parent: object, path: Path, unsaved: bool) -> bool:
        asked.append(unsaved)
        return reload

    monkeypatch.setattr(prompts, "ask_reload", ask)
    return asked


def settle(qtbot: QtBot) -> None:
    qtbot.wait(SETTLE_MS + 300)


def change_on_disk(path: Path, title: str) -> None:
    """Another program writes the file (not atomically, in place)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f'{{"format": "service-blueprint", "version": 1, "title": "{title}"}}\n')


def test_reload_takes_the_version_on_disk(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_reload(monkeypatch, True)
    change_on_disk(window.document.path, "Changed by a colleague")
    qtbot.waitUntil(lambda: window.document.blueprint.title == "Changed by a colleague", timeout=3000)
    assert asked == [False]
    assert window.undo_stack.isClean()


def test_keeping_the_editors_version_marks_it_unsaved_and_asks_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    push(window.undo_stack, window.document, SetDocumentFields({"title": "My edit"}))
    asked = answer_reload(monkeypatch, False)
    path = window.document.path
    change_on_disk(path, "Changed by a sync tool")
    qtbot.waitUntil(lambda: asked == [True], timeout=3000)
    settle(qtbot)
    assert asked == [True]
    assert window.document.blueprint.title == "My edit"
    assert load(path).title == "Changed by a sync tool"  # nothing overwritten
    assert not window.undo_stack.isClean()
    window.undo_stack.undo()  # back to the state that was saved earlier: still not what is on disk
    assert not window.undo_stack.isClean()


def test_the_editors_own_saves_never_ask(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_reload(monkeypatch, True)
    for n in range(3):
        push(window.undo_stack, window.document, SetDocumentFields({"title": f"Edit {n}"}))
        assert window.save_to(window.document.path)
        settle(qtbot)
    assert asked == []
    assert load(window.document.path).title == "Edit 2"
    change_on_disk(window.document.path, "Then someone else")  # the watch survives atomic replaces
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=3000)


def test_a_deleted_file_leaves_the_document_open_and_unsaved(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = answer_reload(monkeypatch, True)
    os.unlink(window.document.path)
    qtbot.waitUntil(lambda: not window.undo_stack.isClean(), timeout=3000)
    assert asked == []
    assert window.document.blueprint.title == "Saved"
    net = safety_net_of(window)
    assert net is not None
    qtbot.waitUntil(lambda: len(net.store.copies()) == 1, timeout=3000)  # and a recovery copy exists


def test_a_broken_file_on_disk_is_not_loaded_over_the_document(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_reload(monkeypatch, True)
    problems: list[str] = []
    monkeypatch.setattr(prompts, "show_problem", lambda parent, title, line: problems.append(line))
    window.document.path.write_text("{ half a file", encoding="utf-8")
    qtbot.waitUntil(lambda: len(problems) == 1, timeout=3000)
    assert "not valid JSON" in problems[0]
    assert window.document.blueprint.title == "Saved"
    assert not window.undo_stack.isClean()


def test_the_watch_follows_save_as(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked = answer_reload(monkeypatch, False)
    old = window.document.path
    new = tmp_path / "copy.blueprint"
    assert window.save_to(new)  # a clean document saved under a new name
    settle(qtbot)
    change_on_disk(old, "The old file changes")
    settle(qtbot)
    assert asked == []
    change_on_disk(new, "The new file changes")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=3000)
