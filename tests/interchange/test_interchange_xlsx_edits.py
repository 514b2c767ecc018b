"""A designer edits the exported workbook in a spreadsheet program, then imports it: the edits come in,
and every cell that cannot be read is a line of the report (sheet, row, column) while the rest is
imported. The last test does it in LibreOffice itself, where it is installed."""

from __future__ import annotations

import datetime
import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from blueprint.fileformat import dumps, load
from blueprint.interchange.importer import import_file
from blueprint.interchange.report import Imported
from blueprint.interchange.workbook_export import export_xlsx
from blueprint.model import Blueprint, Improvement, View

CAFE = Path(__file__).resolve().parents[2] / "samples" / "cafe-order-ahead.blueprint"


def cafe() -> Blueprint:
    """The café sample with an improvement plan and a view."""
    doc = load(CAFE)
    plan = Improvement(id="plan-1", title="Queue screen", targets=[doc.cards[4].id], due="2027-03-31")
    view = View(id="view-1", name="For baristas", hidden_lanes=[doc.lanes[-1].id])
    return doc.model_copy(update={"improvements": [plan], "views": [view]})


def edited(tmp_path: Path, edit) -> Imported:  # type: ignore[no-untyped-def]
    """Export the café, let `edit(book)` change the workbook (as openpyxl saves it), import it."""
    book = openpyxl.load_workbook(io.BytesIO(export_xlsx(cafe())))
    edit(book)
    path = tmp_path / "cafe.xlsx"
    book.save(path)
    return import_file(path)


def column(sheet, name: str) -> int:  # type: ignore[no-untyped-def]
    return [cell.value for cell in sheet[1]].index(name) + 1


def lines(imported: Imported) -> list[str]:
    return [note.line() for note in imported.report.notes]


def test_an_edited_title_comes_in_and_nothing_else_changes(tmp_path: Path) -> None:
    def edit(book):  # type: ignore[no-untyped-def]
        book["Cards"].cell(3, column(book["Cards"], "Title")).value = "Opens the app on the bus"

    imported = edited(tmp_path, edit)
    doc = cafe()
    expected = doc.model_copy(
        update={
            "cards": [
                doc.cards[0],
                doc.cards[1].model_copy(update={"title": "Opens the app on the bus"}),
                *doc.cards[2:],
            ]
        }
    )
    assert lines(imported) == []
    assert dumps(imported.document) == dumps(expected)


def test_names_typed_in_place_of_ids_and_a_new_card_without_an_id(tmp_path: Path) -> None:
    def edit(book):  # type: ignore[no-untyped-def]
        cards = book["Cards"]
        row = cards.max_row + 1
        for name, value in (
            ("Step", "picks up the drink"),
            ("Lane", "Frontstage"),
            ("Title", "Waves goodbye"),
            ("Minutes", "0,5"),
            ("Tolerance", "3 min"),
            ("Wait", "Queue at the counter"),
            ("Wait minutes", "10 minutes"),
        ):
            cards.cell(row, column(cards, name)).value = value
        cards.cell(row, column(cards, "Function")).value = "Barista"

    imported = edited(tmp_path, edit)
    new = imported.document.cards[-1]
    doc = cafe()
    step = next(s for _, s in doc.all_steps() if s.name == "Picks up the drink")
    assert (new.title, new.step, new.duration_minutes) == ("Waves goodbye", step.id, 0.5)
    assert new.tolerance_minutes == 3 and new.wait_point is not None and new.wait_point.minutes == 10
    assert new.lane == next(lane.id for lane in doc.lanes if lane.name == "Frontstage")
    assert new.function == next(f.id for f in doc.functions if f.name == "Barista")
    assert new.id not in doc.cards_by_id() and lines(imported) == []
    assert re.fullmatch(r"card-[0-9a-f]{6}", new.id)  # random, as the editor makes them


def test_a_stage_added_without_ids_is_a_stage_of_its_own(tmp_path: Path) -> None:
    """Rows typed below the last stage with a new stage name (and no ids) make a new stage, not more
    steps of the stage above; a blank or repeated stage name continues the stage."""

    def edit(book):  # type: ignore[no-untyped-def]
        stages = book["Stages"]
        stages.append([None, "Follow-up", "post-purchase", "Get feedback", None, "Answers the survey"])
        stages.append([None, None, None, None, None, "Rates the app"])
        stages.append([None, "Follow-up", None, None, None, "Orders again"])

    imported = edited(tmp_path, edit)
    before, after = cafe().stages, imported.document.stages
    assert lines(imported) == [] and after[:-1] == before
    added = after[-1]
    assert (added.name, added.phase, added.job) == ("Follow-up", "post-purchase", "Get feedback")
    assert [step.name for step in added.steps] == ["Answers the survey", "Rates the app", "Orders again"]


