"""Lane operations: add, remove (with its cards and their links), move, rename or change kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from blueprint.edit.card_index import CardIndex
from blueprint.edit.change import Change, change
from blueprint.edit.operations.base import (
    Operation,
    check_free_id,
    find,
    quoted,
    set_fields,
    validated_fields,
)
from blueprint.edit.operations.references import after_release, release
from blueprint.edit.operations.removal import Extract
from blueprint.model import Blueprint, Lane


@dataclass
class AddLane(Operation):
    lane: Lane
    index: int | None = None

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        check_free_id(bp, self.lane.id)
        bp.lanes.insert(len(bp.lanes) if self.index is None else self.index, self.lane)
        return Extract(lane_ids=(self.lane.id,), text=self.text)

    def affects(self) -> Change:
        return change(["lane"], [self.lane.id], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        return f"Add lane {quoted(self.lane.name)}"


@dataclass
class RemoveLane(Operation):
    """Remove a lane with its cards and every link touching them."""

    lane_id: str

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        find(bp.lanes, self.lane_id, "lane")
        cards = tuple(card.id for card in bp.cards if card.lane == self.lane_id)
        gone = set(cards)
        links = tuple(li.id for li in bp.links if li.source in gone or li.target in gone)
        extract = Extract(card_ids=cards, link_ids=links, lane_ids=(self.lane_id,), text=self.text)
        releases = release(bp, elements=(*cards, *links), lanes=(self.lane_id,))
        return after_release(bp, index, releases, lambda: extract.apply(bp), self.describe(bp))

    def affects(self) -> Change:
        return change(["lane"], [self.lane_id], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        lanes = bp.lanes_by_id()
        return f"Remove lane {quoted(lanes[self.lane_id].name)}" if self.lane_id in lanes else "Remove lane"


@dataclass
class MoveLane(Operation):
    """Move a lane so that it ends up at `index` in the lane order."""

    lane_id: str
    index: int

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        old, lane = find(bp.lanes, self.lane_id, "lane")
        bp.lanes.pop(old)
        bp.lanes.insert(max(0, min(self.index, len(bp.lanes))), lane)
        return MoveLane(self.lane_id, old, text=self.text)

    def affects(self) -> Change:
        return change(["lane"], [self.lane_id], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        lanes = bp.lanes_by_id()
        return f"Move lane {quoted(lanes[self.lane_id].name)}" if self.lane_id in lanes else "Move lane"


@dataclass
class SetLaneFields(Operation):
    """Rename a lane or change its kind (a new kind moves it to another zone: structural)."""

    lane_id: str
    changes: dict[str, Any]

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        _, lane = find(bp.lanes, self.lane_id, "lane")
        values = validated_fields(lane, self.changes)
        return SetLaneFields(self.lane_id, set_fields(lane, values), text=self.text)

    def affects(self) -> Change:
        return change(["lane"], [self.lane_id], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        return "Rename lane" if set(self.changes) == {"name"} else "Edit lane"
