"""Importing Blueprint Signal's complete project workbook: every sheet as the interchange spec maps it.

- `Stages` (Reference, Name, Order): stages, by Order;
- `Service items`: one step per item in its stage (named by the item's description, cut to 60
  characters) and one card in the standard lane of its service layer; Responsible becomes the card's
  function (made by name), Time in minutes its duration, Evidence status its evidence; the evidence
  note and the title of the cited source are added to the card's description;
- `Handoffs` (From step, To step: item references): links labelled with their description;
- `Failure points`: the fail point of the item's card (Failure the note, Impact the severity,
  Responsible the owner, made by name when new); its evidence status joins the note, its source's
  title the card's description; a second fail point on one card is noted, not imported;
- `Improvement plans`: improvements targeting the failure point's card (Change the title, cut to 200
  characters with the whole text in the description; Follow-up date the due date; status `complete`
  is `done`);
- `Sources` (Reference, Title) and `Case` (the case brief becomes the blueprint's description).
The blueprint is called after the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from blueprint.interchange.assembly import Origin
from blueprint.interchange.builder import LAYER_NAMES, Builder, cut, file_title, joined, layer_kind
from blueprint.interchange.cells import Unreadable, as_choice, as_date, as_number, as_text
from blueprint.interchange.report import Imported, Notes
from blueprint.interchange.sheets import RowReader, SheetReader, find_sheet
from blueprint.interchange.tables import CellValue, header_key, header_of, is_blank
from blueprint.interchange.workbook_import import EVIDENCE
from blueprint.interchange.workbook_reading import Workbook

LAYOUT = "a Blueprint Signal project workbook"
SHEETS: dict[str, tuple[str, ...]] = {
    "Stages": ("Reference", "Name", "Order"),
    "Service items": (
        "Reference",
        "Stage reference",
        "Service layer",
        "Description",
        "Responsible person or team",
        "Time in minutes",
        "Evidence status",
        "Source reference",
        "Evidence note",
    ),
    "Handoffs": ("Reference", "From step", "To step", "Description"),
    "Failure points": (
        "Reference",
        "Step reference",
        "Failure",
        "Impact",
        "Evidence status",
        "Source reference",
        "Responsible person or team",
    ),
    "Improvement plans": (
        "Reference",
        "Failure point reference",
        "Change",
        "Responsible person or team",
        "Measure",
        "Target",
        "Follow-up date",
        "Status",
    ),
    "Sources": ("Reference", "Title"),
}
IMPACTS = {
    "low": "low",
    "minor": "low",
    "medium": "medium",
    "moderate": "medium",
    "high": "high",
    "major": "high",
    "severe": "high",
    "critical": "high",
}
STATUSES = {
    "proposed": "proposed",
    "planned": "planned",
    "testing": "testing",
    "complete": "done",
    "completed": "done",
    "done": "done",
    "dropped": "dropped",
}
_CARD_FIELDS = {
    "title": "Description",
    "description": "Evidence note",
    "function": "Responsible person or team",
    "duration_minutes": "Time in minutes",
    "evidence": "Evidence status",
}


def is_signal(book: Workbook) -> bool:
    """Blueprint Signal's workbook: a `Service items` and a `Stages` sheet with their references."""
    names = book.sheet_names
    items, stages = find_sheet(names, "Service items"), find_sheet(names, "Stages")
    if items is None or stages is None:
        return False
    reader = SheetReader(
        book.table(items), SHEETS["Service items"], Notes(), required=SHEETS["Service items"][:4]
    )
    return reader.header is not None


