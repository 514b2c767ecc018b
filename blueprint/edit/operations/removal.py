"""Taking elements out of a blueprint and putting them back exactly where they were.

Every removal (cards, links, lanes, stages, steps) is an `Extract`; its inverse is a `Restore` that
holds the removed elements with their array positions, so undo gives byte-identical files.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from operator import attrgetter

from blueprint.edit.card_index import CardIndex
from blueprint.edit.change import Change, change
from blueprint.edit.errors import EditError
from blueprint.edit.operations.base import Operation
from blueprint.model import Blueprint, Card, Lane, Link, Stage, Step


@dataclass
class Extract(Operation):
    """Remove these exact elements (no cascade: callers list dependants themselves)."""

    card_ids: tuple[str, ...] = ()
    link_ids: tuple[str, ...] = ()
    lane_ids: tuple[str, ...] = ()
    stage_ids: tuple[str, ...] = ()
    step_ids: tuple[str, ...] = ()

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        self._check(bp)
        links = _take(bp.links, set(self.link_ids))
        cards = _take(bp.cards, set(self.card_ids))
        steps: list[tuple[str, int, Step]] = []
        wanted_steps = set(self.step_ids)
        for stage in bp.stages:
            for i in reversed(range(len(stage.steps))):
                if stage.steps[i].id in wanted_steps:
                    steps.append((stage.id, i, stage.steps.pop(i)))
        steps.reverse()
        stages = _take(bp.stages, set(self.stage_ids))
        lanes = _take(bp.lanes, set(self.lane_ids))
        return Restore(lanes=lanes, stages=stages, steps=steps, cards=cards, links=links, text=self.text)

    def _check(self, bp: Blueprint) -> None:
        present = {
            "card": set(map(_ID, bp.cards)) if self.card_ids else set(),
            "link": set(map(_ID, bp.links)) if self.link_ids else set(),
            "lane": {la.id for la in bp.lanes},
            "stage": {s.id for s in bp.stages},
            "step": {st.id for s in bp.stages for st in s.steps},
        }
        wanted = {
            "card": self.card_ids,
            "link": self.link_ids,
            "lane": self.lane_ids,
            "stage": self.stage_ids,
            "step": self.step_ids,
        }
        for kind, ids in wanted.items():
            for element_id in ids:
                if element_id not in present[kind]:
                    raise EditError("unknown-id", f"There is no {kind} '{element_id}'")
        for stage in bp.stages:
            if (
                stage.id not in self.stage_ids
                and stage.steps
                and all(step.id in self.step_ids for step in stage.steps)
            ):
                raise EditError(
                    "last-step", f"Stage '{stage.name}' needs at least one step; remove the stage instead"
                )

    def affects(self) -> Change:
        kinds = [
            kind
            for kind, ids in (
                ("card", self.card_ids),
                ("link", self.link_ids),
                ("lane", self.lane_ids),
                ("stage", self.stage_ids),
                ("step", self.step_ids),
            )
            if ids
        ]
        ids = (*self.card_ids, *self.link_ids, *self.lane_ids, *self.stage_ids, *self.step_ids)
        return change(kinds, ids, structural=bool(self.lane_ids or self.stage_ids or self.step_ids))


@dataclass
class Restore(Operation):
    """Put removed elements back at their recorded positions (ascending, so positions hold)."""

    lanes: list[tuple[int, Lane]] = field(default_factory=list)
    stages: list[tuple[int, Stage]] = field(default_factory=list)
    steps: list[tuple[str, int, Step]] = field(default_factory=list)
    cards: list[tuple[int, Card]] = field(default_factory=list)
    links: list[tuple[int, Link]] = field(default_factory=list)

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        _put(bp.lanes, self.lanes)
        _put(bp.stages, self.stages)
        stages = {stage.id: stage for stage in bp.stages}
        for stage_id, i, step in self.steps:
            stages[stage_id].steps.insert(i, step)
        _put(bp.cards, self.cards)
        _put(bp.links, self.links)
        return Extract(
            card_ids=tuple(c.id for _, c in self.cards),
            link_ids=tuple(li.id for _, li in self.links),
            lane_ids=tuple(la.id for _, la in self.lanes),
            stage_ids=tuple(s.id for _, s in self.stages),
            step_ids=tuple(st.id for _, _, st in self.steps),
            text=self.text,
        )

    def affects(self) -> Change:
        ids = [c.id for _, c in self.cards] + [li.id for _, li in self.links]
        ids += [la.id for _, la in self.lanes] + [s.id for _, s in self.stages]
        ids += [st.id for _, _, st in self.steps]
        # steps inside a restored stage come back too
        ids += [st.id for _, s in self.stages for st in s.steps]
        kinds = [
            kind
            for kind, items in (
                ("card", self.cards),
                ("link", self.links),
                ("lane", self.lanes),
                ("stage", self.stages),
                ("step", self.steps),
            )
            if items
        ]
        return change(kinds, ids, structural=bool(self.lanes or self.stages or self.steps))

    def default_text(self, bp: Blueprint) -> str:
        return "Restore"


_ID = attrgetter("id")


def _take(items: list, ids: set[str]) -> list[tuple[int, object]]:
    """Remove the elements with these ids; their (position, element) in ascending order."""
    if not ids:
        return []
    found = list(map(ids.__contains__, map(_ID, items)))  # in C: a pass over 40,000 cards costs little
    if True not in found:
        return []
    taken = [(i, items[i]) for i in itertools.compress(range(len(items)), found)]
    for i, _ in reversed(taken):
        del items[i]
    return taken


def _put(items: list, placed: list) -> None:
    for i, item in placed:
        items.insert(i, item)
