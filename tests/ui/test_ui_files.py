"""Files in the editor: save and reopen, bad files, unsaved-changes prompts, recent files, templates,
drag and drop, PDF export. Each test acts through the window and asserts on the document or the disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from blueprint.fileformat import BlueprintFileError, dumps, load
from blueprint.ui import main_window as main_window_module
from blueprint.ui.dialogs.prompts import Answer

from builders import blueprint_with, card
from ui_gestures import (
    cell_centre,
    double_click,
    drop_file,
    key,
    open_window,
    when_dialog_opens,
)

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "hotel-stay.blueprint"


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(cards=[card("c1", "customer", 0, "Orders"), card("c2", "frontstage", 0, "Serves")])
    return open_window(qtbot, doc)


def add_card_by_hand(qtbot, window, title="Added by hand"):  # type: ignore[no-untyped-def]
    double_click(qtbot, window, cell_centre(window, "support", "step1"))
    qtbot.keyClicks(window.view.inplace.edit, title)
    key(qtbot, window.view.inplace.edit, Qt.Key.Key_Return)


def close_message_box(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.done(0)


def test_save_and_reopen_gives_the_same_document(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    add_card_by_hand(qtbot, window)
    assert window.isWindowModified()
    target = tmp_path / "cafe.blueprint"
    assert window.save_to(target)
    assert not window.isWindowModified()
    assert "cafe.blueprint" in window.windowTitle()
    other = open_window(qtbot, blueprint_with())
    assert other.open_path(target)
    assert dumps(other.document.blueprint) == dumps(window.document.blueprint)
    assert [c.title for c in other.document.blueprint.cards][-1] == "Added by hand"
    assert other.document.path == target


def test_opening_a_version_1_file_says_once_that_saving_writes_version_2(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "old.blueprint"
    path.write_bytes((REPO / "tests" / "files" / "ok-minimal.blueprint").read_bytes())
    assert window.open_path(path)
    said = window.statusBar().currentMessage()
    assert said == (
        "old.blueprint is a format version 1 file: saving writes version 2, which older versions of "
        "the program cannot open (the first save keeps the old file as old~.blueprint)"
    )
    assert window.save_to(path)
    assert '"version": 1' in (tmp_path / "old~.blueprint").read_text(encoding="utf-8")
    assert window.open_path(path)  # now a version 2 file: nothing more to say
    assert window.statusBar().currentMessage() == f"Opened {path}"


def test_ctrl_s_saves_to_the_known_path(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    target = tmp_path / "known.blueprint"
    window.save_to(target)
    add_card_by_hand(qtbot, window, "Second")
    key(qtbot, window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert any(c.title == "Second" for c in load(target).cards)
    assert window.undo_stack.isClean()


def test_save_as_asks_for_a_name_and_adds_the_suffix(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    chosen = tmp_path / "named"
    monkeypatch.setattr(main_window_module.QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    assert window.save_as()
    assert (tmp_path / "named.blueprint").is_file()
    assert window.document.path == tmp_path / "named.blueprint"


def test_unsaved_marker_follows_the_undo_stack(qtbot, window):  # type: ignore[no-untyped-def]
    assert not window.isWindowModified()
    assert "[*]" in window.windowTitle()
    add_card_by_hand(qtbot, window)
    assert window.isWindowModified()
    window.undo_stack.undo()
    assert not window.isWindowModified()


@pytest.mark.parametrize(
    "name", ["bad-trailing-garbage.blueprint", "bad-newer-version.blueprint", "bad-duplicate-id.blueprint"]
)
def test_a_bad_file_opens_nothing_and_shows_the_loader_message(qtbot, window, name):  # type: ignore[no-untyped-def]
    path = REPO / "tests" / "files" / name
    with pytest.raises(BlueprintFileError) as expected:
        load(path)
    before = dumps(window.document.blueprint)
    seen = when_dialog_opens(close_message_box)
    assert window.open_path(path) is False
    assert seen["text"] == expected.value.one_line()
    assert isinstance(seen["dialog"], QMessageBox)
    assert dumps(window.document.blueprint) == before
    assert window.document.path is None


def test_a_file_that_is_not_there_shows_a_message(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    seen = when_dialog_opens(close_message_box)
    assert window.open_path(tmp_path / "missing.blueprint") is False
    assert "missing.blueprint" in seen["text"]


def test_a_failed_save_says_why_and_keeps_the_changes(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    add_card_by_hand(qtbot, window)
    seen = when_dialog_opens(close_message_box)
    assert window.save_to(tmp_path / "no-such-folder" / "x.blueprint") is False
    assert "x.blueprint" in seen["text"]
    assert window.isWindowModified()
    assert window.document.path is None


def test_closing_with_changes_asks_and_cancel_keeps_the_window(qtbot, window, monkeypatch):  # type: ignore[no-untyped-def]
    add_card_by_hand(qtbot, window)
    asked = []
    monkeypatch.setattr(
        main_window_module, "ask_save_changes", lambda w, name: asked.append(name) or Answer.CANCEL
    )
    assert window.close() is False
    assert asked == ["Untitled"]
    assert window.isVisible()
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda w, name: Answer.DISCARD)
    assert window.close() is True


def test_close_prompt_save_writes_the_file(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    target = tmp_path / "kept.blueprint"
    window.save_to(target)
    add_card_by_hand(qtbot, window, "Kept on close")
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda w, name: Answer.SAVE)
    assert window.close() is True
    assert any(c.title == "Kept on close" for c in load(target).cards)


def test_the_close_prompt_is_a_save_discard_cancel_box(qtbot, window):  # type: ignore[no-untyped-def]
    add_card_by_hand(qtbot, window)
    buttons: list = []

    def answer(dialog):  # type: ignore[no-untyped-def]
        buttons.append(dialog.standardButtons())
        dialog.button(QMessageBox.StandardButton.Cancel).click()

    when_dialog_opens(answer)
    assert window.maybe_save() is False
    expected = (
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    assert buttons == [expected]


def test_opening_another_file_with_changes_asks_first(qtbot, window, monkeypatch):  # type: ignore[no-untyped-def]
    add_card_by_hand(qtbot, window)
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda w, name: Answer.CANCEL)
    assert window.open_recent(SAMPLE) is False
    assert any(c.title == "Added by hand" for c in window.document.blueprint.cards)
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda w, name: Answer.DISCARD)
    assert window.open_recent(SAMPLE) is True
    assert window.document.path == SAMPLE
    assert window.undo_stack.count() == 0


def test_recent_files_are_remembered(qtbot, window):  # type: ignore[no-untyped-def]
    replaced = []
    window.document_replaced.connect(lambda: replaced.append(True))
    assert window.open_path(SAMPLE)
    assert replaced == [True]
    assert window.recent.paths()[0] == SAMPLE.resolve()
    window.fill_recent_menu()
    assert SAMPLE.name in [a.text() for a in window.actions.recent_menu.actions()]


def test_dropping_a_file_on_the_window_opens_it(qtbot, window):  # type: ignore[no-untyped-def]
    drop_file(window, SAMPLE)
    qtbot.waitUntil(lambda: window.document.path == SAMPLE, timeout=3000)
    assert len(window.document.blueprint.cards) == len(load(SAMPLE).cards)
    assert len(window.scene.cards) == len(window.document.blueprint.cards)


def test_new_from_the_eight_stage_template(qtbot, window):  # type: ignore[no-untyped-def]
    def choose(dialog):  # type: ignore[no-untyped-def]
        items = [dialog.list.item(i) for i in range(dialog.list.count())]
        names = [i.data(Qt.ItemDataRole.UserRole) for i in items]
        assert names == ["blank", "classic", "five-stage", "eight-stage"]
        dialog.list.setCurrentRow(names.index("eight-stage"))
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(choose)
    assert window.new_from_template()
    bp = window.document.blueprint
    assert [s.name for s in bp.stages][:2] == ["Solutions", "Evaluation"]
    assert len(bp.stages) == 8
    assert window.document.path is None
    assert window.windowTitle().startswith("Untitled")


def test_export_pdf_writes_a_readable_pdf(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    pypdf = pytest.importorskip("pypdf")
    from blueprint.ui.dialogs.export_dialog import ExportOptions
    from blueprint.ui.exporting import export_to

    assert window.open_path(SAMPLE)
    out = tmp_path / "hotel.pdf"
    assert export_to(
        window, ExportOptions(out, page_size="A3", orientation="landscape", fit="page", appendix=True)
    )
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) >= 2  # the blueprint and its appendix
    text = reader.pages[0].extract_text()
    assert "Hôtel" in text or "Hotel" in text or "Business stay" in text


def test_export_dialog_gives_the_chosen_options(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    from blueprint.ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(window, tmp_path / "x.pdf")
    qtbot.addWidget(dialog)
    dialog.page_size.setCurrentText("A1")
    dialog.orientation.setCurrentText("portrait")
    dialog.fit.setCurrentIndex(1)
    dialog.appendix.setChecked(False)
    options = dialog.options()
    assert (options.page_size, options.orientation, options.fit, options.appendix) == (
        "A1",
        "portrait",
        "tile",
        False,
    )
    assert options.path == tmp_path / "x.pdf"


def test_application_names_for_settings(qtbot):  # type: ignore[no-untyped-def]
    from blueprint.ui.app import ensure_app

    app = ensure_app()
    assert app.organizationName() == "Service Blueprint Studio"
    assert QApplication.applicationVersion()


def test_run_editor_opens_the_file_from_the_command_line(qtbot):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from blueprint.ui.app import run_editor
    from blueprint.ui.main_window import MainWindow

    seen = {}

    def look_and_quit() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen["paths"] = [w.document.path for w in windows]
        for w in windows:
            w.undo_stack.setClean()
            w.close()
        QTimer.singleShot(100, QApplication.quit)

    QTimer.singleShot(200, look_and_quit)
    assert run_editor(str(SAMPLE)) == 0
    assert SAMPLE in seen["paths"]


def test_run_editor_with_a_bad_file_shows_the_message_and_opens_nothing(qtbot):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    from blueprint.ui.app import run_editor
    from blueprint.ui.main_window import MainWindow

    bad = REPO / "tests" / "files" / "bad-trailing-garbage.blueprint"
    seen = when_dialog_opens(close_message_box, timeout_ms=60_000)
    waited = [0]

    def quit_later() -> None:
        waited[0] += 50
        if "text" not in seen and waited[0] < 60_000:  # bounded: a missing dialog fails, never hangs
            QTimer.singleShot(50, quit_later)
            return
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                seen["path"] = w.document.path
                w.close()
        QTimer.singleShot(100, QApplication.quit)  # in case the window closed before the event loop ran

    QTimer.singleShot(50, quit_later)
    assert run_editor(str(bad)) == 0
    with pytest.raises(BlueprintFileError) as expected:
        load(bad)
    assert seen["text"] == expected.value.one_line()
    assert seen["path"] is None


def test_open_dialog_is_filtered_to_blueprint_files(qtbot, window, monkeypatch):  # type: ignore[no-untyped-def]
    asked = {}

    def fake(parent, caption, folder, file_filter):  # type: ignore[no-untyped-def]
        asked["filter"] = file_filter
        return str(SAMPLE), file_filter

    monkeypatch.setattr(main_window_module.QFileDialog, "getOpenFileName", fake)
    assert window.open_dialog()
    assert "*.blueprint" in asked["filter"]
    assert window.document.path == SAMPLE


def test_export_action_asks_for_options_and_writes_the_pdf(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "from-dialog.pdf"

    def fill(dialog):  # type: ignore[no-untyped-def]
        dialog.path.setText(str(out))
        dialog.page_size.setCurrentText("A4")
        dialog.appendix.setChecked(False)
        dialog.accept()

    when_dialog_opens(fill)
    window.actions.export_pdf.trigger()
    reader = pypdf.PdfReader(str(out))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    assert len(reader.pages) == 1  # no appendix


def test_file_new_preselects_classic_and_shows_its_description_wrapped(qtbot, window):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    from blueprint.resources import load_template
    from blueprint.ui.dialogs.template_chooser import DESCRIPTIONS

    seen: dict = {}  # type: ignore[type-arg]

    def choose(dialog):  # type: ignore[no-untyped-def]
        seen["first"] = dialog.chosen()
        label = dialog.findChild(QLabel, "templateDescription")
        seen["first_text"] = label.text()
        seen["wraps"] = label.wordWrap() and label.width() <= dialog.width()
        seen["no_sideways_scroll"] = not dialog.list.horizontalScrollBar().isVisible()
        qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
        seen["next_text"] = label.text()
        qtbot.keyClick(dialog.list, Qt.Key.Key_Up)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(choose)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen["first"] == "classic"
    assert seen["first_text"] == DESCRIPTIONS["classic"]
    assert seen["next_text"] == DESCRIPTIONS["five-stage"]
    assert seen["wraps"] and seen["no_sideways_scroll"]
    bp = window.document.blueprint
    assert len(bp.lanes) == 5 and len(bp.stages) == 1 and not bp.cards
    assert bp.title == load_template("classic").title
    assert window.document.path is None


def test_export_dialog_shows_the_absolute_path_of_the_pdf(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    import shutil

    from PySide6.QtWidgets import QLineEdit

    shutil.copy(SAMPLE, tmp_path / "hotel.blueprint")
    monkeypatch.chdir(tmp_path)
    assert window.open_path(Path("hotel.blueprint"))  # opened by a relative path, as from a shell
    seen: dict = {}  # type: ignore[type-arg]

    def look(dialog):  # type: ignore[no-untyped-def]
        seen["shown"] = dialog.findChild(QLineEdit).text()
        dialog.reject()

    when_dialog_opens(look)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert seen["shown"] == str(tmp_path / "hotel.pdf")
    assert Path(seen["shown"]).is_absolute()
