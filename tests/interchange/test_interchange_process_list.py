"""Importing a simple process list (CSV or a workbook's sheet): Blueprint Signal's headers, layer names
and short forms, and ours; delimiters, encodings and decimal commas found; stages, steps, lanes and
functions made as the spec says; every row it cannot map a line of the report."""

from __future__ import annotations

import datetime
from pathlib import Path

import openpyxl
import pytest

from blueprint.fileformat import BlueprintFileError
from blueprint.interchange.builder import LAYER_NAMES
from blueprint.interchange.importer import import_file

from workbooks import workbook

SIGNAL_HEADER = "Stage,Service layer,What happens,Responsible person or team,Time in minutes,Evidence status,"
SIGNAL_HEADER += "Evidence note"
SIGNAL_ROWS = [
    "Arrive,Customer actions,Walks in,,2,Observed,Seen on video",
    "Arrive,Visible staff / technology,Host greets the guest,Front of house,1,assumed,",
    "Arrive,Backstage actions,Host checks the booking,Front of house,0.5,,",
    "Eat,Support processes,Kitchen system prints the order,Kitchen system,,proposed,",
    "Eat,Physical / digital evidence,Menu card,,,,",
    "Eat,front stage,Waiter serves the food,  Front of house ,12,Observed,",
    "Eat,visible,Waiter brings the bill,Front of house,3,,",
    "Pay,customer,Pays at the table,,4,Guessed,",
    "Pay,Kitchen,Chef tastes the sauce,Kitchen,1,,",
    "Pay,Customer actions,,,,,",
]


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_blueprint_signals_process_list(tmp_path: Path) -> None:
    path = write(tmp_path, "Dinner at Rosa's.csv", "\n".join([SIGNAL_HEADER, *SIGNAL_ROWS]) + "\n")
    imported = import_file(path)
    doc = imported.document
    assert doc.title == "Dinner at Rosa's"
    assert [stage.name for stage in doc.stages] == ["Arrive", "Eat", "Pay"]
    assert [step.name for step in doc.stages[0].steps] == [
        "Walks in",
        "Host greets the guest",
        "Host checks the booking",
    ]
    assert [lane.kind for lane in doc.lanes] == ["evidence", "customer", "frontstage", "backstage", "support"]
    assert [f.name for f in doc.functions] == ["Front of house", "Kitchen system"]
    cards = {card.title: card for card in doc.cards}
    assert cards["Walks in"].description == "Seen on video" and cards["Walks in"].evidence == "observed"
    assert cards["Waiter serves the food"].lane == "frontstage" and cards["Waiter serves the food"].function
    assert cards["Host checks the booking"].duration_minutes == 0.5
    assert cards["Host checks the booking"].evidence is None
    assert (
        cards["Menu card"].lane == "evidence"
        and cards["Kitchen system prints the order"].evidence == "proposed"
    )
    layers = LAYER_NAMES
    assert [note.line() for note in imported.report.notes] == [
        f"{path.name}, row 9, column Evidence status: unknown evidence status 'Guessed' "
        "(expected observed, assumed, proposed); left empty",
        f"{path.name}, row 10, column Service layer: unknown service layer 'Kitchen' (expected {layers}); "
        "the row was not imported",
        f"{path.name}, row 11, column What happens: nothing in 'What happens'; the row was not imported",
    ]
    assert imported.report.counts["cards"] == 8 and imported.report.counts["steps"] == 8


def test_our_spellings_with_steps_a_semicolon_decimal_comma_and_a_byte_order_mark(tmp_path: Path) -> None:
    text = (
        "Stage;Step;Lane;Title;Function;Minutes;Evidence;Description;Channel\n"
        "Order;Chooses;Customer;Picks a coffee;;1,5;observed;;app\n"
        "Order;Chooses;Frontstage;App shows the menu;App;0,25;;;\n"
        ";Pays;customer;Pays in the app;;1;;;app\n"
        "Collect;Picks up;customer;Takes the cup;;2 min;;From the counter;\n"
    )
    imported = import_file(write(tmp_path, "order.csv", "\ufeff" + text))
    doc = imported.document
    assert imported.report.notes == ()
    assert [(s.name, [step.name for step in s.steps]) for s in doc.stages] == [
        ("Order", ["Chooses", "Pays"]),
        ("Collect", ["Picks up"]),
    ]
    assert [c.duration_minutes for c in doc.cards] == [1.5, 0.25, 1, 2]
    assert [c.step for c in doc.cards[:2]] == [doc.stages[0].steps[0].id] * 2
    assert doc.cards[0].channel == "app" and doc.cards[1].channel is None
    assert doc.cards[3].description == "From the counter"


def test_a_tab_separated_windows_file(tmp_path: Path) -> None:
    text = "Stage\tLane\tTitle\r\nCafé\tcustomer\tOrders a crème brûlée\r\n"
    imported = import_file(write(tmp_path, "cafe.txt", text, "cp1252"))
    assert [card.title for card in imported.document.cards] == ["Orders a crème brûlée"]
    assert imported.report.notes[0].message.startswith("not UTF-8: read as Windows-1252")


