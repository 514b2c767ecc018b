"""The in-process stages: each `prepare_*` takes the run's `Case` and returns the callable to time.

A stage whose module or function has not been written yet raises `NotBuilt`, so the runner works at
every point of the project. Preparation (loading the document, laying it out once) is not timed.
"""

from __future__ import annotations

import importlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timing import NotBuilt

from blueprint.fileformat import load, save
from blueprint.model import Blueprint


@dataclass
class Case:
    """One generated file and what the stages share about it."""

    n: int
    path: Path
    workdir: Path
    doc: Blueprint = field(init=False)

    def __post_init__(self) -> None:
        self.doc = load(self.path)

    def fresh(self) -> Blueprint:
        """A private copy for stages that change the document."""
        return load(self.path)


def api(module: str, name: str) -> Any:
    """`module.name`, or `NotBuilt` when either is missing."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError) as error:
        raise NotBuilt(f"{module}.{name}") from error


def prepare_load(case: Case) -> Callable[[], object]:
    return lambda: load(case.path)


def prepare_save(case: Case) -> Callable[[], object]:
    target = Path(tempfile.mkdtemp(dir=case.workdir)) / "saved.blueprint"
    return lambda: save(case.doc, target)


def prepare_validate(case: Case) -> Callable[[], object]:
    validate = api("blueprint.validate", "validate")
    return lambda: validate(case.doc)


def prepare_handoffs(case: Case) -> Callable[[], object]:
    report = api("blueprint.graph", "handoff_report")
    return lambda: report(case.doc)


def prepare_layout(case: Case) -> Callable[[], object]:
    compute_layout = api("blueprint.layout", "compute_layout")
    return lambda: compute_layout(case.doc)


@dataclass(frozen=True)
class Move:
    """One card moved to the next step of its lane (`there`) and back (`back`)."""

    card_id: str
    lane_id: str
    there: str
    back: str

    def step_for(self, run: int) -> str:
        return self.there if run % 2 == 0 else self.back


def sample_moves(doc: Blueprint, count: int = 3) -> list[Move]:
    """Cards a quarter, half and three quarters into the document, each with a neighbouring step. Some
    moves change a lane's height (every card below shifts) and some do not, as in real editing."""
    steps = [step.id for _, step in doc.all_steps()]
    moves = []
    for k in range(1, count + 1):
        card = doc.cards[len(doc.cards) * k // (count + 1)]
        i = steps.index(card.step)
        there = steps[i + 1] if i + 1 < len(steps) else steps[i - 1]
        moves.append(Move(card.id, card.lane, there, card.step))
    return moves


def move_for(moves: list[Move], run: int) -> tuple[Move, str]:
    """The move of run number `run`: each card goes there and comes back before the next one moves."""
    move = moves[(run // 2) % len(moves)]
    return move, move.step_for(run)


def prepare_relayout(case: Case) -> Callable[[], object]:
    """Incremental layout after one card moves to a neighbouring step (see `sample_moves`)."""
    compute_layout = api("blueprint.layout", "compute_layout")
    relayout = api("blueprint.layout", "relayout")
    doc = case.fresh()
    moves = sample_moves(doc)
    cards = doc.cards_by_id()
    state: dict[str, Any] = {"layout": compute_layout(doc), "run": 0}

    def run() -> None:
        move, step = move_for(moves, state["run"])
        state["run"] += 1
        cards[move.card_id].step = step
        state["layout"] = relayout(doc, state["layout"], [move.card_id])

    return run


def prepare_pdf(case: Case) -> Callable[[], object]:
    """The blueprint on one A3 page, without the appendix: what the floor draws."""
    export_pdf = api("blueprint.export", "export_pdf")
    options = api("blueprint.export", "ExportOptions")(appendix=False)
    target = case.workdir / f"export-{case.n}.pdf"
    return lambda: export_pdf(case.doc, target, options)


def prepare_pdf_default(case: Case) -> Callable[[], object]:
    """`blueprint export FILE -o OUT.pdf` as a designer runs it: default options, appendix included."""
    export_pdf = api("blueprint.export", "export_pdf")
    target = case.workdir / f"export-default-{case.n}.pdf"
    return lambda: export_pdf(case.doc, target)


def prepare_pdf_floor(case: Case) -> Callable[[], object]:
    from floors import pdf_floor

    layout = api("blueprint.layout", "compute_layout")(case.doc)
    return lambda: pdf_floor(layout)
