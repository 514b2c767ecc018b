"""`blueprint export FILE -o OUT.csv`: the cards as one table, for people who only want a table.

The Cards sheet's columns, with names in place of ids for the stage, step, lane, function and fail
owner; UTF-8 with a byte-order mark (so Excel reads accents), comma-separated, a header row. Not meant
for re-import (the workbook is); importing it works as a simple process list does. Text that starts
like a formula gets a leading apostrophe (`blueprint.safetext`).
"""

from __future__ import annotations

import csv
import io

from blueprint.interchange import columns
from blueprint.model import Blueprint
from blueprint.safetext import spreadsheet_row


def export_cards_csv(doc: Blueprint) -> bytes:
    stages = {step.id: stage.name for stage in doc.stages for step in stage.steps}
    steps = {step.id: step.name for _, step in doc.all_steps()}
    lanes = {lane.id: lane.name for lane in doc.lanes}
    functions = {function.id: function.name for function in doc.functions}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns.headers("Cards"))
    for card in doc.cards:
        fail, wait = card.fail_point, card.wait_point
        row = [
            card.id,
            stages[card.step],
            steps[card.step],
            lanes[card.lane],
            card.title,
            card.description,
            functions.get(card.function or ""),
            card.channel,
            card.duration_minutes,
            card.tolerance_minutes,
            card.emotion,
            fail.note if fail else None,
            fail.severity if fail else None,
            functions.get(fail.owner or "") if fail else None,
            wait.note if wait else None,
            (columns.UNKNOWN_MINUTES if wait.minutes is None else wait.minutes) if wait else None,
            card.evidence,
            "\n".join(card.tags),
        ]
        writer.writerow(spreadsheet_row(row))  # a CSV cell has no type that says "text"
    return ("\ufeff" + out.getvalue()).encode("utf-8")
