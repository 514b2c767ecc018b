"""compute_layout: a document in, the geometry of its blueprint out (pure, deterministic, fast).

Columns have a fixed width and a lane is as tall as its tallest cell, so a change in a few cells only
moves the cards of those cells and, when a lane's height changes, shifts the lanes below it.
`relayout` uses that to give the editor the same result as `compute_layout` at a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

from blueprint.layout import metrics as m
from blueprint.layout.cards import CardContent, card_content, place_card, planned_cards
from blueprint.layout.edit_state import EditState
from blueprint.layout.emotion import Means, curve_after, curve_of, emotion_curve, means_after_edit
from blueprint.layout.gcpause import without_gc
from blueprint.layout.grid import column_x, headers, lane_band, three_lines, with_column_heights
from blueprint.layout.label_memo import MemoSlot
from blueprint.layout.label_memo import prepare_for_edits as _prepare
from blueprint.layout.linking import all_routes
from blueprint.layout.quickinit import positional_maker
from blueprint.layout.shapes import Box, CardBox, Cell, EmotionCurve, LaneBand, Layout
from blueprint.layout.stacks import grouped, heights, regrouped
from blueprint.model import Blueprint, Card, Link

HeightOf = Callable[[Card], float]


def _contents(doc: Blueprint, cards: Iterable[Card], planned: frozenset[str]) -> dict[str, CardContent]:
    functions = doc.functions_by_id()
    kinds = {lane.id: lane.kind for lane in doc.lanes}
    return {
        card.id: card_content(
            card,
            functions.get(card.function) if card.function else None,
            kinds[card.lane],
            card.id in planned,
        )
        for card in cards
    }


def compute_layout(doc: Blueprint) -> Layout:
    """The full layout of `doc`."""
    with without_gc():
        return _assemble(doc, doc.cards, previous=None, changed=set())


class DocumentIndex(Protocol):
    """What an editor keeps about its document, looked up without a pass over it (the edit layer's
    `Document` is one): a card or link by id (None when there is none), a cell's card ids top to
    bottom (in the document's order)."""

    def card(self, card_id: str) -> Card | None: ...

    def link(self, link_id: str) -> Link | None: ...

    def cell(self, lane_id: str, step_id: str) -> Sequence[str]: ...


def relayout(
    doc: Blueprint,
    previous: Layout,
    changed_ids: Iterable[str],
    *,
    index: DocumentIndex | None = None,
    same_frame: bool = False,
) -> Layout:
    """The layout of `doc` after an edit that touched only `changed_ids`: cards added, removed, moved,
    reordered or edited (without `index`, links added, removed or edited are picked up too, by a pass
    over every link). When lanes, stages, steps or functions (names, colours) changed since
    `previous`, this falls back to `compute_layout`. Gives exactly what `compute_layout(doc)` gives.

    What the editor knows, it says, so that an edit costs what it touched and not what the document
    holds: with `index`, `changed_ids` names every card and link the edit added, removed or changed
    (as `edit.Change.ids` does), and nothing else is visited; `same_frame` vouches that lanes,
    stages, steps and functions are as in `previous`. Then the card dict keeps the previous order
    (new cards at its end) rather than the document's: equal all the same, and no pass over it."""
    changed = set(changed_ids)
    changed |= planned_cards(doc) ^ previous.planned  # a plan opened, closed or retargeted
    if previous.edit_state is None or not (same_frame or _same_frame(doc, previous)):
        return compute_layout(doc)
    with without_gc():
        old_cards = previous.cards
        if index is not None:
            found = {i: index.card(i) for i in changed}
            card_ids = {i for i, card in found.items() if card is not None or i in old_cards}
            fresh = [card for card in found.values() if card is not None]
            links = {
                i: index.link(i)
                for i in changed - card_ids
                if i in previous.routes or index.link(i) is not None
            }
            return _assemble(doc, fresh, previous, card_ids, links=links, known=index)
        ids = [c.id for c in doc.cards]
        same_order = ids == list(old_cards)
        if same_order:  # no card added, removed or reordered: pick the changed ones out
            fresh = [doc.cards[ids.index(i)] for i in changed if i in old_cards]
        else:
            fresh = [c for c, i in zip(doc.cards, ids, strict=True) if i in changed or i not in old_cards]
        return _assemble(doc, fresh, previous, changed, all_ids=ids, same_order=same_order)


def prepare_for_edits(layout: Layout) -> None:
    """Build now what `relayout` needs to place `layout`'s link labels again incrementally (about the
    cost of a full label pass) and to find the links a lane shift moves, so the first edit after a
    full layout does not pay for it: the editor calls this when it is idle after showing a full
    layout."""
    if isinstance(layout.label_memo, MemoSlot):
        _prepare(layout.routes, layout.label_memo)
    if isinstance(layout.edit_state, EditState):  # and the links by pair of lanes (a lane shift's)
        layout.edit_state.lanes_in_step(layout.routes, layout.cards)


def _same_frame(doc: Blueprint, previous: Layout) -> bool:
    lanes = tuple((lane.id, lane.name, lane.kind) for lane in doc.lanes)
    old_lanes = tuple((band.lane_id, band.name, band.kind) for band in previous.lanes)
    steps = tuple((step.id, step.name) for _, step in doc.all_steps())
    old_steps = tuple((step.step_id, step.name) for step in previous.steps)
    stages = tuple((s.id, s.name, s.phase, s.job) for s in doc.stages)
    old_stages = tuple((s.stage_id, s.name, s.phase, s.job) for s in previous.stages)
    return (
        lanes == old_lanes
        and steps == old_steps
        and stages == old_stages
        and _functions(doc) == previous.functions
    )


def _functions(doc: Blueprint) -> tuple[tuple[str, str, str | None], ...]:
    return tuple((f.id, f.name, f.color) for f in doc.functions)


def _assemble(
    doc: Blueprint,
    fresh: list[Card],
    previous: Layout | None,
    changed: set[str],
    all_ids: list[str] | None = None,
    same_order: bool = False,
    links: Mapping[str, Link | None] | None = None,
    known: DocumentIndex | None = None,
) -> Layout:
    """The layout, laying out afresh the cards in `fresh` (all of them without `previous`; else the
    changed and new ones) and reusing `previous` for the rest. `all_ids`: every card's id, in order;
    `same_order`: no card was added, removed or reordered since `previous`. With `known` (see
    `relayout`), `changed` are the changed cards, `links` the changed links (removed ones None), and
    neither `all_ids` nor `same_order` is needed."""
    removed: list[str] = []
    if known is not None and previous is not None:
        removed = [i for i in changed if i in previous.cards and known.card(i) is None]
        same_order = True  # the card dict keeps its order: removed cards go, new ones go last
        all_ids = []
    elif all_ids is None:
        all_ids = [c.id for c in doc.cards]
    planned = planned_cards(doc)
    contents = _contents(doc, fresh, planned)
    state = previous.edit_state if previous is not None else None
    steps_index = state.steps_index if isinstance(state, EditState) else doc.step_indexes()
    lane_ids = [lane.id for lane in doc.lanes]
    width = column_x(len(steps_index)) if steps_index else m.LANE_HEADER_WIDTH + m.COLUMN_WIDTH

    def height_of(card_id: str) -> float:
        content = contents.get(card_id)
        return content.height if content is not None else previous.cards[card_id].box.h  # type: ignore[union-attr]

    touched = _touched_lanes(doc, fresh, previous, changed)
    base = state.stack_heights if isinstance(state, EditState) else None
    # an edit that added, removed and reordered no card regroups only the cells its cards left or
    # joined (`stacks` holds just those); otherwise the touched lanes (or all) are grouped again
    partial = previous is not None and touched is not None and same_order and base is not None
    cell_of = known.cell if known is not None else None
    stacks = regrouped(previous, fresh, changed, all_ids, cell_of) if partial else grouped(doc.cards, touched)  # type: ignore[arg-type]
    lane_cells, stack_height = heights(
        stacks,
        height_of,
        previous,
        contents.keys(),  # type: ignore[arg-type]
        base if partial else None,
        lane_ids if touched is None else touched,
    )
    stack_heights = lane_cells if base is None or touched is None else {**base, **lane_cells}
    old_bands = {band.lane_id: band for band in previous.lanes} if previous is not None else {}

    customer_lanes = {lane.id for lane in doc.lanes if lane.kind == "customer"}
    means: dict[str, float] | None = None  # each step's mean feeling, when counted after an edit
    if previous is not None and touched is not None and not touched & customer_lanes:
        emotion_needed = previous.emotion is not None  # no customer card changed
    elif previous is not None and touched is not None and known is not None:
        means = _means_after_edit(previous, fresh, changed, customer_lanes, known)
        emotion_needed = bool(means)
    else:
        emotion_needed = any(c.emotion is not None and c.lane in customer_lanes for c in doc.cards)
    lanes_top = m.STAGE_HEADER_HEIGHT + m.STEP_HEADER_HEIGHT + (m.EMOTION_ROW_HEIGHT if emotion_needed else 0)
    bands, lane_y, y = [], {}, lanes_top
    for lane in doc.lanes:
        if touched is not None and lane.id not in touched:
            h = old_bands[lane.id].band.h  # an untouched lane keeps its height
        else:
            h = max(m.MIN_LANE_HEIGHT, m.LANE_PAD_TOP + stack_height.get(lane.id, 0.0) + m.LANE_PAD_BOTTOM)
        bands.append(lane_band(lane, y, h, width))
        lane_y[lane.id] = y
        y += h
    lanes_bottom = y
    height = lanes_bottom + m.BOTTOM_CHANNEL
    if previous is not None and previous.steps:
        # the frame is unchanged (checked by relayout) and headers do not depend on the lanes: they
        # and their wrapped names stand as they were; only the columns' heights follow the lanes
        stages, steps = previous.stages, previous.steps
        if previous.steps[0].column.bottom != lanes_bottom:
            steps = with_column_heights(steps, lanes_bottom)
    else:
        stages, steps = headers(doc, lanes_top, lanes_bottom)

    old_cards = previous.cards if previous is not None else {}
    old_cells = previous.cells if previous is not None else {}
    placed = {card.id: card for card in fresh}
    # An edit starts from copies of the previous cells and cards (a C-level copy, far cheaper than
    # rebuilding them) and overwrites the lanes it touched or moved; stale entries of removed cards
    # are dropped when `ordered` is made.
    cards: dict[str, CardBox] = dict(old_cards)
    cells: dict[tuple[str, str], Cell] = dict(old_cells)
    for card_id in removed:
        del cards[card_id]
    # Cards whose box changed other than by their lane's shift: their routes are routed again.
    dirty: set[str] = set(changed)
    renewed: set[str] = set()  # cards whose box is a new object
    all_steps = [s.step_id for s in steps]
    if previous is None:  # a full layout: every cell and card placed afresh, in the document's order
        cards = _placed_all(bands, all_steps, steps_index, stacks, placed, contents, cells, all_ids)
    for band in bands if previous is not None else ():
        lane_id = band.lane_id
        old_band = old_bands.get(lane_id)
        if touched is not None and lane_id not in touched:
            if old_band != band:  # a lane above changed height: this one moves down or up as it is
                _shift_lane(band, old_band.band.y, all_steps, steps_index, old_cells, cells, cards, renewed)  # type: ignore[union-attr]
            continue
        lane_dy = band.band.y - old_band.band.y if old_band is not None else None
        same_band = old_band == band
        # in an unmoved lane only the regrouped cells can change
        steps_here = [key[1] for key in stacks if key[0] == lane_id] if partial and same_band else all_steps
        for step_id in steps_here:
            ids = stacks.get((lane_id, step_id))
            if ids is None:  # a cell the edit did not regroup (`partial`) or an empty one
                ids = old_cells[(lane_id, step_id)].card_ids if partial else ()
            x = column_x(steps_index[step_id])
            old_cell = old_cells.get((lane_id, step_id)) if same_band else None
            if old_cell is not None and old_cell.card_ids == ids and not any(i in contents for i in ids):
                continue  # the same cards, unchanged, in an unmoved lane: the copies above stand
            if old_cell is None or old_cell.card_ids != ids:
                cells[(lane_id, step_id)] = Cell(
                    lane_id, step_id, Box(x, band.band.y, m.COLUMN_WIDTH, band.band.h), ids
                )
            cy = band.band.y + m.LANE_PAD_TOP
            for card_id in ids:
                content = contents.get(card_id)
                old = old_cards.get(card_id) if content is None else None
                if old is not None and old.box.y == cy:
                    box = old  # not changed (content is None), so in the same lane and step
                elif old is not None:
                    box = _moved(old, x + m.CARD_INSET_X, cy)
                else:
                    box = place_card(placed[card_id], content, x + m.CARD_INSET_X, cy)  # type: ignore[arg-type]
                if old is None or cy - old.box.y != lane_dy:
                    dirty.add(card_id)
                if box is not old:
                    renewed.add(card_id)
                cards[card_id] = box
                cy += box.box.h + m.CARD_GAP
    if previous is None or same_order or (len(cards) == len(all_ids) and all_ids == list(cards)):
        ordered = cards  # the copy of the previous cards: the same cards in the same order, updated
    else:
        ordered = {card_id: cards[card_id] for card_id in all_ids}

    if previous is not None:
        _add_column_neighbours(dirty, changed, old_cards, ordered, lane_ids, cells)
        if not same_order:
            renewed.update(old_cards.keys() - ordered.keys())
        renewed.update(removed)
    routes, renewed_routes, label_memo, links_index, lanes_index = all_routes(
        doc,
        ordered,
        cells,
        bands,
        steps_index,
        lanes_bottom,
        previous,
        dirty if previous else None,
        links,
        renewed if previous else None,
    )
    return Layout(
        width=width,
        height=height,
        lane_header_width=m.LANE_HEADER_WIDTH,
        top_header_height=m.STAGE_HEADER_HEIGHT + m.STEP_HEADER_HEIGHT,
        lanes=tuple(bands),
        stages=stages,
        steps=steps,
        cards=ordered,
        routes=routes,
        lines=three_lines(tuple(bands), width),
        emotion=_emotion(
            doc, steps, lanes_top, width, previous, touched is None or bool(touched & customer_lanes), means
        )
        if emotion_needed
        else None,
        cells=cells,
        functions=previous.functions if previous is not None else _functions(doc),
        renewed_cards=frozenset(renewed) if previous is not None else None,
        renewed_routes=frozenset(renewed_routes) if previous is not None else None,
        planned=planned,
        label_memo=MemoSlot(label_memo),
        edit_state=EditState(stack_heights, steps_index, links_index, lanes_index),
    )


#: `Cell(...)` and `Box(...)` with every field given, in field order: cheaper than the classes' own
#: constructors for the loop that makes every cell of a full layout (`quickinit.positional_maker`).
new_cell = positional_maker(Cell)
new_box = positional_maker(Box)


def _placed_all(
    bands: list[LaneBand],
    all_steps: list[str],
    steps_index: dict[str, int],
    stacks: dict[tuple[str, str], tuple[str, ...]],
    placed: dict[str, Card],
    contents: dict[str, CardContent],
    cells: dict[tuple[str, str], Cell],
    all_ids: list[str],
) -> dict[str, CardBox]:
    """Every cell (into `cells`) and every card box of a full layout, the cards in the document's
    order (`all_ids`)."""
    cards: dict[str, CardBox] = dict.fromkeys(all_ids)  # type: ignore[arg-type]
    columns = [(step_id, column_x(steps_index[step_id])) for step_id in all_steps]
    width, pad, inset, gap = m.COLUMN_WIDTH, m.LANE_PAD_TOP, m.CARD_INSET_X, m.CARD_GAP
    get = stacks.get
    count = 0
    for band in bands:
        lane_id, y, h = band.lane_id, band.band.y, band.band.h
        for step_id, x in columns:
            key = (lane_id, step_id)
            ids = get(key, ())
            cells[key] = new_cell(lane_id, step_id, new_box(x, y, width, h), ids)
            cy = y + pad
            count += len(ids)
            for card_id in ids:
                box = place_card(placed[card_id], contents[card_id], x + inset, cy)
                cards[card_id] = box
                cy += box.box.h + gap
    if count != len(cards):  # a card outside every lane or step (the model's checks prevent it)
        for card_id, box in cards.items():
            if box is None:
                raise KeyError(card_id)
    return cards


def _touched_lanes(
    doc: Blueprint, fresh: list[Card], previous: Layout | None, changed: set[str]
) -> set[str] | None:
    """Lanes an incremental edit touched (None for a full layout): where changed, new and removed
    cards were and are."""
    if previous is None:
        return None
    old_cards = previous.cards
    touched = {old_cards[card_id].lane_id for card_id in changed if card_id in old_cards}
    touched.update(card.lane for card in fresh)
    if len(old_cards) + len(fresh) != len(doc.cards) + len(changed & old_cards.keys()):
        present = {card.id for card in doc.cards}
        touched.update(box.lane_id for card_id, box in old_cards.items() if card_id not in present)
    return touched


def _emotion(
    doc: Blueprint,
    steps: tuple,  # type: ignore[type-arg]
    lanes_top: float,
    width: float,
    previous: Layout | None,
    customer_touched: bool,
    means: dict[str, float] | None = None,
) -> EmotionCurve:
    """The emotion curve; an edit that touched no customer lane, or left every step's mean feeling
    as it was (`means`, when the edit counted them again), keeps the previous one."""
    if (
        previous is not None
        and previous.emotion is not None
        and previous.width == width
        and previous.emotion.box.bottom == lanes_top
        and (not customer_touched or (means is not None and means == dict(previous.emotion.values)))
    ):
        return previous.emotion
    if (
        isinstance(means, Means)
        and previous is not None
        and previous.emotion is not None
        and previous.width == width
        and previous.emotion.box.bottom == lanes_top
        and isinstance(previous.edit_state, EditState)
    ):
        return curve_after(previous.emotion, means, steps, previous.edit_state.steps_index)
    if means is not None:
        return curve_of(means, steps, lanes_top, width)
    return emotion_curve(doc, steps, lanes_top, width)


def _means_after_edit(
    previous: Layout, fresh: list[Card], changed: set[str], customer_lanes: set[str], known: DocumentIndex
) -> Means:
    """Each step's mean feeling after an edit, counting again only the steps where a changed card of a
    customer lane was or is (from the editor's index: no pass over every card)."""
    old_cards = previous.cards
    steps = {
        old_cards[i].step_id for i in changed if i in old_cards and old_cards[i].lane_id in customer_lanes
    }
    steps.update(card.step for card in fresh if card.lane in customer_lanes)

    def feelings_of(step_id: str) -> list[int]:
        found = []
        for lane_id in customer_lanes:
            for card_id in known.cell(lane_id, step_id):
                emotion = known.card(card_id).emotion  # type: ignore[union-attr]
                if emotion is not None:
                    found.append(emotion)
        return found

    return means_after_edit(previous.emotion, steps, feelings_of)


def _moved(old: CardBox, x: float, y: float) -> CardBox:
    from blueprint.layout.cards import shift_card

    return shift_card(old, x - old.box.x, y - old.box.y)


def _shift_lane(
    band: LaneBand,
    old_y: float,
    all_steps: list[str],
    steps_index: dict[str, int],
    old_cells: dict[tuple[str, str], Cell],
    cells: dict[tuple[str, str], Cell],
    cards: dict[str, CardBox],
    renewed: set[str],
) -> None:
    """An untouched lane moved by a lane above: its cells and cards move with it, stacks as they were."""
    from blueprint.layout.cards import shift_card

    y, h = band.band.y, band.band.h
    dy = y - old_y
    lane_id, width = band.lane_id, m.COLUMN_WIDTH
    for step_id in all_steps:
        key = (lane_id, step_id)
        old = old_cells[key]
        ids = old.card_ids
        cells[key] = Cell(lane_id, step_id, Box(old.box.x, y, width, h), ids)
        if ids:
            for card_id in ids:
                cards[card_id] = shift_card(cards[card_id], 0.0, dy)
            renewed.update(ids)


def _add_column_neighbours(
    dirty: set[str],
    changed: set[str],
    old_cards: dict[str, CardBox],
    cards: dict[str, CardBox],
    lane_ids: list[str],
    cells: dict[tuple[str, str], Cell],
) -> None:
    """Add the cards of every column a changed card left or joined: their order in it changed."""
    columns = {
        where.step_id
        for card_id in changed
        for where in (old_cards.get(card_id), cards.get(card_id))
        if where
    }
    for step_id in columns:
        for lane_id in lane_ids:
            cell = cells.get((lane_id, step_id))
            if cell is not None:
                dirty.update(cell.card_ids)
