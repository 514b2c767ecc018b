"""`blueprint diff`: what changed between two versions of a blueprint, element by element, by id.

Changes come in the spec's order: the document's own fields, then functions, lanes, stages, steps,
cards, links, improvements, views; within a kind in NEW's order, a removed element where it was in
OLD. An element is `moved` only when nothing but its place changed, and the fewest elements are called
moved (a longest common order stays). Places are compared where a designer sees them: the cards of one
cell, the steps of one stage, the elements of any other list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from blueprint.model import Blueprint
from blueprint.teams.elements import KINDS, Fields, Tables, tables_of, title_of
from blueprint.teams.listorder import longest_common_order

ChangeKind = Literal["added", "removed", "changed", "moved"]
#: Differences in these document fields are not changes (saving sets `metadata.modified`).
IGNORED = frozenset({"metadata.modified"})


@dataclass(frozen=True)
class Change:
    """One changed element; `fields` (for `changed`) maps a dotted field path to (old, new)."""

    change: ChangeKind
    element: str
    id: str | None
    title: str
    fields: dict[str, tuple[Any, Any]] | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "change": self.change,
            "element": self.element,
            "id": self.id,
            "title": self.title,
        }
        if self.fields is not None:
            out["fields"] = {path: [old, new] for path, (old, new) in self.fields.items()}
        return out


@dataclass(frozen=True)
class Diff:
    """The changes from `old` to `new` (the tables are kept to put the changes into words)."""

    changes: tuple[Change, ...]
    old: Tables
    new: Tables

    @property
    def same(self) -> bool:
        return not self.changes

    def to_json(self) -> dict[str, Any]:
        return {"same": self.same, "changes": [change.to_json() for change in self.changes]}


def diff_documents(old: Blueprint, new: Blueprint) -> Diff:
    return diff_tables(tables_of(old), tables_of(new))


def diff_tables(old: Tables, new: Tables) -> Diff:
    changes: list[Change] = []
    fields = changed_fields(old.document, new.document, ignore=IGNORED)
    if fields:
        changes.append(Change("changed", "blueprint", None, title_of("blueprint", new.document), fields))
    for kind in KINDS:
        changes += _kind_changes(kind, old, new)
    return Diff(tuple(changes), old, new)


def changed_fields(old: Fields, new: Fields, prefix: str = "", ignore: frozenset[str] = frozenset()) -> dict:
    """`{dotted path: (old, new)}` of the fields that differ; objects on both sides are compared field
    by field (`fail_point.severity`), anything else as one value."""
    out: dict[str, tuple[Any, Any]] = {}
    for name in [*new, *(name for name in old if name not in new)]:
        path = prefix + name
        before, after = old.get(name), new.get(name)
        if before == after or path in ignore:
            continue
        if isinstance(before, dict) and isinstance(after, dict):
            out.update(changed_fields(before, after, path + ".", ignore))
        else:
            out[path] = (before, after)
    return out


def _kind_changes(kind: str, old: Tables, new: Tables) -> list[Change]:
    before, after = old.table(kind), new.table(kind)
    by_id: dict[str, Change] = {}
    unchanged: set[str] = set()
    for element_id, data in after.items():
        previous = before.get(element_id)
        if previous is None:
            by_id[element_id] = Change("added", kind, element_id, title_of(kind, data))
        elif previous != data:
            by_id[element_id] = Change(
                "changed", kind, element_id, title_of(kind, data), changed_fields(previous, data)
            )
        else:
            unchanged.add(element_id)
    for element_id in _moved(kind, before, after, unchanged):
        by_id[element_id] = Change("moved", kind, element_id, title_of(kind, after[element_id]))
    removed = {
        element_id: Change("removed", kind, element_id, title_of(kind, data))
        for element_id, data in before.items()
        if element_id not in after
    }
    return [*_in_order(list(before), list(after), by_id, removed)]


def _moved(kind: str, before: dict[str, Fields], after: dict[str, Fields], unchanged: set[str]) -> set[str]:
    """Unchanged elements whose place among the unchanged elements of their group changed."""
    groups_before, groups_after = _groups(kind, before, unchanged), _groups(kind, after, unchanged)
    out: set[str] = set()
    for key, ids_after in groups_after.items():
        ids_before = groups_before.get(key, [])
        if ids_before != ids_after:
            out |= set(ids_after) - longest_common_order(ids_before, ids_after)
    return out


def _groups(kind: str, table: dict[str, Fields], ids: set[str]) -> dict[Any, list[str]]:
    """The unchanged elements by the list a designer sees them in: a card's cell, a step's stage."""
    groups: dict[Any, list[str]] = {}
    for element_id, data in table.items():
        if element_id in ids:
            if kind == "card":
                key: Any = (data["lane"], data["step"])
            elif kind == "step":
                key = data["stage"]
            else:
                key = None
            groups.setdefault(key, []).append(element_id)
    return groups


def _in_order(
    old_ids: list[str], new_ids: list[str], by_id: dict[str, Change], removed: dict[str, Change]
) -> list[Change]:
    """Changes in NEW's order, each removed element after the element it followed in OLD."""
    after_anchor: dict[str | None, list[Change]] = {}
    anchor: str | None = None
    present = set(new_ids)
    for element_id in old_ids:
        if element_id in present:
            anchor = element_id
        else:
            after_anchor.setdefault(anchor, []).append(removed[element_id])
    out = list(after_anchor.get(None, ()))
    for element_id in new_ids:
        if element_id in by_id:
            out.append(by_id[element_id])
        out += after_anchor.get(element_id, ())
    return out
