"""The emotion curve: the customer's mean feeling per step, in its own row above the lanes."""

from __future__ import annotations

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
    top = lanes_top - m.EMOTION_ROW_HEIGHT
    box = Box(m.LANE_HEADER_WIDTH, top, width - m.LANE_HEADER_WIDTH, m.EMOTION_ROW_HEIGHT)
    baseline = top + m.EMOTION_ROW_HEIGHT / 2
    unit = (m.EMOTION_ROW_HEIGHT - 16) / 4  # -2..2 spans the row, 8 pt from each edge
    points, values = [], []
    for step in steps:
        found = feelings.get(step.step_id)
        if not found:
            continue
        mean = round(sum(found) / len(found), 3)
        values.append((step.step_id, mean))
        points.append((step.box.x + step.box.w / 2, round(baseline - mean * unit, 3)))
    return EmotionCurve(
        box=box,
        baseline_y=baseline,
        points=tuple(points),
        values=tuple(values),
        header=Box(0.0, top, m.LANE_HEADER_WIDTH, m.EMOTION_ROW_HEIGHT),
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
