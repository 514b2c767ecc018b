"""The grid of a blueprint: columns (steps under stages), lane bands, headers and the three lines."""

from __future__ import annotations

import itertools

from blueprint.layout import metrics as m
from blueprint.layout.shapes import Box, LaneBand, Line, StageHeader, StepHeader
from blueprint.layout.text import one_line, wrap
from blueprint.model import Blueprint, Lane

#: The three lines of a blueprint: (kind, label, first zone rank below the line).
LINES = (
    ("interaction", "Line of interaction", 1),
    ("visibility", "Line of visibility", 2),
    ("internal", "Line of internal interaction", 3),
)
_RANK = {"evidence": 0, "customer": 0, "frontstage": 1, "backstage": 2, "support": 3}


def column_x(index: int) -> float:
    return m.LANE_HEADER_WIDTH + index * m.COLUMN_WIDTH


def headers(
    doc: Blueprint, lanes_top: float, bottom: float | None = None
) -> tuple[tuple[StageHeader, ...], tuple[StepHeader, ...]]:
    """Stage headers above their steps, and step headers with their columns (of no height, or down
    to `bottom` when given: what `with_column_heights` gives)."""
    stages, steps = [], []
    index = 0
    step_y = m.STAGE_HEADER_HEIGHT
    column_y = step_y + m.STEP_HEADER_HEIGHT
    column_h = 0.0 if bottom is None else bottom - column_y
    for stage in doc.stages:
        first = index
        for step in stage.steps:
            x = column_x(index)
            lines, _ = wrap(step.name, m.STEP_NAME_SIZE, m.COLUMN_WIDTH - 10, True, 2)
            steps.append(
                StepHeader(
                    step.id,
                    stage.id,
                    step.name,
                    index,
                    Box(x, step_y, m.COLUMN_WIDTH, m.STEP_HEADER_HEIGHT),
                    Box(x, column_y, m.COLUMN_WIDTH, column_h),
                    lines,
                )
            )
            index += 1
        width = (index - first) * m.COLUMN_WIDTH
        name, _ = one_line(stage.name, m.STAGE_NAME_SIZE, width - 12, True)
        box = Box(column_x(first), 0.0, width, m.STAGE_HEADER_HEIGHT)
        stages.append(StageHeader(stage.id, stage.name, stage.phase, box, (name,), stage.job))
    return tuple(stages), tuple(steps)


def with_column_heights(steps: tuple[StepHeader, ...], bottom: float) -> tuple[StepHeader, ...]:
    out = []
    for step in steps:
        c = step.column
        out.append(
            StepHeader(
                step.step_id,
                step.stage_id,
                step.name,
                step.index,
                step.box,
                Box(c.x, c.y, c.w, bottom - c.y),
                step.name_lines,
            )
        )
    return tuple(out)


def lane_band(lane: Lane, y: float, height: float, width: float) -> LaneBand:
    lines, _ = wrap(lane.name, m.LANE_NAME_SIZE, m.LANE_HEADER_WIDTH - 14, True, 4)
    return LaneBand(
        lane_id=lane.id,
        name=lane.name,
        kind=lane.kind,
        band=Box(0.0, y, width, height),
        header=Box(0.0, y, m.LANE_HEADER_WIDTH, height),
        name_lines=lines,
    )


def three_lines(lanes: tuple[LaneBand, ...], width: float) -> tuple[Line, ...]:
    """The lines of interaction, visibility and internal interaction, each where the zone order first
    crosses it (at the top of the first lane below it). Notes lanes are ignored; a line whose zones
    are missing is not drawn. Lines that fall on the same boundary are drawn 3 pt apart, and the label of
    a line whose label above it would touch the previous line's label goes below it instead."""
    ranked = [(lane, _RANK[lane.kind]) for lane in lanes if lane.kind in _RANK]
    out: list[Line] = []
    used: dict[float, int] = {}
    for kind, label, threshold in LINES:
        for (_, above), (lane, below) in itertools.pairwise(ranked):
            if above < threshold <= below:
                y = lane.band.y
                shift = used.get(y, 0)
                used[y] = shift + 1
                out.append(Line(kind, label, y + shift * 3.0, 0.0, width))
                break
    return _labels_apart(out)


def _labels_apart(lines: list[Line]) -> tuple[Line, ...]:
    """`lines` with `label_below` set where a label just above its line would touch the label placed
    before it (top to bottom); the same rule as the editor's lane-header column."""
    step = m.LINE_LABEL_SIZE + 1.5
    previous = float("-inf")
    below: set[int] = set()
    for i in sorted(range(len(lines)), key=lambda i: lines[i].y):
        baseline = lines[i].y - 2
        if baseline < previous + step:
            baseline = max(previous + step, lines[i].y + m.LINE_LABEL_SIZE + 1)
            below.add(i)
        previous = baseline
    return tuple(
        Line(ln.kind, ln.label, ln.y, ln.x0, ln.x1, label_below=True) if i in below else ln
        for i, ln in enumerate(lines)
    )
