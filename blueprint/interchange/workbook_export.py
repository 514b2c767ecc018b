"""`blueprint export FILE -o OUT.xlsx`: the whole document as a workbook that re-imports exactly.

The data sheets hold every field of the document (interchange spec, docs/interchange.md); the result
sheets after them (findings, hand-off matrix, the customer's time) are for people and ignored on import.
An empty cell is null (or "" for a text that cannot be null); a list holds one item per line (ids are
space-separated); numbers are numbers; a fail point exists when its severity is filled, a wait point
when its minutes are (a number, or the word `unknown`), the persona when its name is.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from blueprint.fileformat import BlueprintFileError
from blueprint.interchange import columns
from blueprint.interchange.package import CellTooLong, Sheet, Value, write_workbook
from blueprint.interchange.results import result_sheets
from blueprint.model import Blueprint

UNKNOWN_MINUTES = columns.UNKNOWN_MINUTES


def lines(items: Sequence[str]) -> str | None:
    """A list as one cell, one item per line: None for no items (an empty cell), "" for one empty item."""
    return "\n".join(items) if items else None


def words(ids: Sequence[str]) -> str | None:
    """Ids as one cell, space-separated (an id holds no space)."""
    return " ".join(ids) if ids else None


def _text(value: str) -> str | None:
    """A text that may not be null: "" is written as an empty cell."""
    return value or None


def _blueprint_rows(doc: Blueprint) -> Iterator[list[Value]]:
    persona, meta = doc.persona, doc.metadata
    values: list[Value] = [
        doc.title,
        _text(doc.description),
        persona.name if persona else None,
        _text(persona.description) if persona else None,
        meta.author,
        meta.created,
        meta.modified,
        meta.language,
        lines(meta.tags),
    ]
    for field, value in zip(columns.BLUEPRINT_FIELDS, values, strict=True):
        yield [field, value]
    if doc.schema_url is not None:
        yield [columns.SCHEMA_FIELD, doc.schema_url]  # "" stays an (empty) text cell: the row says it is set


def _card_rows(doc: Blueprint) -> Iterator[list[Value]]:
    stage_of = {step.id: stage.id for stage in doc.stages for step in stage.steps}
    for card in doc.cards:
        fail, wait = card.fail_point, card.wait_point
        yield [
            card.id,
            stage_of[card.step],
            card.step,
            card.lane,
            card.title,
            _text(card.description),
            card.function,
            card.channel,
            card.duration_minutes,
            card.tolerance_minutes,
            card.emotion,
            _text(fail.note) if fail else None,
            fail.severity if fail else None,
            fail.owner if fail else None,
            _text(wait.note) if wait else None,
            (UNKNOWN_MINUTES if wait.minutes is None else wait.minutes) if wait else None,
            card.evidence,
            lines(card.tags),
        ]


def data_rows(doc: Blueprint) -> dict[str, Iterator[list[Value]] | list[list[Value]]]:
    """The rows (header excluded) of every data sheet, by sheet name."""
    return {
        "Blueprint": _blueprint_rows(doc),
        "Functions": [[f.id, f.name, f.kind, f.color, _text(f.description)] for f in doc.functions],
        "Lanes": [[lane.id, lane.name, lane.kind] for lane in doc.lanes],
        "Stages": [
            [stage.id, stage.name, stage.phase, _text(stage.job), step.id, step.name]
            for stage in doc.stages
            for step in stage.steps
        ],
        "Cards": _card_rows(doc),
        "Links": [[li.id, li.source, li.target, li.kind, _text(li.label)] for li in doc.links],
        "Improvements": [
            [
                plan.id,
                plan.title,
                _text(plan.description),
                words(plan.targets),
                plan.owner,
                _text(plan.measure),
                _text(plan.target),
                plan.due,
                plan.status,
            ]
            for plan in doc.improvements
        ],
        "Views": [[v.id, v.name, words(v.hidden_lanes), words(v.focus)] for v in doc.views],
    }


def data_sheets(doc: Blueprint) -> list[Sheet]:
    rows = data_rows(doc)
    sheets = []
    for name in columns.DATA_SHEETS:
        header = columns.headers(name)
        wrapped = frozenset(header.index(c) for c in columns.LIST_COLUMNS.get(name, ()))
        sheets.append(Sheet(name, header, rows[name], columns.widths(name), wrapped=wrapped))
    return sheets


def export_xlsx(doc: Blueprint) -> bytes:
    """The workbook's bytes. A text longer than a cell holds (32,767 characters: only the document's,
    the persona's, a function's or a stage's description can be) is refused with one line naming it."""
    try:
        return write_workbook(
            [*data_sheets(doc), *result_sheets(doc)], title=doc.title, author=doc.metadata.author
        )
    except CellTooLong as error:
        where = f" ({error.first})" if error.sheet != "Blueprint" and isinstance(error.first, str) else ""
        raise BlueprintFileError(
            f"cannot go into a workbook: {error.sheet}, row {error.row}{where}, column {error.column} has "
            f"{error.length:,} characters, and a spreadsheet cell holds at most 32,767; shorten it first",
            code="too-long-for-cell",
        ) from None
