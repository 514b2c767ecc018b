"""Audience views in the exports: hidden lanes leave the page, focus fades the rest, and a PDF of a
view with focus ends with the hand-off sheets of its functions."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from pypdf import PdfReader

from blueprint.export import ExportOptions, export_pdf
from blueprint.export.image import render_image
from blueprint.layout.audience import Audience

from builders import sharing_blueprint


def _pdf(audience: Audience) -> PdfReader:
    buffer = io.BytesIO()
    export_pdf(sharing_blueprint(), buffer, ExportOptions(page_size="A4", audience=audience))
    return PdfReader(buffer)


def test_a_view_pdf_leaves_hidden_lanes_out_and_ends_with_the_focused_functions_sheets() -> None:
    doc = sharing_blueprint()
    view = Audience.of_view(doc.views_by_id()["front"])
    reader = _pdf(view)
    first = reader.pages[0].extract_text()
    assert "Support" not in first and "Keeps the card system up" not in first
    assert "Backstage" in first and "Prepares the room" in first
    last_pages = "\n".join(page.extract_text() for page in reader.pages[-2:])
    assert "Hand-off sheet: Team A (team)" in last_pages and "You hand on" in last_pages
    assert [item.title for item in reader.outline if not isinstance(item, list)][
        -1
    ] == "Hand-off sheet: Team A (team)"
    total = len(reader.pages)
    assert f"page {total} of {total}" in reader.pages[-1].extract_text()


def test_a_view_without_focus_adds_no_sheets() -> None:
    hidden = _pdf(Audience(frozenset({"support"})))
    text = "".join(page.extract_text() for page in hidden.pages)
    assert "Hand-off sheet" not in text and "You receive" not in text


def test_a_view_svg_leaves_hidden_lanes_out(qapp) -> None:  # type: ignore[no-untyped-def]
    # pytest-qt's QApplication first: the exporter would make a QGuiApplication, and the editor
    # tests later in this process need a QApplication
    data, _ = render_image(
        sharing_blueprint(), "svg", Audience(frozenset({"support", "backstage"}), ("team-a",))
    )
    texts = " ".join(el.text or "" for el in ET.fromstring(data).iter() if el.tag.endswith("text"))
    assert "Frontstage" in texts and "Takes the booking" in texts
    assert "Support" not in texts and "Prepares the room" not in texts and "Backstage" not in texts


def test_outputs_drawn_for_a_view_name_it(qapp) -> None:  # type: ignore[no-untyped-def]
    doc = sharing_blueprint()
    view = Audience.of_view(doc.views_by_id()["front"])
    reader = _pdf(view)
    assert "view: Front of house" in reader.pages[0].extract_text()  # the title block's facts
    assert reader.metadata.title == "Test blueprint (view: Front of house)"
    assert "view:" not in _pdf(Audience(view.hidden_lanes, view.focus)).pages[0].extract_text()
    data, _ = render_image(doc, "svg", view)
    root = ET.fromstring(data)
    texts = [el.text or "" for el in root.iter() if el.tag.endswith("text")]
    assert "view: Front of house" in texts
    assert (
        next(el.text for el in root.iter() if el.tag.endswith("title"))
        == "Test blueprint (view: Front of house)"
    )
    named, _ = render_image(doc, "png", view)
    unnamed, _ = render_image(doc, "png", Audience(view.hidden_lanes, view.focus))
    assert named != unnamed  # the PNG's title band holds the name too (looked at: docs/sharing.md)
    long = Audience(view.hidden_lanes, view.focus, "x" * 200)
    assert long.heading == "view: " + "x" * 59 + "…"
