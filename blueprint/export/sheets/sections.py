"""The words of a hand-off sheet, flowed down its pages as appendix text is (`appendix_flow.Flow`):
"You receive", "You hand on", "Your fail points", "Time on your cards", "Findings that involve you".

Tables are rows of wrapped cells; a row never splits across columns or pages.
"""

from __future__ import annotations

from blueprint.export.appendix_flow import BODY, LEADING, SMALL, SUBHEADING, Flow, TextOp
from blueprint.export.appendix_handoffs import SEVERITY_COLOURS as FINDING_COLOURS
from blueprint.export.appendix_handoffs import finding_entries
from blueprint.export.sheets.facts import HandoffRow, SheetFacts, minutes_text
from blueprint.layout.text import wrap

MUTED = "#546E7A"
HEAD = "#37474F"
SEVERITY_COLOURS = {**FINDING_COLOURS, "high": "#C62828"}  # fail points: high in the error's red
_CELL_GAP = 8.0


def table(
    flow: Flow, headers: tuple[str, ...], shares: tuple[float, ...], rows: list[tuple[str, ...]]
) -> None:
    """Rows of cells in columns (`shares` of the column's width), with a bold header row that is
    repeated where the table goes on in a new column or page."""
    size, leading = SMALL, SMALL * LEADING
    widths = [flow.width * share for share in shares]

    def lines_of(cells: tuple[str, ...], bold: bool) -> list[tuple[str, ...]]:
        return [
            wrap(text, size, w - _CELL_GAP, bold)[0] or ("",) for text, w in zip(cells, widths, strict=True)
        ]

    def put(cells: list[tuple[str, ...]], bold: bool, colour: str) -> None:
        height = max(len(c) for c in cells) * leading
        page = flow.pages[-1]
        x = flow.left
        for lines, w in zip(cells, widths, strict=True):
            for i, line in enumerate(lines):
                page.ops.append(TextOp(x, flow.y + (i + 1) * leading - size * 0.25, line, size, bold, colour))
            x += w
        flow.y += height + 2

    head = lines_of(headers, True)
    head_height = max(len(c) for c in head) * leading + 2
    flow.need(head_height + leading * 2)
    put(head, True, HEAD)
    for row in rows:
        cells = lines_of(row, False)
        height = max(len(c) for c in cells) * leading + 2
        page_before, column_before = len(flow.pages), flow.column
        flow.need(height)
        if (len(flow.pages), flow.column) != (page_before, column_before):
            flow.need(head_height + height)
            put(head, True, HEAD)
        put(cells, False, "#212121")


def _handoffs(flow: Flow, rows: tuple[HandoffRow, ...], headers: tuple[str, ...], none: str) -> None:
    if rows:
        table(flow, headers, (0.22, 0.26, 0.24, 0.28), [(r.other, r.what, r.at, r.card) for r in rows])
    else:
        _none(flow, none)


def _none(flow: Flow, text: str) -> None:
    flow.text(text, BODY, color=MUTED, gap_after=2)


def write_sections(flow: Flow, facts: SheetFacts, blueprint_title: str) -> None:
    """Every section of the sheet after its drawing, in the spec's order."""
    flow.section("sheet-summary", facts.heading)
    flow.text(f"From the blueprint: {blueprint_title}", BODY, color=MUTED, owner="the title")
    if not facts.cards:
        flow.text(
            f"{facts.name} has no cards on this blueprint: nothing is handed to it or by it yet.",
            SUBHEADING,
            bold=True,
            gap_after=4,
        )
    else:
        count = len(facts.cards)
        flow.text(
            f"{facts.name} does {count} card{'' if count == 1 else 's'} of the journey: "
            f"{len(facts.receive)} hand-off{'' if len(facts.receive) == 1 else 's'} in, "
            f"{len(facts.hand_on)} out, {len(facts.fail_points)} fail point"
            f"{'' if len(facts.fail_points) == 1 else 's'}, {len(facts.findings)} finding"
            f"{'' if len(facts.findings) == 1 else 's'}.",
            BODY,
            gap_after=4,
        )

    flow.section("sheet-receive", "You receive")
    _handoffs(
        flow,
        facts.receive,
        ("From", "What", "At", "Into"),
        "No hand-offs come in: no other function's card links to yours.",
    )
    flow.section("sheet-hand-on", "You hand on")
    _handoffs(
        flow,
        facts.hand_on,
        ("To", "What", "At", "From"),
        "No hand-offs go out: none of your cards links to another function's card.",
    )

    flow.section("sheet-fail-points", "Your fail points")
    if facts.fail_points:
        for fail in facts.fail_points:
            flow.text(
                f"{fail.card}  ({fail.severity})",
                BODY,
                bold=True,
                color=SEVERITY_COLOURS.get(fail.severity, "#212121"),
                keep=BODY * 2,
            )
            flow.text(fail.at, SMALL, indent=12, color=MUTED)
            if fail.note.strip():
                flow.text(fail.note, BODY, indent=12)
            if fail.owned:
                flow.text(f"Recovery: you ({fail.why})", BODY, indent=12)
            else:
                flow.text(f"Recovery: {fail.owner} (named as its owner), on your card", BODY, indent=12)
            if fail.plans:
                for plan in fail.plans:
                    due = f", due {plan.due}" if plan.due else ", no due date"
                    owner = f", owner {plan.owner}" if plan.owner else ""
                    flow.text(f"Plan: {plan.title} ({plan.status}{due}{owner})", BODY, indent=12)
            else:
                flow.text("No improvement plan targets it yet.", BODY, indent=12, color=MUTED)
            flow.gap(3)
    else:
        _none(flow, "You own no fail points.")

    flow.section("sheet-time", "Time on your cards")
    if facts.cards:
        unknown = (
            f" ({facts.unknown_minutes} card{'' if facts.unknown_minutes == 1 else 's'} without minutes)"
            if facts.unknown_minutes
            else ""
        )
        flow.text(f"Your cards take {minutes_text(facts.minutes)} min in all{unknown}.", BODY, gap_after=3)
    if facts.moments:
        rows = []
        for moment in facts.moments:
            time = f"{minutes_text(moment.minutes)} min" + (" (incomplete)" if moment.incomplete else "")
            tolerance = "—" if moment.tolerance is None else f"{minutes_text(moment.tolerance)} min"
            if moment.over:
                tolerance += " (over)"
            rows.append((moment.card, moment.at, time, tolerance, f"{minutes_text(moment.yours)} min"))
        flow.text("The customer moments whose time includes your work:", BODY, color=MUTED, gap_after=2)
        table(
            flow,
            ("Customer moment", "At", "Customer's time", "Tolerance", "Yours"),
            (0.3, 0.24, 0.18, 0.16, 0.12),
            rows,
        )
    else:
        _none(flow, "No customer moment's time includes your work.")

    flow.section("sheet-findings", "Findings that involve you")
    if facts.findings:
        finding_entries(flow, list(facts.findings))
    else:
        _none(flow, "No findings involve your cards.")
