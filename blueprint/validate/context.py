"""What every rule needs, computed once per validation run: the graph, indexes and readable names.

Built from the document alone (no global state), so `validate` is a pure function of the document.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import networkx as nx

from blueprint.graph import build_graph, release_graph
from blueprint.graph.timing import Timing, customer_time
from blueprint.model import Blueprint, Card

_TITLE_LIMIT = 60


def short_title(title: str) -> str:
    """A title on one line, shortened to fit in a message."""
    text = " ".join(title.split())
    return text if len(text) <= _TITLE_LIMIT else text[: _TITLE_LIMIT - 1].rstrip() + "…"


def _has_tolerance(card: Card) -> bool:
    return card.tolerance_minutes is not None


class Context:
    """The shared, read-only view of one document for one validation run."""

    def __init__(self, doc: Blueprint) -> None:
        self.doc = doc
        self.graph: nx.MultiDiGraph = build_graph(doc)
        #: Card id -> the graph's node attributes (lane_kind, step_index, function...; see build_graph).
        self.nodes: dict[str, dict[str, Any]] = dict(self.graph.nodes(data=True))
        self.cards: dict[str, Card] = doc.cards_by_id()
        # Names as messages show them: on one line, shortened.
        self.lane_names = {lane.id: short_title(lane.name) for lane in doc.lanes}
        self.lane_kinds = {lane.id: lane.kind for lane in doc.lanes}
        self.function_names = {function.id: short_title(function.name) for function in doc.functions}
        self.stage_names = {stage.id: short_title(stage.name) for stage in doc.stages}
        self.step_places: dict[str, tuple[int, str, str]] = {}
        for stage in doc.stages:
            for step in stage.steps:
                self.step_places[step.id] = (
                    len(self.step_places),
                    self.stage_names[stage.id],
                    short_title(step.name),
                )
        self._labels: dict[str, str] = {}

    def release(self) -> None:
        """Let go of the graph a card at a time (`release_graph`); the context is of no use after."""
        release_graph(self.graph, self.nodes)

    @cached_property
    def tolerance_times(self) -> Timing:
        """The customer's time at the customer cards that have a tolerance (what BP112 checks; computed
        once, when a rule first asks). `blueprint.graph.timing.customer_time` gives every card's."""
        return customer_time(self.doc, self.graph, only=_has_tolerance)

    def kind(self, card_id: str) -> str:
        """Lane kind of a card."""
        return self.nodes[card_id]["lane_kind"]

    def grid(self, card_id: str) -> tuple[int, int, int]:
        """(step index, lane index, card order) of a card."""
        data = self.nodes[card_id]
        return data["step_index"], data["lane_index"], data["order"]

    def place(self, card_id: str) -> str:
        """Where a card is, as a designer reads the grid: `Stage › Step, Lane`."""
        card = self.cards[card_id]
        _, stage, step = self.step_places[card.step]
        return f"{stage} › {step}, {self.lane_names[card.lane]}"

    def title(self, card_id: str) -> str:
        return f'"{short_title(self.cards[card_id].title)}"'

    def label(self, card_id: str) -> str:
        """`"Title" (Stage › Step, Lane)`: enough to find a card without its id."""
        label = self._labels.get(card_id)
        if label is None:
            label = self._labels[card_id] = f"{self.title(card_id)} ({self.place(card_id)})"
        return label

    def step_label(self, step_id: str) -> str:
        _, stage, step = self.step_places[step_id]
        return f'"{step}" ({stage})'

    def lane_label(self, lane_id: str) -> str:
        return f'"{self.lane_names[lane_id]}" ({self.lane_kinds[lane_id]})'
