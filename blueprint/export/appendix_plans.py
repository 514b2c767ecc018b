"""The appendix's "Improvement plan": every plan as a row of a table as wide as the page (title, the
targets by title, owner, measure, target, due date, status), the soonest due first and plans without a
date last. Overdue open plans show their date in red. A row never splits across pages; the header
row repeats on each page the table reaches.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from blueprint.export.appendix_flow import BODY, HEADING, LEADING, SECTION_GAP, SMALL, Flow, TextOp
from blueprint.layout.text import wrap
from blueprint.model import Blueprint, Improvement

STATUS_NAMES = {
    "proposed": "Proposed",
    "planned": "Planned",
    "testing": "Testing",
    "done": "Done",
    "dropped": "Dropped",
}
#: (heading, share of the width left after the fixed columns, or a fixed width in points).
COLUMNS: tuple[tuple[str, float], ...] = (
    ("Improvement", 0.26),
    ("Targets", 0.26),
    ("Owner", 0.14),
    ("Measure", 0.17),
    ("Target", 0.17),
    ("Due", -58.0),
    ("Status", -54.0),
)
CELL_GAP = 8.0
MAX_CELL_LINES = 10  # a long measure or a plan of many targets is cut with "…" (a row fits a page)
MAX_TARGETS = 12
ROW_GAP = 5.0
HEAD_COLOUR = "#37474F"
MUTED = "#546E7A"
OVERDUE = "#C62828"


@dataclass(frozen=True)
class Row:
    """One plan's cells, as they read."""

    plan_id: str
    cells: tuple[str, ...]
    overdue: bool


def plan_rows(doc: Blueprint, today: date | None = None) -> list[Row]:
    """The table's rows: by due date (none last), then in the document's order."""
    today = today or date.today()
    titles = {card.id: card.title for card in doc.cards}
    links = {link.id: link for link in doc.links}
    functions = {f.id: f.name for f in doc.functions}

    def name(element_id: str) -> str:
        if element_id in titles:
            return titles[element_id]
        link = links.get(element_id)
        if link is not None:
            return f"{titles.get(link.source, link.source)} → {titles.get(link.target, link.target)}"
        return element_id

    def row(plan: Improvement) -> Row:
        shown = [name(i) for i in plan.targets[:MAX_TARGETS]]
        if len(plan.targets) > MAX_TARGETS:
            shown.append(f"and {len(plan.targets) - MAX_TARGETS} more")
        overdue = plan.is_open and plan.due is not None and date.fromisoformat(plan.due) < today
        cells = (
            plan.title,
            "; ".join(shown),
            functions.get(plan.owner or "", "—"),
            plan.measure or "—",
            plan.target or "—",
            plan.due or "—",
            STATUS_NAMES[plan.status],
        )
        return Row(plan.id, cells, overdue)

    ordered = sorted(enumerate(doc.improvements), key=lambda p: (p[1].due is None, p[1].due or "", p[0]))
    return [row(plan) for _, plan in ordered]


def column_widths(width: float) -> list[float]:
    fixed = sum(-share for _, share in COLUMNS if share < 0)
    room = width - fixed - CELL_GAP * (len(COLUMNS) - 1)
    return [-share if share < 0 else room * share for _, share in COLUMNS]


def improvement_plan_section(flow: Flow, doc: Blueprint, today: date | None = None) -> None:
    """The "Improvement plan" table (nothing when the blueprint has no plans)."""
    rows = plan_rows(doc, today)
    if not rows:
        return  # nothing planned: no table (the editor is where plans are made)
    widths = column_widths(flow.full_width)
    head = SMALL * LEADING + 4
    first = _wrapped(rows[0], widths)
    flow.full_width_block(SECTION_GAP + 4 + HEADING * LEADING + 6 + BODY * LEADING * 2 + head + first[0])
    flow.section("appendix-plans", "Improvement plan")
    open_count = sum(1 for row in rows if row.cells[-1] in ("Proposed", "Planned", "Testing"))
    flow.text(
        f"{len(rows)} plans, {open_count} open; the soonest due first (red: overdue).",
        color=MUTED,
        gap_after=4,
    )
    _header(flow, widths)
    for row in rows:
        height, lines = _wrapped(row, widths)
        if flow.y + height > flow.height:
            flow.new_page()  # the row goes whole on the next page, under the header again
            _header(flow, widths)
        _row(flow, row, lines, widths)
    flow.end_full_width_block()


def _wrapped(row: Row, widths: list[float]) -> tuple[float, list[tuple[str, ...]]]:
    lines = [
        wrap(text, SMALL, width, i == 0, MAX_CELL_LINES)[0] or ("",)
        for i, (text, width) in enumerate(zip(row.cells, widths, strict=True))
    ]
    return max(len(cell) for cell in lines) * SMALL * LEADING + ROW_GAP, lines


def _header(flow: Flow, widths: list[float]) -> None:
    page = flow.pages[-1]
    flow.y += SMALL * LEADING
    x = 0.0
    for (title, _), width in zip(COLUMNS, widths, strict=True):
        page.ops.append(TextOp(x, flow.y - SMALL * 0.25, title, SMALL, True, HEAD_COLOUR))
        x += width + CELL_GAP
    flow.y += 4


def _row(flow: Flow, row: Row, lines: list[tuple[str, ...]], widths: list[float]) -> None:
    page = flow.pages[-1]
    owner = f"improvement '{row.plan_id}'"
    top, x = flow.y, 0.0
    for i, (cell, width) in enumerate(zip(lines, widths, strict=True)):
        colour = OVERDUE if i == 5 and row.overdue else MUTED if cell == ("—",) else "#212121"
        y = top
        for line in cell:
            y += SMALL * LEADING
            page.ops.append(TextOp(x, y - SMALL * 0.25, line, SMALL, i == 0, colour, owner))
        x += width + CELL_GAP
    flow.y = top + max(len(cell) for cell in lines) * SMALL * LEADING + ROW_GAP
