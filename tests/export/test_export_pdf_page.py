"""What a reader sees on the blueprint page of a PDF, read back with pypdf: emotion values, the legend,
where the drawing sits, how the appendix flows."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from blueprint.export import ExportOptions, export_pdf
from blueprint.layout.emotion import emotion_label
from blueprint.model import Blueprint

from builders import blueprint_with, card


def _pdf(doc: Blueprint, **options: object) -> PdfReader:
    out = io.BytesIO()
    export_pdf(doc, out, ExportOptions(**options))  # type: ignore[arg-type]
    out.seek(0)
    return PdfReader(out)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (1, "+1"),
        (2.0, "+2"),
        (0, "0"),
        (-0.0, "0"),
        (-1, "\u22121"),
        (-2, "\u22122"),
        (0.5, "+0.5"),
        (-1.333, "\u22121.3"),
        (0.667, "+0.7"),
        (0.96, "+1"),
        (-0.04, "0"),
    ],
)
def test_emotion_labels_are_whole_numbers_unless_a_mean_is_not(value: float, label: str) -> None:
    assert emotion_label(value) == label


def test_the_page_prints_emotions_as_whole_numbers_with_a_real_minus() -> None:
    doc = blueprint_with(
        cards=[
            card("a", "customer", 0, "Arrives", emotion=1),
            card("b", "customer", 1, "Waits", emotion=-2),
            card("c", "customer", 2, "Pays", emotion=0),
            card("d", "customer", 2, "Leaves", emotion=1),
        ],
        steps=3,
    )
    text = _pdf(doc, appendix=False).pages[0].extract_text()
    assert "+1" in text and "\u22122" in text and "+0.5" in text
    assert "+1.0" not in text and "-2.0" not in text and "\u22122.0" not in text


def _legend_text(doc: Blueprint) -> str:
    """The text of the blueprint page below the drawing (the legend is the last thing drawn)."""
    page = _pdf(doc).pages[0]
    parts: list[str] = []
    page.extract_text(visitor_text=lambda text, cm, tm, *_: parts.append(text) if tm[5] < 45 else None)
    return "".join(parts)


def test_the_legend_explains_only_what_a_small_blueprint_uses() -> None:
    doc = blueprint_with(
        cards=[card("a", "customer", 0, "Orders"), card("b", "frontstage", 0, "Takes it")],
        links=[("a", "b")],
        lanes=["customer", "frontstage"],
        steps=1,
    )
    legend = _legend_text(doc)
    assert "Customer" in legend and "Frontstage" in legend and "link" in legend
    assert "line of interaction" in legend
    for unused in (
        "Backstage",
        "Support",
        "Evidence",
        "Note",
        "loop",
        "hand-off",
        "fail point",
        "wait point",
    ):
        assert unused not in legend, unused
    assert "shortened" not in legend and "line of visibility" not in legend


def test_the_legend_explains_everything_a_blueprint_uses() -> None:
    long_title = " ".join(["Checks the very long list of things"] * 6)
    doc = blueprint_with(
        cards=[
            card("a", "customer", 0, long_title, wait_point={"minutes": 4}),
            card("b", "frontstage", 1, "Takes it", function="team-a", fail_point={"note": "busy"}),
            card("c", "backstage", 1, "Makes it", function="team-b"),
            card("d", "support", 2, "Supplies"),
        ],
        links=[("a", "b"), ("b", "c"), ("c", "b", {"kind": "loop"})],
        lanes=["customer", "frontstage", "backstage", "support"],
    )
    legend = _legend_text(doc)
    for used in ("Customer", "Support", "link", "hand-off", "loop", "fail point", "wait point", "shortened"):
        assert used in legend, used
    assert "line of internal interaction" in legend and "Evidence" not in legend


def _small() -> Blueprint:
    return blueprint_with(
        cards=[
            card("a", "customer", 0, "Orders a flat white"),
            card("b", "frontstage", 1, "Takes the order", function="team-a"),
            card("c", "backstage", 2, "Makes it", function="team-a"),
        ],
        links=[("a", "b"), ("b", "c")],
        lanes=["customer", "frontstage", "backstage"],
    )


SECTIONS = ["Overview", "Card details", "Validation findings", "Hand-off matrix"]
SECTIONS += ["Upstream and downstream functions"]


def _heading_tops(page) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """The page y of each text's first baseline (text matrix times the current transformation)."""
    tops: dict[str, float] = {}
    page.extract_text(
        visitor_text=lambda text, cm, tm, *_: tops.setdefault(
            text.strip(), tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        )
    )
    return tops


def test_appendix_sections_flow_on_one_page_and_the_outline_points_at_each() -> None:
    reader = _pdf(_small())
    assert len(reader.pages) == 2, "a 3-card blueprint: the blueprint and one appendix page"
    entries = {}
    for entry in reader.outline:
        if not isinstance(entry, list):
            continue
        for child in entry:
            if child.title in SECTIONS:
                entries[child.title] = child
    assert sorted(entries) == sorted(SECTIONS)
    tops = _heading_tops(reader.pages[1])
    previous = float("inf")
    for title in SECTIONS:
        entry = entries[title]
        assert reader.get_destination_page_number(entry) == 1
        heading = tops[title]
        assert heading < float(entry["/Top"]) <= heading + 40, "the entry shows its heading at the top"
        assert heading < previous, "sections follow one another down the page"
        previous = heading


def test_the_cafe_sample_appendix_has_no_near_empty_pages(repo) -> None:  # type: ignore[no-untyped-def]
    from blueprint.fileformat import load

    reader = _pdf(load(repo / "samples" / "cafe-order-ahead.blueprint"))
    assert len(reader.pages) <= 3, "was 6: every section on its own page"
    for page in reader.pages[1:]:
        assert len(page.extract_text()) > 1500


def test_appendix_text_is_at_least_8_pt(sample_path) -> None:  # type: ignore[no-untyped-def]
    from blueprint.export.appendix import appendix_refs, build_appendix
    from blueprint.export.sources import appendix_sources
    from blueprint.fileformat import load
    from blueprint.layout import compute_layout

    doc = load(sample_path)
    layout = compute_layout(doc)
    pages = build_appendix(doc, layout, appendix_refs(doc, layout), appendix_sources(doc), 1100, 700)
    sizes = {op.size for page in pages for op in page.ops}
    assert sizes and min(sizes) >= 8.0


def test_a_small_blueprint_on_one_page_sits_in_the_middle_of_the_frame() -> None:
    from blueprint.export.pages import plan_pages
    from blueprint.layout import compute_layout

    doc = _small()
    layout = compute_layout(doc)
    plan = plan_pages(layout, "A3", "landscape", "page")
    _, frame_y, _, frame_h = plan.frame
    height = layout.height * plan.scale
    assert height < frame_h * 0.6, "the case the reviewer saw: most of the page would be blank"
    reader = _pdf(doc, appendix=False)
    tops = _heading_tops(reader.pages[0])
    stage_top, lowest_lane = tops["Stage"], tops["Backstage"]
    above = frame_y + frame_h - stage_top
    below = lowest_lane - frame_y
    assert above > 100 and below > 100
    assert abs(above - below) < 0.15 * frame_h, (above, below)
    children = [e for entry in reader.outline if isinstance(entry, list) for e in entry]
    stage = next(e for e in children if e.title == "Stage")
    drawing_top = frame_y + frame_h - (frame_h - height) / 2
    assert float(stage["/Top"]) == pytest.approx(drawing_top + 20, abs=0.5), "the outline follows it"
