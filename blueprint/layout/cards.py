"""What a card box holds: its wrapped text, markers and height (independent of where it sits)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from blueprint.layout import metrics as m
from blueprint.layout.quickinit import positional_maker, quick_init
from blueprint.layout.shapes import Box, CardBox, Marker
from blueprint.layout.text import one_line, text_width, wrap
from blueprint.model import Blueprint, Card, Function

#: The improvement marker's text: a card that an open improvement plan targets carries it.
PLAN_MARKER = "Plan"
#: Badges (markers) stand in a row from 4 pt inside a card's right edge leftwards, this far apart.
MARKER_GAP = 3.0
#: The width the badges may take: they stop where the card's text begins, so a badge never reaches
#: past its card into the gutter beside it (where routes run and upright link labels lie; the label
#: pass relies on it) nor into another column.
MARKER_ROOM = m.CARD_WIDTH - 4 - m.STRIP_WIDTH - m.CARD_PAD


def planned_cards(doc: Blueprint) -> frozenset[str]:
    """Ids of the cards an open improvement plan targets (they carry the "Plan" marker)."""
    return frozenset(target for plan in doc.improvements if plan.is_open for target in plan.targets)


@quick_init
@dataclass(frozen=True, slots=True)
class CardContent:
    """Everything about a card box except its position."""

    title_lines: tuple[str, ...]
    description_lines: tuple[str, ...]
    detail_lines: tuple[str, ...]
    markers: tuple[tuple[str, str, float, str, str | None], ...]  # kind, text, width, note, severity
    shortened: bool
    height: float
    function_id: str | None
    function_name: str | None
    function_color: str | None
    lane_kind: str
    evidence: str | None


def minutes_text(value: float) -> str:
    """A duration as people say it: minutes up to two hours, then hours, then days."""
    if value < 120:
        return f"{value:g} min"
    for unit, size, limit in (("h", 60, 48 * 60), ("d", 1440, float("inf"))):
        if value < limit:
            return f"{value / size:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{value:g} min"  # not reached


def card_details(card: Card, function: Function | None) -> list[str]:
    """The small lines under a card's title: who does it, and through which channel for how long."""
    return _details(
        card.channel,
        card.duration_minutes,
        card.tolerance_minutes,
        card.evidence,
        None if function is None else function.name,
    )


def _details(
    channel: str | None,
    duration: float | None,
    tolerance: float | None,
    evidence: str | None,
    function_name: str | None,
) -> list[str]:
    details = []
    if function_name is not None:
        details.append(function_name)
    parts = []
    if channel:
        parts.append(channel)
    if duration is not None:
        timing = minutes_text(duration)
        if tolerance is not None:
            limit = minutes_text(tolerance)
            unit = limit.rsplit(" ", 1)[1]
            if timing.endswith(" " + unit):  # "60 min (max 90)": the unit is said once
                limit = limit.rsplit(" ", 1)[0]
            timing += f" (max {limit})"
        parts.append(timing)
    if evidence in ("assumed", "proposed"):  # "observed" is the normal case and goes unsaid
        parts.append(evidence)
    if parts:
        details.append(" · ".join(parts))
    return details


def card_content(card: Card, function: Function | None, lane_kind: str, planned: bool = False) -> CardContent:
    """What `card`'s box shows and how tall it is (`planned`: an open improvement plan targets it).
    A card's content depends only on the values below,
    so it is kept for the values (a full layout after a lane or step edit, or of a document opened
    again, measures and wraps each unchanged card once, not each time)."""
    fail, wait = card.fail_point, card.wait_point
    return _content(
        card.title,
        card.description,
        card.channel,
        card.duration_minutes,
        card.tolerance_minutes,
        card.evidence,
        None if fail is None else (fail.note, fail.severity),
        None if wait is None else (wait.note, wait.minutes),
        None if function is None else (function.id, function.name, function.color),
        lane_kind,
        planned,
    )


