"""Importing our own workbook: every data sheet back into the document (`import(export(doc))` gives the
same file as `doc`), and the designer's edits in a spreadsheet program with it.

Read by header names, so moved or added columns do no harm (an added column is noted). References
(a card's stage, step, lane, function, a plan's owner) are ids, or else a name only one element has,
so a designer may type "Kitchen" where the id was. A blank id gets a fresh random one. The result sheets
(Findings, Hand-offs, Timing) are ignored.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from blueprint.interchange import columns
from blueprint.interchange.assembly import Ids, Origin, assemble, short_title
from blueprint.interchange.cells import as_choice, as_date, as_number, as_text, as_whole
from blueprint.interchange.report import Imported, ImportReport, Notes, counts_of
from blueprint.interchange.sheets import Lookup, RowReader, SheetReader, find_sheet
from blueprint.interchange.tables import first_row, header_key
from blueprint.interchange.workbook_reading import Workbook

LAYOUT = "a Service Blueprint Studio workbook"


def _words(*values: str) -> dict[str, str]:
    return {v: v for v in values}


FUNCTION_KINDS = _words("team", "role", "system", "partner")
LANE_KINDS = _words("evidence", "customer", "frontstage", "backstage", "support", "notes")
PHASES = _words("pre-purchase", "purchase", "post-purchase")
SEVERITIES = _words("low", "medium", "high")
EVIDENCE = _words("observed", "assumed", "proposed")
LINK_KINDS = _words("flow", "loop")
STATUSES = _words("proposed", "planned", "testing", "done", "dropped")

CARD_COLUMNS = {
    "id": "Id",
    "step": "Step",
    "lane": "Lane",
    "title": "Title",
    "description": "Description",
    "function": "Function",
    "channel": "Channel",
    "duration_minutes": "Minutes",
    "tolerance_minutes": "Tolerance",
    "emotion": "Emotion",
    "fail_point.note": "Fail point",
    "fail_point.severity": "Fail severity",
    "fail_point.owner": "Fail owner",
    "wait_point.note": "Wait",
    "wait_point.minutes": "Wait minutes",
    "evidence": "Evidence",
    "tags": "Tags",
}


def is_ours(sheet_names: list[str], book: Workbook) -> bool:
    """Our workbook: a Blueprint sheet headed Field, Value and a Cards sheet; or, when a designer
    deleted the Blueprint sheet or retyped its header, a Cards sheet headed with our columns beside
    Stages and Lanes sheets (read as a process list, its ids, links and plans would go)."""
    blueprint, cards = find_sheet(sheet_names, "Blueprint"), find_sheet(sheet_names, "Cards")
    if cards is None:
        return False
    if blueprint is not None:
        heads = [header_key(v) for _, v in sorted(first_row(book.table(blueprint)).items())]
        if heads[:2] == ["field", "value"]:
            return True
    if find_sheet(sheet_names, "Stages") is None or find_sheet(sheet_names, "Lanes") is None:
        return False
    heads = {header_key(v) for v in first_row(book.table(cards)).values() if isinstance(v, str)}
    return {header_key(name) for name in ("Id", "Step", "Lane", "Title")} <= heads


class _Reader:
    """Reads one workbook into the raw document; `origins` say where each element came from."""

    def __init__(self, book: Workbook, source: str) -> None:
        self.book, self.source = book, source
        self.notes = Notes()
        self.ids = Ids(random=True)
        self.origins: dict[str, list[Origin]] = {kind: [] for kind in columns.ELEMENT_SHEETS.values()}
        self.raw: dict[str, Any] = {"format": "service-blueprint", "version": 2}

    def sheet(self, name: str) -> SheetReader | None:
        found = find_sheet(self.book.sheet_names, name)
        if found is None:
            if name == "Blueprint":
                self.notes.at(name).add(
                    "no sheet 'Blueprint': the workbook has no description, persona, author, dates or tags"
                )
            else:
                self.notes.at(name).add(f"no sheet '{name}': the workbook has no {name.lower()}")
            return None
        reader = SheetReader(self.book.table(found), columns.headers(name), self.notes)
        if reader.header is None:
            wanted = ", ".join(columns.headers(name))
            self.notes.at(found).add(
                f"no header row naming {columns.headers(name)[0]} (expected {wanted}); not imported"
            )
            return None
        reader.note_missing(columns.headers(name))
        return reader

    def add(self, kind: str, element: dict[str, Any], row: RowReader, cols: dict[str, str]) -> None:
        self.raw[kind].append(element)
        self.origins[kind].append(Origin(row.sheet.table.name, row.number, cols))

    def read(self) -> dict[str, Any]:
        self._unknown_sheets()
        self._blueprint()
        for kind in columns.ELEMENT_SHEETS.values():
            self.raw[kind] = []
        self._functions()
        self._lanes()
        self._stages()
        self._cards()
        self._links()
        self._improvements()
        self._views()
        return self.raw

    def _unknown_sheets(self) -> None:
        known = {header_key(n) for n in [*columns.DATA_SHEETS, *columns.RESULT_SHEETS]}
        for name in self.book.sheet_names:
            if header_key(name) not in known:
                self.notes.at(name).add("not a sheet of a blueprint workbook; not imported")

    def _blueprint(self) -> None:
        fields: dict[str, RowReader] = {}
        sheet = self.sheet("Blueprint")
        for row in sheet.rows() if sheet else ():
            key = header_key(row.text("Field") or "")
            if key in fields:
                row.note(f"'{key}' is given already on row {fields[key].number}; this row was not imported")
            elif key not in (*columns.BLUEPRINT_FIELDS, columns.SCHEMA_FIELD):
                row.note(f"'{key}' is not a field of a blueprint; not imported", "Field")
            else:
                fields[key] = row

        def value(key: str) -> str | None:
            return fields[key].text("Value") if key in fields else None

        title = value("title")
        if not title or not title.strip():
            title = Path(self.source).stem[:200] or "Imported blueprint"
            self.notes.at("Blueprint").add(f"no title: the blueprint is called '{title}'", None, "Value")
        raw = self.raw
        notes = self.notes.at("Blueprint")
        raw["title"] = short_title(
            title, notes, fields["title"].number if "title" in fields else None, "Value"
        )
        raw["description"] = value("description") or ""
        persona, about = value("persona"), value("persona description")
        raw["persona"] = {"name": persona, "description": about or ""} if persona else None
        if not persona and about:
            fields["persona description"].note("a persona description without a persona name; not imported")
        raw["metadata"] = {
            "author": value("author"),
            "created": self._moment(fields.get("created")),
            "modified": self._moment(fields.get("modified")),
            "language": value("language"),
            "tags": fields["tags"].lines("Value") if "tags" in fields else [],
        }
        if columns.SCHEMA_FIELD in fields:
            schema = value(columns.SCHEMA_FIELD) or ""
            if len(schema) > 2000:
                fields[columns.SCHEMA_FIELD].note("longer than 2,000 characters; not imported", "Value")
            else:
                raw["$schema"] = schema
        rows = {key.replace("persona description", "description"): row.number for key, row in fields.items()}
        self.origins["metadata"] = [Origin("Blueprint", None, {"": "Value"}, rows)]
        persona_rows = {"name": rows.get("persona", 0), "description": rows.get("persona description", 0)}
        self.origins["persona"] = [Origin("Blueprint", None, {"": "Value"}, persona_rows)]

    @staticmethod
    def _moment(row: RowReader | None) -> str | None:
        """`created` or `modified`: the text as written (`2025-01-20T10:00:00Z`), or a date cell (a
        spreadsheet program makes one when the designer types a date there), which has no time zone
        and is read as UTC, with a line."""
        if row is None:
            return None
        cell = row.value("Value")
        if isinstance(cell, datetime):
            moment = cell.replace(tzinfo=None, microsecond=0)
        elif isinstance(cell, date):
            moment = datetime.combine(cell, time())
        else:
            return row.text("Value")
        text = moment.isoformat() + "Z"
        row.note(f"a date cell has no time zone: read as UTC, {text}", "Value")
        return text

    def _functions(self) -> None:
        sheet = self.sheet("Functions")
        cols = {"id": "Id", "name": "Name", "kind": "Kind", "color": "Colour", "description": "Description"}
        for row in sheet.rows() if sheet else ():
            element = {
                "id": self.ids.claim(row.stripped("Id"), "function", self.notes, row.number),
                "name": row.text("Name"),
                "kind": row.read("Kind", as_choice, FUNCTION_KINDS, "kind", then="it is a team") or "team",
                "color": row.stripped("Colour"),
                "description": row.text("Description") or "",
            }
            self.add("functions", element, row, cols)

    def _lanes(self) -> None:
        sheet = self.sheet("Lanes")
        for row in sheet.rows() if sheet else ():
            kind = row.read("Kind", as_choice, LANE_KINDS, "lane kind", then="it is a notes lane")
            if kind is None:
                if row.value("Kind") is None:
                    row.note("no lane kind; it is a notes lane", "Kind")
                kind = "notes"
            element = {
                "id": self.ids.claim(row.stripped("Id"), "lane", self.notes, row.number),
                "name": row.text("Name"),
                "kind": kind,
            }
            self.add("lanes", element, row, {"id": "Id", "name": "Name", "kind": "Kind"})

    def _stages(self) -> None:
        sheet = self.sheet("Stages")
        by_id: dict[str, dict[str, Any]] = {}
        current: dict[str, Any] | None = None
        cols = {"id": "Stage id", "name": "Stage", "phase": "Phase", "job": "Job", "steps": "Step"}
        for row in sheet.rows() if sheet else ():
            wanted = row.stripped("Stage id")
            if wanted is None and current is not None:
                # a row added without a stage id: a stage name other than the stage above's names
                # a stage of its own (a new one, or an earlier one of that name); else it continues
                name = row.stripped("Stage")
                if name is not None and name != (current["name"] or "").strip():
                    named = [s for s in self.raw["stages"] if (s["name"] or "").strip() == name]
                    wanted = named[0]["id"] if len(named) == 1 else None
                    if wanted is None:
                        current = None
            if wanted is not None and wanted in by_id:
                current = by_id[wanted]
                if current is not self.raw["stages"][-1]:
                    row.note(
                        f"stage '{wanted}' continues here from further up; this step joins it", "Stage id"
                    )
                self._same_stage(row, current)
            elif wanted is not None or current is None:
                current = {
                    "id": self.ids.claim(wanted, "stage", self.notes, row.number, "Stage id"),
                    "name": row.text("Stage"),
                    "phase": row.read("Phase", as_choice, PHASES, "phase"),
                    "job": row.text("Job") or "",
                    "steps": [],
                }
                by_id[wanted or current["id"]] = current
                self.add("stages", current, row, cols)
            step_id = self.ids.claim(row.stripped("Step id"), "step", self.notes, row.number, "Step id")
            current["steps"].append({"id": step_id, "name": row.text("Step")})

    def _same_stage(self, row: RowReader, stage: dict[str, Any]) -> None:
        """A later row of a stage repeats its fields; a different value there is noted, not taken."""
        for column, key in (("Stage", "name"), ("Job", "job")):
            text = row.text(column)
            if text is not None and text != stage[key] and not (key == "job" and text == ""):
                row.note(
                    f"differs from the stage's first row ('{str(stage[key])[:40]}'); not imported", column
                )

    def _cards(self) -> None:
        sheet = self.sheet("Cards")
        stages = self.raw["stages"]
        steps = [step for stage in stages for step in stage["steps"]]
        stage_of = {step["id"]: stage for stage in stages for step in stage["steps"]}
        step_of, stage_by, lane_of = Lookup(steps), Lookup(stages), Lookup(self.raw["lanes"])
        function_of = Lookup(self.raw["functions"])
        for row in sheet.rows() if sheet else ():
            step = step_of(row.stripped("Step"))
            stage = stage_by(row.stripped("Stage"))
            if step not in stage_of and stage is not None:
                chosen = next((s for s in stages if s["id"] == stage), None)
                if chosen is not None:
                    row.note(f"no step '{step or ''}': the card goes to the first step of its stage", "Step")
                    step = chosen["steps"][0]["id"]
            elif step in stage_of and stage is not None and stage != stage_of[step]["id"]:
                row.note(
                    f"step '{step}' is in stage '{stage_of[step]['id']}'; the card stays in that step",
                    "Stage",
                )
            self.add("cards", self._card(row, step, lane_of, function_of), row, CARD_COLUMNS)

    def _card(self, row: RowReader, step: str | None, lane_of: Lookup, function_of: Lookup) -> dict[str, Any]:
        severity = row.read("Fail severity", as_choice, SEVERITIES, "severity", then="it is medium")
        fail = None
        if severity is not None or row.value("Fail severity") is not None:
            fail = {
                "note": row.text("Fail point") or "",
                "severity": severity or "medium",
                "owner": function_of(row.stripped("Fail owner")),
            }
        elif row.value("Fail point") is not None or row.value("Fail owner") is not None:
            row.note(
                "a fail point without a Fail severity (low, medium or high); not imported", "Fail severity"
            )
        return {
            "id": self.ids.claim(row.stripped("Id"), "card", self.notes, row.number),
            "lane": lane_of(row.stripped("Lane")),
            "step": step,
            "title": row.text("Title"),
            "description": row.text("Description") or "",
            "function": function_of(row.stripped("Function")),
            "channel": row.text("Channel"),
            "duration_minutes": row.read("Minutes", as_number, minutes=True),
            "tolerance_minutes": row.read("Tolerance", as_number, minutes=True),
            "emotion": row.read("Emotion", as_whole, -2, 2),
            "fail_point": fail,
            "wait_point": self._wait(row),
            "evidence": row.read("Evidence", as_choice, EVIDENCE, "evidence"),
            "tags": row.lines("Tags"),
        }

    def _wait(self, row: RowReader) -> dict[str, Any] | None:
        cell = row.value("Wait minutes")
        text = as_text(cell) if isinstance(cell, str) else None
        if cell is None or (text is not None and not text.strip()):
            if row.value("Wait") is not None:
                row.note("a wait without Wait minutes (a number, or 'unknown'); not imported", "Wait minutes")
            return None
        if text is not None and text.strip().casefold() == columns.UNKNOWN_MINUTES:
            minutes = None
        else:
            minutes = row.read("Wait minutes", as_number, minutes=True, then="the wait's length is unknown")
        return {"note": row.text("Wait") or "", "minutes": minutes}

    def _links(self) -> None:
        sheet = self.sheet("Links")
        cols = {"id": "Id", "source": "From", "target": "To", "kind": "Kind", "label": "Label"}
        for row in sheet.rows() if sheet else ():
            element = {
                "id": self.ids.claim(row.stripped("Id"), "link", self.notes, row.number),
                "source": row.stripped("From"),
                "target": row.stripped("To"),
                "kind": row.read("Kind", as_choice, LINK_KINDS, "link kind", then="it is a flow") or "flow",
                "label": row.text("Label") or "",
            }
            self.add("links", element, row, cols)

    def _improvements(self) -> None:
        sheet = self.sheet("Improvements")
        function_of = Lookup(self.raw["functions"])
        cols = {
            "id": "Id",
            "title": "Title",
            "description": "Description",
            "targets": "Targets",
            "owner": "Owner",
            "measure": "Measure",
            "target": "Target",
            "due": "Due",
            "status": "Status",
        }
        for row in sheet.rows() if sheet else ():
            element = {
                "id": self.ids.claim(row.stripped("Id"), "plan", self.notes, row.number),
                "title": row.text("Title"),
                "description": row.text("Description") or "",
                "targets": list(dict.fromkeys(row.words("Targets"))),
                "owner": function_of(row.stripped("Owner")),
                "measure": row.text("Measure") or "",
                "target": row.text("Target") or "",
                "due": row.read("Due", as_date),
                "status": row.read("Status", as_choice, STATUSES, "status", then="it is proposed")
                or "proposed",
            }
            self.add("improvements", element, row, cols)

    def _views(self) -> None:
        sheet = self.sheet("Views")
        lane_of, function_of = Lookup(self.raw["lanes"]), Lookup(self.raw["functions"])
        cols = {"id": "Id", "name": "Name", "hidden_lanes": "Hidden lanes", "focus": "Focus"}
        for row in sheet.rows() if sheet else ():
            element = {
                "id": self.ids.claim(row.stripped("Id"), "view", self.notes, row.number),
                "name": row.text("Name"),
                "hidden_lanes": list(dict.fromkeys(lane_of(w) for w in row.words("Hidden lanes"))),
                "focus": list(dict.fromkeys(function_of(w) for w in row.words("Focus"))),
            }
            self.add("views", element, row, cols)


def import_ours(book: Workbook, source: str) -> Imported:
    reader = _Reader(book, source)
    raw = reader.read()
    origins = reader.origins
    doc = assemble(raw, origins, reader.notes, source)
    return Imported(doc, ImportReport(Path(source).name, LAYOUT, counts_of(doc), tuple(reader.notes.items)))
