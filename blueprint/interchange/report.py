"""The import report: what an import created, and one line for everything it could not map.

Nothing read from a table is dropped or changed without a line here, naming the sheet, the row and,
where it is one cell, the column; `blueprint import` prints it and the editor shows it before the
imported blueprint opens.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.model import Blueprint
from blueprint.safetext import for_terminal

#: Text from a table must not break a line of the report, move the terminal's cursor or show itself
#: in another order than it has: control characters and bidi overrides are shown as escapes.
printable = for_terminal


#: What the report counts, in the order it says them (views only when there are any: only our own
#: workbook holds them).
COUNTED = ("stages", "steps", "lanes", "functions", "cards", "links", "improvements", "views")


@dataclass(frozen=True)
class Note:
    """One thing the import could not map as it was: where it is, and what happened to it."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def line(self) -> str:
        where = [self.sheet] if self.sheet else []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        line = f"{', '.join(where)}: {self.message}" if where else self.message
        return printable(line)


@dataclass
class Notes:
    """Collects notes for one sheet at a time (`at` sets the sheet)."""

    items: list[Note] = field(default_factory=list)
    sheet: str = ""

    def at(self, sheet: str) -> Notes:
        self.sheet = sheet
        return self

    def add(self, message: str, row: int | None = None, column: str | None = None) -> None:
        self.items.append(Note(self.sheet, row, column, message))


@dataclass(frozen=True)
class ImportReport:
    """The outcome of an import: the layout recognised, the counts created and the notes."""

    source: str
    layout: str
    counts: dict[str, int]
    notes: tuple[Note, ...] = ()

    def lines(self) -> list[str]:
        made = ", ".join(f"{n:,} {_noun(kind, n)}" for kind, n in self.counts.items() if n or kind != "views")
        out = [f"Read {printable(self.source)} as {self.layout}.", f"Created: {made}."]
        if self.notes:
            out.append(f"Not imported as it was ({len(self.notes):,}):")
            out += [f"  {note.line()}" for note in self.notes]
        else:
            out.append("Everything was imported.")
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


def _noun(kind: str, n: int) -> str:
    return kind if n != 1 else {"improvements": "improvement", "stages": "stage"}.get(kind, kind[:-1])


def counts_of(doc: Blueprint) -> dict[str, int]:
    return {
        "stages": len(doc.stages),
        "steps": sum(len(stage.steps) for stage in doc.stages),
        "lanes": len(doc.lanes),
        "functions": len(doc.functions),
        "cards": len(doc.cards),
        "links": len(doc.links),
        "improvements": len(doc.improvements),
        "views": len(doc.views),
    }


@dataclass(frozen=True)
class Imported:
    """An imported document with its report."""

    document: Blueprint
    report: ImportReport
