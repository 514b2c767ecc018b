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

from collections.abc import Iterable
from dataclasses import dataclass

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


@dataclass
class _Chains:
    """The best chain ending at each block of the region, filled in topological order.

    A block is a card, or all the cards of one flow cycle (named by its first card in grid order).
    """

    members: dict[str, list[str]]
    best: dict[str, float]
    work: dict[str, float]
    wait: dict[str, float]
    incomplete: dict[str, bool]
    parent: dict[str, str | None]

    def chain(self, block: str) -> list[str]:
        parts: list[list[str]] = []
        at: str | None = block
        while at is not None:
            parts.append(self.members[at])
            at = self.parent[at]
        return [card for part in reversed(parts) for card in part]


def customer_time(bp: Blueprint) -> Timing:
    """The customer's time at each customer card of `bp`, and the stage and journey totals."""
    lanes = {lane.id: (index, lane.kind) for index, lane in enumerate(bp.lanes)}
    steps: dict[str, int] = {}
    stage_of: dict[str, str] = {}
    for stage in bp.stages:
        for step in stage.steps:
            steps[step.id] = len(steps)
            stage_of[step.id] = stage.id
    cards = {card.id: card for card in bp.cards}
    # (step, lane, place in the file) of every card: grid order, computed once
    place = {card.id: (steps[card.step], lanes[card.lane][0], i) for i, card in enumerate(bp.cards)}
    customers = sorted(
        (card.id for card in bp.cards if lanes[card.lane][1] == "customer"), key=place.__getitem__
    )
    customer = set(customers)
    # Flow links, but none that leaves a customer card: a walk back stops before another customer card.
    before: dict[str, list[str]] = {}
    for link in bp.links:
        if link.kind == "flow" and link.source not in customer:
            before.setdefault(link.target, []).append(link.source)
    region = _walk_back(customers, before)
    chains = _acyclic_chains(region, before, cards, lanes, place)
    if chains is None:
        chains = _chains_with_cycles(region, before, cards, lanes, place)
    member_of = {card: block for block, members in chains.members.items() for card in members}

    times = []
    for card_id in customers:
        block = member_of[card_id]
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


def _own(card: Card, lanes: dict[str, tuple[int, str]]) -> tuple[float, float, bool]:
    """A card's work minutes, wait minutes, and whether it lacks minutes it should have."""
    wait = (card.wait_point.minutes or 0) if card.wait_point is not None else 0
    return card.duration_minutes or 0, wait, _lacks_minutes(card, lanes)


def _acyclic_chains(
    region: list[str],
    before: dict[str, list[str]],
    cards: dict[str, Card],
    lanes: dict[str, tuple[int, str]],
    place: dict[str, tuple[int, int, int]],
) -> _Chains | None:
    """The chains when no flow cycle lies behind any customer card (the usual case, and the fast one:
    each block is one card); None when there is a cycle."""
    inside = set(region)
    waiting = {card: len(before.get(card, ())) for card in region}
    after: dict[str, list[str]] = {}
    for card in region:
        for prior in before.get(card, ()):
            after.setdefault(prior, []).append(card)
    order = [card for card, count in waiting.items() if count == 0]
    for card in order:  # Kahn's topological order; the list grows while it is read
        for following in after.get(card, ()):
            if following in inside:
                waiting[following] -= 1
                if waiting[following] == 0:
                    order.append(following)
    if len(order) != len(region):
        return None
    best: dict[str, float] = {}
    work: dict[str, float] = {}
    wait: dict[str, float] = {}
    incomplete: dict[str, bool] = {}
    parent: dict[str, str | None] = {}
    for card in order:
        chosen: str | None = None
        for prior in before.get(card, ()):  # the most minutes; on a tie the first in grid order
            if chosen is None:
                chosen = prior
                continue
            a, b = round(best[prior], 9), round(best[chosen], 9)
            if a > b or (a == b and place[prior] < place[chosen]):
                chosen = prior
        own_work, own_wait, lacks = _own(cards[card], lanes)
        parent[card] = chosen
        if chosen is None:
            best[card], work[card], wait[card] = own_work + own_wait, own_work, own_wait
            incomplete[card] = lacks
        else:
            best[card] = best[chosen] + own_work + own_wait
            work[card] = work[chosen] + own_work
            wait[card] = wait[chosen] + own_wait
            incomplete[card] = incomplete[chosen] or lacks
    return _Chains({card: [card] for card in order}, best, work, wait, incomplete, parent)


def _chains_with_cycles(
    region: list[str],
    before: dict[str, list[str]],
    cards: dict[str, Card],
    lanes: dict[str, tuple[int, str]],
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
        owns = [_own(cards[c], lanes) for c in members]
        own_work, own_wait = sum(o[0] for o in owns), sum(o[1] for o in owns)
        lacks = any(o[2] for o in owns)
        chains.parent[name] = chosen
        chains.best[name] = (chains.best[chosen] if chosen else 0) + own_work + own_wait
        chains.work[name] = (chains.work[chosen] if chosen else 0) + own_work
        chains.wait[name] = (chains.wait[chosen] if chosen else 0) + own_wait
        chains.incomplete[name] = (chains.incomplete[chosen] if chosen else False) or lacks
    return chains


def _lacks_minutes(card: Card, lanes: dict[str, tuple[int, str]]) -> bool:
    """A customer, frontstage, backstage or support card without a duration, or whose wait point has no
    minutes, leaves the time incomplete."""
    if lanes[card.lane][1] not in _TIMED_LANES:
        return False
    return card.duration_minutes is None or (card.wait_point is not None and card.wait_point.minutes is None)


def strongly_connected(nodes: Iterable[str], after: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of the graph `after` (node -> successors), Tarjan's way with
    an explicit stack; components come out in reverse topological order (sinks first)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(after[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            pushed = False
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = counter
                    counter += 1
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(after[successor])))
                    pushed = True
                    break
                if successor in on_stack and index[successor] < low[node]:
                    low[node] = index[successor]
            if pushed:
                continue
            work.pop()
            if work and low[node] < low[work[-1][0]]:
                low[work[-1][0]] = low[node]
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components
