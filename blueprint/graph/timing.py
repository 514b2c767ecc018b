"""The customer's time: how long each customer moment really takes, through the work behind it.

Shostack put two numbers on every step: the standard execution time and the customer's tolerance. This
module adds them up along the chains of work (spec: time-and-action.md). For a customer card C, the
**chain** is the chain of `flow` links ending at C with the most minutes, walking back from C and
stopping before any other customer card (the customer's previous moment is counted at its own card) or
where no flow link comes in. A flow cycle counts once, as one block of all its cards. On a tie the
predecessor that comes first in grid order (step, lane, place in the cell) is taken.

Done in one pass for the whole document: the flow links that leave a customer card are cut (a walk back
stops before such a card), the rest is condensed into blocks (strongly connected components, Tarjan's
algorithm without recursion) and a longest-path table is filled in topological order, so every
customer card's chain is read off the same table. Linear in cards plus links (plus sorting each card's
predecessors); plain dicts rather than networkx, which cost five times as much here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx

from blueprint.graph.cards import build_graph
from blueprint.graph.components import strongly_connected
from blueprint.model import Blueprint, Card

#: Lanes whose cards must have minutes for a time to be complete (evidence and notes never make it
#: incomplete: they add their minutes when they have them).
_TIMED_LANES = frozenset({"customer", "frontstage", "backstage", "support"})


def _number(value: float) -> float:
    """Minutes as people write them: 8.5, 2 (not 2.0), and no 0.30000000000000004."""
    rounded = round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded


@dataclass(frozen=True)
class CardTime:
    """The customer's time at one customer card."""

    card_id: str
    #: The cards of the chain, from its first card to this card.
    chain: tuple[str, ...]
    minutes: float
    work_minutes: float
    wait_minutes: float
    tolerance_minutes: float | None
    #: Strictly more minutes than the tolerance (False without a tolerance). With an incomplete time,
    #: the known minutes are compared.
    over: bool
    #: Some card of the chain lacks the minutes it should have (see the module docstring).
    incomplete: bool


@dataclass(frozen=True)
class StageTime:
    """A stage's customer time: the sum of the times at its customer cards (0 when it has none)."""

    stage_id: str
    minutes: float
    incomplete: bool


@dataclass(frozen=True)
class Timing:
    """The customer's time at every customer card (journey order), per stage, and for the journey."""

    cards: tuple[CardTime, ...]
    stages: tuple[StageTime, ...]
    minutes: float
    incomplete: bool

    def card(self, card_id: str) -> CardTime | None:
        for time in self.cards:
            if time.card_id == card_id:
                return time
        return None

    def by_card(self) -> dict[str, CardTime]:
        return {time.card_id: time for time in self.cards}

    @property
    def over(self) -> tuple[CardTime, ...]:
        """The customer cards slower than the customer accepts, in journey order."""
        return tuple(time for time in self.cards if time.over)


def longest_part(cards: Iterable[Card]) -> Card | None:
    """The card of a chain that adds the most minutes (its duration plus its wait's minutes, unknown
    counted as 0), the first on a tie: where BP112 says the time goes, and whose function a plan for
    it is offered to first."""
    best: Card | None = None
    best_minutes = -1.0
    for card in cards:
        minutes = (card.duration_minutes or 0) + (
            (card.wait_point.minutes or 0) if card.wait_point is not None else 0
        )
        if minutes > best_minutes:
            best, best_minutes = card, minutes
    return best


@dataclass
class _Chains:
    """The best chain ending at each block of the region, filled in topological order.

    A block is a card, or all the cards of one flow cycle (named by its first card in grid order).
    """

    #: The cards of each block, by the block's name; None when every block is one card (no cycles).
    members: dict[str, list[str]] | None
    best: dict[str, float]
    work: dict[str, float]
    wait: dict[str, float]
    incomplete: dict[str, bool]
    parent: dict[str, str | None]

    def chain(self, block: str) -> list[str]:
        parts: list[list[str]] = []
        at: str | None = block
        if self.members is None:
            cards = []
            while at is not None:
                cards.append(at)
                at = self.parent[at]
            cards.reverse()
            return cards
        while at is not None:
            parts.append(self.members[at])
            at = self.parent[at]
        return [card for part in reversed(parts) for card in part]


