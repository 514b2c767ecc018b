"""The elements of a blueprint (everything but the root), as strict pydantic models.

Field order is the file order of the spec: pydantic dumps fields in definition order, and the writer
relies on it for canonical files.
"""

import math
import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from blueprint.model.ids import ID_PATTERN, ElementId


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


def trimmed_length(low: int, high: int) -> AfterValidator:
    """A text of `low` to `high` characters once the spaces around it are trimmed (titles, names)."""

    def check(value: str) -> str:
        length = len(value.strip())
        if length == 0:
            raise PydanticCustomError(
                "blank", "must not be empty" if not value else "must not be blank (it has only spaces)"
            )
        if length < low:
            raise PydanticCustomError(
                "too_short_trimmed",
                "is too short ({length} characters; at least {low})",
                {"length": length, "low": low},
            )
        if length > high:
            raise PydanticCustomError(
                "string_too_long",
                "is too long ({length} characters after trimming; at most {max_length})",
                {"length": length, "max_length": high},
            )
        return value

    return AfterValidator(check)


def _blank_is_null(value: Any) -> Any:
    """A blank text read from a file becomes null, so that a spreadsheet's empty cell round-trips."""
    return None if isinstance(value, str) and not value.strip() else value


def _one_line_tag(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise PydanticCustomError("tag_line_break", "a tag may not contain a line break")
    return value


def _calendar_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        if len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError(
            "calendar_date", "must be a date such as 2027-03-31, not {shown}", {"shown": repr(value)[:60]}
        ) from None
    return value


LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
_LANGUAGE = re.compile(LANGUAGE_PATTERN)


def _language_tag(value: str | None) -> str | None:
    if value is not None and not _LANGUAGE.fullmatch(value):
        raise PydanticCustomError(
            "language_tag",
            "must be a language tag such as en, de-CH or ar, not {shown}",
            {"shown": repr(value)[:60]},
        )
    return value


def _no_repeats(values: list[str]) -> list[str]:
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise PydanticCustomError(
                "repeated", "'{value}' is listed twice", {"value": value, "path": f"[{i}]"}
            )
        seen.add(value)
    return values


Minutes = Annotated[
    int | float, AfterValidator(_finite_non_negative), WithJsonSchema({"type": "number", "minimum": 0})
]
IsoTime = Annotated[
    str | None,
    AfterValidator(_iso_time_with_zone),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]}),
]
Name = Annotated[str, Field(min_length=1, max_length=200)]
#: One line of text: a tag may not hold a line break (spreadsheets keep one tag per line of a cell).
Tag = Annotated[
    str,
    Field(max_length=200),
    AfterValidator(_one_line_tag),
    WithJsonSchema({"type": "string", "maxLength": 200, "pattern": "^[^\\r\\n]*$"}),
]
#: Null or a text that is not blank; a blank text in a file reads as null.
OptionalText = Annotated[
    Annotated[str, Field(max_length=200)] | None,
    BeforeValidator(_blank_is_null),
    WithJsonSchema({"anyOf": [{"type": "string", "maxLength": 200}, {"type": "null"}]}),
]
CalendarDate = Annotated[
    str | None,
    AfterValidator(_calendar_date),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}),
]
LanguageTag = Annotated[
    str | None,
    AfterValidator(_language_tag),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": LANGUAGE_PATTERN}, {"type": "null"}]}),
]


def id_list(least: int, most: int) -> Any:
    """A list of `least` to `most` element ids, none repeated (a plan's targets, a view's lanes)."""
    return Annotated[
        list[ElementId],
        Field(min_length=least, max_length=most),
        AfterValidator(_no_repeats),
        WithJsonSchema(
            {
                "type": "array",
                "items": {"type": "string", "pattern": ID_PATTERN},
                "minItems": least,
                "maxItems": most,
                "uniqueItems": True,
            }
        ),
    ]


class StrictModel(BaseModel):
    """Base of every element: strict types, no unknown fields, no NaN."""

    model_config = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False)


class Persona(StrictModel):
    """The customer whose journey the blueprint follows."""

    name: Name
    description: str = ""


class Metadata(StrictModel):
    author: OptionalText = None
    created: IsoTime = None
    modified: IsoTime = None
    #: BCP 47 tag of the document's text (version 2): the PDF's /Lang, right-to-left defaults.
    language: LanguageTag = None
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
    """Where the service is likely to fail (Shostack).

    `owner` (version 2) is the function that owns recovery when it fails; without one, the card's
    function does. A customer card's fail point is typically owned this way.
    """

    note: str = ""
    severity: Literal["low", "medium", "high"] = "medium"
    owner: ElementId | None = None


class WaitPoint(StrictModel):
    """Where the customer waits."""

    note: str = ""
    minutes: Minutes | None = None


class Card(StrictModel):
    """One action, touchpoint or note in a cell (lane x step)."""

    id: ElementId
    lane: ElementId
    step: ElementId
    # 1 to 500 characters after trimming (version 2 made the intent of version 1 explicit).
    title: Annotated[
        str,
        Field(max_length=10_000),
        trimmed_length(1, 500),
        WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 500, "pattern": "\\S"}),
    ]
    description: Annotated[str, Field(max_length=20_000)] = ""
    function: ElementId | None = None
    channel: OptionalText = None
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


ImprovementStatus = Literal["proposed", "planned", "testing", "done", "dropped"]
#: Statuses of a plan still being worked on (BP113 counts only these).
OPEN_STATUSES: frozenset[str] = frozenset({"proposed", "planned", "testing"})


class Improvement(StrictModel):
    """A plan to change the service where it fails or is slow: what, for which cards or links, by whom,
    how success is measured and by when (version 2)."""

    id: ElementId
    title: Annotated[
        str,
        Field(max_length=10_000),
        trimmed_length(1, 200),
        WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S"}),
    ]
    description: Annotated[str, Field(max_length=20_000)] = ""
    targets: id_list(1, 100_000)  # type: ignore[valid-type]
    owner: ElementId | None = None
    measure: Annotated[str, Field(max_length=500)] = ""
    target: Annotated[str, Field(max_length=500)] = ""
    due: CalendarDate = None
    status: ImprovementStatus = "proposed"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class View(StrictModel):
    """A saved audience view: lanes left out and functions in focus (version 2)."""

    id: ElementId
    name: Name
    hidden_lanes: id_list(0, 200) = Field(default_factory=list)  # type: ignore[valid-type]
    focus: id_list(0, 5000) = Field(default_factory=list)  # type: ignore[valid-type]