@lru_cache(maxsize=32_768)
def _content(
    title: str,
    description: str,
    channel: str | None,
    duration: float | None,
    tolerance: float | None,
    evidence: str | None,
    fail: tuple[str, str] | None,
    wait: tuple[str, float | None] | None,
    function: tuple[str, str, str | None] | None,
    lane_kind: str,
    planned: bool = False,
) -> CardContent:
    markers = []
    plan_width = text_width(PLAN_MARKER, m.DETAIL_SIZE, True) + 6
    if fail is not None:
        markers.append(("fail", "F", m.MARKER_HEIGHT, fail[0], fail[1]))
    if wait is not None:
        minutes = wait[1]
        text = "W" if minutes is None else f"W {minutes_text(minutes)}"
        # the badges stay on their card (see MARKER_ROOM): a wait too long to fit is cut
        room = MARKER_ROOM - (m.MARKER_HEIGHT + MARKER_GAP if fail is not None else 0)
        room -= plan_width + MARKER_GAP if planned else 0
        text = one_line(text, m.DETAIL_SIZE, room - 6, True)[0]
        width = max(m.MARKER_HEIGHT, text_width(text, m.DETAIL_SIZE, True) + 6)
        markers.append(("wait", text, width, wait[0], None))
    if planned:
        markers.append(("plan", PLAN_MARKER, plan_width, "", None))
    title_lines, cut_title = wrap(title, m.TITLE_SIZE, m.TEXT_WIDTH, True, m.TITLE_MAX_LINES)
    description_lines: tuple[str, ...] = ()
    cut_description = False
    if description.strip():
        description_lines, cut_description = wrap(
            description, m.DESCRIPTION_SIZE, m.TEXT_WIDTH, False, m.DESCRIPTION_MAX_LINES
        )
    details, cut_details = [], False
    for i, detail in enumerate(
        _details(channel, duration, tolerance, evidence, None if function is None else function[1])
    ):
        bold = i == 0 and function is not None  # the function's name is drawn bold: measure it so
        line, cut = one_line(detail, m.DETAIL_SIZE, m.TEXT_WIDTH, bold)
        details.append(line)
        cut_details |= cut
    height = m.CARD_PAD * 2 + len(title_lines) * m.TITLE_LEADING
    if markers:
        height += m.MARKER_HEIGHT / 2
    if description_lines:
        height += m.BLOCK_GAP + len(description_lines) * m.DESCRIPTION_LEADING
    if details:
        height += m.BLOCK_GAP + len(details) * m.DETAIL_LEADING
    shortened = cut_title or cut_description or cut_details
    if shortened:
        height += m.REF_ROW  # room for the pointer to the appendix entry
    return CardContent(
        title_lines=title_lines,
        description_lines=description_lines,
        detail_lines=tuple(details),
        markers=tuple(markers),
        shortened=shortened,
        height=max(m.MIN_CARD_HEIGHT, round(height, 2)),
        function_id=None if function is None else function[0],
        function_name=None if function is None else function[1],
        function_color=None if function is None else function[2],
        lane_kind=lane_kind,
        evidence=evidence,
    )


#: `CardBox(...)` and `Box(...)` with every field given, in field order: half and most of the cost of
#: the classes' own constructors, for the loops that place or shift every card (`positional_maker`).
_card_box = positional_maker(CardBox)
_box = positional_maker(Box)


def place_card(card: Card, content: CardContent, x: float, y: float) -> CardBox:
    """The card box of `content` with its top-left corner at (x, y)."""
    markers: tuple[Marker, ...] = ()
    if content.markers:
        placed = []
        right = x + m.CARD_WIDTH - 4
        for kind, text, width, note, severity in content.markers:
            placed.append(
                Marker(
                    kind,
                    text,
                    Box(right - width, y - m.MARKER_HEIGHT / 2, width, m.MARKER_HEIGHT),
                    note,
                    severity,
                )
            )
            right -= width + MARKER_GAP
        markers = tuple(placed)
    # every field, in CardBox's order (card_id ... evidence): a layout makes thousands
    return _card_box(
        card.id,
        card.lane,
        card.step,
        _box(x, y, m.CARD_WIDTH, content.height),
        content.title_lines,
        content.shortened,
        content.detail_lines,
        content.description_lines,
        markers,
        content.function_id,
        content.function_name,
        content.function_color,
        content.lane_kind,
        content.evidence,
    )


def shift_card(card: CardBox, dx: float, dy: float) -> CardBox:
    """`card` moved by (dx, dy), text and markers included."""
    box = card.box
    markers = card.markers
    if markers:
        markers = tuple(
            Marker(
                mk.kind, mk.text, Box(mk.box.x + dx, mk.box.y + dy, mk.box.w, mk.box.h), mk.note, mk.severity
            )
            for mk in markers
        )
    # every field, in CardBox's order: a lane that moves shifts every card below it
    return _card_box(
        card.card_id,
        card.lane_id,
        card.step_id,
        _box(box.x + dx, box.y + dy, box.w, box.h),
        card.title_lines,
        card.shortened,
        card.detail_lines,
        card.description_lines,
        markers,
        card.function_id,
        card.function_name,
        card.function_color,
        card.lane_kind,
        card.evidence,
    )
