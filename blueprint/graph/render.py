"""The hand-off report as `blueprint handoffs` prints it: readable text, or a CSV matrix.

Text: one block per function (name and kind, upstream, downstream, hand-offs in/out, stages), then the
matrix as a table of function names (rows hand off to columns). CSV: the full matrix, a header row
`from \\ to, NAME...` then one row per function; names that two functions share get their id added.
"""

from __future__ import annotations

import csv
import io

from blueprint.graph.handoffs import HandoffReport
from blueprint.model import Blueprint
from blueprint.safetext import for_terminal, spreadsheet_row

_COLUMN_LIMIT = 20


def _fit(text: str, width: int = _COLUMN_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def display_names(report: HandoffReport) -> dict[str, str]:
    """Function id -> name, with ` (id)` added where two functions share a name."""
    counts: dict[str, int] = {}
    for entry in report.functions:
        counts[entry.name] = counts.get(entry.name, 0) + 1
    return {e.id: e.name if counts[e.name] == 1 else f"{e.name} ({e.id})" for e in report.functions}


def handoffs_text(doc: Blueprint, report: HandoffReport) -> str:
    """For a terminal: names from the file have their control characters escaped."""
    names = {key: for_terminal(name) for key, name in display_names(report).items()}
    stage_names = {stage.id: for_terminal(stage.name) for stage in doc.stages}

    def listed(ids: tuple[str, ...], lookup: dict[str, str]) -> str:
        return ", ".join(lookup[i] for i in ids) or "none"

    blocks = []
    for entry in report.functions:
        blocks.append(
            "\n".join(
                [
                    f"{names[entry.id]} ({for_terminal(entry.kind)})",
                    f"  upstream:   {listed(entry.upstream, names)}",
                    f"  downstream: {listed(entry.downstream, names)}",
                    f"  hand-offs:  {entry.handoffs_in} in, {entry.handoffs_out} out",
                    f"  stages:     {listed(entry.stages, stage_names)}",
                ]
            )
        )
    if not report.functions:
        return "No functions: add the teams, roles, systems and partners that do the work."
    return "\n\n".join([*blocks, matrix_text(report)])


def matrix_text(report: HandoffReport) -> str:
    """The hand-off matrix as an aligned table: `.` for none, `-` on the diagonal (never a hand-off)."""
    names = {key: for_terminal(name) for key, name in display_names(report).items()}
    ids = [entry.id for entry in report.functions]
    row_width = max(len("from \\ to"), *(len(_fit(names[i])) for i in ids))
    widths = [max(len(_fit(names[i])), 3) for i in ids]
    header = [_fit(names[i]).rjust(width) for i, width in zip(ids, widths, strict=True)]
    lines = ["Hand-off matrix (rows hand off to columns)"]
    lines.append("  ".join(["from \\ to".ljust(row_width), *header]))
    for source in ids:
        cells = [
            ("-" if source == target else str(report.count(source, target) or ".")).rjust(width)
            for target, width in zip(ids, widths, strict=True)
        ]
        lines.append("  ".join([_fit(names[source]).ljust(row_width), *cells]))
    return "\n".join(line.rstrip() for line in lines)


def handoffs_csv(report: HandoffReport) -> str:
    """The full matrix as CSV (Unix line ends), zeros included, so a spreadsheet can open it as is.
    Names that would start a formula get a leading `'` (`spreadsheet_row`)."""
    names = display_names(report)
    ids = [entry.id for entry in report.functions]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(spreadsheet_row(["from \\ to", *(names[i] for i in ids)]))
    for source in ids:
        writer.writerow(spreadsheet_row([names[source], *(report.count(source, target) for target in ids)]))
    return out.getvalue()
