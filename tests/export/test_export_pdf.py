"""PDF export, read back with pypdf: pages, sizes, metadata, outline and every word the designer wrote."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from blueprint.export import ExportOptions, export_pdf
from blueprint.export.pages import MAX_PAGE_SIDE, PAGE_SIZES, plan_pages
from blueprint.export.pdfmeta import info_text
from blueprint.fileformat import load
from blueprint.layout import compute_layout
from blueprint.layout import metrics as m
from blueprint.model import Blueprint

from builders import blueprint_with, card
from strategies import blueprints


def _pdf(doc: Blueprint, **options: object) -> tuple[PdfReader, list[str]]:
    out = io.BytesIO()
    warnings = export_pdf(doc, out, ExportOptions(**options))  # type: ignore[arg-type]
    out.seek(0)
    return PdfReader(out), warnings


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _outline_titles(outline: list) -> list[str]:  # type: ignore[type-arg]
    titles: list[str] = []
    for entry in outline:
        if isinstance(entry, list):
            titles.extend(_outline_titles(entry))
        else:
            titles.append(entry.title)
    return titles


def _big(cards: int = 400) -> Blueprint:
    lanes = ["customer", "frontstage", "backstage", "support"]
    steps = cards // 6
    raw = [
        card(
            f"c{i}",
            lanes[i % 4],
            (i // 4) % steps,
            f"Card number {i} does its part",
            function=f"team-{'abc'[i % 3]}",
        )
        for i in range(cards)
    ]
    links = [(f"c{i}", f"c{i + 1}", {"label": f"hand {i}"}) for i in range(cards - 1)]
    return blueprint_with(
        cards=raw,
        links=links,
        steps=steps,
        stages=[(f"stage{s}", 5, None) for s in range(steps // 5)]
        + ([(f"stage{steps // 5}", steps % 5, None)] if steps % 5 else []),
    )


def test_a_sample_on_one_a3_page_carries_every_card_title(sample_path: Path) -> None:
    doc = load(sample_path)
    reader, _ = _pdf(doc)
    first = reader.pages[0]
    width, height = float(first.mediabox.width), float(first.mediabox.height)
    assert (round(width), round(height)) == (1191, 842), "A3 landscape"
    text = _squashed("".join(page.extract_text() for page in reader.pages))
    for c in doc.cards:
        assert _squashed(c.title) in text, f"title of {c.id} missing"
    blueprint_text = _squashed(first.extract_text())
    layout = compute_layout(doc)
    for c in doc.cards:
        if not layout.cards[c.id].shortened:
            assert _squashed(c.title) in blueprint_text


def test_metadata_and_outline() -> None:
    doc = load(Path(__file__).resolve().parents[2] / "samples" / "hotel-stay.blueprint")
    reader, _ = _pdf(doc)
    meta = reader.metadata
    assert meta.title == doc.title
    assert meta.author == doc.metadata.author
    assert meta.subject == doc.description
    assert "Service Blueprint Studio" in meta.creator
    assert meta["/Keywords"] == ", ".join(doc.metadata.tags)
    titles = _outline_titles(reader.outline)
    assert titles[0] == "Blueprint"
    for stage in doc.stages:
        assert stage.name in titles
    for section in (
        "Appendix",
        "Overview",
        "Card details",
        "Validation findings",
        "Hand-off matrix",
        "Upstream and downstream functions",
    ):
        assert section in titles


def test_no_appendix_means_blueprint_pages_only() -> None:
    doc = load(Path(__file__).resolve().parents[2] / "samples" / "cafe-order-ahead.blueprint")
    reader, _ = _pdf(doc, appendix=False)
    assert len(reader.pages) == 1
    assert "Appendix" not in _outline_titles(reader.outline)


@pytest.mark.parametrize("size", sorted(PAGE_SIZES))
@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_page_sizes_in_points(size: str, orientation: str) -> None:
    doc = blueprint_with(cards=[card("a", "customer", 0, "A")])
    reader, _ = _pdf(doc, page_size=size, orientation=orientation, appendix=False)
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    expected = sorted(PAGE_SIZES[size])
    assert sorted((width, height)) == pytest.approx(expected, abs=0.01)
    assert (width > height) == (orientation == "landscape")
    assert max(width, height) <= MAX_PAGE_SIDE


@pytest.mark.parametrize("size", ["A4", "A3", "letter"])
def test_fit_gives_one_page_and_tile_gives_the_planned_sheets(size: str) -> None:
    doc = _big(240)
    fit, warnings = _pdf(doc, page_size=size, fit="page", appendix=False)
    assert len(fit.pages) == 1
    assert any("below 6 pt" in w and "--fit tile" in w for w in warnings)
    tiled, _ = _pdf(doc, page_size=size, fit="tile", appendix=False)
    plan = plan_pages(compute_layout(doc), size, "landscape", "tile")
    assert len(tiled.pages) == plan.rows * plan.columns == len(plan.tiles) > 1
    assert plan.scale * m.TITLE_SIZE >= 7.9, "tiles print card titles at a readable size"
    last = tiled.pages[-1].extract_text()
    assert f"row {plan.rows}, column {plan.columns}" in last
    assert f"page {len(tiled.pages)} of {len(tiled.pages)}" in last


def test_a_400_card_blueprint_tiles_onto_a4_with_every_title() -> None:
    doc = _big(400)
    reader, warnings = _pdf(doc, page_size="A4", fit="tile")
    assert warnings == []
    text = _squashed("".join(page.extract_text() for page in reader.pages))
    for c in doc.cards:
        assert _squashed(c.title) in text
    assert "row 1, column 2" in reader.pages[1].extract_text()


def test_markup_is_drawn_literally_and_scripts_survive() -> None:
    titles = [
        "<b>&amp; <font>",
        "Клиент оплачивает заказ",
        "Ο πελάτης πληρώνει",
        "العميل يدفع الفاتورة",
        "顾客付款",
    ]
    doc = blueprint_with(cards=[card(f"c{i}", "customer", i % 3, title) for i, title in enumerate(titles)])
    reader, warnings = _pdf(doc)
    # Arabic is drawn shaped (presentation forms) in visual order; extraction reads it back
    text = _squashed(unicodedata.normalize("NFKC", reader.pages[0].extract_text()))
    for title in titles:
        assert _squashed(title) in text
    assert warnings == []


def test_a_glyph_no_font_has_is_reported_naming_the_card() -> None:
    doc = blueprint_with(cards=[card("odd", "customer", 0, "Reads \U00013000 sign")])
    _, warnings = _pdf(doc)
    assert len(warnings) == 1
    assert "card 'odd'" in warnings[0] and "U+13000" in warnings[0]


def test_a_shortened_card_points_to_its_appendix_entry() -> None:
    long_title = "A very long card title that keeps going " * 6
    doc = blueprint_with(
        cards=[card("long", "customer", 0, long_title.strip(), description="Every word " * 80)]
    )
    reader, _ = _pdf(doc)
    assert "▸A1" in reader.pages[0].extract_text()
    appendix = "".join(page.extract_text() for page in reader.pages[1:])
    assert _squashed("A1 " + long_title) in _squashed(appendix)
    assert _squashed(appendix).count("Everyword") >= 80


def test_handoff_sections_name_the_functions() -> None:
    doc = blueprint_with(
        cards=[
            card("a", "frontstage", 0, "A", function="team-a"),
            card("b", "backstage", 1, "B", function="team-b"),
        ],
        links=[("a", "b", {"label": "order"})],
    )
    reader, _ = _pdf(doc)
    appendix = " ".join(page.extract_text() for page in reader.pages[1:])
    assert "Team A → Team B: 1" in appendix
    assert "Downstream (receives work from it): Team B" in appendix
    assert "BP" in appendix, "validation findings are listed"


def test_arabic_is_joined_and_laid_out_right_to_left() -> None:
    from blueprint.export.rtl import visual

    drawn = visual("العميل يدفع")
    assert unicodedata.normalize("NFKC", drawn[::-1]) == "العميل يدفع"
    assert all(not "\u0600" <= ch <= "\u06ff" for ch in drawn), "letters use their joined forms"
    assert visual("Pays 3 فاتورة 120 today").startswith("Pays 3 ") and visual("plain") == "plain"


def _every_text(doc: Blueprint) -> list[str]:
    texts = [doc.title, doc.description, *doc.metadata.tags]
    if doc.persona is not None:
        texts += [doc.persona.name, doc.persona.description]
    texts += [lane.name for lane in doc.lanes]
    texts += [f.name for f in doc.functions] + [f.description for f in doc.functions]
    for stage in doc.stages:
        texts += [stage.name, stage.job, *(step.name for step in stage.steps)]
    for c in doc.cards:
        texts += [c.title, c.description, c.channel or "", *c.tags]
        texts += [c.fail_point.note if c.fail_point else "", c.wait_point.note if c.wait_point else ""]
    texts += [link.label for link in doc.links]
    return [t for t in texts if t.strip()]


def test_every_word_the_designer_wrote_is_in_the_pdf(sample_path: Path) -> None:
    doc = load(sample_path)
    reader, _ = _pdf(doc)
    text = _squashed(unicodedata.normalize("NFKC", "".join(page.extract_text() for page in reader.pages)))
    missing = [t for t in _every_text(doc) if _squashed(unicodedata.normalize("NFKC", t)) not in text]
    assert missing == []


def test_every_sheet_repeats_the_lane_names_and_each_stage_is_bookmarked_once() -> None:
    doc = _big(240)
    reader, _ = _pdf(doc, page_size="A4", fit="tile", appendix=False)
    assert len(reader.pages) > 2
    for page in reader.pages:
        text = page.extract_text()
        for lane in doc.lanes:
            assert lane.name in text
    titles = _outline_titles(reader.outline)
    for stage in doc.stages:
        assert titles.count(stage.name) == 1


@settings(max_examples=10)
@given(blueprints(max_cards=12), st.sampled_from(["page", "tile"]))
def test_any_valid_document_exports(doc: Blueprint, fit: str) -> None:
    reader, warnings = _pdf(doc, page_size="A4", fit=fit)
    assert len(reader.pages) >= 1
    assert (reader.metadata.title or "") == info_text(doc.title)  # pypdf reads an empty title as None
    assert all("\n" not in w for w in warnings), "warnings are one line each"


def test_control_characters_and_soft_hyphens_do_not_garble_the_metadata() -> None:
    doc = blueprint_with(cards=[card("a", "customer", 0, "A")])
    doc.title = "Plan\x9f B for re\u00adbooking"
    doc.metadata.author = "Zo\x9fë"
    reader, _ = _pdf(doc)
    assert reader.metadata.title == "Plan B for rebooking"
    assert reader.metadata.author == "Zoë"


def test_persian_letters_join_too() -> None:
    from blueprint.export.rtl import visual

    drawn = visual("گوشی")
    assert unicodedata.normalize("NFKC", drawn[::-1]) == "گوشی"
    assert all(not "\u0600" <= ch <= "\u06ff" for ch in drawn)


def test_labels_of_two_lines_between_the_same_lanes_do_not_print_over_each_other() -> None:
    # lanes out of zone order: the lines of interaction and visibility both lie above backstage
    reader, _ = _pdf(blueprint_with(lanes=["customer", "backstage", "frontstage", "support"]))
    baselines: dict[str, list[float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip().startswith("Line of"):
            baselines.setdefault(text.strip(), []).append(tm[5] * cm[3] + cm[5])

    reader.pages[0].extract_text(visitor_text=visit)
    interaction, visibility = baselines["Line of interaction"], baselines["Line of visibility"]
    assert len(interaction) == len(visibility) >= 1
    for a, b in zip(interaction, visibility, strict=True):  # page points, never smaller than layout points
        assert a - b >= m.LINE_LABEL_SIZE + 1, "the visibility label goes below its line"
