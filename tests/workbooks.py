"""Workbooks other tools write, made with openpyxl for the import tests: Blueprint Signal's complete
project workbook of a dental practice, process lists, and cheap hostile files."""

from __future__ import annotations

import datetime
import zipfile
from pathlib import Path
from typing import Any

import openpyxl

SIGNAL_STAGES = [
    ["Reference", "Name", "Order"],
    ["ST-3", "Treatment", 3],
    ["ST-1", "Booking", 1],
    ["ST-2", "Arrival", 2],
    ["ST-4", "Aftercare", 4],
]
ITEM_HEADER = [
    "Reference",
    "Stage reference",
    "Service layer",
    "Description",
    "Responsible person or team",
    "Time in minutes",
    "Evidence status",
    "Source reference",
    "Evidence note",
]
SIGNAL_ITEMS = [
    [
        "SI-1",
        "ST-1",
        "Customer actions",
        "Patient books a check-up online",
        None,
        4,
        "Observed",
        "SRC-1",
        None,
    ],
    [
        "SI-2",
        "ST-1",
        "Visible staff / technology",
        "Booking page offers free slots",
        "Web team",
        1,
        "Assumed",
        None,
        None,
    ],
    [
        "SI-3",
        "ST-1",
        "Backstage actions",
        "Reception confirms the slot",
        "Reception",
        "2,5",
        "observed",
        None,
        "Seen in 9 of 12 diary studies",
    ],
    [
        "SI-4",
        "ST-1",
        "Support processes",
        "Practice system holds the diary",
        "Practice system",
        None,
        None,
        None,
        None,
    ],
    ["SI-5", "ST-2", "Customer actions", "Patient arrives and checks in", None, 3, "Observed", "SRC-2", None],
    [
        "SI-6",
        "ST-2",
        "Visible staff / technology",
        "Receptionist greets and checks details",
        "Reception",
        2,
        "Observed",
        None,
        None,
    ],
    [
        "SI-7",
        "ST-2",
        "Physical / digital evidence",
        "Waiting room with screen",
        None,
        None,
        "Observed",
        None,
        None,
    ],
    ["SI-8", "ST-3", "Customer actions", "Patient has the check-up", None, 20, "Observed", None, None],
    ["SI-9", "ST-3", "Front stage", "Dentist examines and explains", "Dentists", 18, "Observed", None, None],
    ["SI-10", "ST-3", "Backstage", "Nurse updates the chart", "Dental nurses", 5, "Assumed", None, None],
    [
        "SI-11",
        "ST-4",
        "Customer actions",
        "Patient pays and books the next visit",
        None,
        4,
        "Observed",
        None,
        None,
    ],
    ["SI-12", "ST-4", "Kitchen", "Staff make coffee", "Reception", 3, None, None, None],
    ["SI-13", "ST-9", "Customer actions", "Patient reads the reminder", None, 1, None, None, None],
    [
        "SI-14",
        "ST-4",
        "support",
        "Reminder service sends the recall",
        "Practice system",
        "soon",
        "Unverified",
        None,
        None,
    ],
]
SIGNAL_HANDOFFS = [
    ["Reference", "From step", "To step", "Description"],
    ["H-1", "SI-1", "SI-2", "chosen slot"],
    ["H-2", "SI-2", "SI-3", "booking request"],
    ["H-3", "SI-3", "SI-4", "confirmed appointment"],
    ["H-4", "SI-5", "SI-6", "name and date of birth"],
    ["H-5", "SI-6", "SI-9", "patient record"],
    ["H-6", "SI-9", "SI-10", "findings"],
    ["H-7", "SI-10", "SI-99", "chart"],
    ["H-8", "SI-11", "SI-14", "next visit"],
]
SIGNAL_FAILURES = [
    [
        "Reference",
        "Step reference",
        "Failure",
        "Impact",
        "Evidence status",
        "Source reference",
        "Responsible person or team",
    ],
    ["FP-1", "SI-3", "Slot confirmed twice", "High", "Observed", "SRC-1", "Reception"],
    ["FP-2", "SI-6", "Long queue at the desk", "Medium", "Assumed", None, "Practice manager"],
    ["FP-3", "SI-3", "Confirmation e-mail lands in spam", "Low", None, None, "Web team"],
    ["FP-4", "SI-42", "Lost referral letter", "High", None, None, None],
]
SIGNAL_PLANS = [
    [
        "Reference",
        "Failure point reference",
        "Change",
        "Responsible person or team",
        "Measure",
        "Target",
        "Follow-up date",
        "Status",
    ],
    [
        "IP-1",
        "FP-1",
        "Lock a slot while it is being booked",
        "Web team",
        "double bookings a month",
        "0",
        datetime.datetime(2027, 3, 31),
        "Testing",
    ],
    [
        "IP-2",
        "FP-2",
        "Self check-in screen at the door " + "so that patients need not queue " * 8,
        "Practice manager",
        "minutes queueing",
        "under 2",
        "2027-05-01",
        "Proposed",
    ],
    ["IP-3", "FP-1", "Daily diary check", "Reception", "", "", "next spring", "Complete"],
    ["IP-4", "FP-9", "Something for a missing failure point", None, None, None, None, "Proposed"],
]
SIGNAL_SOURCES = [
    ["Reference", "Title", "Date"],
    ["SRC-1", "Diary study, 12 patients, autumn 2026", "2026-10"],
    ["SRC-2", "Front-desk observation, two mornings", "2026-11"],
]
SIGNAL_CASE = [
    ["Field", "Value"],
    ["Name", "Check-up at a dental practice"],
    ["Brief", "How a routine check-up works today, from booking to the recall, for a two-chair practice."],
    ["Owner", "Practice manager"],
]


def signal_workbook(path: Path, changed: dict[str, list[list[Any]] | None] | None = None) -> Path:
    """Blueprint Signal's complete project workbook of a dental check-up; `changed` replaces sheets
    (None leaves one out)."""
    sheets = {
        "Case": SIGNAL_CASE,
        "Stages": SIGNAL_STAGES,
        "Service items": [ITEM_HEADER, *SIGNAL_ITEMS],
        "Handoffs": SIGNAL_HANDOFFS,
        "Failure points": SIGNAL_FAILURES,
        "Improvement plans": SIGNAL_PLANS,
        "Sources": SIGNAL_SOURCES,
    }
    sheets.update(changed or {})
    return workbook(path, {name: rows for name, rows in sheets.items() if rows is not None})


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """An .xlsx file with these sheets of rows, as openpyxl writes it."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def raw_workbook(path: Path, sheet_xml: str, extra: dict[str, bytes] | None = None) -> Path:
    """A one-sheet .xlsx whose sheet XML is given as it is (for hostile files), with a tiny package."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Process" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><sheetData>{sheet_xml}</sheetData></worksheet>'
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def inline_row(number: int, *values: str) -> str:
    """A sheet row of inline strings, for `raw_workbook`."""
    cells = "".join(
        f'<c r="{chr(65 + i)}{number}" t="inlineStr"><is><t>{v}</t></is></c>' for i, v in enumerate(values)
    )
    return f'<row r="{number}">{cells}</row>'
