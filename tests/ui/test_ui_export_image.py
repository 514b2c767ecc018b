"""New-user review: File > Export Image… writes the PNG or SVG the command line writes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

import blueprint.ui.exporting_image as exporting_image
from blueprint.ui.dialogs import prompts
from blueprint.ui.exporting_image import PNG_FILTER, SVG_FILTER

from builders import blueprint_with, card
from ui_gestures import open_window


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[card("c1", "customer", 0, "Orders"), card("c2", "frontstage", 1, "Takes the order")],
        links=[("c1", "c2")],
    )
    return open_window(qtbot, doc)


def choose(monkeypatch, path, picked=PNG_FILTER) -> list:  # type: ignore[no-untyped-def]
    asked: list = []  # type: ignore[type-arg]

    def fake(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args)
        return str(path), picked

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return asked


def test_export_image_is_in_the_file_menu(window):  # type: ignore[no-untyped-def]
    file_menu = window.menuBar().actions()[0].menu()
    assert window.actions.export_image in file_menu.actions()


def test_export_png_through_the_action(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    out = tmp_path / "trip.png"
    asked = choose(monkeypatch, out)
    window.actions.export_image.trigger()
    assert asked and SVG_FILTER in asked[0][3] and PNG_FILTER in asked[0][3]
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 100 and image.height() > 100
    assert window.statusBar().currentMessage() == f"Exported {out}"


def test_export_svg_chosen_by_the_filter(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    choose(monkeypatch, tmp_path / "trip", SVG_FILTER)
    window.actions.export_image.trigger()
    root = ET.parse(tmp_path / "trip.svg").getroot()
    assert root.tag.endswith("svg")
    assert "Takes the order" in ET.tostring(root, encoding="unicode")


def test_added_suffix_asks_before_replacing(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    (tmp_path / "trip.png").write_bytes(b"keep me")
    choose(monkeypatch, tmp_path / "trip")
    questions = []
    monkeypatch.setattr(prompts, "ask_overwrite", lambda w, p: questions.append(p) or False)
    window.actions.export_image.trigger()
    assert questions == [tmp_path / "trip.png"]
    assert (tmp_path / "trip.png").read_bytes() == b"keep me"


def test_a_failed_export_names_the_file(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    out = tmp_path / "no such folder" / "trip.png"
    choose(monkeypatch, out)
    shown = []
    monkeypatch.setattr(exporting_image, "show_error", lambda w, title, text: shown.append((title, text)))
    window.actions.export_image.trigger()
    assert len(shown) == 1 and str(out) in shown[0][1]
    assert "Traceback" not in shown[0][1]
    assert not out.exists()


def test_the_open_blueprint_is_never_replaced_by_its_export(qtbot, window, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    import blueprint.ui.exporting as exporting
    from blueprint.ui.dialogs.export_dialog import ExportOptions

    own = tmp_path / "trip.png"  # a blueprint whose name ends like an image
    assert window.save_to(own)
    before = own.read_bytes()
    choose(monkeypatch, own)
    shown = []
    monkeypatch.setattr(exporting_image, "show_error", lambda w, title, text: shown.append(text))
    monkeypatch.setattr(exporting, "show_error", lambda w, title, text: shown.append(text))
    window.actions.export_image.trigger()
    link = tmp_path / "trip.pdf"
    link.symlink_to(own)
    assert not exporting.export_to(window, ExportOptions(link))
    assert len(shown) == 2 and all("is the blueprint being exported" in text for text in shown)
    assert own.read_bytes() == before and link.is_symlink()
