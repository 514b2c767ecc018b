"""The workbook's result sheets, for people: the findings, the hand-off matrix and the customer's time.

They come after the data sheets, always (empty but for their header when there is nothing to show), are
protected against edits, and are ignored on import: they are computed from the data sheets.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from blueprint.graph import build_graph, handoff_report
from blueprint.graph.render import display_names
from blueprint.graph.timing import customer_time
from blueprint.interchange.package import Sheet, Value
from blueprint.model import Blueprint
from blueprint.validate import RULES, validate


def findings_sheet(doc: Blueprint) -> Sheet:
    rows = [
        [
            f.severity,
            f.code,
            RULES[f.code].title if f.code in RULES else None,
            f.message,
            " ".join(f.elements),
        ]
        for f in validate(doc)
    ]
    return Sheet(
        "Findings",
        ["Severity", "Code", "Rule", "Message", "Elements"],
        rows,
        (10, 8, 26, 90, 30),
        results=True,
    )


#: Up to this many functions the hand-offs are a matrix; beyond, a list of pairs (the same counts: a
#: matrix of thousands of columns is no help to anyone, and costs its square in cells).
MATRIX_FUNCTIONS = 500


def handoffs_sheet(doc: Blueprint, graph: nx.MultiDiGraph | None = None) -> Sheet:
    """The hand-off matrix: rows hand off to columns (an empty cell is none), totals in the last column
    and row; with more than `MATRIX_FUNCTIONS` functions, one row per pair that hands off."""
    report = handoff_report(doc, graph)
    names = display_names(report)
    ids = [entry.id for entry in report.functions]
    if len(ids) > MATRIX_FUNCTIONS:
        pairs = [
            [names[source], names[target], count]
            for source in ids
            for target, count in report.matrix.get(source, {}).items()
        ]
        return Sheet("Hand-offs", ["From", "To", "Hand-offs"], pairs, (28, 28, 10), results=True)
    column = {function_id: i for i, function_id in enumerate(ids)}

    def rows() -> Iterator[list[Value]]:
        for entry in report.functions:
            counts: list[Value] = [None] * len(ids)
            for target, count in report.matrix.get(entry.id, {}).items():
                counts[column[target]] = count or None
            yield [names[entry.id], *counts, entry.handoffs_out]
        if ids:
            yield ["Hand-offs in", *(entry.handoffs_in for entry in report.functions)]

    header = ["From \\ to", *(names[i] for i in ids), "Hand-offs out"]
    widths = (28, *(max(6.0, min(len(names[i]) + 2.0, 20.0)) for i in ids), 13)
    return Sheet("Hand-offs", header, rows(), widths, results=True, frozen_columns=1)


def timing_sheet(doc: Blueprint, graph: nx.MultiDiGraph | None = None) -> Sheet:
    """The customer's time at every customer card (journey order, with the chain of work behind it),
    then each stage's total and the journey's (`blueprint timing`'s figures)."""
    timing = customer_time(doc, graph)
    cards = doc.cards_by_id()
    places = {step.id: (stage.name, step.name) for stage, step in doc.all_steps()}

    def yes(flag: bool) -> str | None:
        return "yes" if flag else None

    def rows() -> Iterator[list[Value]]:
        for time in timing.cards:
            card = cards[time.card_id]
            stage, step = places[card.step]
            chain = " → ".join(cards[i].title for i in time.chain)
            yield [
                time.card_id,
                card.title,
                stage,
                step,
                time.minutes,
                time.work_minutes,
                time.wait_minutes,
                time.tolerance_minutes,
                yes(time.over),
                yes(time.incomplete),
                chain,
            ]
        yield []
        for total, stage in zip(timing.stages, doc.stages, strict=True):
            yield [
                stage.id,
                "Stage total",
                stage.name,
                None,
                total.minutes,
                None,
                None,
                None,
                None,
                yes(total.incomplete),
            ]
        yield [
            None,
            "Journey total",
            None,
            None,
            timing.minutes,
            None,
            None,
            None,
            None,
            yes(timing.incomplete),
        ]

    header = ["Card id", "Customer moment", "Stage", "Step", "Minutes", "Work minutes", "Wait minutes"]
    header += ["Tolerance", "Over tolerance", "Incomplete", "Chain"]
    return Sheet("Timing", header, rows(), (12, 36, 20, 20, 9, 13, 13, 10, 14, 11, 60), results=True)


def result_sheets(doc: Blueprint) -> list[Sheet]:
    """The three result sheets; the hand-offs and the timing share one card graph (a tenth of the
    5,000-card export's time went to building it again)."""
    graph = build_graph(doc)
    return [findings_sheet(doc), handoffs_sheet(doc, graph), timing_sheet(doc, graph)]
