"""The editor as `blueprint FILE` starts it: window, safety net, backup preference, "Open and repair"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from blueprint.ui import main_window as main_window_module
from blueprint.ui.app import open_editor
from blueprint.ui.safety import safety_net_of


def test_the_started_editor_has_its_safety_net_and_the_file(qtbot: QtBot, repo: Path) -> None:
    sample = repo / "samples" / "cafe-order-ahead.blueprint"
    window = open_editor(str(sample))
    qtbot.addWidget(window)
    assert window.document.path == sample
    assert window.document.blueprint.title.startswith("Order-ahead coffee")
    assert safety_net_of(window) is not None
    file_menu = window.menuBar().actions()[0].menu()
    backup = [a for a in file_menu.actions() if a.text() == "&Keep a Backup When Saving"]
    assert backup and backup[0].isCheckable() and backup[0].isChecked()
    window.undo_stack.setClean()


def test_a_file_with_only_missing_ids_goes_to_open_and_repair(
    qtbot: QtBot, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = json.loads((repo / "samples" / "hotel-stay.blueprint").read_text(encoding="utf-8"))
    raw["links"][0]["target"] = "deleted-card"
    broken = tmp_path / "broken.blueprint"
    broken.write_text(json.dumps(raw), encoding="utf-8")
    offered: list[str] = []

    def fake_repair(window: object, path: object, error: object) -> bool:
        offered.append(str(error))
        return False

    monkeypatch.setattr(main_window_module, "refuse_or_repair", fake_repair)
    window = open_editor(None)
    qtbot.addWidget(window)
    before = window.document
    assert window.open_path(broken) is False
    assert offered == [f"{broken}: links[0].target: unknown card 'deleted-card'"]
    assert window.document is before
    window.undo_stack.setClean()
