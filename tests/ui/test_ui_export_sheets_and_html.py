"""Sharing from the editor: File > Export Hand-off Sheets… (cancellable), one function's sheet from
the Functions panel, and the HTML page of a view from the export dialog."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton

from blueprint.ui import exporting_sheets
from blueprint.ui.dialogs.export_dialog import ExportDialog, ExportOptions
from blueprint.ui.exporting import export_to

from builders import blueprint_with, card, sharing_blueprint
from ui_gestures import open_window


def test_every_function_gets_its_sheet_and_one_sheet_goes_to_a_file(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, sharing_blueprint())
    assert exporting_sheets.export_sheets_to(window, tmp_path / "sheets")
    assert sorted(p.name for p in (tmp_path / "sheets").iterdir()) == [
        "team-a.pdf",
        "team-b.pdf",
        "team-c.pdf",
        "team-d.pdf",
    ]
    assert "4 hand-off sheets" in window.statusBar().currentMessage()
    assert exporting_sheets.export_sheet_to(window, "team-b", tmp_path / "b.pdf")
    assert "Hand-off sheet: Team B (team)" in PdfReader(tmp_path / "b.pdf").pages[0].extract_text()
    assert window.undo_stack.count() == 0


def test_cancel_stops_after_the_sheet_in_hand_and_keeps_the_written_ones_whole(qtbot, tmp_path: Path) -> None:
    functions = [f"team-{i:02d}" for i in range(40)]
    cards = [card(f"c{i}", "frontstage", i % 3, f"Work {i}", function=f) for i, f in enumerate(functions)]
    window = open_window(qtbot, blueprint_with(functions=functions, cards=cards))

    def cancel_once_a_sheet_is_written() -> None:  # as a person presses Cancel on the progress dialog
        dialog = window.findChild(QProgressDialog, "sheetsProgress")
        if isinstance(dialog, QProgressDialog) and dialog.value() >= 1:
            dialog.findChild(QPushButton).click()
        else:
            QTimer.singleShot(10, cancel_once_a_sheet_is_written)

    QTimer.singleShot(0, cancel_once_a_sheet_is_written)
    assert not exporting_sheets.export_sheets_to(window, tmp_path / "sheets")
    written = sorted((tmp_path / "sheets").iterdir())
    assert 1 <= len(written) < 40
    assert all(len(PdfReader(p).pages) >= 1 for p in written)  # each sheet left is whole
    assert window.statusBar().currentMessage().startswith(f"Stopped: {len(written)} of 40 sheets written")


def test_the_export_dialog_writes_a_views_html_page(qtbot, tmp_path: Path) -> None:
    window = open_window(qtbot, sharing_blueprint())
    window.views.apply_view("front")
    dialog = ExportDialog(
        window, tmp_path / "x.pdf", [("front", "Front of house"), ("all", "Everything")], "front"
    )
    qtbot.addWidget(dialog)
    assert dialog.view.currentData() == "front"
    dialog.path.setText(str(tmp_path / "front.html"))
    assert not dialog.page_size.isEnabled() and not dialog.appendix.isEnabled()
    options = dialog.options()
    assert options.is_html and options.view_id == "front"
    assert export_to(window, options)
    html = (tmp_path / "front.html").read_text(encoding="utf-8")
    assert "view: Front of house" in html and 'data-card-id="s0"' not in html
    assert export_to(window, ExportOptions(tmp_path / "front.pdf", page_size="A4", view_id="front"))
    last = PdfReader(tmp_path / "front.pdf").pages[-1].extract_text()
    assert "Hand-off sheet: Team A (team)" in last


def test_one_functions_sheet_is_drawn_on_a_worker_while_the_window_answers(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import threading

    import blueprint.export.sheets as sheets

    window = open_window(qtbot, sharing_blueprint())
    drawn = sheets.render_sheet
    answered = threading.Event()
    seen: dict[str, object] = {}

    def render_while_the_window_answers(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen["thread"] = threading.current_thread().name
        seen["answered"] = answered.wait(10)  # set by a timer of the window's event loop
        return drawn(*args, **kwargs)

    monkeypatch.setattr(sheets, "render_sheet", render_while_the_window_answers)
    QTimer.singleShot(0, answered.set)
    assert exporting_sheets.export_sheet_to(window, "team-b", tmp_path / "b.pdf")
    assert seen == {"thread": "hand-off-sheet", "answered": True}
    assert "Hand-off sheet: Team B (team)" in PdfReader(tmp_path / "b.pdf").pages[0].extract_text()
    assert not any(d.isVisible() for d in window.findChildren(QProgressDialog))  # the note is gone


def test_the_sheets_warnings_reach_the_status_bar_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from blueprint.model import Blueprint

    raw = sharing_blueprint().model_dump(by_alias=True)
    raw["title"] = "Hotel \U0010fffd"  # no font draws it: on every sheet, one warning
    window = open_window(qtbot, Blueprint.model_validate(raw))
    assert exporting_sheets.export_sheets_to(window, tmp_path / "sheets")
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Exported 4 hand-off sheets to {tmp_path / 'sheets'}: the title: ")
    assert "U+10FFFD" in message and "more)" not in message
    assert exporting_sheets.export_sheet_to(window, "team-a", tmp_path / "a.pdf")
    assert "U+10FFFD" in window.statusBar().currentMessage()


def test_the_folder_chooser_opens_where_the_sheets_go_and_asks_before_replacing(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hotel.blueprint"
    window = open_window(qtbot, sharing_blueprint(), path)
    opened: list[str] = []
    answers: list[bool] = []
    asked: list[list[str]] = []

    def choose(parent, caption, start):  # type: ignore[no-untyped-def]
        opened.append(start)
        return str(tmp_path / "out")

    def replace(parent, folder, names):  # type: ignore[no-untyped-def]
        asked.append(names)
        return answers.pop(0)

    monkeypatch.setattr(exporting_sheets.QFileDialog, "getExistingDirectory", choose)
    monkeypatch.setattr(exporting_sheets, "ask_replace_files", replace)
    (tmp_path / "hotel sheets").mkdir()
    (tmp_path / "out").mkdir()
    assert exporting_sheets.export_sheets_with_dialog(window)
    assert opened == [str(tmp_path / "hotel sheets")]  # the blueprint's own sheets folder
    assert asked == []  # nothing to replace in an empty folder
    answers.append(False)
    before = (tmp_path / "out" / "team-a.pdf").stat().st_mtime_ns
    assert not exporting_sheets.export_sheets_with_dialog(window)  # "No": nothing is written over
    assert opened[-1] == str(tmp_path / "out")  # where they went last time
    assert asked == [["team-a.pdf", "team-b.pdf", "team-c.pdf", "team-d.pdf"]]
    assert (tmp_path / "out" / "team-a.pdf").stat().st_mtime_ns == before
    answers.append(True)
    assert exporting_sheets.export_sheets_with_dialog(window)


def test_a_sheet_that_cannot_be_written_is_named(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(exporting_sheets, "show_error", lambda parent, title, line: shown.append(line))
    window = open_window(qtbot, sharing_blueprint())
    (tmp_path / "sheets" / "team-b.pdf").mkdir(parents=True)
    assert not exporting_sheets.export_sheets_to(window, tmp_path / "sheets")
    assert shown == [f"{tmp_path / 'sheets' / 'team-b.pdf'}: cannot write: Is a directory"]
