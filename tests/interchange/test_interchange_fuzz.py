"""Edits anyone might make in a spreadsheet, at random: whatever the cells hold, importing our workbook
gives a valid blueprint and a report, or one line saying why not; never a traceback."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from blueprint.fileformat import BlueprintFileError, dumps
from blueprint.interchange import columns
from blueprint.interchange.importer import import_file
from blueprint.interchange.package import Sheet, write_workbook
from blueprint.interchange.workbook_export import data_rows
from blueprint.interchange.workbook_import import import_ours
from blueprint.interchange.workbook_reading import Workbook
from blueprint.model import Improvement, View

from builders import blueprint_with, card

DOC = blueprint_with(
    cards=[
        card("c1", "customer", 0, "Orders", channel="app", duration_minutes=2, tags=["a", "b"]),
        card(
            "c2",
            "frontstage",
            1,
            "Takes it",
            function="team-a",
            fail_point={"note": "late", "severity": "high"},
        ),
        card("c3", "backstage", 2, "Makes it", wait_point={"note": "queue", "minutes": None}),
    ],
    links=[("c1", "c2", {"label": "order"}), ("c2", "c3")],
).model_copy(
    update={
        "improvements": [Improvement(id="p1", title="Faster", targets=["c2", "l0"], due="2027-01-31")],
        "views": [View(id="v1", name="Team A", hidden_lanes=["support"], focus=["team-a"])],
    }
)
VALUES = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from(
        ["c1", "c2", "l0", "team-a", "customer", "step1", "stage", "unknown", "high", "loop", "-1"]
    ),
    st.integers(-5, 10**13),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just("x" * 600),
    st.dates().map(lambda d: datetime.date.isoformat(d)),
)
EDITS = st.lists(
    st.tuples(st.sampled_from(list(columns.DATA_SHEETS)), st.integers(0, 12), st.integers(0, 20), VALUES),
    max_size=8,
)


def _cell(value: object) -> object:
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return str(value)  # a spreadsheet holds no NaN: it would be text typed in
    return value


@given(EDITS)
def test_any_edit_imports_or_is_one_line(edits: list[tuple[str, int, int, object]]) -> None:
    rows = {name: [list(r) for r in data] for name, data in data_rows(DOC).items()}
    headers = {name: columns.headers(name) for name in columns.DATA_SHEETS}
    for sheet, row, column, value in edits:
        table = rows[sheet]
        while len(table) <= row:
            table.append([])
        if row == 0 and column < len(headers[sheet]) and isinstance(value, str):
            headers[sheet][column] = value  # a header renamed
            continue
        target = table[row]
        while len(target) <= column:
            target.append(None)
        target[column] = _cell(value)
    sheets = [Sheet(name, headers[name], rows[name]) for name in columns.DATA_SHEETS]
    with Workbook("edited.xlsx", write_workbook(sheets)) as book:
        try:
            imported = import_ours(book, "edited.xlsx")
        except BlueprintFileError as error:
            assert "\n" not in error.one_line()
            return
    dumps(imported.document)  # a valid document, as the file will hold it
    for note in imported.report.notes:
        assert "\n" not in note.line()
    if not edits:
        assert dumps(imported.document) == dumps(DOC)


WORKBOOK = write_workbook([Sheet(name, columns.headers(name), rows) for name, rows in data_rows(DOC).items()])


@given(st.lists(st.tuples(st.integers(0, len(WORKBOOK) - 1), st.integers(0, 255)), min_size=1, max_size=6))
def test_damaged_bytes_import_or_are_one_line(tmp_path_factory, damage: list[tuple[int, int]]) -> None:  # type: ignore[no-untyped-def]
    data = bytearray(WORKBOOK)
    for at, value in damage:
        data[at] = value
    path = tmp_path_factory.mktemp("damaged") / "damaged.xlsx"
    path.write_bytes(bytes(data))
    try:
        imported = import_file(path)
    except BlueprintFileError as error:
        assert "\n" not in error.one_line()
        return
    dumps(imported.document)
