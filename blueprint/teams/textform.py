"""The blueprint as lines of words: what `git diff` compares (git's `textconv`).

One unindented line names each element (`card "Takes the order" (Order › Pays, Frontstage)`), and one
indented line per field that is set follows it, so a changed field shows in `git diff` as one line out
and one in, under the element it belongs to (git-setup also tells git that element lines head a hunk).
Cards come in the order a designer reads them: step by step, lane by lane, top to bottom in a cell.
"""

from __future__ import annotations

from typing import Any

from blueprint.model import Blueprint
from blueprint.teams.elements import KINDS, Fields, Tables, tables_of
from blueprint.teams.words import Names, label, one_line

#: Fields already said by the element's own line.
_IN_HEADING: dict[str, frozenset[str]] = {
    "blueprint": frozenset({"title", "format"}),
    "card": frozenset({"title", "lane", "step"}),
    "step": frozenset({"name", "stage"}),
    "link": frozenset({"label", "source", "target"}),
    "improvement": frozenset({"title"}),
}
_NAMED = frozenset({"function", "lane", "stage", "view"})


def text_form(doc: Blueprint) -> str:
    tables = tables_of(doc)
    names = Names(tables, limit=None)
    lines = _element_lines("blueprint", None, tables.document, names)
    for kind in KINDS:
        for element_id in _reading_order(kind, tables):
            lines += _element_lines(kind, element_id, tables.elements[kind][element_id], names)
    return "\n".join(lines) + "\n"


def _reading_order(kind: str, tables: Tables) -> list[str]:
    table = tables.elements[kind]
    if kind != "card":
        return list(table)
    column = {step_id: i for i, step_id in enumerate(tables.elements["step"])}
    row = {lane_id: i for i, lane_id in enumerate(tables.elements["lane"])}
    return sorted(table, key=lambda i: (column.get(table[i]["step"], -1), row.get(table[i]["lane"], -1)))


def _element_lines(kind: str, element_id: str | None, data: Fields, names: Names) -> list[str]:
    heading = f"blueprint {names.value('blueprint', 'title', data.get('title', ''))}"
    if kind != "blueprint":
        heading = names.element(kind, element_id, data)
    skip = _IN_HEADING.get(kind, frozenset({"name"}) if kind in _NAMED else frozenset())
    lines = [heading]
    for path, value in _flat(data):
        if path in skip or value in (None, "", []):
            continue
        text = names.value(kind, path, value)
        lines.append(f"    {label(path, kind)}: {one_line(text)}")
    return lines


def _flat(data: Fields, prefix: str = "") -> list[tuple[str, Any]]:
    """(dotted path, value) of every field, objects opened one level at a time."""
    out: list[tuple[str, Any]] = []
    for name, value in data.items():
        if isinstance(value, dict):
            out += _flat(value, f"{prefix}{name}.")
        else:
            out.append((prefix + name, value))
    return out
