"""Hostile and broken files are refused by `blueprint import` in one line naming the file, before they
cost time or memory: the limits are lowered here so that each hostile file stays tiny to build."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from blueprint.fileformat import BlueprintFileError
from blueprint.fileformat import limits as file_limits
from blueprint.fileformat.limits import SizeLimits
from blueprint.interchange import limits
from blueprint.interchange.importer import import_file

from workbooks import inline_row, raw_workbook

HEADER = inline_row(1, "Stage", "Service layer", "What happens")


def refused(path: Path) -> str:
    with pytest.raises(BlueprintFileError) as caught:
        import_file(path)
    line = caught.value.one_line()
    assert "\n" not in line and line.startswith(str(path))
    return line


def test_a_text_file_renamed_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "notes.xlsx"
    path.write_text("Stage,Service layer,What happens\n")
    assert "not a zip archive" in refused(path)


def test_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert refused(tmp_path / "empty.xlsx").endswith("not an Excel workbook (.xlsx): the file is empty")
    (tmp_path / "empty.csv").write_bytes(b"")
    assert "no recognised layout" in refused(tmp_path / "empty.csv")


def test_an_old_xls_workbook(tmp_path: Path) -> None:
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    assert "save it as .xlsx" in refused(path)


def test_an_encrypted_workbook_is_not_called_an_old_xls(tmp_path: Path) -> None:
    """Office encrypts an .xlsx (password, sensitivity label) into an OLE container, as .xls files are."""
    path = tmp_path / "locked.xlsx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000)
    path.write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + bytes(100))
    assert refused(path).endswith(
        "the workbook is encrypted (a password or a sensitivity label): save a copy without them first"
    )


def test_a_damaged_zip(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    whole = raw_workbook(tmp_path / "whole.xlsx", HEADER).read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    assert "not a readable Excel workbook" in refused(path)


def test_a_zip_that_is_no_workbook(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff")
    assert "not a readable Excel workbook" in refused(path)


def test_a_zip_bomb_is_refused_from_its_listed_sizes(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    raw_workbook(path, HEADER, {"xl/media/zeros.bin": bytes(3 * 1024 * 1024)})  # packs 1000-fold
    assert "zip bomb" in refused(path)


def test_a_workbook_that_unpacks_beyond_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 50_000)
    path = raw_workbook(tmp_path / "big.xlsx", HEADER, {"xl/media/noise.bin": bytes(range(256)) * 300})
    assert "unpacks to" in refused(path)


def test_too_many_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 51)
    rows = "".join(inline_row(n, "Visit", "customer", f"Step {n}") for n in range(2, 120))
    assert "more than 50 rows" in refused(raw_workbook(tmp_path / "rows.xlsx", HEADER + rows))


def test_a_million_rows_stop_at_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet claiming a million rows (its last row numbered 1,000,000) is read only up to the limit."""
    monkeypatch.setattr(limits, "MAX_ROWS", 3)
    rows = inline_row(2, "Visit", "customer", "Arrives") + '<row r="999999"/>' * 2 + '<row r="1000000"/>'
    assert "more than 2 rows" in refused(raw_workbook(tmp_path / "million.xlsx", HEADER + rows))


def test_a_huge_cell(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_CELL_CHARS", 1000)
    row = inline_row(2, "Visit", "customer", "x" * 1001)
    line = refused(raw_workbook(tmp_path / "huge.xlsx", HEADER + row))
    assert "a cell of 1,001 characters" in line and "Process!C2" in line


def test_a_formula_without_a_saved_result(tmp_path: Path) -> None:
    row = '<row r="2"><c r="A2"><f>1+1</f></c></row>'
    line = refused(raw_workbook(tmp_path / "formula.xlsx", HEADER + row))
    assert "formula without a saved result (=1+1)" in line and "Process!A2" in line


def test_a_formula_with_its_saved_result_is_read_as_that_result(tmp_path: Path) -> None:
    row = (
        inline_row(2, "Visit", "customer")[:-6]
        + '<c r="C2" t="str"><f>"Arr"&amp;"ives"</f><v>Arrives</v></c></row>'
    )
    imported = import_file(raw_workbook(tmp_path / "cached.xlsx", HEADER + row))
    assert [card.title for card in imported.document.cards] == ["Arrives"]


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
    for level in "bcdefgh":
        previous = chr(ord(level) - 1)
        entities += f'<!ENTITY {level} "{f"&{previous};" * 10}">'
    path = raw_workbook(tmp_path / "laughs.xlsx", HEADER + inline_row(2, "Visit", "customer", "&h;"))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = f"<!DOCTYPE worksheet [{entities}]>{sheet}".encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert "not a readable Excel workbook" in refused(path)


def test_a_csv_file_with_binary_data(tmp_path: Path) -> None:
    path = tmp_path / "image.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    assert "binary data" in refused(path)


def test_a_csv_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    small = SizeLimits(100, file_limits.FILE_LIMITS.json_values, file_limits.FILE_LIMITS.counts)
    monkeypatch.setattr(file_limits, "FILE_LIMITS", small)
    path = tmp_path / "long.csv"
    path.write_text("Stage,Lane,Title\n" + "Visit,customer,Arrives\n" * 20)
    assert "larger than" in refused(path)


def test_a_csv_file_with_too_many_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 10)
    path = tmp_path / "rows.csv"
    path.write_text("Stage,Lane,Title\n" + "Visit,customer,Arrives\n" * 20)
    assert "more than 9 rows" in refused(path)