def test_created_and_modified_typed_as_dates_are_read_as_utc(tmp_path: Path) -> None:
    def edit(book):  # type: ignore[no-untyped-def]
        for field, value in book["Blueprint"].iter_rows(min_row=2):
            if field.value == "modified":
                value.value = datetime.datetime(2026, 12, 4, 9, 30)

    imported = edited(tmp_path, edit)
    assert imported.document.metadata.modified == "2026-12-04T09:30:00Z"
    row = [note.row for note in imported.report.notes]
    expected = "a date cell has no time zone: read as UTC, 2026-12-04T09:30:00Z"
    assert lines(imported) == [f"Blueprint, row {row[0]}, column Value: {expected}"]


def test_ids_typed_as_a_list_with_commas(tmp_path: Path) -> None:
    doc = cafe()
    first, second = doc.cards[4].id, doc.cards[5].id

    def edit(book):  # type: ignore[no-untyped-def]
        plans = book["Improvements"]
        plans.cell(2, column(plans, "Targets")).value = f"{first}, {second};"

    imported = edited(tmp_path, edit)
    assert lines(imported) == [] and imported.document.improvements[0].targets == [first, second]


def test_a_copied_row_is_a_new_card_with_a_random_id(tmp_path: Path) -> None:
    """Two colleagues copying rows in copies of one workbook must not both make `card-1`."""

    def edit(book):  # type: ignore[no-untyped-def]
        cards = book["Cards"]
        copy = [cell.value for cell in cards[2]]
        copy[column(cards, "Title") - 1] = "Orders a second coffee"
        cards.append(copy)

    imported = edited(tmp_path, edit)
    first, copied = cafe().cards[0], imported.document.cards[-1]
    assert copied.title == "Orders a second coffee" and re.fullmatch(r"card-[0-9a-f]{6}", copied.id)
    row = len(cafe().cards) + 2
    reused = f"id '{first.id}' is used already (Cards, row 2); this one gets '{copied.id}'"
    assert lines(imported) == [f"Cards, row {row}, column Id: {reused}"]


def test_cells_that_cannot_be_read_are_reported_and_the_rest_comes_in(tmp_path: Path) -> None:
    doc = cafe()
    lost = doc.cards[1].id  # its lane is made unknown below: the card and its links are left out
    touching = [i for i, li in enumerate(doc.links) if lost in (li.source, li.target)]
    broken = next(i for i in range(len(doc.links)) if i not in touching)

    def edit(book):  # type: ignore[no-untyped-def]
        cards, links, plans = book["Cards"], book["Links"], book["Improvements"]
        cards.cell(2, column(cards, "Minutes")).value = "a while"
        cards.cell(3, column(cards, "Lane")).value = "Kitchen"
        cards.cell(4, column(cards, "Emotion")).value = 7
        cards.cell(5, column(cards, "Fail severity")).value = "catastrophic"
        links.cell(2 + broken, column(links, "To")).value = "no-such-card"
        plans.cell(2, column(plans, "Due")).value = 45000
        cards.cell(1, 20).value = "Notes"
        cards.cell(3, 20).value = "ask the chef"  # an unread column is a line when it holds a value
        book.create_sheet("Scratch")

    imported = edited(tmp_path, edit)
    report = lines(imported)
    assert "Cards, row 2, column Minutes: 'a while' is not a number; left empty" in report
    assert "Cards, row 3, column Lane: no lane 'Kitchen'; the card was left out" in report
    assert "Cards, row 4, column Emotion: 7 is not from -2 to 2; left empty" in report
    expected = "unknown severity 'catastrophic' (expected low, medium, high); it is medium"
    assert f"Cards, row 5, column Fail severity: {expected}" in report
    assert f"Links, row {2 + broken}, column To: no card 'no-such-card'; the link was left out" in report
    for i in touching:
        end = "From" if doc.links[i].source == lost else "To"
        assert f"Links, row {2 + i}, column {end}: no card '{lost}'; the link was left out" in report
    assert "Improvements, row 2, column Due: a number where a date belongs; left empty" in report
    assert "Cards: the column 'Notes' is not one this import reads; its values were not imported" in report
    assert "Scratch: not a sheet of a blueprint workbook; not imported" in report
    assert len(report) == 8 + len(touching)
    back = imported.document
    assert [c.id for c in back.cards] == [c.id for c in doc.cards if c.id != lost]
    assert [li.id for li in back.links] == [
        li.id for i, li in enumerate(doc.links) if i not in (*touching, broken)
    ]
    cards = back.cards_by_id()
    assert cards[doc.cards[0].id].duration_minutes is None and cards[doc.cards[2].id].emotion is None
    severe = cards[doc.cards[3].id].fail_point
    assert severe is not None and severe.severity == "medium"
    assert back.improvements[0].due is None and back.improvements[0].title == doc.improvements[0].title


