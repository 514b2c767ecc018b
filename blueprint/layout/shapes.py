"""The geometry of a laid-out blueprint: frozen, Qt-free and reportlab-free value objects.

Coordinates are points (1/72 inch) with the origin at the top left and y growing downwards (the Qt
convention); the PDF writer flips them. The canvas and the PDF both draw from these objects, so they
look alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.layout.quickinit import quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, other: Box, tolerance: float = 1e-6) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )

    def overlaps(self, other: Box) -> bool:
        """True when the interiors intersect (touching edges do not count)."""
        return (
            self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom
        )


@quick_init
@dataclass(frozen=True, slots=True)
class LaneBand:
    """One lane: the full-width band and the header box at its left, where its name goes."""

    lane_id: str
    name: str
    kind: str
    band: Box
    header: Box
    name_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StageHeader:
    stage_id: str
    name: str
    phase: str | None
    box: Box
    name_lines: tuple[str, ...] = ()
    job: str = ""


@quick_init
@dataclass(frozen=True, slots=True)
class StepHeader:
    """A step's header cell and the whole column under it (header excluded)."""

    step_id: str
    stage_id: str
    name: str
    index: int
    box: Box
    column: Box
    name_lines: tuple[str, ...] = ()


@quick_init
@dataclass(frozen=True, slots=True)
class Marker:
    """A badge on a card: a fail point ("F", red), a wait point ("W" with minutes) or an open
    improvement plan ("Plan")."""

    kind: str  # "fail", "wait" or "plan"
    text: str  # "F", "W 4 min" or "Plan"
    box: Box
    note: str = ""
    severity: str | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class CardBox:
    """One card, with the text lines the box can hold (already wrapped and, if need be, shortened)."""

    card_id: str
    lane_id: str
    step_id: str
    box: Box
    title_lines: tuple[str, ...]
    shortened: bool
    detail_lines: tuple[str, ...] = ()
    description_lines: tuple[str, ...] = ()
    markers: tuple[Marker, ...] = ()
    function_id: str | None = None
    function_name: str | None = None
    function_color: str | None = None
    lane_kind: str = "customer"
    evidence: str | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """One of the three lines of a blueprint, drawn between two lanes."""

    kind: str  # "interaction", "visibility" or "internal"
    label: str
    y: float
    x0: float
    x1: float
    #: The label goes just below the line instead of just above it: set on the second of two lines that
    #: lie between the same lanes (a few points apart), so the two labels do not print over each other.
    label_below: bool = False


@quick_init
@dataclass(frozen=True, slots=True)
class Route:
    """A link drawn as an orthogonal polyline from an edge of its source card to an edge of its target."""

    link_id: str
    source: str
    target: str
    points: tuple[tuple[float, float], ...]
    label: str = ""
    label_pos: tuple[float, float] | None = None
    kind: str = "flow"
    is_handoff: bool = False
    label_text: str = ""  # the label as it fits along its segment (ends with an ellipsis when cut)
    label_vertical: bool = False  # drawn along a vertical segment, reading upwards
    label_shortened: bool = False
    #: The label is not where the route alone would put it: it moved off a label placed before it.
    label_moved: bool = False
    #: Set by `relayout` when this is the previous layout's route of the same link moved down by this
    #: much (its cards and channel moved with a lane), so the canvas moves its item instead of comparing
    #: every point. Not compared: it says how the route was made, not what it is.
    shifted_by: float = field(default=0.0, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class EmotionCurve:
    """The customer's feelings (-2..2) per step, drawn as a curve in its own row."""

    box: Box
    baseline_y: float
    points: tuple[tuple[float, float], ...]
    values: tuple[tuple[str, float], ...]  # (step id, mean emotion) for steps that have one
    label: str = "Customer feeling"
    header: Box | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class Cell:
    """A cell (lane x step): its box and the cards stacked in it, top to bottom."""

    lane_id: str
    step_id: str
    box: Box
    card_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Layout:
    """Everything needed to draw a blueprint, in one coordinate space."""

    width: float
    height: float
    lane_header_width: float
    top_header_height: float
    lanes: tuple[LaneBand, ...] = ()
    stages: tuple[StageHeader, ...] = ()
    steps: tuple[StepHeader, ...] = ()
    cards: dict[str, CardBox] = field(default_factory=dict)
    routes: dict[str, Route] = field(default_factory=dict)
    lines: tuple[Line, ...] = ()
    emotion: EmotionCurve | None = None
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    #: (id, name, colour) of every function when laid out: `relayout` redoes everything if they changed.
    functions: tuple[tuple[str, str, str | None], ...] = field(default=(), repr=False)
    #: After `relayout`: ids of the cards and of the links whose shapes are new objects (added, changed,
    #: moved or removed); every other shape is the previous layout's own object, so the canvas updates
    #: only these items. None after a full layout. Not compared: it says how the layout was made.
    renewed_cards: frozenset[str] | None = field(default=None, compare=False, repr=False)
    renewed_routes: frozenset[str] | None = field(default=None, compare=False, repr=False)
    #: Ids of the cards an open improvement plan targets when laid out (they carry the "Plan" marker):
    #: `relayout` lays out again the cards that joined or left this set.
    planned: frozenset[str] = field(default=frozenset(), repr=False)
    #: Holds the memo of where the link labels are (a `label_memo.MemoSlot`), handed on to the layout
    #: `relayout` makes from this one so that it places again only the labels an edit can reach.
    #: Not compared.
    label_memo: object | None = field(default=None, compare=False, repr=False)
    #: What `relayout` keeps beside the shapes so that an edit costs what it touches (an
    #: `edit_state.EditState`); handed on to the next layout. Not compared.
    edit_state: object | None = field(default=None, compare=False, repr=False)
