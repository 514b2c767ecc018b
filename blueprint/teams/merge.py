"""`blueprint merge BASE OURS THEIRS`: a three-way merge by id, field by field (a git merge driver).

- An element added on one side is added; removed on one side and unchanged on the other is removed.
- Fields merge as `fieldmerge` says; orders as `listorder` says (OURS's order wins where both moved
  the same element, which is not a conflict).
- Conflicts (both changed a field differently, removed against changed, two new elements with one id,
  a result that breaks the document's rules) keep OURS's value or keep the element, so the result is
  always a valid document; `MergeResult.conflicts` lists them. Two new elements with one id are both
  kept, THEIRS's under a fresh id (`newids`).
- With no BASE (git's empty %O when both branches added the file), the base is what both sides have in
  common: an id on both sides is one element (both copied it from one file), fields that agree are
  kept, fields that differ are `both added` conflicts that keep OURS's value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from blueprint.fileformat.messages import first_problem
from blueprint.fileformat.view_names import free_name, name_key
from blueprint.model import Blueprint
from blueprint.teams.conflicts import REMOVED, Conflict, Reason
from blueprint.teams.diff import changed_fields
from blueprint.teams.elements import KINDS, Fields, Tables, raw_from_tables, tables_of, title_of
from blueprint.teams.fieldmerge import merge_fields
from blueprint.teams.fit import misfit
from blueprint.teams.listorder import merge_order
from blueprint.teams.newids import separate_new_ids
from blueprint.teams.repair import repair_references
from blueprint.teams.words import quoted


@dataclass
class MergeResult:
    """The merged document, its conflicts, and the three versions' tables (to name elements)."""

    document: Blueprint
    conflicts: list[Conflict] = field(default_factory=list)
    versions: tuple[Tables, ...] = ()

    @property
    def clean(self) -> bool:
        return not self.conflicts


def merge_documents(base: Blueprint | None, ours: Blueprint, theirs: Blueprint) -> MergeResult:
    """Merge OURS and THEIRS, both made from BASE (None: both added the file, no common version)."""
    o, t = tables_of(ours), tables_of(theirs)
    b = tables_of(base) if base is not None else common_part(o, t)
    t, renamed = separate_new_ids(b, o, t)
    merger = _Merger(b, o, t, both_added=base is None)
    for clash in renamed:
        mine, other = o.elements[clash.ours_kind][clash.old_id], t.elements[clash.kind][clash.new_id]
        merger.conflicts.append(
            Conflict(
                "same id",
                clash.ours_kind,
                clash.old_id,
                title_of(clash.ours_kind, mine),
                "",
                (clash.ours_kind, mine),
                (clash.kind, other),
                f"both; theirs is now {clash.kind} {clash.new_id}",
            )
        )
    merged = merger.run()
    try:
        document = Blueprint.model_validate(raw_from_tables(merged))
    except ValidationError as error:  # a rule the merge does not know yet: keep OURS whole
        merger.conflicts.append(
            Conflict("does not fit", "blueprint", None, ours.title, "", None, None, "ours", _first(error))
        )
        document = ours.model_copy(deep=True)
    return MergeResult(document, merger.conflicts, (o, t, b))