def test_a_huge_csv_value_is_refused_naming_its_row(tmp_path: Path) -> None:
    """Over the csv module's own field limit (131,072) as well as below it, never an internal error:
    the first lines are also read to find the delimiter, where the value is a field of its own."""
    path = tmp_path / "huge.csv"
    path.write_text("Stage,Lane,Title\nVisit,customer,Arrives\nVisit,customer," + "x" * 140_000 + "\n")
    line = refused(path)
    assert line.endswith(
        "row 3: refused: a value of more than 131,072 characters (this program reads at most 100,000)"
    )
    path.write_text("Stage,Lane,Title\nVisit,customer," + "x" * 100_001 + "\n")
    assert refused(path).endswith(
        "row 2, column 3: refused: a value of 100,001 characters (this program reads at most 100,000)"
    )


def test_a_folder_named_like_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "folder.xlsx"
    path.mkdir()
    assert "is a folder" in refused(path)


def test_a_file_of_another_kind(tmp_path: Path) -> None:
    path = tmp_path / "blueprint.ods"
    path.write_bytes(b"PK")
    assert "import reads .xlsx workbooks and .csv files" in refused(path)


def test_more_cards_than_a_blueprint_may_hold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = {**file_limits.FILE_LIMITS.counts, "cards": 5}
    small = SizeLimits(file_limits.FILE_LIMITS.file_bytes, file_limits.FILE_LIMITS.json_values, counts)
    monkeypatch.setattr(file_limits, "FILE_LIMITS", small)
    path = tmp_path / "many.csv"
    path.write_text("Stage,Lane,Title\n" + "".join(f"Visit,customer,Step {n}\n" for n in range(6)))
    assert "it would make 6 cards (this program opens at most 5)" in refused(path)


def test_a_formula_saved_by_openpyxl_has_no_result_either(tmp_path: Path) -> None:
    """openpyxl writes a formula it typed in as `<f>...</f><v/>`: no result, not an empty number."""
    path = tmp_path / "typed.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Process"
    sheet.append(["Stage", "Service layer", "What happens", "Minutes"])
    sheet.append(["Visit", "customer", "Arrives", "=SUM(D3:D4)"])
    book.save(path)
    line = refused(path)
    assert "formula without a saved result (=SUM(D3:D4))" in line and "Process!D2" in line


def test_an_empty_formula_text_result_is_an_empty_cell(tmp_path: Path) -> None:
    row = inline_row(2, "Visit", "customer", "Arrives")[:-6] + '<c r="D2" t="str"><f>""</f><v></v></c></row>'
    imported = import_file(raw_workbook(tmp_path / "blank.xlsx", HEADER + row))
    assert [card.title for card in imported.document.cards] == ["Arrives"]


def test_a_csv_quote_never_closed_is_refused_naming_the_line_where_it_opened(tmp_path: Path) -> None:
    """The csv module would read the rest of the file into that one value, silently: rows lost."""
    path = tmp_path / "trip.csv"
    path.write_text(
        'Stage,Service layer,What happens\nVisit,Customer,"Arrives\nVisit,Customer,Orders\n'
        "Pay,Frontstage,Takes the money\n",
        newline="",
    )
    assert refused(path) == (
        f"{path}: line 2, column 3: a quote mark opens a value here and is never closed, so the rest "
        "of the file would be read as that one value: close the quote, or write a quote mark inside a "
        'value as two ("")'
    )
    path.write_bytes(b'Stage;Service layer;What happens\r\nVisit;"Customer;Arrives\r\nPay;Front;Takes\r\n')
    assert ": line 2, column 2: a quote mark opens a value here and is never closed" in refused(path)
    path.write_text('Stage,Service layer,What happens\nVisit,Customer,"Arrives')  # on the last line
    assert ": line 2, column 3: a quote mark opens" in refused(path)


def test_a_csv_quote_never_closed_before_a_huge_rest_names_the_line_not_the_size(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text('Stage,Lane,Title\nVisit,"customer,Arrives\n' + "Visit,customer,Orders\n" * 8_000)
    assert ": line 2, column 2: a quote mark opens a value here and is never closed" in refused(path)


def test_a_csv_value_over_the_line_limit_names_the_line_where_its_quote_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quote never closed where it should be, closed by a stray quote mark further down."""
    monkeypatch.setattr(limits, "MAX_VALUE_LINES", 5)
    path = tmp_path / "stray.csv"
    rows = "".join(f"Visit,Customer,Step {i}\n" for i in range(8))
    path.write_text(
        f'Stage,Service layer,What happens\nVisit,Customer,"Arrives\n{rows}Pay,Frontstage,"Takes"\n'
    )
    assert refused(path).startswith(
        f"{path}: line 2, column 3: a quote mark opens a value here that runs over 5 lines"
    )


def test_quoted_values_over_a_few_lines_and_doubled_quote_marks_still_read(tmp_path: Path) -> None:
    from blueprint.interchange.csv_reading import read_csv

    path = tmp_path / "notes.csv"
    path.write_text(
        'Stage,Service layer,What happens\nVisit,Customer,"Arrives\nlate, and ""tired"""\n'
        'Visit,Customer,Says "hi\nPay,Frontstage,Takes\n',
        newline="",
    )
    read = read_csv(path, ["Stage", "Service layer", "What happens"])
    values = [cells.get(3) for _number, cells in read.table.rows()]
    assert values == ["What happens", 'Arrives\nlate, and "tired"', 'Says "hi', "Takes"]