def test_without_a_step_column_a_long_title_names_its_step_cut_to_60_characters(tmp_path: Path) -> None:
    title = "The guest reads the whole wine list twice and then asks the waiter for a recommendation"
    imported = import_file(write(tmp_path, "long.csv", f"Stage,Lane,Title\nDrink,customer,{title}\n"))
    step = imported.document.stages[0].steps[0]
    assert len(step.name) == 60 and step.name.endswith("…") and imported.document.cards[0].title == title


def test_formula_protection_of_our_own_csv_is_taken_off(tmp_path: Path) -> None:
    imported = import_file(
        write(tmp_path, "ours.csv", "Stage,Lane,Title\nS,customer,'=1+1\nS,customer,'quoted\n")
    )
    assert [card.title for card in imported.document.cards] == ["=1+1", "'quoted"]


def test_a_workbook_sheet_below_a_title_row(tmp_path: Path) -> None:
    rows = [
        ["Service blueprint workshop, 3 May"],
        [],
        SIGNAL_HEADER.split(","),
        *(r.split(",") for r in SIGNAL_ROWS[:3]),
    ]
    path = workbook(tmp_path / "workshop.xlsx", {"Notes": [["Just notes"]], "Process": rows})
    imported = import_file(path)
    assert imported.report.layout == "a simple process list"
    assert [card.title for card in imported.document.cards] == [
        "Walks in",
        "Host greets the guest",
        "Host checks the booking",
    ]
    assert imported.document.cards[0].duration_minutes == 2
    # the sheet it did not read is a line: nothing is left behind silently
    notes = [note.line() for note in imported.report.notes]
    assert notes == ["Notes: not read: the process list was taken from sheet 'Process'"]


def test_repeated_columns_are_one_line_each(tmp_path: Path) -> None:
    """A second `Title` is not "a column this import does not read"; 3 unknown `Notes` are one line."""
    path = write(
        tmp_path, "dup.csv", "Stage,Lane,Title,Title,Notes,notes ,NOTES\nA,customer,First,Second,x,y,z\n"
    )
    imported = import_file(path)
    assert [card.title for card in imported.document.cards] == ["First"]
    assert [note.line() for note in imported.report.notes] == [
        "dup.csv: the column 'Title' is there more than once: only the first is read; the values of the "
        "others were not imported",
        "dup.csv: the column 'Notes' (3 columns) is not one this import reads; its values were not imported",
    ]


def test_sheet_chooses_the_sheet(tmp_path: Path) -> None:
    first = [["Stage", "Lane", "Title"], ["A", "customer", "From the first sheet"]]
    second = [["Stage", "Lane", "Title"], ["B", "customer", "From the second sheet"]]
    path = workbook(tmp_path / "two.xlsx", {"One": first, "Two": second})
    assert import_file(path).document.cards[0].title == "From the first sheet"
    chosen = import_file(path, sheet=" two ")
    assert chosen.document.cards[0].title == "From the second sheet"
    assert [n.line() for n in chosen.report.notes] == [
        "One: not read: the process list was taken from sheet 'Two'"
    ]
    with pytest.raises(BlueprintFileError, match="no sheet 'Three' \\(the workbook has 'One', 'Two'\\)"):
        import_file(path, sheet="Three")
    many = workbook(tmp_path / "many.xlsx", {f"S{i}": first for i in range(12)})
    with pytest.raises(BlueprintFileError, match=r"'S8', 'S9' and 2 more\)$"):
        import_file(many, sheet="Three")


def test_a_file_in_no_layout_is_refused_naming_the_headers_expected(tmp_path: Path) -> None:
    with pytest.raises(BlueprintFileError) as caught:
        import_file(write(tmp_path, "contacts.csv", "Name,Phone\nAna,123\n"))
    assert caught.value.one_line() == (
        f"{tmp_path / 'contacts.csv'}: no recognised layout: a process list needs the headers Stage, Service "
        "layer (or Lane) and What happens (or Title) (its first row holds: Name, Phone)"
    )
    with pytest.raises(BlueprintFileError, match="our workbook \\(sheets Blueprint and Cards\\)"):
        import_file(workbook(tmp_path / "contacts.xlsx", {"People": [["Name", "Phone"]]}))


def test_minutes_typed_as_times_or_durations(tmp_path: Path) -> None:
    rows = [["Stage", "Lane", "Title", "Minutes"], ["S", "customer", "Waits", datetime.time(0, 5)]]
    rows += [
        ["S", "customer", "Sits", datetime.timedelta(hours=1, minutes=30)],
        ["S", "customer", "Leaves", 2],
    ]
    rows += [["S", "customer", "Pays", datetime.datetime(2027, 1, 1)]]
    path = workbook(tmp_path / "times.xlsx", {"Visit": rows})
    book = openpyxl.load_workbook(path)
    book["Visit"]["D2"].number_format = "h:mm"
    book["Visit"]["D3"].number_format = "[h]:mm"
    book.save(path)
    imported = import_file(path)
    assert [c.duration_minutes for c in imported.document.cards] == [5, 90, 2, None]
    assert [n.line() for n in imported.report.notes] == [
        "Visit, row 5, column Time in minutes: a date where a number belongs; left empty"
    ]
