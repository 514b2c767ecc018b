"""The customer's time: how long each customer moment really takes, through the work behind it.

Shostack put two numbers on every step: the standard execution time and the customer's tolerance. This
module adds them up along the chains of work (spec: time-and-action.md). For a customer card C, the
**chain** is the chain of `flow` links ending at C with the most minutes, walking back from C and
stopping before any other customer card (the customer's previous moment is counted at its own card) or
where no flow link comes in. A flow cycle counts once, as one block of all its cards. On a tie the
predecessor that comes first in grid order (step, lane, place in the cell) is taken.

Done in one pass for the whole document: the flow links that leave a customer card are cut (a walk back
stops before such a card), the rest is condensed into blocks (strongly connected components) and a
longest-path table is filled in topological order, so every customer card's chain is read off the
same table. Linear in cards plus links.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

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
class _Block:
    """A card, or all the cards of one flow cycle, with the best chain that ends there."""

    members: list[str]
    work: float
    wait: float
    incomplete: bool
    best: float = 0.0
    best_work: float = 0.0
    best_wait: float = 0.0
    best_incomplete: bool = False
    parent: int | None = None


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
    order = {card.id: i for i, card in enumerate(bp.cards)}

    def grid(card_id: str) -> tuple[int, int, int]:
        card = cards[card_id]
        return steps[card.step], lanes[card.lane][0], order[card_id]

    def is_customer(card_id: str) -> bool:
        return lanes[cards[card_id].lane][1] == "customer"

    # Flow links, but none that leaves a customer card: a walk back stops before another customer card.
    cut = nx.DiGraph()
    cut.add_nodes_from(cards)
    cut.add_edges_from(
        (link.source, link.target)
        for link in bp.links
        if link.kind == "flow" and not is_customer(link.source)
    )
    blocks_graph = nx.condensation(cut)
    blocks: dict[int, _Block] = {}
    for block_id, data in blocks_graph.nodes(data=True):
        members = sorted(data["members"], key=grid)
        work = sum(cards[c].duration_minutes or 0 for c in members)
        wait = sum(_wait(cards[c]) for c in members)
        blocks[block_id] = _Block(members, work, wait, any(_lacks_minutes(cards[c], lanes) for c in members))
    for block_id in nx.topological_sort(blocks_graph):
        block = blocks[block_id]
        before = sorted(blocks_graph.predecessors(block_id), key=lambda b: grid(blocks[b].members[0]))
        chosen: int | None = None
        for candidate in before:  # the most minutes; on a tie the first in grid order
            if chosen is None or round(blocks[candidate].best, 9) > round(blocks[chosen].best, 9):
                chosen = candidate
        base = blocks[chosen] if chosen is not None else None
        block.parent = chosen
        block.best = (base.best if base else 0) + block.work + block.wait
        block.best_work = (base.best_work if base else 0) + block.work
        block.best_wait = (base.best_wait if base else 0) + block.wait
        block.best_incomplete = (base.best_incomplete if base else False) or block.incomplete

    member_of: dict[str, int] = blocks_graph.graph["mapping"]
    customers = sorted((card_id for card_id in cards if is_customer(card_id)), key=grid)
    times = []
    for card_id in customers:
        block = blocks[member_of[card_id]]
        chain: list[str] = []
        at: int | None = member_of[card_id]
        while at is not None:
            chain[:0] = blocks[at].members
            at = blocks[at].parent
        tolerance = cards[card_id].tolerance_minutes
        times.append(
            CardTime(
                card_id=card_id,
                chain=tuple(chain),
                minutes=_number(block.best),
                work_minutes=_number(block.best_work),
                wait_minutes=_number(block.best_wait),
                tolerance_minutes=tolerance,
                over=tolerance is not None and round(block.best, 9) > tolerance,
                incomplete=block.best_incomplete,
            )
        )
    stages = []
    for stage in bp.stages:
        mine = [time for time in times if stage_of[cards[time.card_id].step] == stage.id]
        stages.append(
            StageTime(stage.id, _number(sum(t.minutes for t in mine)), any(t.incomplete for t in mine))
        )
    return Timing(
        cards=tuple(times),
        stages=tuple(stages),
        minutes=_number(sum(stage.minutes for stage in stages)),
        incomplete=any(stage.incomplete for stage in stages),
    )


def _wait(card: Card) -> float:
    return (card.wait_point.minutes or 0) if card.wait_point is not None else 0


def _lacks_minutes(card: Card, lanes: dict[str, tuple[int, str]]) -> bool:
    """A customer, frontstage, backstage or support card without a duration, or whose wait point has no
    minutes, leaves the time incomplete."""
    if lanes[card.lane][1] not in _TIMED_LANES:
        return False
    return card.duration_minutes is None or (card.wait_point is not None and card.wait_point.minutes is None)
