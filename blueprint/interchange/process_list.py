"""Importing a simple process list: one row per thing that happens, with its stage and service layer.

The layout Blueprint Signal documents (`Stage`, `Service layer`, `What happens`, `Responsible person or
team`, `Time in minutes`, `Evidence status`, `Evidence note`), our own spellings (`Lane`, `Title`,
`Function`, `Minutes`, `Evidence`, `Description`) and the optional `Step` and `Channel`. Stages come in
order of first appearance; without a `Step` column every row is its own step, named by its title; one
standard lane per service layer used; functions made from the distinct names. A blank Stage continues
the stage of the row above (merged cells read that way), as a blank Step continues the step above.
"""

from __future__ import annotations

from typing import Any

from blueprint.interchange.assembly import Origin
from blueprint.interchange.builder import LAYER_NAMES, Builder, cut, file_title, joined, layer_kind
from blueprint.interchange.cells import as_choice, as_number
from blueprint.interchange.report import Imported, Notes
from blueprint.interchange.sheets import RowReader, SheetReader
from blueprint.interchange.tables import Header, Table, has_all
from blueprint.interchange.workbook_import import EVIDENCE

LAYOUT = "a simple process list"
#: Each column, with the other spellings it may have.
ALIASES: dict[str, tuple[str, ...]] = {
    "Stage": (),
    "Service layer": ("Lane",),
    "What happens": ("Title",),
    "Responsible person or team": ("Function",),
    "Time in minutes": ("Minutes",),
    "Evidence status": ("Evidence",),
    "Evidence note": ("Description",),
    "Step": (),
    "Channel": (),
}
REQUIRED = ("Stage", "Service layer", "What happens")
EXPECTED = "Stage, Service layer (or Lane), What happens (or Title)"
_FIELDS = {
    "step": "Step",
    "title": "What happens",
    "description": "Evidence note",
    "function": "Responsible person or team",
    "channel": "Channel",
    "duration_minutes": "Time in minutes",
    "evidence": "Evidence status",
}


def matches(header: Header) -> bool:
    return has_all(header, [(name, *ALIASES[name]) for name in REQUIRED])


class _Rows:
    """The state carried from row to row: the current stage and step, and the stages by name."""

    def __init__(self, builder: Builder, with_steps: bool) -> None:
        self.builder = builder
        self.with_steps = with_steps
        self.stages: dict[str, dict[str, Any]] = {}
        self.steps: dict[tuple[str, str], str] = {}
        self.stage: dict[str, Any] | None = None
        self.step: str | None = None

    def place(self, row: RowReader, title: str) -> str:
        """The step of this row's card (making its stage and step as needed)."""
        name = row.stripped("Stage")
        if name is None and self.stage is None:
            name = "Stage 1"
            row.note("no stage: the first rows go to a stage called 'Stage 1'", "Stage")
        if name is not None and (self.stage is None or name != self.stage["name"]):
            stage = self.stages.get(name)
            if stage is None:
                stage = self.stages[name] = self.builder.stage(name, Origin(row.sheet.table.name, row.number))
            if stage is not self.stage:
                self.stage, self.step = stage, None
        assert self.stage is not None
        step_name = row.stripped("Step") if self.with_steps else None
        if step_name is not None:
            key = (self.stage["id"], step_name)
            if key not in self.steps:
                self.steps[key] = self.builder.step(
                    self.stage, step_name, Origin(row.sheet.table.name, row.number)
                )
            self.step = self.steps[key]
        elif not self.with_steps or self.step is None:
            self.step = self.builder.step(self.stage, cut(" ".join(title.split()), 60))
        return self.step


def import_process_list(table: Table, header: Header, source: str, decimal_comma: bool | None) -> Imported:
    notes = Notes()
    reader = SheetReader(table, list(ALIASES), notes, header=header, aliases=ALIASES)
    builder = Builder(source, LAYOUT, notes)
    rows = _Rows(builder, "Step" in reader.index)
    for row in reader.rows():
        title = row.text("What happens")
        if title is None or not title.strip():
            row.note("nothing in 'What happens'; the row was not imported", "What happens")
            continue
        layer = row.text("Service layer") or ""
        kind = layer_kind(layer)
        if kind is None:
            what = f"unknown service layer '{cut(layer, 40)}'" if layer.strip() else "no service layer"
            row.note(f"{what} (expected {LAYER_NAMES}); the row was not imported", "Service layer")
            continue
        step = rows.place(row, title)
        origin = Origin(table.name, row.number, _FIELDS)
        builder.card(
            kind,
            step,
            title,
            origin,
            description=joined(row.text("Evidence note")),
            function=builder.function(
                row.text("Responsible person or team"), row.number, "Responsible person or team"
            ),
            channel=row.text("Channel"),
            duration_minutes=row.read(
                "Time in minutes", as_number, minutes=True, decimal_comma=decimal_comma
            ),
            evidence=row.read("Evidence status", as_choice, EVIDENCE, "evidence status"),
        )
    return builder.finish(file_title(source))
