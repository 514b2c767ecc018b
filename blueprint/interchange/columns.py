"""The sheets and columns of our workbook (docs/interchange.md shows them): one table that the export,
the import and the documentation all read, so they cannot drift apart."""

from __future__ import annotations

#: (header, width in characters) of each data sheet's columns, in sheet order.
DATA_SHEETS: dict[str, tuple[tuple[str, float], ...]] = {
    "Blueprint": (("Field", 22), ("Value", 60)),
    "Functions": (("Id", 16), ("Name", 28), ("Kind", 10), ("Colour", 10), ("Description", 50)),
    "Lanes": (("Id", 16), ("Name", 28), ("Kind", 12)),
    "Stages": (("Stage id", 16), ("Stage", 24), ("Phase", 14), ("Job", 40), ("Step id", 16), ("Step", 28)),
    "Cards": (
        ("Id", 12),
        ("Stage", 14),
        ("Step", 14),
        ("Lane", 14),
        ("Title", 40),
        ("Description", 50),
        ("Function", 16),
        ("Channel", 12),
        ("Minutes", 9),
        ("Tolerance", 10),
        ("Emotion", 9),
        ("Fail point", 30),
        ("Fail severity", 13),
        ("Fail owner", 14),
        ("Wait", 24),
        ("Wait minutes", 13),
        ("Evidence", 11),
        ("Tags", 20),
    ),
    "Links": (("Id", 12), ("From", 12), ("To", 12), ("Kind", 8), ("Label", 40)),
    "Improvements": (
        ("Id", 12),
        ("Title", 36),
        ("Description", 44),
        ("Targets", 24),
        ("Owner", 16),
        ("Measure", 30),
        ("Target", 30),
        ("Due", 12),
        ("Status", 11),
    ),
    "Views": (("Id", 14), ("Name", 28), ("Hidden lanes", 28), ("Focus", 28)),
}

#: The data sheets that hold one kind of element each, with the document's key for that kind.
ELEMENT_SHEETS = {
    "Functions": "functions",
    "Lanes": "lanes",
    "Stages": "stages",
    "Cards": "cards",
    "Links": "links",
    "Improvements": "improvements",
    "Views": "views",
}

#: Result sheets: for people, after the data sheets, ignored on import.
RESULT_SHEETS = ("Findings", "Hand-offs", "Timing")

#: Rows of the Blueprint sheet, in order (`$schema` is added last, only when the document has one).
BLUEPRINT_FIELDS = (
    "title",
    "description",
    "persona",
    "persona description",
    "author",
    "created",
    "modified",
    "language",
    "tags",
)
SCHEMA_FIELD = "$schema"
#: The word in `Wait minutes` for a wait point of unknown length.
UNKNOWN_MINUTES = "unknown"

#: Columns holding lists, one item per line of the cell (wrapped so every line shows).
LIST_COLUMNS = {"Blueprint": ("Value",), "Cards": ("Tags",)}


def headers(sheet: str) -> list[str]:
    return [name for name, _ in DATA_SHEETS[sheet]]


def widths(sheet: str) -> list[float]:
    return [width for _, width in DATA_SHEETS[sheet]]
