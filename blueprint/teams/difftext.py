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
    """One line per change; the places moved elements are now in are found in one pass over NEW."""
    names = Names(diff.new, diff.old)
    before = _previous_ids(diff.new) if any(change.change == "moved" for change in diff.changes) else {}
    return [change_line(change, diff, names, before) for change in diff.changes]


def change_line(
    change: Change,
    diff: Diff,
    names: Names | None = None,
    before: dict[tuple[str, str], str | None] | None = None,
) -> str:
    """The line of one change; `before` (from `_previous_ids`) saves a pass over NEW per moved element."""
    names = names or Names(diff.new, diff.old)
    kind = change.element
    tables = diff.old if change.change == "removed" else diff.new
    data = tables.document if kind == "blueprint" else tables.elements[kind][change.id or ""]
    head = names.element(kind, change.id, data)
    if change.change == "changed":
        parts = [names.change(kind, path, old, new) for path, (old, new) in (change.fields or {}).items()]
        return f"{head}: {'; '.join(parts)}"
    if change.change == "moved":
        before = before if before is not None else _previous_ids(diff.new)
        previous = before.get((kind, change.id or ""))
        where = (
            _FIRST.get(kind, "now first")
            if previous is None
            else f"now after {quoted(names.name(kind, previous))}"
        )
        return f"{head}: moved, {where}"
    return f"{head}: {change.change}"


#: Where an element moved to the front of its own group now is, in words.
_FIRST = {"card": "now first in its cell", "step": "now first in its stage"}


def _previous_ids(new: Tables) -> dict[tuple[str, str], str | None]:
    """For every element of NEW, the element just before it among its own (a card in its cell, a
    step in its stage, others in their list), or None when it comes first: one pass, linear."""
    out: dict[tuple[str, str], str | None] = {}
    for kind, table in new.elements.items():
        last: dict[object, str] = {}
        for element_id, data in table.items():
            group: object = None
            if kind == "card":
                group = (data["lane"], data["step"])
            elif kind == "step":
                group = data["stage"]
            out[kind, element_id] = last.get(group)
            last[group] = element_id
    return out
