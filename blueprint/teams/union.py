"""What the editor's Compare With draws: the newer version, with what the older one had and the newer
one lost put back where it was, so that removed cards can be drawn as ghosts in their old cells.

Removed lanes, stages and steps come back too (a removed card needs its cell), and removed functions
(a removed card keeps its colour); removed links come back between the cards they joined. Each comes
back just before the element that followed it in the older version. Plans and views are the newer
version's. An element whose id the newer version gave to something else stays out.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from blueprint.model import Blueprint
from blueprint.teams.elements import KINDS, Fields, Tables, raw_from_tables, tables_of
from blueprint.teams.listorder import merge_order

#: Kinds whose removed elements are drawn (or needed to draw those).
_GHOST_KINDS = ("function", "lane", "stage", "step", "card", "link")


@dataclass(frozen=True)
class Union:
    """The document to draw, and the ids in it that only the older version has."""

    blueprint: Blueprint
    ghosts: frozenset[str]


def union_of(old: Blueprint, new: Blueprint) -> Union:
    before, after = tables_of(old), tables_of(new)
    taken = set(after.kind_of())
    elements: dict[str, dict[str, Fields]] = {}
    ghosts: set[str] = set()
    for kind in KINDS:
        table = dict(after.elements[kind])
        if kind in _GHOST_KINDS:
            for element_id, data in before.elements[kind].items():
                if element_id not in taken:
                    table[element_id] = data
                    ghosts.add(element_id)
        elements[kind] = table
    _drop_links_without_ends(elements, ghosts)
    tables = Tables(after.document, _ordered(before, after, elements))
    try:
        return Union(Blueprint.model_validate(raw_from_tables(tables)), frozenset(ghosts))
    except ValidationError:  # cannot happen with two valid versions; then draw the newer one alone
        return Union(new, frozenset())


def _drop_links_without_ends(elements: dict[str, dict[str, Fields]], ghosts: set[str]) -> None:
    cards = elements["card"]
    for link_id in [i for i in elements["link"] if i in ghosts]:
        data = elements["link"][link_id]
        if data["source"] not in cards or data["target"] not in cards:
            del elements["link"][link_id]
            ghosts.discard(link_id)


def _ordered(
    before: Tables, after: Tables, elements: dict[str, dict[str, Fields]]
) -> dict[str, dict[str, Fields]]:
    out: dict[str, dict[str, Fields]] = {}
    for kind in KINDS:
        if kind == "step":
            continue
        table = elements[kind]
        ids = merge_order(
            list(before.elements[kind]), list(after.elements[kind]), list(before.elements[kind]), table
        )
        out[kind] = {element_id: table[element_id] for element_id in ids}
    steps = elements["step"]
    out["step"] = {}
    for stage_id in out["stage"]:
        mine = {step_id for step_id, data in steps.items() if data["stage"] == stage_id}
        old = before.steps_of(stage_id)
        ids = merge_order(old, after.steps_of(stage_id), old, mine)
        out["step"].update((step_id, steps[step_id]) for step_id in ids)
    return out
