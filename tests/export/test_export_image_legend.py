"""SVG and PNG carry the PDF's legend: the same entries (from `legend.py`), in a band below the drawing.

Every test takes pytest-qt's `qapp` first (one QApplication per process; see test_export_image.py)."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from blueprint.export import ExportOptions, export_pdf
from blueprint.export import style as st
from blueprint.export.image import PNG_SCALE, _application, export_image, render_image
from blueprint.export.legend import legend_entries, legend_items
from blueprint.export.qtlegend import FIRST_ROW, ROW, SIDE, band_height, legend_placement
from blueprint.export.qtpaint import TITLE_BAND
from blueprint.layout import compute_layout
from blueprint.model import Blueprint

from builders import blueprint_with, card


def everything() -> Blueprint:
    """Uses every lane kind, plain links, a hand-off, a loop, fail and wait points, an open improvement
    plan, the three lines."""
    return blueprint_with(
        cards=[
            card("e", "evidence", 0, "Receipt"),
            card("a", "customer", 0, "Orders", wait_point={"minutes": 4}),
            card("b", "frontstage", 1, "Takes it", function="team-a", fail_point={"note": "busy"}),
            card("c", "backstage", 1, "Makes it", function="team-b"),
            card("d", "support", 2, "Supplies", function="team-b"),
            card("n", "notes", 2, "Idea"),
        ],
        links=[("a", "b"), ("b", "c"), ("c", "d"), ("d", "c", {"kind": "loop"})],
        lanes=["evidence", "customer", "frontstage", "backstage", "support", "notes"],
        improvements=[{"id": "p", "title": "Second barista at peak", "targets": ["b"]}],
    )


def labels(doc: Blueprint) -> list[str]:
    return [entry.label for entry in legend_entries(legend_items(compute_layout(doc), {}))]


def test_the_image_legend_has_the_pdf_legend_entries(qapp) -> None:  # type: ignore[no-untyped-def]
    doc = everything()
    expected = labels(doc)
    assert expected == [
        "Customer",
        "Frontstage",
        "Backstage",
        "Support",
        "Evidence",
        "Note",
        "link",
        "hand-off between functions",
        "loop",
        "fail point",
        "wait point (minutes)",
        "improvement planned",
        "line of interaction",
        "line of visibility",
        "line of internal interaction",
    ]
    svg = render_image(doc, "svg")[0].decode("utf-8")
    pdf = io.BytesIO()
    export_pdf(doc, pdf, ExportOptions(appendix=False))
    page_text = PdfReader(pdf).pages[0].extract_text()
    for label in expected:
        assert f">{label}<" in svg, label
        assert label in page_text, label


def test_a_small_blueprint_explains_only_what_it_uses(qapp) -> None:  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[card("a", "customer", 0, "Orders"), card("b", "frontstage", 0, "Takes it")],
        links=[("a", "b")],
        lanes=["customer", "frontstage"],
        steps=1,
    )
    assert labels(doc) == ["Customer", "Frontstage", "link", "line of interaction"]
    svg = render_image(doc, "svg")[0].decode("utf-8")
    assert ">Customer<" in svg and ">line of interaction<" in svg
    for unused in ("Backstage", "hand-off", "loop", "fail point", "wait point", "line of visibility"):
        assert unused not in svg, unused


def test_a_narrow_image_wraps_the_legend_into_more_rows(qapp) -> None:  # type: ignore[no-untyped-def]
    doc = everything()
    wide = blueprint_with(
        cards=everything().model_dump(mode="json")["cards"],
        links=[("a", "b"), ("b", "c"), ("c", "d"), ("d", "c", {"kind": "loop"})],
        lanes=["evidence", "customer", "frontstage", "backstage", "support", "notes"],
        steps=12,
    )
    narrow_rows = legend_placement(compute_layout(doc))[-1].row + 1
    wide_rows = legend_placement(compute_layout(wide))[-1].row + 1
    assert narrow_rows > wide_rows >= 1
    for placed in legend_placement(compute_layout(doc)):
        assert placed.x + placed.entry.width <= compute_layout(doc).width - 2 * SIDE + 1e-6


def test_the_png_shows_the_legend_symbols_in_their_colours(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _app = _application()
    from PySide6.QtGui import QColor, QImage

    doc = everything()
    out = tmp_path / "legend.png"
    export_image(doc, out)
    image = QImage(str(out))
    layout = compute_layout(doc)
    placed = legend_placement(layout)
    band = band_height(placed)
    assert band >= FIRST_ROW + 10
    assert image.height() == round((layout.height + TITLE_BAND + band) * PNG_SCALE)

    def pixel(x: float, y: float) -> QColor:
        return image.pixelColor(round(x * PNG_SCALE), round(y * PNG_SCALE))

    def close(found: QColor, hex_text: str, tolerance: int = 40) -> bool:
        want = QColor(hex_text)
        return all(
            abs(a - b) <= tolerance for a, b in zip(found.getRgb()[:3], want.getRgb()[:3], strict=True)
        )

    checked = 0
    for item in placed:
        x = SIDE + item.x
        middle = TITLE_BAND + layout.height + FIRST_ROW + ROW * item.row
        entry = item.entry
        if entry.symbol == "lane":
            found, want = pixel(x + 7, middle), st.CARD_COLORS[entry.key][0]
        elif entry.symbol == "line" and not entry.stroke[2]:  # solid strokes: the middle is the colour
            found, want = pixel(x + 9, middle), entry.stroke[0]
        elif entry.symbol == "fail":
            found, want = pixel(x + 2, middle), st.FAIL
        elif entry.symbol == "wait":
            found, want = pixel(x + 2.5, middle), st.WAIT
        elif entry.symbol == "plan":  # the pill's left end, clear of its white "Plan"
            found, want = pixel(x + 2.5, middle), st.PLAN
        else:
            continue
        assert close(found, want), (entry.label, found.name(), want)
        checked += 1
    assert checked >= 11
    # and the label text is dark ink right of its symbol somewhere in the row
    first = placed[0]
    middle = TITLE_BAND + layout.height + FIRST_ROW
    ink = [
        pixel(SIDE + first.x + first.entry.symbol_width + dx / 4, middle + dy / 4).lightness() < 120
        for dx in range(0, 120)
        for dy in range(-12, 6)
    ]
    assert sum(ink) > 20


def test_a_blueprint_without_lanes_has_no_legend_band(qapp) -> None:  # type: ignore[no-untyped-def]
    doc = Blueprint.model_validate({"format": "service-blueprint", "version": 2, "title": "Empty"})
    layout = compute_layout(doc)
    assert legend_placement(layout) == [] and band_height([]) == 0.0
    data, _ = render_image(doc, "png")
    _app = _application()
    from PySide6.QtGui import QImage

    image = QImage.fromData(data, "PNG")
    assert image.height() == round((layout.height + TITLE_BAND) * PNG_SCALE)
