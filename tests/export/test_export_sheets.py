"""Hand-off sheets: what each function is told (facts), and the PDF a stakeholder reads."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from blueprint.export.sheets import SheetContext, render_sheet, write_sheets
from blueprint.fileformat import load

from builders import sharing_blueprint

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def context() -> SheetContext:
    return SheetContext(sharing_blueprint())


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_a_function_is_told_what_it_receives_and_hands_on_from_whom_and_where(context: SheetContext) -> None:
    facts = context.facts("team-b")
    assert facts.heading == "Hand-off sheet: Team B (team)"
    assert [(r.other, r.what, r.at, r.card) for r in facts.receive] == [
        ("Team A", "room request", "Stage › Step 1", "Prepares the room")
    ]
    assert [(r.other, r.what, r.at, r.card) for r in facts.hand_on] == [
        ("Team A", "(not said)", "Stage › Step 1", "Prepares the room")
    ]


def test_fail_points_owned_through_owner_come_with_their_plans(context: SheetContext) -> None:
    team_b = context.facts("team-b")
    assert [(f.card_id, f.severity, f.note) for f in team_b.fail_points] == [
        ("c1", "high", "Key does not open")
    ]
    assert [(p.title, p.status, p.due) for p in team_b.fail_points[0].plans] == [
        ("Keys checked before hand-over", "planned", "2027-03-31")
    ]
    assert [f.card_id for f in context.facts("team-a").fail_points] == ["f0"]  # its own card's


def test_time_on_the_cards_and_the_customer_moments_that_include_the_work(context: SheetContext) -> None:
    facts = context.facts("team-b")
    assert facts.minutes == 30 and facts.unknown_minutes == 0
    assert [(m.card_id, m.yours) for m in facts.moments] == [("c1", 30)]
    team_a = context.facts("team-a")
    assert team_a.minutes == 2 and team_a.unknown_minutes == 1  # "Hands over the key" has no minutes
    assert {m.card_id for m in team_a.moments} == {"c1"}


def test_findings_that_involve_the_function(context: SheetContext) -> None:
    findings = context.facts("team-c").findings
    assert findings and all("s0" in f.elements for f in findings)  # the support card nobody links to


def test_the_pdf_has_every_section_and_the_drawing_first(context: SheetContext) -> None:
    data, warnings = render_sheet(context, "team-a", "A4", "landscape")
    assert warnings == []
    reader = PdfReader(io.BytesIO(data))
    first = reader.pages[0].extract_text()
    assert "Hand-off sheet: Team A (team)" in first and "Takes the booking" in first  # the drawing
    words = _text(data)
    for heading in (
        "You receive",
        "You hand on",
        "Your fail points",
        "Time on your cards",
        "Findings that involve you",
    ):
        assert heading in words
    assert "room request" in words and "Booking lost" in words
    assert reader.metadata.title == "Hand-off sheet: Team A (team)"
    assert any(item.title == "Hand-off sheet: Team A (team)" for item in reader.outline)


def test_a_function_without_cards_gets_a_sheet_that_says_so(context: SheetContext) -> None:
    data, _ = render_sheet(context, "team-d", "A4", "portrait")
    text = _text(data)
    assert "Hand-off sheet: Team D (team)" in text
    assert "Team D has no cards on this blueprint" in text
    assert "Takes the booking" not in text  # no drawing: nothing of the blueprint is its part


def test_the_drawing_fades_other_functions_cards(context: SheetContext) -> None:
    data, _ = render_sheet(context, "team-a", "A4", "landscape")
    page = PdfReader(io.BytesIO(data)).pages[0]
    states = page["/Resources"]["/ExtGState"]
    assert any(abs(float(state.get_object().get("/ca", 1)) - 0.7) < 1e-6 for state in states.values())


def test_every_function_of_the_hotel_gets_its_sheet(tmp_path: Path) -> None:
    doc = load(REPO / "samples" / "hotel-stay.blueprint")
    result = write_sheets(doc, tmp_path / "new" / "sheets")
    assert [p.name for p in result.paths] == [f"{f.id}.pdf" for f in doc.functions]
    front_desk = _text((tmp_path / "new" / "sheets" / "frontdesk.pdf").read_bytes())
    assert "Hand-off sheet: Front desk (team)" in front_desk and "You receive" in front_desk
    assert sorted(p.name for p in (tmp_path / "new" / "sheets").iterdir()) == sorted(
        p.name for p in result.paths
    )


def test_a_sheet_shows_only_the_columns_where_its_function_works_tiled_when_too_small() -> None:
    from blueprint.export.sheets import SheetPages

    from builders import blueprint_with, card

    cards = [card(f"c{i}", "customer", i, f"Moment {i}") for i in range(40)]
    cards += [card(f"a{i}", "frontstage", i, f"Team A at {i}", function="team-a") for i in range(20, 40)]
    context = SheetContext(blueprint_with(steps=40, cards=cards))
    sheet = SheetPages(context, "team-a", "A4", "landscape")
    columns = {step.step_id: step.column for step in context.layout.steps}
    x0, x1 = columns["step20"].x, columns["step39"].right
    assert len(sheet.plan.tiles) > 1 and sheet.plan.scale >= 6 / 9.5  # legible, so several sheets
    assert all(x0 <= t.x0 and t.x1 <= x1 + 1e-6 for t in sheet.plan.tiles)  # only its columns
    for i in range(20, 40):
        box = context.layout.cards[f"a{i}"].box
        assert any(
            t.x0 <= box.x and box.right <= t.x1 and t.y0 <= box.y and box.bottom <= t.y1
            for t in sheet.plan.tiles
        )


def test_tiles_without_the_functions_cards_are_dropped_row_by_row_too() -> None:
    from blueprint.export.sheets import SheetPages
    from blueprint.model import Blueprint

    from builders import blueprint_with

    # 24 lanes over 30 steps: tiled in rows and columns; team A works only in the top lane
    raw = blueprint_with(steps=30).model_dump(by_alias=True)
    raw["lanes"] = [{"id": f"lane{i}", "name": f"Lane {i}", "kind": "backstage"} for i in range(24)]
    raw["cards"] = [
        {
            "id": f"c{i}-{s}",
            "lane": f"lane{i}",
            "step": f"step{s}",
            "title": f"Work {i}.{s}",
            "function": "team-b",
        }
        for i in range(24)
        for s in range(30)
    ]
    raw["cards"] += [{"id": "a0", "lane": "lane0", "step": "step1", "title": "Team A", "function": "team-a"}]
    context = SheetContext(Blueprint.model_validate(raw))
    sheet = SheetPages(context, "team-a", "A4", "landscape")
    whole = SheetPages(context, "team-b", "A4", "landscape")
    assert whole.plan.rows > 1 and len({t.row for t in whole.plan.tiles}) == whole.plan.rows
    box = context.layout.cards["a0"].box
    assert len(sheet.plan.tiles) >= 1
    assert {t.row for t in sheet.plan.tiles} == {0}  # no row below its lane
    assert all(
        t.y0 < box.bottom and box.y < t.y1 and t.x0 < box.right and box.x < t.x1 for t in sheet.plan.tiles
    )


def test_each_fail_point_says_who_recovers_it_and_the_card_owner_sees_anothers() -> None:
    from blueprint.model import Blueprint

    raw = sharing_blueprint().model_dump(by_alias=True)
    for card in raw["cards"]:
        if card["id"] == "f1":  # team A's card, recovered by team C
            card["fail_point"] = {"note": "Wrong key", "severity": "low", "owner": "team-c"}
    context = SheetContext(Blueprint.model_validate(raw))
    rows = {f.card_id: (f.owner, f.owned, f.why) for f in context.facts("team-a").fail_points}
    assert rows == {"f0": ("Team A", True, "your card"), "f1": ("Team C", False, "")}
    assert [(f.card_id, f.owner, f.why) for f in context.facts("team-b").fail_points] == [
        ("c1", "Team B", "named as its owner")
    ]
    assert [(f.card_id, f.owned) for f in context.facts("team-c").fail_points] == [("f1", True)]
    text = _text(render_sheet(context, "team-a", "A4", "landscape")[0])
    assert "Recovery: you (your card)" in text
    assert "Recovery: Team C (named as its owner), on your card" in text
    assert "Recovery: you (named as its owner)" in _text(
        render_sheet(context, "team-b", "A4", "landscape")[0]
    )
