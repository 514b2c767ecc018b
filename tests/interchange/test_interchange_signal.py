"""Blueprint Signal's complete project workbook (a dental check-up, tests/workbooks.py) becomes a
blueprint with its stages in order, its hand-offs, fail points and plans; everything it cannot map
is a line of the report with its sheet and row."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.fileformat import BlueprintFileError
from blueprint.interchange.builder import LAYER_NAMES
from blueprint.interchange.importer import import_file
from blueprint.interchange.report import Imported
from blueprint.validate import validate

from workbooks import ITEM_HEADER, SIGNAL_ITEMS, signal_workbook


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return import_file(signal_workbook(tmp_path_factory.mktemp("signal") / "Dental check-up.xlsx"))


def test_stages_by_order_one_step_and_card_per_service_item(imported: Imported) -> None:
    doc = imported.document
    assert imported.report.layout == "a Blueprint Signal project workbook"
    assert doc.title == "Dental check-up"
    assert [(s.id, s.name) for s in doc.stages] == [
        ("ST-1", "Booking"),
        ("ST-2", "Arrival"),
        ("ST-3", "Treatment"),
        ("ST-4", "Aftercare"),
    ]
    assert [len(s.steps) for s in doc.stages] == [4, 3, 3, 2]
    assert doc.stages[0].steps[0].name == "Patient books a check-up online"
    assert len(doc.cards) == len(SIGNAL_ITEMS) - 2  # an unknown layer, an unknown stage: left out
    assert [lane.kind for lane in doc.lanes] == ["evidence", "customer", "frontstage", "backstage", "support"]
    cards = {card.title: card for card in doc.cards}
    confirm = cards["Reception confirms the slot"]
    assert confirm.lane == "backstage" and confirm.duration_minutes == 2.5 and confirm.evidence == "observed"
    assert confirm.function == "reception"
    assert cards["Dentist examines and explains"].lane == "frontstage"  # "Front stage"
    assert cards["Waiting room with screen"].lane == "evidence"


def test_descriptions_gather_the_evidence_note_and_the_sources(imported: Imported) -> None:
    cards = {card.title: card for card in imported.document.cards}
    assert (
        cards["Patient books a check-up online"].description
        == "Source: Diary study, 12 patients, autumn 2026"
    )
    assert cards["Reception confirms the slot"].description == (
        "Seen in 9 of 12 diary studies\n\nSource: Diary study, 12 patients, autumn 2026"
    )


def test_hand_offs_become_labelled_links(imported: Imported) -> None:
    doc = imported.document
    titles = {card.id: card.title for card in doc.cards}
    links = [(titles[li.source], titles[li.target], li.label) for li in doc.links]
    assert ("Patient books a check-up online", "Booking page offers free slots", "chosen slot") in links
    assert (
        "Receptionist greets and checks details",
        "Dentist examines and explains",
        "patient record",
    ) in links
    assert len(links) == 7  # H-7 names a missing item
    assert not any(f.code == "BP104" for f in validate(doc)), "every item's Responsible became its function"


def test_failure_points_become_fail_points_with_owners(imported: Imported) -> None:
    doc = imported.document
    cards = {card.title: card for card in doc.cards}
    fail = cards["Reception confirms the slot"].fail_point
    assert fail is not None and fail.severity == "high" and fail.owner == "reception"
    assert fail.note == "Slot confirmed twice\n\nEvidence: Observed"
    queue = cards["Receptionist greets and checks details"].fail_point
    assert queue is not None and queue.owner == "practice-manager"
    assert "Practice manager" in [f.name for f in doc.functions]


def test_improvement_plans_target_the_failure_points_cards(imported: Imported) -> None:
    doc = imported.document
    confirm = next(card.id for card in doc.cards if card.title == "Reception confirms the slot")
    plans = doc.improvements
    assert [(p.targets, p.status, p.due) for p in plans] == [
        ([confirm], "testing", "2027-03-31"),
        (
            [next(c.id for c in doc.cards if c.title.startswith("Receptionist greets"))],
            "proposed",
            "2027-05-01",
        ),
        ([confirm], "done", None),
    ]
    long = plans[1]
    assert (
        len(long.title) == 200 and long.title.endswith("…") and long.description.startswith("Self check-in")
    )
    assert (plans[0].owner, plans[0].measure, plans[0].target) == ("web-team", "double bookings a month", "0")


def test_the_case_brief_is_the_description(imported: Imported) -> None:
    assert imported.document.description == (
        "How a routine check-up works today, from booking to the recall, for a two-chair practice.\n\n"
        "Name: Check-up at a dental practice\nOwner: Practice manager"
    )


def test_everything_not_mapped_is_one_line_with_its_sheet_and_row(imported: Imported) -> None:
    layers = LAYER_NAMES
    assert [note.line() for note in imported.report.notes] == [
        "Sources: the column 'Date' is not one this import reads; its values were not imported",
        f"Service items, row 13, column Service layer: unknown service layer 'Kitchen' (expected {layers}); "
        "the item was not imported",
        "Service items, row 14, column Stage reference: no stage 'ST-9' in the Stages sheet; "
        "the item was not imported",
        "Service items, row 15, column Time in minutes: 'soon' is not a number; left empty",
        "Service items, row 15, column Evidence status: unknown evidence status 'Unverified' "
        "(expected observed, assumed, proposed); left empty",
        "Handoffs, row 8, column To step: no service item 'SI-99'; the hand-off was not imported",
        "Failure points, row 4, column Step reference: the item has a failure point already "
        "(a card holds one); not imported",
        "Failure points, row 5, column Step reference: no service item 'SI-42'; "
        "the failure point was not imported",
        "Improvement plans, row 4, column Follow-up date: 'next spring' is not a date "
        "(write it as 2027-03-31, or use a date cell); left empty",
        "Improvement plans, row 5, column Failure point reference: no failure point 'FP-9'; "
        "the plan was not imported",
    ]


def test_a_workbook_with_only_stages_and_items(tmp_path: Path) -> None:
    path = signal_workbook(
        tmp_path / "lean.xlsx",
        {"Case": None, "Handoffs": None, "Failure points": None, "Improvement plans": None, "Sources": None},
    )
    lean = import_file(path)
    assert lean.report.layout == "a Blueprint Signal project workbook"
    assert len(lean.document.cards) == len(SIGNAL_ITEMS) - 2 and lean.document.links == []
    assert lean.document.description == ""


def test_a_stage_without_items_and_a_hand_off_to_itself_are_plain_lines(tmp_path: Path) -> None:
    """A stage no item is in cannot be a stage (it needs a step): said in words, not as a model error."""
    stages = [["Reference", "Name", "Order"], ["ST-1", "Booking", 1], ["ST-2", "Arrival", 2]]
    items = [row for row in SIGNAL_ITEMS if row[1] == "ST-1"]
    handoffs = [["Reference", "From step", "To step", "Description"], ["H-1", "SI-1", "SI-1", "loops"]]
    path = signal_workbook(
        tmp_path / "early.xlsx",
        {
            "Stages": stages,
            "Service items": [ITEM_HEADER, *items],
            "Failure points": None,
            "Handoffs": handoffs,
        },
    )
    early = import_file(path)
    assert [stage.name for stage in early.document.stages] == ["Booking"]
    stage_lines = [note.line() for note in early.report.notes if note.sheet == "Stages"]
    assert stage_lines == [
        "Stages, row 3: no row was imported into this stage (a stage needs at least one step); "
        "the stage was left out"
    ]
    handoff_lines = [note.line() for note in early.report.notes if note.sheet == "Handoffs"]
    assert handoff_lines == [
        "Handoffs, row 2, column To step: a hand-off from item 'SI-1' to itself; not imported"
    ]


def test_signals_sheets_without_their_headers_are_refused_naming_them(tmp_path: Path) -> None:
    header = [h for h in ITEM_HEADER if h != "Service layer"]
    items = [[v for i, v in enumerate(row) if i != 2] for row in SIGNAL_ITEMS]
    path = signal_workbook(tmp_path / "cut.xlsx", {"Service items": [header, *items]})
    with pytest.raises(BlueprintFileError) as caught:
        import_file(path)
    needs = "needs the headers Reference, Stage reference, Service layer, Description"
    holds = "(its first row holds: Reference, Stage reference, Description"
    line = caught.value.one_line()
    assert line.startswith(
        f"{path}: no recognised layout: Blueprint Signal's sheet 'Service items' {needs} {holds}"
    )
