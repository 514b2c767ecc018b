"""The text form of a diff: one line per change, in words, nothing else.

card "Takes the order" (Order › Pays, Frontstage): function Barista -> Cashier
lane "Backstage": moved, now after "Frontstage"
link "Takes the order" → "Makes the coffee": removed
"""

from __future__ import annotations

from blueprint.teams.diff import Change, Diff
from blueprint.teams.elements import Tables
from blueprint.teams.words import Names, quoted


def diff_lines(diff: Diff) -> list[str]:
    names = Names(diff.new, diff.old)
    return [change_line(change, diff, names) for change in diff.changes]


def change_line(change: Change, diff: Diff, names: Names | None = None) -> str:
    names = names or Names(diff.new, diff.old)
    kind = change.element
    tables = diff.old if change.change == "removed" else diff.new
    data = tables.document if kind == "blueprint" else tables.elements[kind][change.id or ""]
    head = names.element(kind, change.id, data)
    if change.change == "changed":
        parts = [names.change(kind, path, old, new) for path, (old, new) in (change.fields or {}).items()]
        return f"{head}: {'; '.join(parts)}"
    if change.change == "moved":
        return f"{head}: moved, {_now_after(kind, change.id or '', diff.new, names)}"
    return f"{head}: {change.change}"


def _now_after(kind: str, element_id: str, new: Tables, names: Names) -> str:
    """`now after "Frontstage"` (the element before it in its cell, stage or list), or `now first`."""
    table = new.elements[kind]
    data = table[element_id]
    previous: str | None = None
    for other_id, other in table.items():
        if other_id == element_id:
            break
        if kind == "card" and (other["lane"], other["step"]) != (data["lane"], data["step"]):
            continue
        if kind == "step" and other["stage"] != data["stage"]:
            continue
        previous = other_id
    if previous is None:
        return "now first"
    return f"now after {quoted(names.name(kind, previous))}"
