"""A blueprint as tables of elements by kind and id: what diff and merge compare.

Each element is its canonical JSON without its id. A stage leaves out its steps (they are elements of
their own) and a step gains the field `stage` (its stage's id), so that a step moved to another stage
is a field change, like a card moved to another lane or step. The document's own fields (title,
persona, metadata ...) are the one element of kind "blueprint", whose id is None.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from blueprint.fileformat.writer import canonical
from blueprint.model import Blueprint

#: Kinds of element in the order diffs list them (after the document's own fields).
KINDS: tuple[str, ...] = ("function", "lane", "stage", "step", "card", "link", "improvement", "view")
#: The document's array that holds each kind (steps live inside their stages).
ARRAYS: dict[str, str] = {
    "function": "functions",
    "lane": "lanes",
    "stage": "stages",
    "card": "cards",
    "link": "links",
    "improvement": "improvements",
    "view": "views",
}
#: The document's own fields, in file order.
DOCUMENT_FIELDS: tuple[str, ...] = (
    "format",
    "$schema",
    "version",
    "title",
    "description",
    "persona",
    "metadata",
)
#: Fields holding a list of ids with no repeats: merged element by element, not as one value.
ID_LISTS: dict[str, frozenset[str]] = {
    "improvement": frozenset({"targets"}),
    "view": frozenset({"hidden_lanes", "focus"}),
}

Fields = dict[str, Any]


@dataclass
class Tables:
    """`document` holds the document's own fields; `elements[kind]` maps ids to fields, in the
    document's order (steps in column order)."""

    document: Fields
    elements: dict[str, dict[str, Fields]] = field(default_factory=dict)

    def table(self, kind: str) -> dict[str, Fields]:
        return self.elements[kind]

    def kind_of(self) -> dict[str, str]:
        """Every id with the kind of element it names (ids are unique across the document)."""
        return {element_id: kind for kind in KINDS for element_id in self.elements[kind]}

    def steps_of(self, stage_id: str) -> list[str]:
        """Step ids of one stage, in order."""
        return [step_id for step_id, data in self.elements["step"].items() if data.get("stage") == stage_id]


def tables_of(doc: Blueprint) -> Tables:
    """The tables of `doc` (built from its canonical JSON, so values are the file's values)."""
    return tables_from_raw(canonical(doc))


def tables_from_raw(raw: dict[str, Any]) -> Tables:
    """Tables from a canonical (already validated) raw document."""
    document = {name: raw[name] for name in DOCUMENT_FIELDS if name in raw}
    elements: dict[str, dict[str, Fields]] = {kind: {} for kind in KINDS}
    for kind, array in ARRAYS.items():
        if kind == "stage":
            continue
        table = elements[kind]
        for item in raw.get(array, ()):
            table[item["id"]] = {name: value for name, value in item.items() if name != "id"}
    for stage in raw.get("stages", ()):
        elements["stage"][stage["id"]] = {
            name: value for name, value in stage.items() if name not in ("id", "steps")
        }
        for step in stage["steps"]:
            fields = {name: value for name, value in step.items() if name != "id"}
            fields["stage"] = stage["id"]
            elements["step"][step["id"]] = fields
    return Tables(document, elements)


def raw_from_tables(tables: Tables) -> dict[str, Any]:
    """The raw document the tables describe (stages gather their steps in table order)."""
    raw: dict[str, Any] = dict(tables.document)
    steps_by_stage: dict[str, list[Fields]] = {stage_id: [] for stage_id in tables.elements["stage"]}
    for step_id, data in tables.elements["step"].items():
        step = {"id": step_id, **{name: value for name, value in data.items() if name != "stage"}}
        steps_by_stage.setdefault(data["stage"], []).append(step)
    for kind, array in ARRAYS.items():
        items = [{"id": element_id, **data} for element_id, data in tables.elements[kind].items()]
        if kind == "stage":
            for item in items:
                item["steps"] = steps_by_stage[item["id"]]
        raw[array] = items
    return raw


def title_of(kind: str, data: Fields) -> str:
    """The element's title or name as a designer knows it ("" for a link without a label)."""
    if kind in ("card", "improvement", "blueprint"):
        return str(data.get("title", ""))
    if kind == "link":
        return str(data.get("label", ""))
    return str(data.get("name", ""))
