"""What `relayout` keeps beside a layout so that an edit costs what it touches, not what the document holds.

A layout is a value: its shapes are frozen and compared. This is bookkeeping that travels with it
(`Layout.edit_state`, never compared), handed on to the layout `relayout` makes from it:

- the stack heights of every cell, per lane, so that a lane's height after an edit is the tallest of
  its cells without re-reading every cell (a lane's dict is copied before it changes: the previous
  layout keeps its own);
- the column index of every step (the frame is the same after a `relayout`);
- the links of every card (by id), so that the routes an edit can change are found without a pass
  over all links, and the links of every pair of lanes (source card's, target card's), so that a
  lane that grew or shrank visits only the links between lanes it moved. These indexes are updated
  in place and remember the routes they are in step with (as the label memo does): a second layout
  made from the same previous one builds its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from blueprint.layout.shapes import CardBox, Route


class LinksOfCards:
    """Link ids by the id of their source and target card, for one layout's routes."""

    __slots__ = ("by_card", "routes")

    def __init__(self, routes: dict[str, Route]) -> None:
        by_card: dict[str, set[str]] = {}
        for link_id, route in routes.items():
            by_card.setdefault(route.source, set()).add(link_id)
            by_card.setdefault(route.target, set()).add(link_id)
        self.by_card = by_card
        self.routes = routes

    def of(self, card_ids: Iterable[str]) -> set[str]:
        found: set[str] = set()
        by_card = self.by_card
        for card_id in card_ids:
            links = by_card.get(card_id)
            if links:
                found |= links
        return found

    def update(self, old: Route | None, new: Route | None) -> None:
        """A route changed from `old` to `new` (either None: added or removed)."""
        if old is not None and (new is None or (old.source, old.target) != (new.source, new.target)):
            for end in (old.source, old.target):
                links = self.by_card.get(end)
                if links is not None:
                    links.discard(old.link_id)
        if new is not None:
            for end in (new.source, new.target):
                self.by_card.setdefault(end, set()).add(new.link_id)


class LinksOfLanes:
    """Link ids by the lanes of their source and target card (the pair a lane shift acts on), for
    one layout's routes: when lanes move, the links between two lanes that did not move are not
    visited, and those between two lanes that moved alike are shifted without a look at the others."""

    __slots__ = ("by_pair", "pair_of", "routes")

    def __init__(self, routes: dict[str, Route], cards: dict[str, CardBox]) -> None:
        by_pair: dict[tuple[str, str], set[str]] = {}
        pair_of: dict[str, tuple[str, str]] = {}
        same: dict[tuple[str, str], tuple[str, str]] = {}  # one tuple per pair of lanes, shared
        for link_id, route in routes.items():
            key = (cards[route.source].lane_id, cards[route.target].lane_id)
            pair = same.get(key)
            if pair is None:
                same[key] = pair = key
                by_pair[pair] = set()
            by_pair[pair].add(link_id)
            pair_of[link_id] = pair
        self.by_pair, self.pair_of, self.routes = by_pair, pair_of, routes

    def update(self, link_id: str, route: Route | None, cards: dict[str, CardBox]) -> None:
        """`link_id` now has `route` (None: removed), its cards in `cards`."""
        old = self.pair_of.pop(link_id, None)
        if old is not None:
            self.by_pair[old].discard(link_id)
        if route is not None:
            pair = (cards[route.source].lane_id, cards[route.target].lane_id)
            self.pair_of[link_id] = pair
            links = self.by_pair.get(pair)
            if links is None:
                self.by_pair[pair] = {link_id}
            else:
                links.add(link_id)


class EditState:
    """See the module's docstring."""

    __slots__ = ("lanes", "links", "stack_heights", "steps_index")

    def __init__(
        self,
        stack_heights: dict[str, dict[str, float]],
        steps_index: dict[str, int],
        links: LinksOfCards | None = None,
        lanes: LinksOfLanes | None = None,
    ) -> None:
        #: lane id -> step id -> height of the cell's stack of cards (cells with cards only)
        self.stack_heights = stack_heights
        self.steps_index = steps_index
        self.links = links
        self.lanes = lanes

    def links_in_step(self, routes: dict[str, Route]) -> LinksOfCards:
        """The card-to-links index of `routes` (built when this state has none in step with them)."""
        if self.links is None or self.links.routes is not routes:
            self.links = LinksOfCards(routes)
        return self.links

    def lanes_in_step(self, routes: dict[str, Route], cards: dict[str, CardBox]) -> LinksOfLanes:
        """The lane-pair index of `routes` (their cards in `cards`), built when none is in step."""
        if self.lanes is None or self.lanes.routes is not routes:
            self.lanes = LinksOfLanes(routes, cards)
        return self.lanes
