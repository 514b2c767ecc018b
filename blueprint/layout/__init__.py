"""Pure geometry of a blueprint (no Qt, no reportlab): the canvas and the PDF draw the same layout."""

from blueprint.layout.engine import compute_layout, prepare_for_edits, relayout
from blueprint.layout.shapes import (
    Box,
    CardBox,
    Cell,
    EmotionCurve,
    LaneBand,
    Layout,
    Line,
    Marker,
    Route,
    StageHeader,
    StepHeader,
)

__all__ = [
    "Box",
    "CardBox",
    "Cell",
    "EmotionCurve",
    "LaneBand",
    "Layout",
    "Line",
    "Marker",
    "Route",
    "StageHeader",
    "StepHeader",
    "compute_layout",
    "prepare_for_edits",
    "relayout",
]