def customer_time(
    bp: Blueprint, graph: nx.MultiDiGraph | None = None, only: Callable[[Card], bool] | None = None
) -> Timing:
    """The customer's time at each customer card of `bp`, and the stage and journey totals.

    `graph`: the document's card graph (`build_graph(bp)`), when the caller has it already (validation
    does): its grid positions and links are read instead of being worked out again. `only`: time only
    the customer cards it accepts (BP112 needs only those with a tolerance); the totals then cover
    those cards alone.
    """
    stage_of = {step.id: stage.id for stage in bp.stages for step in stage.steps}
    cards = {card.id: card for card in bp.cards}
    if graph is None:
        graph = build_graph(bp)
    nodes = graph._node  # the raw node and adjacency dicts: networkx's views cost more than the work
    # (step, lane, place in the file) of every card: grid order, computed once
    place = {card: (data["step_index"], data["lane_index"], data["order"]) for card, data in nodes.items()}
    kind = {card: data["lane_kind"] for card, data in nodes.items()}
    customers = sorted(
        (card for card, lane in kind.items() if lane == "customer" and (only is None or only(cards[card]))),
        key=place.__getitem__,
    )
    # Flow links, but none that leaves a customer card: a walk back stops before another customer card.
    before: dict[str, list[str]] = {}
    for link in bp.links:  # (two parallel links list a card twice: harmless, it is the same chain)
        if link.kind == "flow" and kind[link.source] != "customer":
            listed = before.get(link.target)
            if listed is None:
                before[link.target] = [link.source]
            else:
                listed.append(link.source)
    chains = _acyclic_chains(customers, before, cards, kind, place)
    if chains is None:
        chains = _chains_with_cycles(_walk_back(customers, before), before, cards, kind, place)
    member_of = (
        {card: block for block, members in chains.members.items() for card in members}
        if chains.members is not None
        else None
    )

    times = []
    for card_id in customers:
        block = member_of[card_id] if member_of is not None else card_id
        tolerance = cards[card_id].tolerance_minutes
        best = chains.best[block]
        times.append(
            CardTime(
                card_id=card_id,
                chain=tuple(chains.chain(block)),
                minutes=_number(best),
                work_minutes=_number(chains.work[block]),
                wait_minutes=_number(chains.wait[block]),
                tolerance_minutes=tolerance,
                over=tolerance is not None and round(best, 9) > tolerance,
                incomplete=chains.incomplete[block],
            )
        )
    by_stage: dict[str, list[CardTime]] = {stage.id: [] for stage in bp.stages}
    for time in times:
        by_stage[stage_of[cards[time.card_id].step]].append(time)
    stages = []
    for stage in bp.stages:
        mine = by_stage[stage.id]
        stages.append(
            StageTime(stage.id, _number(sum(t.minutes for t in mine)), any(t.incomplete for t in mine))
        )
    return Timing(
        cards=tuple(times),
        stages=tuple(stages),
        minutes=_number(sum(stage.minutes for stage in stages)),
        incomplete=any(stage.incomplete for stage in stages),
    )


def _walk_back(customers: list[str], before: dict[str, list[str]]) -> list[str]:
    """The customer cards and every card a walk back from them reaches (nothing else matters)."""
    seen = set(customers)
    region = list(customers)
    for card in region:  # the list grows while it is read: a breadth-first walk
        for prior in before.get(card, ()):
            if prior not in seen:
                seen.add(prior)
                region.append(prior)
    return region


def _own(card: Card, lane_kind: str) -> tuple[float, float, bool]:
    """A card's work minutes, wait minutes, and whether it lacks minutes it should have: a customer,
    frontstage, backstage or support card without a duration, or whose wait point has no minutes."""
    point = card.wait_point
    duration = card.duration_minutes
    lacks = lane_kind in _TIMED_LANES and (duration is None or (point is not None and point.minutes is None))
    return duration or 0, (point.minutes or 0) if point is not None else 0, lacks


