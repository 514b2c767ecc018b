"""An unread column is a line of the import report only when it holds a value: an empty one loses
nothing (our own CSV export has columns a process list does not read, most of them often empty)."""

from __future__ import annotations

from pathlib import Path

from blueprint.interchange.csv_export import export_cards_csv
from blueprint.interchange.importer import import_file

from builders import blueprint_with, card
from workbooks import workbook

UNREAD = "is not one this import reads; its values were not imported"


def unread_lines(path: Path) -> list[str]:
    return [note.line() for note in import_file(path).report.notes if UNREAD in note.message]


def test_our_csv_export_reports_only_the_columns_that_hold_values(tmp_path: Path) -> None:
    doc = blueprint_with(
        cards=[card("c1", "customer", 0, "Walks in"), card("c2", "frontstage", 0, "Greets", tags=["vip"])]
    )
    path = tmp_path / "cards.csv"
    path.write_bytes(export_cards_csv(doc))
    # Id and Tags hold values; Tolerance, Emotion, the fail and wait points are empty: no line each
    assert unread_lines(path) == [
        f"cards.csv: the column 'Id' {UNREAD}",
        f"cards.csv: the column 'Tags' {UNREAD}",
    ]
    assert [c.title for c in import_file(path).document.cards] == ["Walks in", "Greets"]


def test_an_empty_column_is_no_line_and_a_late_value_is_one(tmp_path: Path) -> None:
    rows = [["Stage", "Lane", "Title", "Notes", "Colour", "colour"]]
    rows += [["Arrive", "customer", f"Step {n}", "", "", ""] for n in range(20)]
    rows[-1][5] = "red"  # only the last row of the second 'Colour' column holds a value
    path = workbook(tmp_path / "sheet.xlsx", {"Process": rows})
    assert unread_lines(path) == [f"Process: the column 'colour' {UNREAD}"]
    csv = tmp_path / "sheet.csv"
    csv.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    assert unread_lines(csv) == [f"sheet.csv: the column 'colour' {UNREAD}"]
