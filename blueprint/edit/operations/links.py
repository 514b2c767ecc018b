"""Link operations: add, remove, edit label and kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from blueprint.edit.card_index import CardIndex
from blueprint.edit.change import Change, change
from blueprint.edit.errors import EditError
from blueprint.edit.operations.base import Operation, check_free_id, find, set_fields, validated_fields
from blueprint.edit.operations.references import after_release, release
from blueprint.edit.operations.removal import Extract
from blueprint.model import Blueprint, Link


@dataclass
class AddLink(Operation):
    """Insert `link` at array position `index` (None: at the end)."""

    link: Link
    index: int | None = None

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        check_free_id(bp, self.link.id, index)
        cards = index if index is not None else CardIndex(bp)
        for end in (self.link.source, self.link.target):
            if cards.card(end) is None:
                raise EditError("unknown-card", f"There is no card '{end}'")
        if self.link.source == self.link.target:
            raise EditError("self-link", "A link cannot join a card to itself")
        bp.links.insert(len(bp.links) if self.index is None else self.index, self.link)
        return Extract(link_ids=(self.link.id,), text=self.text)

    def affects(self) -> Change:
        return change(["link"], [self.link.id, self.link.source, self.link.target])

    def default_text(self, bp: Blueprint) -> str:
        return "Add link"


@dataclass
class RemoveLinks(Operation):
    ids: tuple[str, ...]

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        extract = Extract(link_ids=tuple(self.ids), text=self.text)
        releases = release(bp, elements=self.ids) if bp.improvements else []
        return after_release(bp, index, releases, lambda: extract.apply(bp), self.describe(bp))

    def affects(self) -> Change:
        return change(["link"], self.ids)

    def default_text(self, bp: Blueprint) -> str:
        return "Remove link" if len(self.ids) == 1 else f"Remove {len(self.ids)} links"


@dataclass
class SetLinkFields(Operation):
    """Change a link's label or kind (its ends are fixed: remove and add to reconnect)."""

    link_id: str
    changes: dict[str, Any]

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        _, link = find(bp.links, self.link_id, "link")
        values = validated_fields(link, self.changes, frozenset({"id", "source", "target"}))
        return SetLinkFields(self.link_id, set_fields(link, values), text=self.text)

    def affects(self) -> Change:
        return change(["link"], [self.link_id])

    def default_text(self, bp: Blueprint) -> str:
        return f"Edit link {', '.join(self.changes)}"
