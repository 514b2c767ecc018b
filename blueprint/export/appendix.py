"""Appendix pages: card details the boxes shortened, validation findings, the hand-off matrix and each
function's upstream and downstream functions.

Laid out first as plain "ops" (text at a position) so the total page count is known before anything
is drawn ("page n of m").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprint.export.sources import AppendixSources
from blueprint.layout import Layout
from blueprint.layout.text import one_line, wrap
from blueprint.model import Blueprint

HEADING = 13.0
SUBHEADING = 9.5
BODY = 8.5
SMALL = 8.0  # the smallest appendix text: still legible when printed
LEADING = 1.3
SECTION_GAP = 16.0  # above a section that follows another on the same page


@dataclass(frozen=True)
class TextOp:
    x: float
    y: float  # baseline, from the top of the frame
    text: str
    size: float
    bold: bool = False
    color: str = "#212121"
    owner: str | None = None


@dataclass
class AppendixPage:
    ops: list[TextOp] = field(default_factory=list)
    bookmarks: list[tuple[str, str, float]] = field(default_factory=list)  # (key, title, y)


COLUMN_GAP = 28.0


class Flow:
    """Writes wrapped text down the frame in one or two columns, starting a new page when full."""

    def __init__(self, width: float, height: float) -> None:
        self.columns = 2 if width > 600 else 1
        self.width = (width - COLUMN_GAP * (self.columns - 1)) / self.columns
        self.height = height
        self.pages: list[AppendixPage] = []
        self.column = 0
        self.left = 0.0
        self.top = 0.0  # where columns start on this page (below any full-width block)
        self.full_width = width
        self.y = height  # forces a first page

    def _page(self) -> None:
        self.pages.append(AppendixPage())
        self.column, self.left, self.y, self.top = 0, 0.0, 0.0, 0.0

    def need(self, room: float) -> None:
        if self.y + room <= self.height:
            return
        if self.pages and self.column + 1 < self.columns:
            self.column += 1
            self.left = self.column * (self.width + COLUMN_GAP)
            self.y = self.top
        else:
            self._page()

    def section(self, key: str, title: str) -> None:
        """Start a section where the previous one ended (a new page only when the heading and a few
        lines would not fit); its outline entry points at its heading."""
        if not self.pages:
            self._page()
        elif self.y > self.top:
            self.y += SECTION_GAP
        self.need(4 + HEADING * LEADING + 6 + BODY * LEADING * 3)
        self.pages[-1].bookmarks.append((key, title, self.y))
        self.y += 4
        self.text(title, HEADING, bold=True, gap_after=6)

    def full_width_block(self, height: float) -> None:
        """Make room for a block as wide as the page: below what column 0 holds on this page (a new
        page when the second column is in use or the block does not fit); columns go on below it."""
        if self.column != 0 or self.y + height > self.height:
            self._page()
        self.left = 0.0

    def end_full_width_block(self) -> None:
        self.top = self.y

    def text(
        self,
        text: str,
        size: float = BODY,
        bold: bool = False,
        indent: float = 0.0,
        color: str = "#212121",
        owner: str | None = None,
        gap_after: float = 0.0,
        keep: float = 0.0,
    ) -> None:
        lines, _ = wrap(text, size, self.width - indent, bold)
        leading = size * LEADING
        self.need(leading * min(len(lines), 2) + keep)
        for line in lines or ("",):
            self.need(leading)
            self.y += leading
            self.pages[-1].ops.append(
                TextOp(self.left + indent, self.y - size * 0.25, line, size, bold, color, owner)
            )
        self.y += gap_after

    def gap(self, points: float) -> None:
        self.y += points


def _has_more(card) -> bool:  # type: ignore[no-untyped-def]
    """True when a card carries words its box never shows (notes of its markers, tags)."""
    return bool(
        (card.fail_point is not None and card.fail_point.note.strip())
        or (card.wait_point is not None and card.wait_point.note.strip())
        or card.tags
    )


def appendix_refs(doc: Blueprint, layout: Layout) -> dict[str, str]:
    """Appendix entry labels ("A1", "A2", ...) of the cards the appendix details: those whose boxes
    shortened their text, and those with notes or tags the box does not show."""
    refs: dict[str, str] = {}
    for card in doc.cards:
        box = layout.cards.get(card.id)
        if box is not None and (box.shortened or _has_more(card)):
            refs[card.id] = f"A{len(refs) + 1}"
    return refs


def shortened_refs(doc: Blueprint, layout: Layout, refs: dict[str, str]) -> dict[str, str]:
    """The entries the blueprint points to: those of the cards whose boxes shortened their text."""
    return {card_id: ref for card_id, ref in refs.items() if layout.cards[card_id].shortened}


def build_appendix(
    doc: Blueprint,
    layout: Layout,
    refs: dict[str, str],
    sources: AppendixSources,
    width: float,
    height: float,
) -> list[AppendixPage]:
    flow = Flow(width, height)
    _overview(flow, doc)
    _card_details(flow, doc, layout, refs)
    if sources.findings is not None:
        _findings(flow, sources.findings)
    if sources.handoffs is not None:
        _matrix(flow, doc, sources.handoffs)
        _neighbours(flow, doc, sources.handoffs)
    return flow.pages


def _overview(flow: Flow, doc: Blueprint) -> None:
    """The words of the blueprint that are not on cards: description, persona, stages' jobs, functions."""
    flow.section("appendix-overview", "Overview")
    flow.text(doc.title, SUBHEADING, bold=True, owner="the title", gap_after=2)
    if doc.description.strip():
        flow.text(doc.description, BODY, owner="the description", gap_after=4)
    if doc.persona is not None:
        flow.text(f"Persona: {doc.persona.name}", SUBHEADING, bold=True, owner="the persona", keep=BODY)
        if doc.persona.description.strip():
            flow.text(doc.persona.description, BODY, indent=18, owner="the persona", gap_after=4)
    if doc.metadata.tags:
        flow.text("Tags: " + ", ".join(doc.metadata.tags), BODY, color="#546E7A", gap_after=4)
    if doc.stages:
        flow.text("Stages", SUBHEADING, bold=True, keep=BODY * 2, gap_after=1)
        for stage in doc.stages:
            phase = f" ({stage.phase})" if stage.phase else ""
            steps = ", ".join(step.name for step in stage.steps)
            flow.text(f"{stage.name}{phase}: {steps}", BODY, indent=6, owner=f"stage '{stage.name}'")
            if stage.job.strip():
                flow.text(
                    f"Job: {stage.job}", BODY, indent=18, color="#546E7A", owner=f"stage '{stage.name}'"
                )
        flow.gap(4)
    if doc.lanes:
        flow.text("Lanes", SUBHEADING, bold=True, keep=BODY * 2, gap_after=1)
        for lane in doc.lanes:
            flow.text(f"{lane.name} ({lane.kind})", BODY, indent=6, owner=f"lane '{lane.name}'")
        flow.gap(4)
    if doc.functions:
        flow.text("Functions", SUBHEADING, bold=True, keep=BODY * 2, gap_after=1)
        for function in doc.functions:
            text = f"{function.name} ({function.kind})"
            if function.description.strip():
                text += f": {function.description}"
            flow.text(text, BODY, indent=6, owner=f"function '{function.name}'")