def _acyclic_chains(
    customers: list[str],
    before: dict[str, list[str]],
    cards: dict[str, Card],
    kind: dict[str, str],
    place: dict[str, tuple[int, int, int]],
) -> _Chains | None:
    """The chains when no flow cycle lies behind any customer card (the usual case, and the fast one:
    each block is one card), filled by a depth-first walk back from the customer cards; None as soon
    as the walk meets a cycle."""
    best: dict[str, float] = {}
    work: dict[str, float] = {}
    wait: dict[str, float] = {}
    incomplete: dict[str, bool] = {}
    parent: dict[str, str | None] = {}
    open_cards: set[str] = set()  # on the current path, still waiting for their predecessors
    for root in customers:
        if root in best:
            continue
        stack = [root]
        while stack:
            card = stack[-1]
            if card in best:
                stack.pop()
                continue
            priors = before.get(card, ())
            if card not in open_cards:
                open_cards.add(card)
                for prior in priors:
                    if prior in open_cards:
                        return None  # a cycle: the blocks of _chains_with_cycles are needed
                    if prior not in best:
                        stack.append(prior)
                if stack[-1] != card:
                    continue
            chosen: str | None = None
            for prior in priors:  # the most minutes; on a tie the first in grid order
                if chosen is None:
                    chosen = prior
                    continue
                difference = best[prior] - best[chosen]
                if difference > 1e-9 or (difference >= -1e-9 and place[prior] < place[chosen]):
                    chosen = prior
            own_work, own_wait, lacks = _own(cards[card], kind[card])
            parent[card] = chosen
            if chosen is None:
                best[card], work[card], wait[card] = own_work + own_wait, own_work, own_wait
                incomplete[card] = lacks
            else:
                best[card] = best[chosen] + own_work + own_wait
                work[card] = work[chosen] + own_work
                wait[card] = wait[chosen] + own_wait
                incomplete[card] = incomplete[chosen] or lacks
            open_cards.discard(card)
            stack.pop()
    return _Chains(None, best, work, wait, incomplete, parent)


def _chains_with_cycles(
    region: list[str],
    before: dict[str, list[str]],
    cards: dict[str, Card],
    kind: dict[str, str],
    place: dict[str, tuple[int, int, int]],
) -> _Chains:
    """The chains when flow cycles lie behind customer cards: each cycle is one block, counted once."""
    inside = set(region)
    after: dict[str, list[str]] = {card: [] for card in region}
    for card in region:
        for prior in before.get(card, ()):
            after[prior].append(card)
    components = strongly_connected(region, after)  # sinks first
    chains = _Chains({}, {}, {}, {}, {}, {})
    block_of: dict[str, str] = {}
    for component in reversed(components):  # predecessors first
        members = sorted(component, key=place.__getitem__)
        name = members[0]
        chains.members[name] = members
        for card in members:
            block_of[card] = name
        priors = {block_of[p] for c in members for p in before.get(c, ()) if p in inside} - {name}
        chosen: str | None = None
        for prior in sorted(priors, key=place.__getitem__):  # the most minutes; ties: grid order
            if chosen is None or round(chains.best[prior], 9) > round(chains.best[chosen], 9):
                chosen = prior
        owns = [_own(cards[c], kind[c]) for c in members]
        own_work, own_wait = sum(o[0] for o in owns), sum(o[1] for o in owns)
        lacks = any(o[2] for o in owns)
        chains.parent[name] = chosen
        chains.best[name] = (chains.best[chosen] if chosen else 0) + own_work + own_wait
        chains.work[name] = (chains.work[chosen] if chosen else 0) + own_work
        chains.wait[name] = (chains.wait[chosen] if chosen else 0) + own_wait
        chains.incomplete[name] = (chains.incomplete[chosen] if chosen else False) or lacks
    return chains
