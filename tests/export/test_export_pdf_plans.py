"""Improvement plans in the PDF, read back with pypdf: the "Plan" marker on the cards an open plan
targets (and only those, from the layout), its legend entry, and the "Improvement plan" table in the
appendix sorted by due date."""

from __future__ import annotations

import io
import re
from datetime import date

from pypdf import PdfReader

from blueprint.export import ExportOptions, export_pdf
from blueprint.export.appendix_plans import plan_rows
from blueprint.layout import compute_layout
from blueprint.model import Blueprint

from builders import blueprint_with, card


def planned_doc() -> Blueprint:
    return blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders a coffee in the app"),
            card("c2", "frontstage", 0, "Barista takes the order", function="team-a"),
            card("c3", "backstage", 1, "Makes the drink", function="team-b"),
            card("c4", "customer", 1, "Picks up the drink", fail_point={"note": "Cannot find it"}),
        ],
        links=[("c1", "c2"), ("c2", "c3"), ("c3", "c4")],
        improvements=[
            {"id": "p1", "title": "Pickup shelf by the door", "targets": ["c4"], "status": "planned"},
            {
                "id": "p2",
                "title": "Order screen for the barista",
                "targets": ["c2", "l1"],
                "owner": "team-a",
                "measure": "orders lost per week",
                "target": "none",
                "due": "2020-05-01",
            },
            {"id": "p3", "title": "Bigger cups", "targets": ["c3"], "status": "done", "due": "2019-01-01"},
        ],
    )


def pages(doc: Blueprint) -> list[str]:
    out = io.BytesIO()
    export_pdf(doc, out, ExportOptions(page_size="A4"))
    out.seek(0)
    return [page.extract_text() for page in PdfReader(out).pages]


def test_open_plans_mark_their_cards_in_the_layout_and_the_pdf() -> None:
    doc = planned_doc()
    layout = compute_layout(doc)
    marked = {card_id for card_id, box in layout.cards.items() if any(m.kind == "plan" for m in box.markers)}
    assert marked == {"c2", "c4"}  # p3 is done; a link carries no marker
    first = pages(doc)[0]
    # two card markers and the legend's entry (pypdf reads a fail marker beside it as "FPlan")
    assert len(re.findall(r"Plan\b", first)) == 3
    assert "improvement planned" in first


def test_without_open_plans_there_is_no_marker_and_no_legend_entry() -> None:
    doc = planned_doc()
    for plan in doc.improvements:
        plan.status = "dropped"
    first = pages(doc)[0]
    assert "improvement planned" not in first
    assert not re.search(r"Plan\b", first)


def test_the_appendix_has_the_plan_table_sorted_by_due_date() -> None:
    text = "\n".join(pages(planned_doc())[1:])
    assert "Improvement plan" in text
    table = " ".join(text[text.index("Improvement plan") :].split())  # a cell's lines run on
    # by due date: the done 2019 plan, then the 2020 one, then the plan without a date
    order = [table.index(title) for title in ("Bigger cups", "Order screen for the barista", "Pickup shelf")]
    assert order == sorted(order)
    for words in (
        "Barista takes the order; Barista takes the order → Makes the drink",  # a link by its cards
        "Team A",
        "orders lost per week",
        "2020-05-01",
        "Proposed",
        "Planned",
        "Done",
    ):
        assert words in table, words


def test_rows_read_as_a_designer_wrote_them() -> None:
    rows = plan_rows(planned_doc(), today=date(2021, 1, 1))
    assert [row.plan_id for row in rows] == ["p3", "p2", "p1"]
    assert rows[1].cells == (
        "Order screen for the barista",
        "Barista takes the order; Barista takes the order → Makes the drink",
        "Team A",
        "orders lost per week",
        "none",
        "2020-05-01",
        "Proposed",
    )
    assert [row.overdue for row in rows] == [False, True, False]  # a done plan is never overdue
    assert rows[2].cells[2:] == ("—", "—", "—", "—", "Planned")


def test_no_plans_no_table() -> None:
    doc = planned_doc()
    doc.improvements.clear()
    assert "Improvement plan" not in "\n".join(pages(doc))


def test_the_section_after_the_table_keeps_its_gap() -> None:
    """The heading under the plan table ("Hand-off matrix") sat on its last row: a section at the top
    of the columns under a full-width block was taken for one at the top of a page."""
    from blueprint.export.appendix import appendix_refs, build_appendix
    from blueprint.export.appendix_flow import SECTION_GAP
    from blueprint.export.sources import appendix_sources

    doc = planned_doc()
    layout = compute_layout(doc)
    appendix = build_appendix(doc, layout, appendix_refs(doc, layout), appendix_sources(doc), 1100, 700)
    page = next(p for p in appendix if any(op.owner == "improvement 'p1'" for op in p.ops))
    last_row = max(op.y for op in page.ops if (op.owner or "").startswith("improvement"))
    heading = next(y for key, _, y in page.bookmarks if key == "appendix-matrix")
    assert heading - last_row >= SECTION_GAP
