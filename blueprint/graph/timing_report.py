"""The customer's time as `blueprint timing` prints it: JSON (the spec's shape), text and CSV.

Text names cards by title and place (`"Receives the drink" (Order › Collects, Customer)`), so a
designer can check each chain by hand; JSON and CSV carry ids, for scripts.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from blueprint.graph.timing import CardTime, Timing
from blueprint.model import Blueprint
from blueprint.safetext import for_terminal, spreadsheet_row

_TITLE_LIMIT = 60


def _short(text: str) -> str:
    """A title or name for the text report: one line, shortened, control characters escaped."""
    text = " ".join(text.split())
    return for_terminal(text if len(text) <= _TITLE_LIMIT else text[: _TITLE_LIMIT - 1].rstrip() + "…")


def minutes_text(value: float) -> str:
    """`8.5 min`, `2 min`: minutes as a designer writes them."""
    return f"{value:g} min"


def timing_json(doc: Blueprint, timing: Timing) -> dict[str, Any]:
    cards = doc.cards_by_id()
    stage_of = doc.stage_of_step()
    return {
        "journey": {"minutes": timing.minutes, "incomplete": timing.incomplete},
        "stages": [
            {"id": s.stage_id, "name": stage.name, "minutes": s.minutes, "incomplete": s.incomplete}
            for s, stage in zip(timing.stages, doc.stages, strict=True)
        ],
        "cards": [
            {
                "id": t.card_id,
                "title": cards[t.card_id].title,
                "stage": stage_of[cards[t.card_id].step].id,
                "step": cards[t.card_id].step,
                "minutes": t.minutes,
                "work_minutes": t.work_minutes,
                "wait_minutes": t.wait_minutes,
                "tolerance_minutes": t.tolerance_minutes,
                "over": t.over,
                "incomplete": t.incomplete,
                "chain": list(t.chain),
            }
            for t in timing.cards
        ],
    }


class _Places:
    """Readable names of cards: title and `Stage › Step, Lane`."""

    def __init__(self, doc: Blueprint) -> None:
        self.cards = doc.cards_by_id()
        self.lanes = {lane.id: _short(lane.name) for lane in doc.lanes}
        self.steps = {step.id: (_short(stage.name), _short(step.name)) for stage, step in doc.all_steps()}

    def title(self, card_id: str) -> str:
        return f'"{_short(self.cards[card_id].title)}"'

    def label(self, card_id: str) -> str:
        card = self.cards[card_id]
        stage, step = self.steps[card.step]
        return f"{self.title(card_id)} ({stage} › {step}, {self.lanes[card.lane]})"


def card_line(places: _Places, time: CardTime) -> str:
    """One customer moment: its time, the tolerance and the chain of titles."""
    parts = [f"{places.label(time.card_id)}: {minutes_text(time.minutes)}"]
    if time.wait_minutes:
        parts[0] += f" ({time.work_minutes:g} work + {time.wait_minutes:g} wait)"
    if time.incomplete:
        parts[0] += " (incomplete)"
    if time.tolerance_minutes is not None:
        verdict = (
            f"over by {minutes_text(round(time.minutes - time.tolerance_minutes, 6))}"
            if time.over
            else "within"
        )
        parts.append(f"tolerance {minutes_text(time.tolerance_minutes)}, {verdict}")
    if len(time.chain) > 1:
        parts.append("chain: " + " → ".join(places.title(card_id) for card_id in time.chain))
    return "; ".join(parts)


def timing_text(doc: Blueprint, timing: Timing) -> str:
    if not timing.cards:
        return "No customer cards: add the customer's actions to see the time they take."
    places = _Places(doc)
    lines = [card_line(places, time) for time in timing.cards]
    lines.append("")
    for stage_time, stage in zip(timing.stages, doc.stages, strict=True):
        mark = " (incomplete)" if stage_time.incomplete else ""
        lines.append(f'Stage "{_short(stage.name)}": {minutes_text(stage_time.minutes)}{mark}')
    mark = " (incomplete)" if timing.incomplete else ""
    lines.append(f"Journey: {minutes_text(timing.minutes)}{mark}")
    return "\n".join(lines)


CSV_COLUMNS = (
    "id",
    "title",
    "stage",
    "step",
    "minutes",
    "work_minutes",
    "wait_minutes",
    "tolerance_minutes",
    "over",
    "incomplete",
    "chain",
)


def timing_csv(doc: Blueprint, timing: Timing) -> str:
    """The `cards` rows of the JSON, one per customer card, the chain joined with spaces; a title that
    would start a spreadsheet formula gets a leading `'` (`spreadsheet_row`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in timing_json(doc, timing)["cards"]:
        writer.writerow(spreadsheet_row(_cell(row[name]) for name in CSV_COLUMNS))
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(value)
    return str(value)
