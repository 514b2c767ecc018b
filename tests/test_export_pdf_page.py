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
