"""The customer's time in words, the same in the Inspector, the card tooltips, the status bar and the
PDF appendix: "8.5 min (tolerance 5 min)", "8.5 min against a tolerance of 5 min: 3.5 min over" (the
appendix), a chain card's part "4 min + 2 min wait", "? min" where the duration is not known. Minutes
read as the cards show them (`minutes_text`: 90 min, 2.5 h, 1.5 d).
"""

from __future__ import annotations

from typing import Any

from blueprint.layout.cards import minutes_text
from blueprint.model import Card

#: Card kinds whose missing duration makes the customer's time incomplete (evidence and notes never do).
TIMED_LANES = frozenset({"customer", "frontstage", "backstage", "support"})


def card_part(card: Card, lane_kind: str) -> str:
    """What one card of a chain adds: "4 min + 2 min wait", "? min" (not known), "0 min"."""
    if card.duration_minutes is not None:
        work = minutes_text(card.duration_minutes)
    else:
        work = "? min" if lane_kind in TIMED_LANES else "0 min"
    wait = card.wait_point
    if wait is None:
        return work
    waiting = "? min" if wait.minutes is None else minutes_text(wait.minutes)
    return f"{work} + {waiting} wait"


def time_here(card_time: Any) -> str:
    """ "8.5 min (tolerance 5 min)", with "at least" when some minutes are not known."""
    text = minutes_text(card_time.minutes)
    if card_time.incomplete:
        text = f"at least {text}"
    if card_time.tolerance_minutes is not None:
        text += f" (tolerance {minutes_text(card_time.tolerance_minutes)})"
    return text


def over_by(card_time: Any) -> str:
    """ "3.5 min over the tolerance of 5 min" ("" when not over)."""
    if not card_time.over or card_time.tolerance_minutes is None:
        return ""
    over = card_time.minutes - card_time.tolerance_minutes
    return f"{minutes_text(round(over, 6))} over the tolerance of {minutes_text(card_time.tolerance_minutes)}"


def against_tolerance(card_time: Any) -> str:
    """ "12 min against a tolerance of 10 min: 2 min over" (the tolerance said once), with "at least"
    when some minutes are not known; just the minutes without a tolerance."""
    text = minutes_text(card_time.minutes)
    if card_time.incomplete:
        text = f"at least {text}"
    if card_time.tolerance_minutes is None:
        return text
    text += f" against a tolerance of {minutes_text(card_time.tolerance_minutes)}"
    if card_time.over:
        text += f": {minutes_text(round(card_time.minutes - card_time.tolerance_minutes, 6))} over"
    return text


def total(minutes: float, incomplete: bool) -> str:
    """A stage's or the journey's time: "41.5 min", "41.5 min (incomplete)"."""
    return minutes_text(round(minutes, 6)) + (" (incomplete)" if incomplete else "")