class _Reader:
    def __init__(self, book: Workbook, source: str) -> None:
        self.book, self.source = book, source
        self.notes = Notes()
        self.builder = Builder(source, LAYOUT, self.notes)
        self.sources: dict[str, str] = {}
        self.cards: dict[str, dict[str, Any]] = {}  # service item reference -> card
        self.failures: dict[str, dict[str, Any]] = {}  # failure point reference -> card

    def sheet(self, name: str, required: Sequence[str] = ("Reference",)) -> SheetReader | None:
        found = find_sheet(self.book.sheet_names, name)
        if found is None:
            if name not in ("Sources", "Handoffs", "Failure points", "Improvement plans"):
                self.notes.at(name).add(f"no sheet '{name}'")
            return None
        reader = SheetReader(self.book.table(found), SHEETS[name], self.notes, required=required)
        if reader.header is None:
            wanted = ", ".join(SHEETS[name])
            self.notes.at(found).add(
                f"no header row with {', '.join(required)} (expected {wanted}); not imported"
            )
            return None
        reader.note_missing(SHEETS[name])
        return reader

    def read(self) -> Imported:
        known = {header_key(n) for n in [*SHEETS, "Case"]}
        for name in self.book.sheet_names:
            if header_key(name) not in known:
                self.notes.at(name).add("not a sheet of a Blueprint Signal workbook; not imported")
        self._sources()
        stages = self._stages()
        self._items(stages)
        self._handoffs()
        self._failures()
        self._plans()
        self.builder.raw["description"] = self._case()
        return self.builder.finish(file_title(self.source))

    def _sources(self) -> None:
        sheet = self.sheet("Sources")
        for row in sheet.rows() if sheet else ():
            reference, title = row.stripped("Reference"), row.stripped("Title")
            if reference and title:
                self.sources[reference] = title
            elif title or reference:
                row.note("a source needs a Reference and a Title; not imported")

    def _source(self, row: RowReader) -> str | None:
        reference = row.stripped("Source reference")
        if reference is None:
            return None
        if reference not in self.sources:
            row.note(
                f"no source '{cut(reference, 40)}' in the Sources sheet; not imported", "Source reference"
            )
            return None
        return f"Source: {self.sources[reference]}"

    def _stages(self) -> dict[str, dict[str, Any]]:
        sheet = self.sheet("Stages", ("Reference", "Name"))
        found: list[tuple[float, int, str, RowReader]] = []
        seen: set[str] = set()
        for row in sheet.rows() if sheet else ():
            reference = row.stripped("Reference") or row.stripped("Name")
            if reference is None:
                row.note("a stage needs a Reference or a Name; not imported")
                continue
            if reference in seen:
                row.note(
                    f"stage '{cut(reference, 40)}' is listed twice; this row was not imported", "Reference"
                )
                continue
            seen.add(reference)
            order = row.read("Order", as_number, then="the stage goes after those with an order")
            found.append((float("inf") if order is None else float(order), len(found), reference, row))
        stages = {}
        for _, _, reference, row in sorted(found, key=lambda item: item[:2]):
            name = row.stripped("Name") or reference
            origin = Origin(row.sheet.table.name, row.number)
            stages[reference] = self.builder.stage(name, origin, reference, column="Name")
        return stages

    def _items(self, stages: dict[str, dict[str, Any]]) -> None:
        sheet = self.sheet("Service items", SHEETS["Service items"][:4])
        builder = self.builder
        for row in sheet.rows() if sheet else ():
            reference = row.stripped("Reference")
            description = row.text("Description")
            stage = stages.get(row.stripped("Stage reference") or "")
            layer = row.text("Service layer") or ""
            kind = layer_kind(layer)
            if not description or not description.strip():
                row.note("a service item without a Description; not imported", "Description")
                continue
            if stage is None:
                missing = row.stripped("Stage reference")
                what = (
                    f"no stage '{cut(missing, 40)}' in the Stages sheet" if missing else "no stage reference"
                )
                row.note(f"{what}; the item was not imported", "Stage reference")
                continue
            if kind is None:
                what = f"unknown service layer '{cut(layer, 40)}'" if layer.strip() else "no service layer"
                row.note(f"{what} (expected {LAYER_NAMES}); the item was not imported", "Service layer")
                continue
            step = builder.step(stage, cut(" ".join(description.split()), 60))
            card = builder.card(
                kind,
                step,
                description,
                Origin(row.sheet.table.name, row.number, _CARD_FIELDS),
                description=joined(row.text("Evidence note"), self._source(row)),
                function=builder.function(
                    row.text("Responsible person or team"), row.number, "Responsible person or team"
                ),
                duration_minutes=row.read("Time in minutes", as_number, minutes=True),
                evidence=row.read("Evidence status", as_choice, EVIDENCE, "evidence status"),
                channel=None,
            )
            if reference is None:
                row.note("no Reference: hand-offs and failure points cannot name this item", "Reference")
            elif reference in self.cards:
                row.note(
                    f"item '{cut(reference, 40)}' is listed twice; hand-offs name the first", "Reference"
                )
            else:
                self.cards[reference] = card

    def _card_of(self, row: RowReader, column: str, what: str) -> dict[str, Any] | None:
        reference = row.stripped(column)
        card = self.cards.get(reference or "")
        if card is None:
            missing = f"no service item '{cut(reference, 40)}'" if reference else "no item named"
            row.note(f"{missing}; the {what} was not imported", column)
        return card

    def _handoffs(self) -> None:
        sheet = self.sheet("Handoffs", ("From step", "To step"))
        for row in sheet.rows() if sheet else ():
            source = self._card_of(row, "From step", "hand-off")
            target = self._card_of(row, "To step", "hand-off") if source else None
            if source is None or target is None:
                continue
            if source is target:
                item = cut(row.stripped("From step") or "", 40)
                row.note(f"a hand-off from item '{item}' to itself; not imported", "To step")
                continue
            label = row.text("Description") or ""
            if len(label.strip()) > 500:
                row.note(f"a description of {len(label.strip()):,} characters; cut to 500", "Description")
            origin = Origin(row.sheet.table.name, row.number, {"source": "From step", "target": "To step"})
            link = {
                "id": self.builder.ids.fresh("link"),
                "source": source["id"],
                "target": target["id"],
                "kind": "flow",
                "label": cut(label, 500),
            }
            self.builder.add("links", link, origin)

    def _failures(self) -> None:
        sheet = self.sheet("Failure points", ("Step reference", "Failure"))
        for row in sheet.rows() if sheet else ():
            card = self._card_of(row, "Step reference", "failure point")
            if card is None:
                continue
            reference = row.stripped("Reference")
            if reference is not None:
                self.failures.setdefault(reference, card)
            if card.get("fail_point") is not None:
                row.note(
                    "the item has a failure point already (a card holds one); not imported", "Step reference"
                )
                continue
            evidence = row.text("Evidence status")
            note = joined(
                row.text("Failure"),
                f"Evidence: {evidence.strip()}" if evidence and evidence.strip() else None,
            )
            card["fail_point"] = {
                "note": note,
                "severity": row.read("Impact", as_choice, IMPACTS, "impact", then="it is medium") or "medium",
                "owner": self.builder.function(
                    row.text("Responsible person or team"), row.number, "Responsible person or team"
                ),
            }
            card["description"] = joined(card["description"], self._source(row))

    def _plans(self) -> None:
        sheet = self.sheet("Improvement plans", ("Failure point reference", "Change"))
        builder = self.builder
        for row in sheet.rows() if sheet else ():
            reference = row.stripped("Failure point reference")
            card = self.failures.get(reference or "")
            if card is None:
                missing = (
                    f"no failure point '{cut(reference, 40)}'" if reference else "no failure point named"
                )
                row.note(f"{missing}; the plan was not imported", "Failure point reference")
                continue
            change = (row.text("Change") or "").strip()
            if not change:
                row.note("a plan without a Change; not imported", "Change")
                continue
            title = cut(change, 200)
            fields = {"title": "Change", "owner": "Responsible person or team", "measure": "Measure"}
            fields.update(target="Target", due="Follow-up date", status="Status")
            plan = {
                "id": builder.ids.fresh("plan"),
                "title": title,
                "description": change if title != change else "",
                "targets": [card["id"]],
                "owner": builder.function(
                    row.text("Responsible person or team"), row.number, "Responsible person or team"
                ),
                "measure": row.text("Measure") or "",
                "target": row.text("Target") or "",
                "due": row.read("Follow-up date", as_date),
                "status": row.read("Status", as_choice, STATUSES, "status", then="it is proposed")
                or "proposed",
            }
            builder.add("improvements", plan, Origin(row.sheet.table.name, row.number, fields))

    def _case(self) -> str:
        """The case brief, then the case's other fields as `Field: value` lines."""
        found = find_sheet(self.book.sheet_names, "Case")
        if found is None:
            return ""
        rows = [row for _, row in self.book.table(found).rows() if any(not is_blank(v) for v in row.values())]
        if not rows:
            return ""
        header = header_of(0, rows[0])
        brief_column = header.column("Brief", "Case brief")
        pairs: list[tuple[str, str]] = []
        if brief_column is not None and len(rows) > 1:  # a header row, the case below it
            for column, name in header.names.items():
                pairs.append((name, _plain(rows[1].get(column))))
        else:  # one field per row: its name, then its value (under a header row such as Field, Value)
            if [header_key(n) for n in header.names.values()] in (["field", "value"], ["item", "value"]):
                rows = rows[1:]
            for row in rows:
                values = [_plain(v) for _, v in sorted(row.items()) if not is_blank(v)]
                pairs.append((values[0], " ".join(values[1:])))
        brief = [value for name, value in pairs if header_key(name) in ("brief", "case brief")]
        rest = [
            f"{name}: {value}"
            for name, value in pairs
            if header_key(name) not in ("brief", "case brief") and value
        ]
        return joined(*brief, "\n".join(rest))


def _plain(value: CellValue | None) -> str:
    try:
        return (as_text(value) or "").strip()
    except Unreadable:
        return str(value)


def import_signal(book: Workbook, source: str) -> Imported:
    return _Reader(book, source).read()
