"""SVG and PNG files as their readers see them: well-formed XML whatever the titles hold, a generic font
fallback, the PNG's real resolution, the same bytes for the same document, and an SVG that draws what
the PNG draws while staying small (Qt's own SVG took 2.8 KB and 18 KB of memory per card).

Every test takes pytest-qt's `qapp` first (see test_export_image.py)."""

from __future__ import annotations

import struct
import time
import xml.etree.ElementTree as ET

import pytest

from blueprint.export.image import PNG_SCALE, render_image
from blueprint.export.qtpaint import TEXT_SCALE, QtPainter
from blueprint.export.svgpaint import FONT_FAMILY
from blueprint.model import Blueprint
from blueprint.model.elements import FailPoint, WaitPoint

from builders import blueprint_with, card

SVG = "{http://www.w3.org/2000/svg}"
CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\x7f\x85\ufffe\uffff"


def _doc(cards: int = 4) -> Blueprint:
    lanes = ["customer", "frontstage", "backstage", "support"]
    doc = blueprint_with(
        cards=[
            card(f"c{i}", lanes[i % 4], i % 3, f"Card {i} <b>&amp;</b>", function="team-a", emotion=1)
            for i in range(cards)
        ],
        links=[(f"c{i}", f"c{i + 1}", {"label": "hands over"}) for i in range(cards - 1)],
    )
    doc.metadata.author = "Zoë"
    doc.metadata.modified = "2025-02-27T14:05:09Z"
    return doc


def test_the_svg_is_well_formed_whatever_control_characters_the_text_holds(qapp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc()
    doc.title = f"Title {CONTROLS} end"
    doc.description = f"About {CONTROLS}"
    doc.cards[0].title = f"Card {CONTROLS} one"
    doc.lanes[1].name = f"Lane{CONTROLS}"
    doc.stages[0].name = f"Stage{CONTROLS}"
    doc.functions[0].name = f"Team{CONTROLS}"
    doc.links[0].label = f"label{CONTROLS}"
    root = ET.fromstring(render_image(doc, "svg")[0])  # raises on XML that is not well-formed
    texts = " ".join(node.text or "" for node in root.iter(f"{SVG}text"))
    assert "<b>&amp;</b>" in texts, "markup in titles is text"
    assert root.find(f"{SVG}title").text.startswith("Title")  # type: ignore[union-attr]


def test_the_svg_names_a_generic_fallback_font(qapp) -> None:  # type: ignore[no-untyped-def]
    root = ET.fromstring(render_image(_doc(), "svg")[0])
    families = {node.get("font-family") for node in root.iter() if node.get("font-family")}
    assert families == {FONT_FAMILY} and FONT_FAMILY.endswith(", sans-serif")


def _phys(png: bytes) -> tuple[int, int, int]:
    """The PNG's pHYs chunk: pixels per unit across and down, and the unit (1: metre)."""
    at = 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        if kind == b"pHYs":
            return struct.unpack(">IIB", png[at + 8 : at + 17])
        at += 12 + length
    raise AssertionError("no pHYs chunk")


def test_the_png_declares_the_144_dpi_it_is_drawn_at(qapp) -> None:  # type: ignore[no-untyped-def]
    across, down, unit = _phys(render_image(_doc(), "png")[0])
    assert unit == 1 and across == down == round(72 * PNG_SCALE / 0.0254)  # 5669 per metre = 144 dpi


def test_the_same_document_gives_the_same_image_bytes(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    doc = _doc()
    first = {kind: render_image(doc, kind)[0] for kind in ("svg", "png")}
    later = time.time() + 86_400
    monkeypatch.setattr(time, "time", lambda: later)
    assert {kind: render_image(doc, kind)[0] for kind in ("svg", "png")} == first


def test_the_svg_draws_the_shapes_the_png_draws(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Qt renders our SVG; its boxes, lines, routes and badges must match the PNG Qt paints directly,
    pixel for pixel within a margin for anti-aliasing. Text is left out here: Qt's SVG renderer rounds
    font sizes to whole pixels (the reason the PNG draws text at eight times its size), so its glyphs
    land a little off; the next test checks the text itself."""
    from PySide6.QtCore import QByteArray, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    monkeypatch.setattr(QtPainter, "_text", lambda *args, **kwargs: None)
    doc = _doc(8)
    doc.cards[1].fail_point = FailPoint(note="Card declined")
    doc.cards[2].wait_point = WaitPoint(minutes=4)
    png = QImage.fromData(render_image(doc, "png")[0])
    renderer = QSvgRenderer(QByteArray(render_image(doc, "svg")[0]))
    assert renderer.isValid()
    drawn = QImage(png.width(), png.height(), QImage.Format.Format_RGB32)
    drawn.fill(QColor("#FFFFFF"))
    painter = QPainter(drawn)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, png.width(), png.height()))
    painter.end()
    a = png.convertToFormat(QImage.Format.Format_Grayscale8)
    b = drawn.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = a.width(), a.height()
    row = a.bytesPerLine()
    pa, pb = bytes(a.constBits())[: row * height], bytes(b.constBits())[: row * height]
    differing = sum(
        1 for y in range(height) for x in range(width) if abs(pa[y * row + x] - pb[y * row + x]) > 60
    )
    assert differing <= 0.002 * width * height, (differing, width * height)


def test_the_svg_holds_every_text_the_png_draws(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    drawn: list[tuple[str, float]] = []
    original = QtPainter._text

    def record(self, x, y, text, size, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append((text, size))
        original(self, x, y, text, size, *args, **kwargs)

    monkeypatch.setattr(QtPainter, "_text", record)
    root = ET.fromstring(render_image(_doc(8), "svg")[0])
    written = []
    for node in root.iter(f"{SVG}text"):
        size = float(node.get("font-size", "0"))
        written.append((node.text, size if node.get("transform") is None else size / TEXT_SCALE))
    assert written == drawn and len(written) > 40


def test_the_svg_stays_small(qapp) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(400)
    data = render_image(doc, "svg")[0]
    assert len(data) / len(doc.cards) < 1200, len(data) / len(doc.cards)
