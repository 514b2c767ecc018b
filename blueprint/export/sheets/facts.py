"""What a hand-off sheet tells one function, as plain values (no drawing here).

`SheetContext(doc)` does the work every sheet shares once (the findings, the customer's time, where
each card sits, which plans target what); `context.facts(function_id)` then gives one function's
sheet: what it receives and from whom, what it hands on, the fail points it owns, the time on its
cards and the findings that involve it. The PDF sheet, a view's PDF and the HTML viewer read these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from blueprint.graph import is_handoff
from blueprint.graph.timing import CardTime, Timing, customer_time
from blueprint.layout import Layout, compute_layout
from blueprint.model import Blueprint, Card, Improvement
from blueprint.validate import Finding, validate

NOT_SAID = "(not said)"


@dataclass(frozen=True)
class HandoffRow:
    """One hand-off into or out of the function: the other function, what moves, where, which card."""

    link_id: str
    other: str  # the other function's name
    what: str  # the link's label, or "(not said)"
    at: str  # "Stage › Step" of the function's own card
    card: str  # the title of the function's own card (into it, or from it)
    card_id: str


@dataclass(frozen=True)
class PlanRow:
    """An improvement plan that targets a fail point's card."""

    improvement_id: str
    title: str
    status: str
    due: str | None
    owner: str | None  # the owning function's name


@dataclass(frozen=True)
class FailRow:
    """A fail point on the function's sheet: one it owns (its own card's, or one whose `owner` names
    it), or one on its own card that another function (the `owner`) recovers."""

    card_id: str
    card: str
    at: str
    severity: str
    note: str
    plans: tuple[PlanRow, ...]
    owner: str = ""  # the name of the function that recovers it
    owned: bool = True  # the sheet's function recovers it
    why: str = ""  # "your card", "named as its owner" (owned), or "" (another function's)


@dataclass(frozen=True)
class MomentRow:
    """A customer moment whose time includes the function's work."""

    card_id: str
    card: str
    at: str
    minutes: float
    tolerance: float | None
    over: bool
    incomplete: bool
    yours: float  # minutes of the function's own cards in the moment's chain


@dataclass(frozen=True)
class SheetFacts:
    function_id: str
    name: str
    kind: str
    cards: tuple[str, ...]  # the function's card ids, in grid order
    receive: tuple[HandoffRow, ...]
    hand_on: tuple[HandoffRow, ...]
    fail_points: tuple[FailRow, ...]
    minutes: float  # the sum of the cards' duration_minutes
    unknown_minutes: int  # cards without duration_minutes
    moments: tuple[MomentRow, ...]
    findings: tuple[Finding, ...] = field(default=())

    @property
    def heading(self) -> str:
        """Exactly as the spec has it: "Hand-off sheet: <function name> (<kind>)"."""
        return f"Hand-off sheet: {self.name} ({self.kind})"


def minutes_text(value: float) -> str:
    """8.5, 2 (not 2.0): minutes as people write them."""
    rounded = round(value, 2)
    return f"{int(rounded)}" if rounded == int(rounded) else f"{rounded:g}"