class _Merger:
    def __init__(self, base: Tables, ours: Tables, theirs: Tables, both_added: bool = False) -> None:
        self.base, self.ours, self.theirs = base, ours, theirs
        self.both_added = both_added  # no common version: a value both sides set differently is
        self.conflicts: list[Conflict] = []  # "both added", not "both changed"

    def run(self) -> Tables:
        document = self._merge_element(
            "blueprint", None, self.base.document, self.ours.document, self.theirs.document
        )
        elements = {kind: self._merge_kind(kind) for kind in KINDS}
        self._one_kind_per_id(elements)
        result = Tables(document, elements)
        self.conflicts += repair_references(result, self.ours, self.theirs, self.base)
        self._distinct_view_names(result)
        return self._ordered(result)

    def _distinct_view_names(self, result: Tables) -> None:
        """Two views of one name (each side saved a view "Kitchen"): both are kept, the one that is
        not OURS's under "Kitchen (2)" (views are chosen by name; the reader would rename it anyway),
        and it is a `does not fit` conflict."""
        views = result.elements["view"]
        if len({name_key(data["name"]) for data in views.values()}) == len(views):
            return
        ours = self.ours.elements["view"]

        def is_ours(view_id: str) -> bool:
            return view_id in ours and ours[view_id]["name"] == views[view_id]["name"]

        taken = {name_key(data["name"]) for data in views.values()}
        holder: dict[str, str] = {}  # name key -> the view that keeps that name
        for view_id in sorted(views, key=lambda i: not is_ours(i)):  # OURS's keep their names
            data = views[view_id]
            key = name_key(data["name"])
            keeper = holder.setdefault(key, view_id)
            if keeper == view_id:
                continue
            new = free_name(data["name"], taken)
            taken.add(name_key(new))
            self._conflict(
                "does not fit",
                "view",
                view_id,
                data,
                "name",
                views[keeper]["name"],
                data["name"],
                f"both, this one as {quoted(new)}",
                "two views may not share a name (views are chosen by name)",
            )
            views[view_id] = {**data, "name": new}  # a new dict: the sides' tables stay as read

    # --- which elements, with which fields -----------------------------------------------------------

    def _merge_kind(self, kind: str) -> dict[str, Fields]:
        b, o, t = self.base.table(kind), self.ours.table(kind), self.theirs.table(kind)
        out: dict[str, Fields] = {}
        for element_id in [*o, *(i for i in t if i not in o), *(i for i in b if i not in o and i not in t)]:
            merged = self._membership(
                kind, element_id, b.get(element_id), o.get(element_id), t.get(element_id)
            )
            if merged is not None:
                out[element_id] = merged
        return out

    def _membership(
        self, kind: str, element_id: str, b: Fields | None, o: Fields | None, t: Fields | None
    ) -> Fields | None:
        if b is None:
            if o is not None and t is not None and o != t:
                self._conflict("same id", kind, element_id, o, "", (kind, o), (kind, t), "ours")
            return o if o is not None else t
        if o is None or t is None:
            other, removed_by_ours = (t, True) if o is None else (o, False)
            if other is None or other == b:
                return None
            for path in _changed_paths(b, other):
                ours_value = REMOVED if removed_by_ours else _at(other, path)
                theirs_value = _at(other, path) if removed_by_ours else REMOVED
                self._conflict(
                    "removed and changed",
                    kind,
                    element_id,
                    other,
                    path,
                    ours_value,
                    theirs_value,
                    f"the {kind}",
                )
            return other
        return self._merge_element(kind, element_id, b, o, t)

    def _merge_element(self, kind: str, element_id: str | None, b: Fields, o: Fields, t: Fields) -> Fields:
        if o == t or t == b:
            return o
        if o == b:
            return t
        found: list[tuple[str, Any, Any]] = []
        merged = merge_fields(kind, b, o, t, lambda path, ours, theirs: found.append((path, ours, theirs)))
        for path, ours, theirs in found:
            self._conflict("both changed", kind, element_id, o, path, ours, theirs, "ours")
        why = misfit(kind, element_id, merged) if merged != o and merged != t else None
        if why is not None:  # each side's change is fine, together they break a rule of the element
            for path in _changed_paths(o, merged):
                self._conflict(
                    "does not fit", kind, element_id, o, path, _at(o, path), _at(t, path), "ours", why
                )
            return o
        return merged

    def _one_kind_per_id(self, elements: dict[str, dict[str, Fields]]) -> None:
        """An id both sides used for new elements of different kinds: OURS's element stays."""
        seen: dict[str, str] = {}
        for kind in KINDS:
            for element_id in list(elements[kind]):
                first = seen.setdefault(element_id, kind)
                if first == kind:
                    continue
                drop = kind if element_id in self.ours.table(first) else first
                keep = first if drop == kind else kind
                theirs_data = elements[drop].pop(element_id)
                self._conflict(
                    "same id",
                    keep,
                    element_id,
                    elements[keep][element_id],
                    "",
                    (keep, elements[keep][element_id]),
                    (drop, theirs_data),
                    "ours",
                )
                seen[element_id] = keep

    def _conflict(
        self,
        reason: Reason,
        kind: str,
        element_id: str | None,
        data: Fields,
        path: str,
        ours: Any,
        theirs: Any,
        kept: str,
        note: str = "",
    ) -> None:
        title = title_of(kind, data)
        if reason == "both changed" and self.both_added:
            reason = "both added"
        self.conflicts.append(Conflict(reason, kind, element_id, title, path, ours, theirs, kept, note))

    # --- in which order -----------------------------------------------------------------------------

    def _ordered(self, result: Tables) -> Tables:
        b, o, t = self.base, self.ours, self.theirs
        ordered: dict[str, dict[str, Fields]] = {}
        for kind in KINDS:
            table = result.table(kind)
            if kind == "step":
                continue
            ids = merge_order(list(b.table(kind)), list(o.table(kind)), list(t.table(kind)), table)
            ordered[kind] = {element_id: table[element_id] for element_id in ids}
        steps = result.table("step")
        base_steps, ours_steps, theirs_steps = (_steps_by_stage(version) for version in (b, o, t))
        mine: dict[str, set[str]] = {}
        for step_id, data in steps.items():
            mine.setdefault(data["stage"], set()).add(step_id)
        ordered["step"] = {}
        for stage_id in ordered["stage"]:
            ids = merge_order(
                base_steps.get(stage_id, []),
                ours_steps.get(stage_id, []),
                theirs_steps.get(stage_id, []),
                mine.get(stage_id, set()),
            )
            ordered["step"].update((step_id, steps[step_id]) for step_id in ids)
        return Tables(result.document, {kind: ordered[kind] for kind in KINDS})


