"""Two designers who each add an element may give it the same new id: the editor's ids are random
(`card-7f3a9c`), but ids typed by hand, made by other tools or by older versions of the editor
(which counted: `card-1`) can clash.

Before merging, each id that both sides added for different elements is given, on THEIRS's side, a
fresh id, and every reference to it in THEIRS's document is changed with it (in THEIRS's document
that id can only mean THEIRS's element). Both elements are kept; the merge still reports a `same id`
conflict naming both, as the spec asks, so that the designer looks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from blueprint.model import unique_id
from blueprint.teams.elements import KINDS, Fields, Tables


@dataclass(frozen=True)
class Renamed:
    """THEIRS's element `old_id` (of `kind`) is now `new_id`; OURS's element keeps `old_id`."""

    kind: str
    old_id: str
    new_id: str
    ours_kind: str


def separate_new_ids(base: Tables, ours: Tables, theirs: Tables) -> tuple[Tables, list[Renamed]]:
    """THEIRS's tables with every clashing new id renamed, and what was renamed."""
    in_base = base.kind_of()
    ours_kinds = ours.kind_of()
    theirs_kinds = theirs.kind_of()
    clashes = []
    for element_id, kind in theirs_kinds.items():
        if element_id in in_base or element_id not in ours_kinds:
            continue
        ours_kind = ours_kinds[element_id]
        if ours_kind != kind or ours.elements[kind][element_id] != theirs.elements[kind][element_id]:
            clashes.append((element_id, kind, ours_kind))
    if not clashes:
        return theirs, []
    taken = set(in_base) | set(ours_kinds) | set(theirs_kinds)
    renames: dict[str, str] = {}
    renamed: list[Renamed] = []
    for element_id, kind, ours_kind in clashes:
        new_id = unique_id(element_id, taken)
        taken.add(new_id)
        renames[element_id] = new_id
        renamed.append(Renamed(kind, element_id, new_id, ours_kind))
    return _with_ids(theirs, renames), renamed


def _with_ids(tables: Tables, renames: dict[str, str]) -> Tables:
    elements: dict[str, dict[str, Fields]] = {}
    for kind in KINDS:
        elements[kind] = {
            renames.get(element_id, element_id): _references_renamed(kind, data, renames)
            for element_id, data in tables.elements[kind].items()
        }
    return Tables(tables.document, elements)


#: The fields that hold ids, by kind (a fail point's owner is inside `fail_point`).
_ID_FIELDS: dict[str, tuple[str, ...]] = {
    "card": ("lane", "step", "function"),
    "step": ("stage",),
    "link": ("source", "target"),
    "improvement": ("targets", "owner"),
    "view": ("hidden_lanes", "focus"),
}


def _references_renamed(kind: str, data: Fields, renames: dict[str, str]) -> Fields:
    out = dict(data)
    for name in _ID_FIELDS.get(kind, ()):
        out[name] = _renamed(out.get(name), renames)
    point = out.get("fail_point")
    if kind == "card" and isinstance(point, dict) and point.get("owner") in renames:
        out["fail_point"] = {**point, "owner": renames[point["owner"]]}
    return out


def _renamed(value: Any, renames: dict[str, str]) -> Any:
    if isinstance(value, list):
        return [renames.get(v, v) for v in value]
    if isinstance(value, str):
        return renames.get(value, value)
    return value