class SheetContext:
    """The work every sheet of one document shares, done once (the findings and the customer's time
    are the costly parts: about a second at 5,000 cards, then each sheet is cheap)."""

    def __init__(self, doc: Blueprint) -> None:
        self.doc = doc
        self.functions = doc.functions_by_id()
        self.cards = doc.cards_by_id()
        self._lane_kind = {lane.id: lane.kind for lane in doc.lanes}
        steps = doc.step_indexes()
        lanes = {lane.id: i for i, lane in enumerate(doc.lanes)}
        self._grid = {card.id: (steps[card.step], lanes[card.lane], i) for i, card in enumerate(doc.cards)}
        self._at = {step.id: f"{stage.name} › {step.name}" for stage, step in doc.all_steps()}
        self.owned: dict[str, list[Card]] = {f.id: [] for f in doc.functions}
        for card in sorted(doc.cards, key=lambda c: self._grid[c.id]):
            if card.function is not None:
                self.owned.setdefault(card.function, []).append(card)
        self.links_in: dict[str, list] = {}  # type: ignore[type-arg]
        self.links_out: dict[str, list] = {}  # type: ignore[type-arg]
        for link in doc.links:
            source, target = self.cards[link.source], self.cards[link.target]
            if is_handoff(source.function, target.function):
                self.links_in.setdefault(target.function, []).append(link)  # type: ignore[arg-type]
                self.links_out.setdefault(source.function, []).append(link)  # type: ignore[arg-type]
        self.links_by_id = doc.links_by_id()
        #: The PDF painter the sheets share (`sheets.pages`): the layout's cards and routes sorted into
        #: columns once for every sheet.
        self.painter: object | None = None
        self.plans_of: dict[str, list[Improvement]] = {}
        for plan in doc.improvements:
            for target in plan.targets:
                self.plans_of.setdefault(target, []).append(plan)

    @cached_property
    def layout(self) -> Layout:
        """The whole blueprint's layout, which every sheet draws in its own focus."""
        return compute_layout(self.doc)

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(validate(self.doc))

    @cached_property
    def timing(self) -> Timing:
        return customer_time(self.doc)

    @cached_property
    def _findings_of(self) -> dict[str, list[Finding]]:
        index: dict[str, list[Finding]] = {}
        for finding in self.findings:
            for element in dict.fromkeys(finding.elements):
                index.setdefault(element, []).append(finding)
        return index

    @cached_property
    def _moments_of(self) -> dict[str, list[CardTime]]:
        """Customer moments by the cards of their chains."""
        index: dict[str, list[CardTime]] = {}
        for time in self.timing.cards:
            for card_id in time.chain:
                index.setdefault(card_id, []).append(time)
        return index

    def at(self, card_id: str) -> str:
        return self._at[self.cards[card_id].step]

    def function_name(self, function_id: str | None) -> str | None:
        function = self.functions.get(function_id) if function_id else None
        return function.name if function is not None else None

    def plans(self, element_id: str) -> tuple[PlanRow, ...]:
        return tuple(
            PlanRow(plan.id, plan.title, plan.status, plan.due, self.function_name(plan.owner))
            for plan in self.plans_of.get(element_id, ())
        )

    def findings_about(self, element_id: str) -> list[Finding]:
        return self._findings_of.get(element_id, [])

    def facts(self, function_id: str) -> SheetFacts:
        function = self.functions[function_id]
        mine = self.owned.get(function_id, [])
        ids = tuple(card.id for card in mine)
        order = {card_id: i for i, card_id in enumerate(ids)}
        receive = [self._row(link, link.target, link.source) for link in self.links_in.get(function_id, ())]
        hand_on = [self._row(link, link.source, link.target) for link in self.links_out.get(function_id, ())]
        receive.sort(key=lambda row: order[row.card_id])
        hand_on.sort(key=lambda row: order[row.card_id])
        return SheetFacts(
            function_id=function_id,
            name=function.name,
            kind=function.kind,
            cards=ids,
            receive=tuple(receive),
            hand_on=tuple(hand_on),
            fail_points=self._fail_points(function_id),
            minutes=sum(card.duration_minutes or 0 for card in mine),
            unknown_minutes=sum(1 for card in mine if card.duration_minutes is None),
            moments=self._moments(ids),
            findings=self._findings(ids),
        )

    def _row(self, link, own: str, other: str) -> HandoffRow:  # type: ignore[no-untyped-def]
        card, partner = self.cards[own], self.cards[other]
        return HandoffRow(
            link_id=link.id,
            other=self.function_name(partner.function) or "",
            what=link.label.strip() or NOT_SAID,
            at=self.at(own),
            card=card.title,
            card_id=own,
        )

    def _fail_points(self, function_id: str) -> tuple[FailRow, ...]:
        rows = []
        for card in sorted(self.doc.cards, key=lambda c: self._grid[c.id]):
            fail = card.fail_point
            if fail is None:
                continue
            owner = fail.owner or card.function
            if owner != function_id and card.function != function_id:
                continue
            if owner == function_id:
                why = (
                    "named as its owner"
                    if fail.owner == function_id and card.function != function_id
                    else "your card"
                )
            else:
                why = ""
            rows.append(
                FailRow(
                    card.id,
                    card.title,
                    self.at(card.id),
                    fail.severity,
                    fail.note,
                    self.plans(card.id),
                    self.function_name(owner) or "",
                    owner == function_id,
                    why,
                )
            )
        return tuple(rows)

    def _moments(self, ids: tuple[str, ...]) -> tuple[MomentRow, ...]:
        mine = set(ids)
        seen: dict[str, CardTime] = {}
        for card_id in ids:
            for time in self._moments_of.get(card_id, ()):
                seen.setdefault(time.card_id, time)
        journey = {time.card_id: i for i, time in enumerate(self.timing.cards)}
        rows = []
        for time in sorted(seen.values(), key=lambda t: journey[t.card_id]):
            yours = sum(
                (self.cards[c].duration_minutes or 0)
                + ((self.cards[c].wait_point.minutes or 0) if self.cards[c].wait_point else 0)
                for c in time.chain
                if c in mine
            )
            rows.append(
                MomentRow(
                    time.card_id,
                    self.cards[time.card_id].title,
                    self.at(time.card_id),
                    time.minutes,
                    time.tolerance_minutes,
                    time.over,
                    time.incomplete,
                    yours,
                )
            )
        return tuple(rows)

    def _findings(self, ids: tuple[str, ...]) -> tuple[Finding, ...]:
        found: dict[int, Finding] = {}
        for card_id in ids:
            for finding in self.findings_about(card_id):
                found.setdefault(id(finding), finding)
        rank = {id(f): i for i, f in enumerate(self.findings)}
        return tuple(sorted(found.values(), key=lambda f: rank[id(f)]))
