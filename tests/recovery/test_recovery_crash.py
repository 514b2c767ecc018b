"""Kill a real editor process with SIGKILL mid-edit: the next start restores the edit.

The child is the real MainWindow with the safety net, offscreen, with its per-user data folder in a
temporary HOME/XDG_DATA_HOME and a short recovery interval (a parameter, not a 30 s wait).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from blueprint.fileformat import load, save
from blueprint.model import Blueprint
from blueprint.recovery import RecoveryStore
from blueprint.ui import main_window as main_window_module
from blueprint.ui.dialogs.prompts import Answer
from blueprint.ui.safety import install_safety, offer_recovery, prompts

from mutations import time_limit
from ui_gestures import isolate_settings, open_window

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from blueprint.ui.app import ensure_app
    app = ensure_app()
    from blueprint.edit import Document, SetCardFields, SetDocumentFields
    from blueprint.fileformat import load
    from blueprint.ui.commands import push
    from blueprint.ui.main_window import MainWindow
    from blueprint.ui.safety import install_safety, recovery_folder

    path = Path(sys.argv[1])
    window = MainWindow(Document(load(path), path))
    window.show()
    install_safety(window, interval_ms=150)
    print(recovery_folder(), flush=True)
    push(window.undo_stack, window.document, SetDocumentFields({"title": "Edited before the crash"}))

    def second_edit():
        card = window.document.blueprint.cards[0]
        push(window.undo_stack, window.document, SetCardFields(card.id, {"title": "Typed just now"}))
        print("edited", flush=True)

    QTimer.singleShot(200, second_edit)
    app.exec()
    """
)


def wait_for(predicate, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def envelope_texts(folder: Path) -> list[str]:
    texts = []
    for path in folder.glob("*.recovery.json"):
        with contextlib.suppress(OSError, ValueError, KeyError):
            texts.append(json.loads(path.read_text(encoding="utf-8"))["document"])
    return texts


def test_a_killed_editor_loses_at_most_the_recovery_interval(
    qtbot: QtBot, tmp_path: Path, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = tmp_path / "cafe.blueprint"
    save(load(repo / "samples" / "cafe-order-ahead.blueprint"), original)
    before = original.read_bytes()
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_RUNTIME_DIR": str(tmp_path),
    }
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(original)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        with time_limit(60):  # a child that hangs fails the test instead of blocking the suite
            folder = Path(child.stdout.readline().strip())
            assert folder.is_relative_to(home / "data")
            assert child.stdout.readline().strip() == "edited"
        written = wait_for(lambda: any("Typed just now" in t for t in envelope_texts(folder)), 60)
        assert written, f"no recovery copy with the last edit in {folder}: {sorted(folder.glob('*'))}"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(20)
    assert child.returncode == -signal.SIGKILL, f"the child ended by itself ({child.returncode})"
    assert original.read_bytes() == before  # the killed editor never saved

    isolate_settings(tmp_path / "settings")
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    offered = []
    monkeypatch.setattr(
        prompts, "ask_restore", lambda parent, copy: offered.append(copy) or prompts.Restore.RESTORE
    )
    window = open_window(qtbot, Blueprint(title="Fresh start"))
    store = RecoveryStore(folder)
    install_safety(window, store=store)
    assert offer_recovery(window) == 1, [(c.key, c.saved_at) for c in store.copies()]
    [copy] = offered
    assert copy.original_path == original
    assert abs(time.time() - copy.saved_at.timestamp()) < 120
    doc = window.document.blueprint
    assert doc.title == "Edited before the crash"
    assert doc.cards[0].title == "Typed just now"
    assert window.document.path == original
    assert not window.undo_stack.isClean()
    assert window.save_to(original)
    assert load(original).cards[0].title == "Typed just now"
    assert store.copies() == []
