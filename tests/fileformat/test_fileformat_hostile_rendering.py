"""Every loadable corpus file exports and opens in the editor; every refused one is one line in the editor.

Text from a file reaches the PDF and the canvas as plain text: markup such as `<b>` or `&amp;` is shown
as written, never interpreted.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QGraphicsTextItem
from pytestqt.qtbot import QtBot

from blueprint.export.pdf import export_pdf
from blueprint.fileformat import load
from blueprint.model import Blueprint
from blueprint.ui import main_window as main_window_module
from blueprint.ui.dialogs.prompts import Answer
from blueprint.validate import validate

from mutations import time_limit
from ui_gestures import isolate_settings, open_window

FILES = Path(__file__).resolve().parents[1] / "files"
EXPECTED: dict[str, dict[str, object]] = json.loads((FILES / "expected.json").read_text(encoding="utf-8"))
LOADABLE = sorted(name for name, e in EXPECTED.items() if e["expect"] == "ok")
REFUSED = sorted(name for name, e in EXPECTED.items() if e["expect"] != "ok")


def pdf_text(doc: Blueprint) -> str:
    out = io.BytesIO()
    with time_limit(60):
        export_pdf(doc, out)
    reader = PdfReader(io.BytesIO(out.getvalue()))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.mark.parametrize("name", LOADABLE)
def test_each_loadable_file_validates_and_exports(name: str) -> None:
    doc = load(FILES / name)
    validate(doc)
    assert doc.title.strip()[:8] in pdf_text(doc) or not doc.title.isascii()


def test_markup_in_card_text_is_printed_as_written() -> None:
    text = pdf_text(load(FILES / "ok-markup-in-text.blueprint"))
    for literal in ("<b>bold</b>", "&amp;", "<font"):
        assert literal in text


def test_markup_reaches_the_canvas_as_plain_lines(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_settings(tmp_path)
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    window = open_window(qtbot, load(FILES / "ok-markup-in-text.blueprint"))
    box = window.scene.layout.cards["c1"]
    assert "<b>bold</b>" in " ".join(box.title_lines)  # the lines the card item draws with drawText
    rich = [item for item in window.scene.items() if isinstance(item, QGraphicsTextItem)]
    assert all("<b>" not in item.toHtml().replace("&lt;b&gt;", "") for item in rich)


@pytest.mark.parametrize("name", LOADABLE)
def test_each_loadable_file_opens_in_the_editor(
    name: str, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_settings(tmp_path)
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    window = open_window(qtbot, Blueprint(title="Start"))
    with time_limit(30):
        assert window.open_path(FILES / name)
        window.view.grab()  # paint it once
    assert window.document.path == FILES / name


def test_each_refused_file_is_one_line_in_the_editor(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_settings(tmp_path)
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    shown: list[str] = []
    monkeypatch.setattr(main_window_module, "show_error", lambda parent, title, line: shown.append(line))
    # files with only missing ids are offered "Open and repair" (a modal prompt): record them the same way
    monkeypatch.setattr(
        main_window_module,
        "refuse_or_repair",
        lambda parent, path, error: bool(shown.append(error.one_line())),
    )
    window = open_window(qtbot, Blueprint(title="Start"))
    for name in REFUSED:
        with time_limit(10):
            assert not window.open_path(FILES / name)
    assert len(shown) == len(REFUSED)
    assert all("\n" not in line and line.startswith(str(FILES)) for line in shown)
    assert window.document.blueprint.title == "Start"


def test_mutants_that_load_open_and_paint_in_the_editor(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, repo: Path
) -> None:
    import random

    from mutations import outcome, structural_mutations

    isolate_settings(tmp_path)
    monkeypatch.setattr(main_window_module, "ask_save_changes", lambda *a: Answer.DISCARD)
    window = open_window(qtbot, Blueprint(title="Start"))
    rng = random.Random(6)
    opened = 0
    for sample in sorted((repo / "samples").glob("*.blueprint")):
        for n, case in enumerate(structural_mutations(sample.read_text(encoding="utf-8"), rng, 20)):
            if outcome(case) != "ok":
                continue
            path = tmp_path / f"{sample.stem}-{n}.blueprint"
            path.write_text(case, encoding="utf-8")
            with time_limit(30):
                assert window.open_path(path)
                window.view.grab()
            opened += 1
    assert opened >= 10
