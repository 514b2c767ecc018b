"""Merge conflicts as values, and the one line a merge prints for each.

    CONFLICT (both changed) card c4 "Takes the order", function: ours Barista, theirs Cashier; kept ours

A conflict is one field of one element (or one element as a whole), with what each side has. The
merged file keeps OURS's value, or keeps an element one side removed, so it is always a valid file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from blueprint.teams.words import Names, label, one_line, quoted

Reason = Literal[
    "both changed", "both added", "removed and changed", "broken reference", "same id", "does not fit"
]
#: What a side "has" when it removed the element (or never had it).
REMOVED = object()


@dataclass(frozen=True)
class Conflict:
    """`field` is a dotted path ("" for the element as a whole); `ours` and `theirs` are raw values
    (REMOVED when that side removed the element); `kept` says what the merged file holds; `note` adds
    why (for a broken reference: what still uses the element; for a misfit: the rule broken)."""

    reason: Reason
    element: str
    id: str | None
    title: str
    field: str
    ours: Any
    theirs: Any
    kept: str
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        def shown(value: Any) -> Any:
            return "(removed)" if value is REMOVED else value

        return {
            "conflict": self.reason,
            "element": self.element,
            "id": self.id,
            "title": self.title,
            "field": self.field,
            "ours": shown(self.ours),
            "theirs": shown(self.theirs),
            "kept": self.kept,
        }


def conflict_line(conflict: Conflict, names: Names, file: str | None = None) -> str:
    """`CONFLICT (reason) kind id "title", field: ours VALUE, theirs VALUE; kept WHAT`; with the
    file's name (git's merge of several files): `CONFLICT (reason) in hotel.blueprint: kind ...`."""
    kind = conflict.element
    head = f"CONFLICT ({conflict.reason}) {f'in {file}: ' if file else ''}{kind}"
    if conflict.id is not None:
        head += f" {conflict.id}"
    if kind == "link" and conflict.id is not None and names.data("link", conflict.id) is not None:
        head += f" {names.name('link', conflict.id)}"  # its label (if any) and its two ends
    elif conflict.title:
        head += f" {quoted(conflict.title)}"
    if conflict.reason == "broken reference":
        where = conflict.note
    else:
        where = label(conflict.field, kind) if conflict.field else f"the {kind}"
    ours = _side(conflict, conflict.ours, names)
    theirs = _side(conflict, conflict.theirs, names)
    if conflict.reason == "does not fit":
        why = f" (together they break a rule: {one_line(conflict.note)})"
    elif conflict.reason == "removed and changed" and conflict.note:
        why = f" ({conflict.note})"
    else:
        why = ""
    return f"{head}, {where}: ours {ours}, theirs {theirs}; kept {conflict.kept}{why}"


def _side(conflict: Conflict, value: Any, names: Names) -> str:
    if value is REMOVED:
        return f"removed the {conflict.element}"
    if conflict.reason == "broken reference":
        return str(value)
    if conflict.reason == "same id" and isinstance(value, tuple):
        kind, data = value
        return names.element(kind, conflict.id, data)
    if not conflict.field:  # the element as a whole: what that side did with it ("kept it")
        return value if isinstance(value, str) else "changed it"
    return names.value(conflict.element, conflict.field, value)
