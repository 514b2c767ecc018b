"""Appendix sections about hand-offs: the validation findings, the hand-off matrix (a grid for up to
MATRIX_MAX functions, and always the list of pairs) and each function's upstream and downstream
functions."""

from __future__ import annotations

from blueprint.export.appendix_flow import (
    BODY,
    HEADING,
    LEADING,
    SECTION_GAP,
    SMALL,
    SUBHEADING,
    Flow,
    TextOp,
)
from blueprint.layout.text import one_line
from blueprint.model import Blueprint


def findings_section(flow: Flow, findings: list) -> None:  # type: ignore[type-arg]
    flow.section("appendix-findings", "Validation findings")
    if not findings:
        flow.text("No findings: every hand-off check passes.", color="#546E7A")
        return
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    flow.text(
        f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes.",
        color="#546E7A",
        gap_after=4,
    )
    finding_entries(flow, findings)


SEVERITY_COLOURS = {"error": "#C62828", "warning": "#8D6E00", "info": "#1565C0"}


def finding_entries(flow: Flow, findings: list) -> None:  # type: ignore[type-arg]
    """Each finding: its code and severity in the severity's colour, then its message indented."""
    for finding in findings:
        flow.text(
            f"{finding.code}  {finding.severity}",
            BODY,
            bold=True,
            color=SEVERITY_COLOURS.get(finding.severity, "#212121"),
            keep=BODY,
        )
        flow.text(finding.message, BODY, indent=18, gap_after=3)


def _name(doc: Blueprint, function_id: str) -> str:
    return _function_names(doc).get(function_id, function_id)


_names_cache: tuple[int, dict[str, str]] = (0, {})


def _function_names(doc: Blueprint) -> dict[str, str]:
    """Function names by id, built once per document (the appendix asks thousands of times)."""
    global _names_cache
    if _names_cache[0] != id(doc) or len(_names_cache[1]) != len(doc.functions):
        _names_cache = (id(doc), {f.id: f.name for f in doc.functions})
    return _names_cache[1]


MATRIX_MAX = 14  # functions; beyond this the matrix is listed as pairs only


def matrix_section(flow: Flow, doc: Blueprint, report) -> None:  # type: ignore[no-untyped-def]
    pairs = [
        (source, target, count)
        for source, row in report.matrix.items()
        for target, count in row.items()
        if count
    ]
    ends = {a for a, _, _ in pairs} | {b for _, b, _ in pairs}
    involved = [f.id for f in doc.functions if f.id in ends]
    grid = bool(pairs) and len(involved) <= MATRIX_MAX
    if grid and _grid_spans_page(flow, len(involved)):  # keep the heading with its grid
        flow.full_width_block(
            SECTION_GAP + 4 + HEADING * LEADING + 6 + BODY * LEADING + 4 + _grid_height(involved)
        )
    flow.section("appendix-matrix", "Hand-off matrix")
    if not pairs:
        flow.text("No hand-offs: no link joins cards of two different functions.", color="#546E7A")
        return
    if grid:
        _matrix_grid(flow, doc, report, involved)
    flow.text("Every hand-off, from one function to another:", color="#546E7A", gap_after=2, keep=BODY * 2)
    order = {f.id: i for i, f in enumerate(doc.functions)}
    pairs.sort(key=lambda p: (order.get(p[0], 0), order.get(p[1], 0)))
    for source, target, count in pairs:
        flow.text(f"{_name(doc, source)} → {_name(doc, target)}: {count}", BODY, indent=6)


GRID_LEADING = SMALL * LEADING + 2


def _grid_height(ids: list[str]) -> float:
    return GRID_LEADING * (len(ids) + 2)


def _grid_spans_page(flow: Flow, functions: int) -> bool:
    """A grid too narrow in one column (cells under 60 pt) spans the page instead."""
    head = min(170.0, flow.width * 0.3)
    return flow.columns > 1 and (flow.width - head) / functions < 60


def _matrix_grid(flow: Flow, doc: Blueprint, report, ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Rows hand work to columns; each cell is the number of hand-off links."""
    flow.text("Rows hand work to columns; each number counts hand-off links.", color="#546E7A", gap_after=4)
    size, leading = SMALL, GRID_LEADING
    full = _grid_spans_page(flow, len(ids))
    width = flow.full_width if full else flow.width
    head = min(170.0, width * 0.3)
    cell = min(110.0, (width - head) / len(ids))
    names = [one_line(_name(doc, i), size, cell - 4, True)[0] for i in ids]
    if full:
        flow.full_width_block(_grid_height(ids))
    else:
        flow.need(_grid_height(ids))
    page = flow.pages[-1]
    flow.y += leading
    for j, name in enumerate(names):
        page.ops.append(
            TextOp(flow.left + head + j * cell, flow.y - size * 0.25, name, size, True, "#37474F")
        )
    for i, source in enumerate(ids):
        flow.y += leading
        row_name = one_line(_name(doc, source), size, head - 6, True)[0]
        page.ops.append(TextOp(flow.left, flow.y - size * 0.25, row_name, size, True, "#37474F"))
        for j, target in enumerate(ids):
            count = report.count(source, target)
            text = str(count) if count else ("—" if i == j else "·")
            colour = "#D84315" if count else "#B0BEC5"
            page.ops.append(
                TextOp(flow.left + head + j * cell, flow.y - size * 0.25, text, size, bool(count), colour)
            )
    flow.y += leading
    if full:
        flow.end_full_width_block()


def neighbours_section(flow: Flow, doc: Blueprint, report) -> None:  # type: ignore[no-untyped-def]
    flow.section("appendix-functions", "Upstream and downstream functions")
    stages = {stage.id: stage.name for stage in doc.stages}
    for entry in report.functions:
        flow.text(f"{entry.name} ({entry.kind})", SUBHEADING, bold=True, keep=BODY * 3)
        up = ", ".join(_name(doc, f) for f in entry.upstream) or "none"
        down = ", ".join(_name(doc, f) for f in entry.downstream) or "none"
        flow.text(f"Upstream (hands work to it): {up}", BODY, indent=18)
        flow.text(f"Downstream (receives work from it): {down}", BODY, indent=18)
        where = ", ".join(stages.get(s, s) for s in entry.stages) or "no stage"
        flow.text(
            f"Hand-offs in {entry.handoffs_in}, out {entry.handoffs_out}; works in: {where}",
            BODY,
            indent=18,
            color="#546E7A",
            gap_after=4,
        )
