"""Three-way merge of one element's fields.

A field changed on one side takes that side's value; changed on both sides to the same value takes it;
changed on both sides to different values is a conflict that keeps OURS's value. Objects (a fail
point, the metadata) are merged field by field; lists of ids (a plan's targets, a view's lanes) id by
id, each side's additions and removals kept. A card's cell (lane and step) and a link's ends (source
and target) are one value each: Ana moving a card down a lane and Ben moving it along the journey must
not put it in a cell neither chose, nor may a link take its start from one side and its end from the
other. Saving sets `metadata.modified`, so two saves never conflict there: the later time is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from blueprint.teams.elements import ID_LISTS, Fields
from blueprint.teams.listorder import merge_order

_MISSING = object()
#: Fields merged as one value, by kind: (the name a conflict gives them, the fields).
TOGETHER: dict[str, tuple[str, tuple[str, ...]]] = {
    "card": ("cell", ("lane", "step")),
    "link": ("ends", ("source", "target")),
}
#: Called with (dotted field path, ours's value, theirs's value) for each field changed both ways.
OnConflict = Callable[[str, Any, Any], None]


def merge_fields(kind: str, base: Fields, ours: Fields, theirs: Fields, on_conflict: OnConflict) -> Fields:
    """The merged fields of one element present on all three sides."""
    together = TOGETHER.get(kind)
    if together is None:
        return _merge_object(kind, "", base, ours, theirs, on_conflict)
    name, fields = together
    b, o, t = ([side.get(field) for field in fields] for side in (base, ours, theirs))
    chosen = _merge_value(kind, name, b, o, t, on_conflict)  # one value: whole from one side
    settled = dict(zip(fields, chosen, strict=True))
    base, ours, theirs = ({**side, **settled} for side in (base, ours, theirs))
    return _merge_object(kind, "", base, ours, theirs, on_conflict)


def _merge_object(
    kind: str, prefix: str, base: Fields, ours: Fields, theirs: Fields, report: OnConflict
) -> Fields:
    out: Fields = {}
    for name in [*ours, *(name for name in theirs if name not in ours)]:
        value = _merge_value(
            kind,
            prefix + name,
            base.get(name, _MISSING),
            ours.get(name, _MISSING),
            theirs.get(name, _MISSING),
            report,
        )
        if value is not _MISSING:
            out[name] = value
    return out


def _merge_value(kind: str, path: str, base: Any, ours: Any, theirs: Any, report: OnConflict) -> Any:
    if ours == theirs:
        return ours
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    if path in ID_LISTS.get(kind, ()) and all(isinstance(v, list) for v in (base, ours, theirs)):
        return merge_id_list(base, ours, theirs)
    if all(isinstance(v, dict) for v in (base, ours, theirs)):
        return _merge_object(kind, path + ".", base, ours, theirs, report)
    if kind == "blueprint" and path == "metadata.modified":
        return _later(ours, theirs)
    report(path, None if ours is _MISSING else ours, None if theirs is _MISSING else theirs)
    return ours


def merge_id_list(base: list[str], ours: list[str], theirs: list[str]) -> list[str]:
    """An id stays when both sides kept it; an id one side added is added (in that side's place)."""
    in_base = set(base)
    in_ours, in_theirs = set(ours), set(theirs)
    keep = {i for i in in_ours | in_theirs if (i in in_ours and i in in_theirs) or i not in in_base}
    return merge_order(base, ours, theirs, keep)


def _later(ours: Any, theirs: Any) -> Any:
    """The later of two ISO times (either may be None)."""
    if not isinstance(ours, str):
        return theirs
    if not isinstance(theirs, str):
        return ours
    try:
        return ours if datetime.fromisoformat(ours) >= datetime.fromisoformat(theirs) else theirs
    except ValueError:
        return ours