def test_a_title_over_both_limits_is_cut_once_with_one_line(tmp_path: Path) -> None:
    """A title is at most 10,000 characters, then 500 after trimming: one cut, one line."""

    def edit(book):  # type: ignore[no-untyped-def]
        book["Cards"].cell(2, column(book["Cards"], "Title")).value = "Long " * 3000

    imported = edited(tmp_path, edit)
    cut = "is too long (15000 characters; at most 500); cut to 500 characters"
    assert lines(imported) == [f"Cards, row 2, column Title: {cut}"]
    assert len(imported.document.cards[0].title) == 500


def test_a_workbook_without_its_lanes_sheet_is_reported_not_a_traceback(tmp_path: Path) -> None:
    imported = edited(tmp_path, lambda book: book.remove(book["Lanes"]))
    report = lines(imported)
    assert report[0] == "Lanes: no sheet 'Lanes': the workbook has no lanes"
    assert imported.document.cards == [] and imported.document.links == []


def test_a_workbook_without_its_blueprint_sheet_is_still_ours(tmp_path: Path) -> None:
    """Read as a process list instead, its ids, links, plans and views would be lost."""
    imported = edited(tmp_path, lambda book: book.remove(book["Blueprint"]))
    doc, back = cafe(), imported.document
    assert imported.report.layout == "a Service Blueprint Studio workbook"
    assert lines(imported) == [
        "Blueprint: no sheet 'Blueprint': the workbook has no description, persona, author, dates or tags",
        "Blueprint, column Value: no title: the blueprint is called 'cafe'",
    ]
    assert (back.cards, back.links, back.improvements, back.views) == (
        doc.cards,
        doc.links,
        doc.improvements,
        doc.views,
    )


def test_a_retyped_blueprint_header_keeps_the_workbook_ours(tmp_path: Path) -> None:
    def edit(book):  # type: ignore[no-untyped-def]
        book["Blueprint"]["A1"] = "Name"

    imported = edited(tmp_path, edit)
    assert imported.report.layout == "a Service Blueprint Studio workbook"
    assert lines(imported)[0] == "Blueprint: no header row naming Field (expected Field, Value); not imported"
    assert imported.document.links == cafe().links


SOFFICE = shutil.which("soffice")


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_title_edited_in_libreoffice_comes_in(tmp_path: Path) -> None:
    """Export, let LibreOffice open the workbook (as its own flat XML), change a title, let LibreOffice
    save it as .xlsx, import: the title changed and nothing else did. Formula-like titles stay text."""
    doc = cafe()
    doc = doc.model_copy(
        update={"cards": [doc.cards[0].model_copy(update={"title": "=1+1"}), *doc.cards[1:]]}
    )
    (tmp_path / "cafe.xlsx").write_bytes(export_xlsx(doc))
    env = {**os.environ, "HOME": str(tmp_path)}

    def convert(source: str, kind: str) -> Path:
        command = [SOFFICE, "--headless", "--convert-to", kind, "--outdir", str(tmp_path / kind), source]
        subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, timeout=120, check=True)
        return tmp_path / kind / Path(source).with_suffix(f".{kind}").name

    flat = convert("cafe.xlsx", "fods")
    text = flat.read_text(encoding="utf-8")
    assert "table:formula" not in text and "<text:p>=1+1</text:p>" in text
    old = doc.cards[5].title
    flat.write_text(text.replace(old, "Menu with queue length"), encoding="utf-8")
    imported = import_file(convert(str(flat), "xlsx"))
    cards = [
        *doc.cards[:5],
        doc.cards[5].model_copy(update={"title": "Menu with queue length"}),
        *doc.cards[6:],
    ]
    assert lines(imported) == []
    assert dumps(imported.document) == dumps(doc.model_copy(update={"cards": cards}))
