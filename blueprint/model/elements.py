"""The elements of a blueprint (everything but the root), as strict pydantic models.

Field order is the file order of the spec: pydantic dumps fields in definition order, and the writer
relies on it for canonical files.
"""

import math
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from blueprint.model.ids import ElementId


def _finite_non_negative(value: float) -> float:
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("not_finite", "must be a finite number")
    if value < 0:
        raise PydanticCustomError("non_negative", "must be at least 0, not {value}", {"value": value})
    return value


def _iso_time_with_zone(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "iso_time",
            "must be an ISO 8601 time such as 2026-11-01T09:00:00Z, not {shown}",
            {"shown": repr(value)[:60]},
        ) from None
    if parsed.tzinfo is None:
        raise PydanticCustomError(
            "iso_time_zone",
            "needs a time zone (for example a trailing Z), got {shown}",
            {"shown": repr(value)[:60]},
        )
    return value


Minutes = Annotated[
    int | float, AfterValidator(_finite_non_negative), WithJsonSchema({"type": "number", "minimum": 0})
]
IsoTime = Annotated[
    str | None,
    AfterValidator(_iso_time_with_zone),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]}),
]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Tag = Annotated[str, Field(max_length=200)]


class StrictModel(BaseModel):
    """Base of every element: strict types, no unknown fields, no NaN."""

    model_config = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False)


class Persona(StrictModel):
    """The customer whose journey the blueprint follows."""

    name: Name
    description: str = ""


class Metadata(StrictModel):
    author: str | None = None
    created: IsoTime = None
    modified: IsoTime = None
    tags: list[Tag] = Field(default_factory=list, max_length=1000)


class Function(StrictModel):
    """A team, role, system or partner that does work in the blueprint."""

    id: ElementId
    name: Annotated[str, Field(min_length=1, max_length=100)]
    kind: Literal["team", "role", "system", "partner"] = "team"
    color: Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")] | None = None
    description: str = ""


class Lane(StrictModel):
    """A row of the blueprint; its kind places it above or below the three lines."""

    id: ElementId
    name: Name
    kind: Literal["evidence", "customer", "frontstage", "backstage", "support", "notes"]


class Step(StrictModel):
    """A column of the blueprint: one moment of the customer's journey."""

    id: ElementId
    name: Name


class Stage(StrictModel):
    """A group of steps with a purpose (the job the customer is trying to get done)."""

    id: ElementId
    name: Name
    phase: Literal["pre-purchase", "purchase", "post-purchase"] | None = None
    job: str = ""
    steps: list[Step] = Field(min_length=1)


class FailPoint(StrictModel):
    """Where the service is likely to fail (Shostack)."""

    note: str = ""
    severity: Literal["low", "medium", "high"] = "medium"


class WaitPoint(StrictModel):
    """Where the customer waits."""

    note: str = ""
    minutes: Minutes | None = None


class Card(StrictModel):
    """One action, touchpoint or note in a cell (lane x step)."""

    id: ElementId
    lane: ElementId
    step: ElementId
    title: Annotated[str, Field(min_length=1, max_length=500)]
    description: Annotated[str, Field(max_length=20_000)] = ""
    function: ElementId | None = None
    channel: Annotated[str, Field(max_length=200)] | None = None
    duration_minutes: Minutes | None = None
    tolerance_minutes: Minutes | None = None
    emotion: Annotated[int, Field(ge=-2, le=2)] | None = None
    fail_point: FailPoint | None = None
    wait_point: WaitPoint | None = None
    evidence: Literal["observed", "assumed", "proposed"] | None = None
    tags: list[Tag] = Field(default_factory=list, max_length=1000)

    @model_validator(mode="after")
    def _tolerance_covers_duration(self) -> "Card":
        if (
            self.duration_minutes is not None
            and self.tolerance_minutes is not None
            and self.tolerance_minutes < self.duration_minutes
        ):
            raise PydanticCustomError(
                "tolerance",
                "tolerance_minutes ({tolerance}) must be at least duration_minutes ({duration})",
                {
                    "tolerance": self.tolerance_minutes,
                    "duration": self.duration_minutes,
                    "path": "tolerance_minutes",
                },
            )
        return self


class Link(StrictModel):
    """Work or information moving from one card to another."""

    id: ElementId
    source: ElementId
    target: ElementId
    kind: Literal["flow", "loop"] = "flow"
    label: Annotated[str, Field(max_length=500)] = ""
