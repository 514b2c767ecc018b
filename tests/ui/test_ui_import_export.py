"""File > Import... shows the import report, then opens the result as a new unsaved document; File >
Export As... lists every format (PDF, PNG, SVG, XLSX, CSV, draw.io) and writes the one chosen."""

from __future__ import annotations

import io

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

import blueprint.ui.exporting_formats as exporting_formats
import blueprint.ui.importing as importing
from blueprint.fileformat import dumps
from blueprint.interchange.importer import import_file
from blueprint.ui.dialogs.import_report import ImportReportDialog

from builders import blueprint_with, card
from ui_gestures import drop_file, open_window
from workbooks import signal_workbook


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[card("c1", "customer", 0, "Orders"), card("c2", "frontstage", 1, "Takes the order")],
        links=[("c1", "c2")],
    )
    return open_window(qtbot, doc)


def answer_report(qtbot, window, button: str, seen: dict) -> None:  # type: ignore[no-untyped-def]
    """When the report shows, note what it says and click `button` ("open" or "cancel")."""

    def act() -> None:
        dialog = window.findChild(ImportReportDialog)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, act)
            return
        seen["summary"] = dialog.summary.text()
        seen["notes"] = "\n".join(dialog.note_lines())
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        seen["copied"] = QGuiApplication.clipboard().text()
        if button == "open":
            qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()

    QTimer.singleShot(0, act)


def test_the_file_menu_has_import_and_export_as(window):  # type: ignore[no-untyped-def]
    actions = window.menuBar().actions()[0].menu().actions()
    assert window.actions.import_file in actions and window.actions.export_as in actions


def test_import_shows_the_report_then_opens_an_unsaved_blueprint(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    path = signal_workbook(tmp_path / "Dental check-up.xlsx")
    monkeypatch.setattr(importing.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: dict = {}  # type: ignore[type-arg]
    answer_report(qtbot, window, "open", seen)
    window.actions.import_file.trigger()
    assert seen["summary"].startswith("Read Dental check-up.xlsx as a Blueprint Signal project workbook.")
    assert "Created: 4 stages, 12 steps" in seen["summary"]
    assert "Service items, row 13, column Service layer: unknown service layer 'Kitchen'" in seen["notes"]
    doc = window.document.blueprint
    assert doc.title == "Dental check-up" and len(doc.cards) == 12 and len(doc.improvements) == 3
    assert window.document.path is None and window.isWindowModified()
    assert seen["copied"] == import_file(path).report.text()
    assert "Improvement plans, row 5, column Failure point reference" in seen["copied"]
    assert dumps(doc) == dumps(import_file(path).document)


def test_cancelling_the_report_keeps_the_open_blueprint(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    path = signal_workbook(tmp_path / "check-up.xlsx")
    monkeypatch.setattr(importing.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    before = dumps(window.document.blueprint)
    answer_report(qtbot, window, "cancel", {})
    window.actions.import_file.trigger()
    assert dumps(window.document.blueprint) == before and not window.isWindowModified()


def test_a_file_that_cannot_be_imported_is_one_line(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    path = tmp_path / "renamed.xlsx"
    path.write_text("just text")
    monkeypatch.setattr(importing.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    shown: list = []  # type: ignore[type-arg]
    monkeypatch.setattr(importing, "show_error", lambda w, title, text: shown.append((title, text)))
    window.actions.import_file.trigger()
    assert shown == [
        ("Cannot import the file", f"{path}: not an Excel workbook (.xlsx): the file is not a zip archive")
    ]


def test_export_as_lists_every_format_and_writes_the_one_picked(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    asked: list = []  # type: ignore[type-arg]
    picks = iter([(str(tmp_path / "trip"), "Excel workbook (*.xlsx)"), (str(tmp_path / "trip.drawio"), "")])

    def fake(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[3])
        assert args[2].endswith("blueprint"), "no suffix suggested: the format picked decides"
        return next(picks)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    window.actions.export_as.trigger()
    window.actions.export_as.trigger()
    names = [f.split(" (")[0] for f in asked[0].split(";;")]
    assert names == [
        "PDF document",
        "PNG image",
        "SVG image",
        "Web page, opens in any browser",
        "Excel workbook",
        "CSV table of the cards",
        "draw.io diagram",
    ]
    book = openpyxl.load_workbook(io.BytesIO((tmp_path / "trip.xlsx").read_bytes()), read_only=True)
    assert "Cards" in book.sheetnames
    assert dumps(import_file(tmp_path / "trip.xlsx").document) == dumps(window.document.blueprint)
    assert (tmp_path / "trip.drawio").read_text(encoding="utf-8").count('blueprint_type="card"') == 2
    assert window.statusBar().currentMessage() == f"Exported {tmp_path / 'trip.drawio'}"


def test_export_as_pdf_or_html_asks_for_their_options(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    picks = iter([(str(tmp_path / "trip"), "PDF document (*.pdf)"), (str(tmp_path / "trip.html"), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(picks))
    asked: list = []  # type: ignore[type-arg]
    monkeypatch.setattr(exporting_formats.exporting, "export_with_dialog", lambda w, path: asked.append(path))
    window.actions.export_as.trigger()
    window.actions.export_as.trigger()
    assert asked == [tmp_path / "trip.pdf", tmp_path / "trip.html"]


def test_export_as_refuses_a_folder_in_one_line(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    folder = tmp_path / "trip.xlsx"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(folder), ""))
    shown: list = []  # type: ignore[type-arg]
    monkeypatch.setattr(exporting_formats, "show_error", lambda w, title, text: shown.append((title, text)))
    window.actions.export_as.trigger()
    assert shown == [("Cannot export", f"{folder}: is a folder; give a file name")]
    assert list(folder.iterdir()) == []


def test_the_options_dialog_is_titled_by_the_format(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    from blueprint.ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(window, tmp_path / "trip.html")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Export HTML Page" and not dialog.page_size.isEnabled()
    dialog.path.setText(str(tmp_path / "trip.pdf"))
    assert dialog.windowTitle() == "Export PDF" and dialog.page_size.isEnabled()


def test_dropping_a_workbook_on_the_window_imports_it(qtbot, window, tmp_path):  # type: ignore[no-untyped-def]
    path = signal_workbook(tmp_path / "Dental check-up.xlsx")
    seen: dict = {}  # type: ignore[type-arg]
    QTimer.singleShot(0, lambda: answer_report(qtbot, window, "open", seen))
    drop_file(window, path)
    qtbot.waitUntil(lambda: window.document.blueprint.title == "Dental check-up", timeout=5000)
    assert seen["summary"].startswith("Read Dental check-up.xlsx as a Blueprint Signal project workbook.")
    assert window.document.path is None and len(window.document.blueprint.cards) == 12
