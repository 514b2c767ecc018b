"""The emotion curve: the customer's mean feeling per step, in its own row above the lanes."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from blueprint.layout import metrics as m
from blueprint.layout.shapes import Box, EmotionCurve, StepHeader
from blueprint.model import Blueprint


def emotion_curve(
    doc: Blueprint, steps: tuple[StepHeader, ...], lanes_top: float, width: float
) -> EmotionCurve:
    customer_lanes = {lane.id for lane in doc.lanes if lane.kind == "customer"}
    feelings: dict[str, list[int]] = {}
    for card in doc.cards:
        if card.lane in customer_lanes and card.emotion is not None:
            feelings.setdefault(card.step, []).append(card.emotion)
    means = {step_id: mean_feeling(found) for step_id, found in feelings.items()}
    return curve_of(means, steps, lanes_top, width)


def mean_feeling(found: list[int]) -> float:
    """The mean of a step's feelings as the curve holds it (non-empty `found`)."""
    return round(sum(found) / len(found), 3)


class Means(dict[str, float]):
    """Each step's mean feeling (step id -> mean), counted again after an edit for the steps in
    `counted` only: the curve through them is the previous one with those steps' points changed."""

    __slots__ = ("counted",)

    def __init__(self, means: dict[str, float], counted: set[str]) -> None:
        super().__init__(means)
        self.counted = counted


def means_after_edit(
    previous: EmotionCurve | None, steps: set[str], feelings_of: Callable[[str], list[int]]
) -> Means:
    """Each step's mean feeling after an edit that changed only the customer cards of `steps`:
    the previous curve's means with those steps' counted again (`feelings_of(step)`: the feelings
    of the step's customer cards). No pass over the document's cards."""
    means = Means(dict(previous.values) if previous is not None else {}, steps)
    for step_id in steps:
        found = feelings_of(step_id)
        if found:
            means[step_id] = mean_feeling(found)
        else:
            means.pop(step_id, None)
    return means


def curve_of(
    means: dict[str, float], steps: tuple[StepHeader, ...], lanes_top: float, width: float
) -> EmotionCurve:
    """The curve through each step's mean feeling (`means` by step id), in step order."""
    top = lanes_top - m.EMOTION_ROW_HEIGHT
    box = Box(m.LANE_HEADER_WIDTH, top, width - m.LANE_HEADER_WIDTH, m.EMOTION_ROW_HEIGHT)
    baseline = top + m.EMOTION_ROW_HEIGHT / 2
    unit = (m.EMOTION_ROW_HEIGHT - 16) / 4  # -2..2 spans the row, 8 pt from each edge
    points, values = [], []
    for step in steps:
        mean = means.get(step.step_id)
        if mean is None:
            continue
        values.append((step.step_id, mean))
        points.append((step.box.x + step.box.w / 2, round(baseline - mean * unit, 3)))
    return EmotionCurve(
        box=box,
        baseline_y=baseline,
        points=tuple(points),
        values=tuple(values),
        header=Box(0.0, top, m.LANE_HEADER_WIDTH, m.EMOTION_ROW_HEIGHT),
    )


def curve_after(
    previous: EmotionCurve, means: Means, steps: tuple[StepHeader, ...], steps_index: dict[str, int]
) -> EmotionCurve:
    """What `curve_of(means, steps, ...)` gives for a curve in `previous`'s row (same lanes' top and
    width) whose means differ from `previous`'s only at the steps `means.counted`: `previous` with
    those points changed, added or taken out. A customer card's move changes two steps of a curve
    that has one point per step, thousands in a large blueprint."""
    unit = (m.EMOTION_ROW_HEIGHT - 16) / 4  # as `curve_of`
    baseline = previous.baseline_y
    values, points = list(previous.values), list(previous.points)
    where = [steps_index[step_id] for step_id, _ in values]  # each point's column, ascending
    for column, step_id in sorted((steps_index[i], i) for i in means.counted):
        k = bisect_left(where, column)
        present = k < len(where) and where[k] == column
        mean = means.get(step_id)
        if mean is None:
            if present:
                del values[k], points[k], where[k]
            continue
        step = steps[column]
        point = (step.box.x + step.box.w / 2, round(baseline - mean * unit, 3))
        if present:
            values[k], points[k] = (step_id, mean), point
        else:
            values.insert(k, (step_id, mean))
            points.insert(k, point)
            where.insert(k, column)
    return EmotionCurve(
        box=previous.box,
        baseline_y=baseline,
        points=tuple(points),
        values=tuple(values),
        header=previous.header,
    )


def label_baseline(value: float) -> float:
    """Where a feeling's value is printed, as the baseline's offset from its point (y downwards): just
    above the point, except near the top of the row (above +1.5), where it goes below the point, clear
    of the step headers over the row. The PDF, the images and the canvas all place it so."""
    return 8.5 if value > 1.5 else -3.0


def emotion_label(value: float) -> str:
    """How a feeling prints beside its point: emotions are whole numbers -2..2, so "+1", "0", "−2"
    (a real minus sign, U+2212); a mean of several cards keeps one decimal only when it is not whole."""
    tenths = round(value * 10)
    if tenths == 0:
        return "0"
    sign = "+" if tenths > 0 else "\u2212"
    whole, rest = divmod(abs(tenths), 10)
    return f"{sign}{whole}" if rest == 0 else f"{sign}{whole}.{rest}"
