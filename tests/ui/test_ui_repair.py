""" "Open and repair" in the editor: the dialog lists exactly the planned changes before anything happens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from blueprint.fileformat.repair import plan_repair
from blueprint.model import Blueprint
from blueprint.ui import main_window as main_window_module
from blueprint.ui.dialogs.prompts import Answer
from blueprint.ui.main_window import MainWindow
from blueprint.ui.safety import offer_repair, prompts
from blueprint.ui.safety.repair_dialog import RepairDialog

from ui_gestures import isolate_settings, open_window

FILES = Path(__file__).resolve().parents[1] / "files"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    isolate_settings(tmp_path / "settings")
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    return open_window(qtbot, Blueprint(title="Start"))


def click_in_dialog(qtbot: QtBot, seen: list[list[str]], button: str) -> None:
    """When the repair dialog shows, record its list and click `button` ("repair" or "cancel")."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RepairDialog):
            QTimer.singleShot(20, act)
            return
        seen.append([dialog.changes.item(i).text() for i in range(dialog.changes.count())])
        if button == "repair":
            qtbot.mouseClick(dialog.repair_button, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()

    QTimer.singleShot(20, act)


def test_the_dialog_lists_the_plan_and_repair_opens_it_as_unsaved(qtbot: QtBot, window: MainWindow) -> None:
    path = FILES / "repair-many-problems.blueprint"
    before = path.read_bytes()
    seen: list[list[str]] = []
    click_in_dialog(qtbot, seen, "repair")
    assert offer_repair(window, path)
    assert seen == [[a.text for a in plan_repair(path).actions]]
    assert len(seen[0]) == 5
    assert window.document.path == path
    assert {c.id for c in window.document.blueprint.cards} == {"c1", "c2", "c3", "c4"}
    assert not window.undo_stack.isClean()
    assert path.read_bytes() == before


def test_cancel_changes_nothing(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[list[str]] = []
    click_in_dialog(qtbot, seen, "cancel")
    assert not offer_repair(window, FILES / "repair-dangling-link.blueprint")
    assert len(seen) == 1
    assert window.document.blueprint.title == "Start"
    assert window.undo_stack.isClean()


def test_a_file_that_cannot_be_repaired_shows_its_one_line_error(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    problems: list[str] = []
    monkeypatch.setattr(prompts, "show_problem", lambda parent, title, line: problems.append(line))
    assert not offer_repair(window, FILES / "bad-duplicate-id-and-dangling.blueprint")
    assert len(problems) == 1 and "duplicate id 'c1'" in problems[0] and "\n" not in problems[0]
    assert window.document.blueprint.title == "Start"


def test_the_dialog_shows_markup_in_ids_as_plain_text(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "markup.blueprint"
    text = (FILES / "repair-dangling-lane.blueprint").read_text(encoding="utf-8")
    path.write_text(text.replace('"Takes the order"', '"<b>Bold</b> &amp;"'), encoding="utf-8")
    dialog = RepairDialog(plan_repair(path))
    qtbot.addWidget(dialog)
    assert "<b>Bold</b> &amp;" in dialog.changes.item(0).text()
    dialog.show()
    dialog.grab().save(str(tmp_path / "repair-dialog.png"))


def test_open_refuses_with_one_line_and_offers_repair_only_for_missing_ids(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint.fileformat import BlueprintFileError, load
    from blueprint.ui.safety import refuse_or_repair

    offered: list[str] = []
    problems: list[str] = []
    monkeypatch.setattr(prompts, "ask_open_and_repair", lambda parent, line: offered.append(line) or True)
    monkeypatch.setattr(prompts, "show_problem", lambda parent, title, line: problems.append(line))
    monkeypatch.setattr("blueprint.ui.safety.repair_dialog.confirm_repair", lambda parent, plan: True)
    for name, opened in (("bad-duplicate-id.blueprint", False), ("repair-dangling-step.blueprint", True)):
        with pytest.raises(BlueprintFileError) as caught:
            load(FILES / name)
        assert refuse_or_repair(window, FILES / name, caught.value) is opened
    assert len(problems) == 1 and "duplicate id" in problems[0]
    assert len(offered) == 1 and "unknown step 's7'" in offered[0]
    assert window.document.path == FILES / "repair-dangling-step.blueprint"
    assert not window.undo_stack.isClean()


def test_the_backup_preference_action(qtbot: QtBot, window: MainWindow) -> None:
    from blueprint.fileformat import writer
    from blueprint.ui.safety import backup_action, keep_backup

    action = backup_action(window)
    assert action.isChecked() and keep_backup() and writer.keeps_backup()
    action.trigger()
    try:
        assert not keep_backup() and not writer.keeps_backup()
        assert not backup_action(window).isChecked()  # remembered in QSettings
    finally:
        action.trigger()
    assert keep_backup() and writer.keeps_backup()