def _places(doc: Blueprint) -> dict[str, str]:
    """Where each card sits, in words: "Stage › Step · Lane"."""
    lanes = {lane.id: lane.name for lane in doc.lanes}
    steps = {step.id: f"{stage.name} › {step.name}" for stage, step in doc.all_steps()}
    return {card.id: f"{steps[card.step]} · {lanes[card.lane]}" for card in doc.cards}


def _card_details(flow: Flow, doc: Blueprint, layout: Layout, refs: dict[str, str]) -> None:
    flow.section("appendix-cards", "Card details")
    shortened_links = [r for r in layout.routes.values() if r.label_shortened]
    if not refs and not shortened_links:
        flow.text(
            "Every card and link label fits its box, and no card has notes, tags or evidence.",
            color="#546E7A",
        )
        return
    flow.text(
        "Full text of the cards whose boxes had to shorten it (marked ▸A1, ▸A2… on the blueprint), and "
        "the notes of fail and wait points and the tags of every card that has them.",
        color="#546E7A",
        gap_after=6,
    )
    functions = doc.functions_by_id()
    cards = doc.cards_by_id()
    places = _places(doc)
    for card_id, ref in refs.items():
        card = cards[card_id]
        owner = f"card '{card.id}'"
        flow.text(f"{ref}  {card.title}", SUBHEADING, bold=True, owner=owner, keep=BODY * 2)
        facts = [places[card_id]]
        if card.function:
            facts.append(functions[card.function].name)
        if card.channel:
            facts.append(card.channel)
        flow.text(" · ".join(facts), SMALL, indent=18, color="#546E7A", owner=owner)
        if card.description.strip():
            flow.text(card.description, BODY, indent=18, owner=owner)
        if card.fail_point is not None:
            flow.text(
                f"Fail point ({card.fail_point.severity}): {card.fail_point.note}",
                BODY,
                indent=18,
                color="#C62828",
                owner=owner,
            )
        if card.wait_point is not None:
            minutes = card.wait_point.minutes
            wait = f"Wait point{f' ({minutes:g} min)' if minutes is not None else ''}: {card.wait_point.note}"
            flow.text(wait, BODY, indent=18, color="#8D6E00", owner=owner)
        if card.evidence:
            flow.text(f"Evidence: {card.evidence}", SMALL, indent=18, color="#546E7A")
        if card.tags:
            flow.text("Tags: " + ", ".join(card.tags), SMALL, indent=18, color="#546E7A", owner=owner)
        flow.gap(5)
    if shortened_links:
        flow.gap(4)
        flow.text("Link labels shortened on the blueprint", SUBHEADING, bold=True, keep=BODY * 2)
        titles = {c.id: c.title for c in doc.cards}
        for route in shortened_links:
            flow.text(
                f"{titles[route.source]} → {titles[route.target]}: {route.label}",
                BODY,
                indent=18,
                owner=f"link '{route.link_id}'",
            )


def _findings(flow: Flow, findings: list) -> None:  # type: ignore[type-arg]
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
    colours = {"error": "#C62828", "warning": "#8D6E00", "info": "#1565C0"}
    for finding in findings:
        flow.text(
            f"{finding.code}  {finding.severity}",
            BODY,
            bold=True,
            color=colours.get(finding.severity, "#212121"),
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


def _matrix(flow: Flow, doc: Blueprint, report) -> None:  # type: ignore[no-untyped-def]
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


def _neighbours(flow: Flow, doc: Blueprint, report) -> None:  # type: ignore[no-untyped-def]
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
