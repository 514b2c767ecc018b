"""Stage and step operations. Removing a stage or step takes its cards and their links with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from blueprint.edit.card_index import CardIndex
from blueprint.edit.change import Change, change
from blueprint.edit.errors import EditError
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
from blueprint.model import Blueprint, Stage, Step


def _cards_and_links(bp: Blueprint, step_ids: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    cards = tuple(card.id for card in bp.cards if card.step in step_ids)
    gone = set(cards)
    links = tuple(li.id for li in bp.links if li.source in gone or li.target in gone)
    return cards, links


def _find_step(bp: Blueprint, step_id: str) -> tuple[Stage, int, Step]:
    for stage in bp.stages:
        for i, step in enumerate(stage.steps):
            if step.id == step_id:
                return stage, i, step
    raise EditError("unknown-id", f"There is no step '{step_id}'")


@dataclass
class AddStage(Operation):
    stage: Stage
    index: int | None = None

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        taken = bp.all_ids()
        for element_id in [self.stage.id, *(step.id for step in self.stage.steps)]:
            if element_id in taken:
                raise EditError("duplicate-id", f"The id '{element_id}' is already used")
        bp.stages.insert(len(bp.stages) if self.index is None else self.index, self.stage)
        return Extract(stage_ids=(self.stage.id,), text=self.text)

    def affects(self) -> Change:
        return change(["stage", "step"], [self.stage.id, *(s.id for s in self.stage.steps)], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        return f"Add stage {quoted(self.stage.name)}"


@dataclass
class RemoveStage(Operation):
    stage_id: str

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        _, stage = find(bp.stages, self.stage_id, "stage")
        cards, links = _cards_and_links(bp, {step.id for step in stage.steps})
        extract = Extract(card_ids=cards, link_ids=links, stage_ids=(self.stage_id,), text=self.text)
        releases = release(bp, elements=(*cards, *links)) if bp.improvements else []
        return after_release(bp, index, releases, lambda: extract.apply(bp), self.describe(bp))

    def affects(self) -> Change:
        return change(["stage"], [self.stage_id], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        names = {s.id: s.name for s in bp.stages}
        return f"Remove stage {quoted(names[self.stage_id])}" if self.stage_id in names else "Remove stage"


@dataclass
class MoveStage(Operation):
    """Move a stage (with its steps, and so their cards) so that it ends up at `index` in the stage
    order."""

    stage_id: str
    index: int

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        old, stage = find(bp.stages, self.stage_id, "stage")
        bp.stages.pop(old)
        bp.stages.insert(max(0, min(self.index, len(bp.stages))), stage)
        return MoveStage(self.stage_id, old, text=self.text)

    def affects(self) -> Change:
        return change(["stage", "step"], [self.stage_id], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        names = {s.id: s.name for s in bp.stages}
        return f"Move stage {quoted(names[self.stage_id])}" if self.stage_id in names else "Move stage"


@dataclass
class SetStageFields(Operation):
    """Change a stage's name, phase or job (its steps change through step operations)."""

    stage_id: str
    changes: dict[str, Any]

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        _, stage = find(bp.stages, self.stage_id, "stage")
        values = validated_fields(stage, self.changes, frozenset({"id", "steps"}))
        return SetStageFields(self.stage_id, set_fields(stage, values), text=self.text)

    def affects(self) -> Change:
        return change(["stage"], [self.stage_id], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        return "Rename stage" if set(self.changes) == {"name"} else "Edit stage"


@dataclass
class AddStep(Operation):
    stage_id: str
    step: Step
    index: int | None = None

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        _, stage = find(bp.stages, self.stage_id, "stage")
        check_free_id(bp, self.step.id)
        stage.steps.insert(len(stage.steps) if self.index is None else self.index, self.step)
        return Extract(step_ids=(self.step.id,), text=self.text)

    def affects(self) -> Change:
        return change(["step"], [self.step.id, self.stage_id], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        return f"Add step {quoted(self.step.name)}"


@dataclass
class RemoveStep(Operation):
    """Remove a step with its cards and their links (a stage keeps at least one step)."""

    step_id: str

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        _find_step(bp, self.step_id)
        cards, links = _cards_and_links(bp, {self.step_id})
        extract = Extract(card_ids=cards, link_ids=links, step_ids=(self.step_id,), text=self.text)
        releases = release(bp, elements=(*cards, *links)) if bp.improvements else []
        return after_release(bp, index, releases, lambda: extract.apply(bp), self.describe(bp))

    def affects(self) -> Change:
        return change(["step"], [self.step_id], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        try:
            return f"Remove step {quoted(_find_step(bp, self.step_id)[2].name)}"
        except EditError:
            return "Remove step"


@dataclass
class MoveStep(Operation):
    """Move a step to stage `stage_id` so that it ends up at `index` among that stage's steps."""

    step_id: str
    stage_id: str
    index: int

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        source, old, step = _find_step(bp, self.step_id)
        _, target = find(bp.stages, self.stage_id, "stage")
        if source is not target and len(source.steps) == 1:
            raise EditError("last-step", f"Stage '{source.name}' needs at least one step")
        source.steps.pop(old)
        target.steps.insert(max(0, min(self.index, len(target.steps))), step)
        return MoveStep(self.step_id, source.id, old, text=self.text)

    def affects(self) -> Change:
        return change(["step", "stage"], [self.step_id, self.stage_id], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        try:
            return f"Move step {quoted(_find_step(bp, self.step_id)[2].name)}"
        except EditError:
            return "Move step"


@dataclass
class SetStepFields(Operation):
    step_id: str
    changes: dict[str, Any]

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        _, _, step = _find_step(bp, self.step_id)
        values = validated_fields(step, self.changes)
        return SetStepFields(self.step_id, set_fields(step, values), text=self.text)

    def affects(self) -> Change:
        return change(["step"], [self.step_id], structural=True)

    def default_text(self, bp: Blueprint) -> str:
        return "Rename step"
