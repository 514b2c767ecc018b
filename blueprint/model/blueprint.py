"""The root of the document model, with the look-ups that editing and checking need."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from blueprint.model.elements import (
    Card,
    Function,
    Improvement,
    Lane,
    Link,
    Metadata,
    Persona,
    Stage,
    Step,
    StrictModel,
    View,
)
from blueprint.model.integrity import integrity_problems
from blueprint.model.kinds import ZONE_OF_LANE, Zone

FORMAT_NAME = "service-blueprint"
FORMAT_VERSION = 2


def _title(value: str) -> str:
    length = len(value.strip())
    if not 1 <= length <= 200:
        raise PydanticCustomError(
            "title_length",
            "must have 1 to 200 characters after trimming (has {length})",
            {"length": length, "path": "title"},
        )
    return value


class Blueprint(StrictModel):
    """One service blueprint: the customer's journey and the work behind it."""

    # `$schema` is not a Python name: the field is `schema_url`, read and written as `$schema`.
    model_config = ConfigDict(validate_by_alias=True, validate_by_name=True, serialize_by_alias=True)

    format: Literal["service-blueprint"] = FORMAT_NAME
    #: Where an editor may find the JSON Schema (a URL or path); kept as it was, never fetched.
    schema_url: Annotated[str, Field(max_length=2000)] | None = Field(default=None, alias="$schema")
    version: Literal[2] = FORMAT_VERSION
    # 1 to 200 characters after trimming (checked below); the schema can only say it approximately.
    title: Annotated[
        str,
        Field(max_length=10_000),
        WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S"}),
    ]
    description: str = ""
    persona: Persona | None = None
    metadata: Metadata = Field(default_factory=Metadata)
    functions: list[Function] = Field(default_factory=list)
    lanes: list[Lane] = Field(default_factory=list)
    stages: list[Stage] = Field(default_factory=list)
    cards: list[Card] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    improvements: list[Improvement] = Field(default_factory=list)
    views: list[View] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_document(self) -> Blueprint:
        _title(self.title)
        problems = integrity_problems(self)
        if problems:
            first = problems[0]
            raise PydanticCustomError(first.code, first.message, {"path": first.path})
        return self

    # --- look-ups (computed on demand: the model stays plain data) ---------------------------------

    def all_steps(self) -> list[tuple[Stage, Step]]:
        """Every step in column order, with its stage."""
        return [(stage, step) for stage in self.stages for step in stage.steps]

    def step_indexes(self) -> dict[str, int]:
        """Column index of every step id."""
        return {step.id: i for i, (_, step) in enumerate(self.all_steps())}

    def stage_of_step(self) -> dict[str, Stage]:
        return {step.id: stage for stage in self.stages for step in stage.steps}

    def lanes_by_id(self) -> dict[str, Lane]:
        return {lane.id: lane for lane in self.lanes}

    def cards_by_id(self) -> dict[str, Card]:
        return {card.id: card for card in self.cards}

    def functions_by_id(self) -> dict[str, Function]:
        return {function.id: function for function in self.functions}

    def links_by_id(self) -> dict[str, Link]:
        return {link.id: link for link in self.links}

    def improvements_by_id(self) -> dict[str, Improvement]:
        return {improvement.id: improvement for improvement in self.improvements}

    def views_by_id(self) -> dict[str, View]:
        return {view.id: view for view in self.views}

    def cards_in_cell(self, lane_id: str, step_id: str) -> list[Card]:
        """Cards of one cell, top to bottom (their array order)."""
        return [card for card in self.cards if card.lane == lane_id and card.step == step_id]

    def step_index_of_card(self, card: Card) -> int:
        return self.step_indexes()[card.step]

    def lane_zone(self, lane_id: str) -> Zone:
        """The zone (customer side, frontstage, backstage, support, anywhere) of a lane."""
        return ZONE_OF_LANE[self.lanes_by_id()[lane_id].kind]

    def all_ids(self) -> set[str]:
        """Every id in use (ids are unique across the whole document)."""
        ids = {f.id for f in self.functions} | {lane.id for lane in self.lanes}
        for stage in self.stages:
            ids.add(stage.id)
            ids.update(step.id for step in stage.steps)
        ids.update(card.id for card in self.cards)
        ids.update(link.id for link in self.links)
        ids.update(improvement.id for improvement in self.improvements)
        ids.update(view.id for view in self.views)
        return ids
