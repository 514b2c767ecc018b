"""The line of measures that compares two versions of a blueprint (as-is against to-be, or yesterday's
file against today's): cards, hand-offs, fail points, open findings, the journey's time and the share
of cards observed in research.

Open findings are the errors and warnings (the things to fix); info findings are hints and do not
count. The journey's time is the customer's time from `graph.timing`, marked when some minutes are
missing. The share observed is the cards whose evidence is "observed" among all cards.
"""

from __future__ import annotations

from dataclasses import dataclass

from blueprint.graph.handoffs import handoff_report
from blueprint.graph.timing import customer_time
from blueprint.model import Blueprint
from blueprint.validate import validate


@dataclass(frozen=True)
class Measures:
    cards: int
    handoffs: int
    fail_points: int
    open_findings: int
    journey_minutes: float
    journey_incomplete: bool
    observed: int

    @property
    def observed_share(self) -> float | None:
        """Cards observed in research, as a fraction of all cards (None without cards)."""
        return self.observed / self.cards if self.cards else None


def measures_of(doc: Blueprint) -> Measures:
    timing = customer_time(doc)
    report = handoff_report(doc)
    return Measures(
        cards=len(doc.cards),
        handoffs=sum(sum(row.values()) for row in report.matrix.values()),
        fail_points=sum(1 for card in doc.cards if card.fail_point is not None),
        open_findings=sum(1 for finding in validate(doc) if finding.severity in ("error", "warning")),
        journey_minutes=timing.minutes,
        journey_incomplete=timing.incomplete,
        observed=sum(1 for card in doc.cards if card.evidence == "observed"),
    )


@dataclass(frozen=True)
class Measure:
    """One measure in both versions, as text: `name`, `old`, `new`, `change` ("" when equal)."""

    name: str
    old: str
    new: str
    change: str

    def text(self) -> str:
        if self.old == self.new:
            return f"{self.name} {self.new}"
        return f"{self.name} {self.old} → {self.new}" + (f" ({self.change})" if self.change else "")


def compared(old: Measures, new: Measures) -> list[Measure]:
    """The measures of both versions, in the order the line shows them."""
    return [
        _count("Cards", old.cards, new.cards),
        _count("Hand-offs", old.handoffs, new.handoffs),
        _count("Fail points", old.fail_points, new.fail_points),
        _count("Open findings", old.open_findings, new.open_findings),
        Measure(
            "Journey",
            _minutes(old.journey_minutes, old.journey_incomplete),
            _minutes(new.journey_minutes, new.journey_incomplete),
            _signed(new.journey_minutes - old.journey_minutes, " min"),
        ),
        Measure("Observed", _share(old.observed_share), _share(new.observed_share), ""),
    ]


def measures_line(old: Measures, new: Measures) -> str:
    """`Cards 39 → 41 (+2) · Hand-offs 12 · ... · Observed 64% → 61%`."""
    return " · ".join(measure.text() for measure in compared(old, new))


def _count(name: str, old: int, new: int) -> Measure:
    return Measure(name, str(old), str(new), _signed(new - old))


def _signed(delta: float, unit: str = "") -> str:
    if not delta:
        return ""
    shown = int(delta) if float(delta).is_integer() else round(delta, 1)
    return f"{'+' if delta > 0 else '−'}{abs(shown)}{unit}"


def _minutes(value: float, incomplete: bool) -> str:
    shown = int(value) if float(value).is_integer() else round(value, 1)
    return f"{shown} min" + (" (incomplete)" if incomplete else "")


def _share(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"
