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
    visited, and those between two lanes that moved alike are shifted without a look at the others.

    Also by column (`near`): a route runs between its cards' columns (and the gutters beside them),
    so the preview of a lane shift (`preview.py`) visits only the links that can run where the views
    look. A link is filed under the lower of its two cards' columns; one that spans more than `SPAN`
    columns (a loop back, a long hand-off) is kept in `long`, which every question visits."""

    __slots__ = ("by_column", "by_pair", "columns_of", "long", "pair_of", "routes", "steps_index")

    SPAN = 4

    def __init__(
        self, routes: dict[str, Route], cards: dict[str, CardBox], steps_index: dict[str, int]
    ) -> None:
        by_pair: dict[tuple[str, str], set[str]] = {}
        pair_of: dict[str, tuple[str, str]] = {}
        same: dict[tuple[str, str], tuple[str, str]] = {}  # one tuple per pair of lanes, shared
        self.by_column: dict[int, set[str]] = {}
        self.columns_of: dict[str, tuple[int, int]] = {}
        self.long: set[str] = set()
        self.steps_index = steps_index
        for link_id, route in routes.items():
            s, t = cards[route.source], cards[route.target]
            key = (s.lane_id, t.lane_id)
            pair = same.get(key)
            if pair is None:
                same[key] = pair = key
                by_pair[pair] = set()
            by_pair[pair].add(link_id)
            pair_of[link_id] = pair
            self._file(link_id, steps_index[s.step_id], steps_index[t.step_id])
        self.by_pair, self.pair_of, self.routes = by_pair, pair_of, routes

    def _file(self, link_id: str, a: int, b: int) -> None:
        low, high = (a, b) if a <= b else (b, a)
        self.columns_of[link_id] = (low, high)
        if high - low > self.SPAN:
            self.long.add(link_id)
        else:
            column = self.by_column.get(low)
            if column is None:
                self.by_column[low] = {link_id}
            else:
                column.add(link_id)

    def _unfile(self, link_id: str) -> None:
        found = self.columns_of.pop(link_id, None)
        if found is not None:
            self.long.discard(link_id)
            column = self.by_column.get(found[0])
            if column is not None:
                column.discard(link_id)

    def update(self, link_id: str, route: Route | None, cards: dict[str, CardBox]) -> None:
        """`link_id` now has `route` (None: removed), its cards in `cards`."""
        old = self.pair_of.pop(link_id, None)
        if old is not None:
            self.by_pair[old].discard(link_id)
        self._unfile(link_id)
        if route is not None:
            s, t = cards[route.source], cards[route.target]
            pair = (s.lane_id, t.lane_id)
            self.pair_of[link_id] = pair
            links = self.by_pair.get(pair)
            if links is None:
                self.by_pair[pair] = {link_id}
            else:
                links.add(link_id)
            self._file(link_id, self.steps_index[s.step_id], self.steps_index[t.step_id])

    def near(self, first: int, last: int) -> list[str]:
        """The links one of whose cards is in a column from `first` to `last`, or that span one."""
        found = [i for i in self.long if self.columns_of[i][0] <= last and self.columns_of[i][1] >= first]
        by_column, columns_of = self.by_column, self.columns_of
        for column in range(first - self.SPAN, last + 1):
            for link_id in by_column.get(column, ()):
                if columns_of[link_id][1] >= first:
                    found.append(link_id)
        return found


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
            self.lanes = LinksOfLanes(routes, cards, self.steps_index)
        return self.lanes