def _steps_by_stage(tables: Tables) -> dict[str, list[str]]:
    """Step ids of each stage, in order (a common part's step whose stage differs is in none)."""
    out: dict[str, list[str]] = {}
    for step_id, data in tables.table("step").items():
        if "stage" in data:
            out.setdefault(data["stage"], []).append(step_id)
    return out


def common_part(ours: Tables, theirs: Tables) -> Tables:
    """A stand-in BASE for two versions with no common one: every element both have under one id (of
    one kind), with the fields on which they agree (objects field by field), in OURS's order."""
    elements: dict[str, dict[str, Fields]] = {}
    for kind in KINDS:
        other = theirs.table(kind)
        elements[kind] = {
            element_id: _agreeing(data, other[element_id])
            for element_id, data in ours.table(kind).items()
            if element_id in other
        }
    return Tables(_agreeing(ours.document, theirs.document), elements)


def _agreeing(ours: Fields, theirs: Fields) -> Fields:
    out: Fields = {}
    for name, value in ours.items():
        if name not in theirs:
            continue
        if value == theirs[name]:
            out[name] = value
        elif isinstance(value, dict) and isinstance(theirs[name], dict):
            out[name] = _agreeing(value, theirs[name])
    return out


def _changed_paths(before: Fields, after: Fields) -> list[str]:
    """Dotted paths of the fields that differ (objects on both sides compared field by field)."""
    return list(changed_fields(before, after))


def _at(data: Fields, path: str) -> Any:
    value: Any = data
    for name in path.split("."):
        value = value.get(name) if isinstance(value, dict) else None
    return value


def _first(error: ValidationError) -> str:
    path, _code, message = first_problem(error)
    return f"{path}: {message}" if path else message
