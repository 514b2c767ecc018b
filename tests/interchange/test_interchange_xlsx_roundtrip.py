"""XLSX export and import: `import(export(doc))` gives the same canonical bytes, for every sample and for
generated documents; the workbook has the spec's sheets and columns, read back with openpyxl."""

from __future__ import annotations

import io

import openpyxl
import pytest
from hypothesis import given

from blueprint.fileformat import BlueprintFileError, dumps, load
from blueprint.graph import handoff_report
from blueprint.graph.timing import customer_time
from blueprint.interchange import columns, results
from blueprint.interchange.workbook_export import export_xlsx
from blueprint.interchange.workbook_import import import_ours
from blueprint.interchange.workbook_reading import Workbook
from blueprint.interchange.xmltext import from_cell_text
from blueprint.model import Blueprint
from blueprint.validate import validate

from builders import blueprint_with, card
from strategies import blueprints


def round_trip(doc: Blueprint) -> Blueprint:
    with Workbook("test.xlsx", export_xlsx(doc)) as book:
        imported = import_ours(book, "test.xlsx")
    assert imported.report.notes == (), imported.report.text()
    return imported.document


def test_every_sample_comes_back_byte_for_byte(sample_path) -> None:  # type: ignore[no-untyped-def]
    doc = load(sample_path)
    assert dumps(round_trip(doc)) == dumps(doc)


@given(blueprints(max_cards=12))
def test_generated_documents_come_back_byte_for_byte(doc: Blueprint) -> None:
    assert dumps(round_trip(doc)) == dumps(doc)


def workbook_of(doc: Blueprint) -> openpyxl.Workbook:
    """The export read back as openpyxl reads any workbook (not read-only: styles and views too)."""
    return openpyxl.load_workbook(io.BytesIO(export_xlsx(doc)))


def test_the_sheets_and_their_columns_are_the_specs(sample_path) -> None:  # type: ignore[no-untyped-def]
    book = workbook_of(load(sample_path))
    assert book.sheetnames == [*columns.DATA_SHEETS, "Findings", "Hand-offs", "Timing"]
    for name in columns.DATA_SHEETS:
        sheet = book[name]
        assert [cell.value for cell in sheet[1]] == columns.headers(name)
        assert sheet.freeze_panes == "A2" and sheet.protection.sheet is False
        assert sheet.column_dimensions["A"].width == columns.widths(name)[0]
    for name in columns.RESULT_SHEETS:
        assert book[name].protection.sheet is True


def test_cards_hold_ids_numbers_and_lists_as_the_spec_says() -> None:
    doc = load("samples/cafe-order-ahead.blueprint")
    cards = workbook_of(doc)["Cards"]
    header = [cell.value for cell in cards[1]]
    first = dict(zip(header, [cell.value for cell in cards[2]], strict=True))
    card = doc.cards[0]
    assert first["Id"] == card.id and first["Step"] == card.step and first["Lane"] == card.lane
    assert first["Stage"] == doc.stage_of_step()[card.step].id
    with_minutes = next(c for c in doc.cards if c.duration_minutes is not None)
    row = 2 + doc.cards.index(with_minutes)
    assert cards.cell(row, header.index("Minutes") + 1).value == with_minutes.duration_minutes
    tagged = next(c for c in doc.cards if c.tags)
    assert cards.cell(2 + doc.cards.index(tagged), header.index("Tags") + 1).value == "\n".join(tagged.tags)


HOSTILE = ['=HYPERLINK("http://x","y")', "+1+2", "-3+4", "@SUM(A1)", "\tTab", "\rReturn"]


def test_text_that_starts_like_a_formula_stays_text() -> None:
    doc = blueprint_with(cards=[card(f"c{i}", "customer", 0, title) for i, title in enumerate(HOSTILE)])
    cards = workbook_of(doc)["Cards"]
    for row, title in enumerate(HOSTILE, 2):
        cell = cards.cell(row, 5)
        assert from_cell_text(cell.value) == title and cell.data_type == "s"  # \r is written _x000D_
        assert cell.quotePrefix, "Excel and LibreOffice keep a quote-prefixed cell as text when edited"
    assert cards.cell(2, 1).quotePrefix is False
    assert dumps(round_trip(doc)) == dumps(doc)


def test_exact_numbers_control_characters_and_an_empty_tag_come_back() -> None:
    doc = blueprint_with(
        cards=[
            card(
                "c1",
                "customer",
                0,
                "Odd \x01 _x0041_ text\r\nwith lines",
                duration_minutes=0.1 + 0.2,
                tags=[""],
            ),
            card("c2", "customer", 1, "Whole", duration_minutes=5.0, tolerance_minutes=5, tags=["", ""]),
            card("c3", "customer", 2, "  spaced  ", description="\uffff", duration_minutes=1e-05),
        ]
    )
    back = round_trip(doc)
    assert dumps(back) == dumps(doc)
    assert back.cards[0].duration_minutes == 0.30000000000000004 and isinstance(
        back.cards[1].duration_minutes, float
    )


def test_a_text_too_long_for_a_cell_is_refused_in_one_line() -> None:
    doc = blueprint_with(cards=[card("c1", "customer", 0)]).model_copy(update={"description": "x" * 40_000})
    with pytest.raises(BlueprintFileError) as caught:
        export_xlsx(doc)
    assert "Blueprint, row 3, column Value has 40,000 characters" in caught.value.one_line()


def test_the_result_sheets_hold_findings_and_hand_offs_and_import_ignores_them() -> None:
    doc = load("samples/broken-handoffs.blueprint")
    book = workbook_of(doc)
    findings = [[cell.value for cell in row] for row in book["Findings"].iter_rows(min_row=2)]
    assert findings and {row[1] for row in findings} == {f.code for f in validate(doc)}
    matrix = book["Hand-offs"]
    assert matrix.freeze_panes == "B2"
    assert [cell.value for cell in matrix[1]][1:-1] == [f.name for f in doc.functions]
    edited = io.BytesIO()
    book["Findings"]["D2"] = "changed by hand"
    book.save(edited)
    with Workbook("edited.xlsx", edited.getvalue()) as reread:
        assert dumps(import_ours(reread, "edited.xlsx").document) == dumps(doc)


def test_the_timing_sheet_holds_the_customers_time() -> None:
    doc = load("samples/cafe-order-ahead.blueprint")
    timing = customer_time(doc)
    rows = [[cell.value for cell in row] for row in workbook_of(doc)["Timing"].iter_rows(min_row=2)]
    moments = rows[: len(timing.cards)]
    assert [(r[0], r[4], r[5], r[6]) for r in moments] == [
        (t.card_id, t.minutes, t.work_minutes, t.wait_minutes) for t in timing.cards
    ]
    assert [r[9] == "yes" for r in moments] == [t.incomplete for t in timing.cards]
    assert rows[-1][1:5] == ["Journey total", None, None, timing.minutes]
    assert [r[4] for r in rows[-1 - len(doc.stages) : -1]] == [s.minutes for s in timing.stages]


def test_many_functions_hand_off_as_a_list_of_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(results, "MATRIX_FUNCTIONS", 2)
    doc = load("samples/broken-handoffs.blueprint")
    sheet = workbook_of(doc)["Hand-offs"]
    pairs = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert pairs[0] == ["From", "To", "Hand-offs"]
    names = {f.id: f.name for f in doc.functions}
    matrix = handoff_report(doc).matrix
    assert sorted(pairs[1:]) == sorted(
        [names[a], names[b], n] for a, row in matrix.items() for b, n in row.items()
    )
