"""compute_layout: a document in, the geometry of its blueprint out (pure, deterministic, fast).

Columns have a fixed width and a lane is as tall as its tallest cell, so a change in a few cells only
moves the cards of those cells and, when a lane's height changes, shifts the lanes below it.
`relayout` uses that to give the editor the same result as `compute_layout` at a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from blueprint.layout import metrics as m
from blueprint.layout.cards import CardContent, card_content, place_card
from blueprint.layout.emotion import emotion_curve
from blueprint.layout.grid import column_x, headers, lane_band, three_lines, with_column_heights
from blueprint.layout.routes import End, RoutingGrid, make_route
from blueprint.layout.shapes import Box, CardBox, Cell, Layout, Route
from blueprint.model import Blueprint, Card

HeightOf = Callable[[Card], float]


def _contents(doc: Blueprint, cards: Iterable[Card]) -> dict[str, CardContent]:
    functions = doc.functions_by_id()
    kinds = {lane.id: lane.kind for lane in doc.lanes}
    return {
        card.id: card_content(card, functions.get(card.function) if card.function else None, kinds[card.lane])
        for card in cards
    }


def compute_layout(doc: Blueprint) -> Layout:
    """The full layout of `doc`."""
    contents = _contents(doc, doc.cards)
    return _assemble(doc, contents, previous=None, changed=set())


def relayout(doc: Blueprint, previous: Layout, changed_card_ids: Iterable[str]) -> Layout:
    """The layout of `doc` after an edit that touched only `changed_card_ids` (cards added, removed,
    moved, reordered or edited; links added or removed are picked up too). Lanes, stages, steps and
    functions must be unchanged since `previous`; otherwise this falls back to `compute_layout`.
    Gives exactly what `compute_layout(doc)` gives."""
    changed = set(changed_card_ids)
    if not _same_frame(doc, previous):
        return compute_layout(doc)
    contents = _contents(doc, (c for c in doc.cards if c.id in changed or c.id not in previous.cards))
    return _assemble(doc, contents, previous=previous, changed=changed)


def _same_frame(doc: Blueprint, previous: Layout) -> bool:
    lanes = tuple((lane.id, lane.name, lane.kind) for lane in doc.lanes)
    old_lanes = tuple((band.lane_id, band.name, band.kind) for band in previous.lanes)
    steps = tuple((step.id, step.name) for _, step in doc.all_steps())
    old_steps = tuple((step.step_id, step.name) for step in previous.steps)
    stages = tuple((s.id, s.name, s.phase, s.job) for s in doc.stages)
    old_stages = tuple((s.stage_id, s.name, s.phase, s.job) for s in previous.stages)
    return lanes == old_lanes and steps == old_steps and stages == old_stages


def _assemble(
    doc: Blueprint, contents: dict[str, CardContent], previous: Layout | None, changed: set[str]
) -> Layout:
    steps_index = doc.step_indexes()
    lane_ids = [lane.id for lane in doc.lanes]
    width = column_x(len(steps_index)) if steps_index else m.LANE_HEADER_WIDTH + m.COLUMN_WIDTH

    def height_of(card: Card) -> float:
        content = contents.get(card.id)
        return content.height if content is not None else previous.cards[card.id].box.h  # type: ignore[union-attr]

    stacks: dict[tuple[str, str], list[Card]] = {}
    for card in doc.cards:
        stacks.setdefault((card.lane, card.step), []).append(card)
    stack_height: dict[str, float] = dict.fromkeys(lane_ids, 0.0)
    for (lane_id, _), cards in stacks.items():
        h = sum(height_of(c) for c in cards) + m.CARD_GAP * (len(cards) - 1)
        if h > stack_height[lane_id]:
            stack_height[lane_id] = h

    emotion_needed = any(c.emotion is not None for c in doc.cards if _is_customer(doc, c))
    lanes_top = m.STAGE_HEADER_HEIGHT + m.STEP_HEADER_HEIGHT + (m.EMOTION_ROW_HEIGHT if emotion_needed else 0)
    bands, lane_y, y = [], {}, lanes_top
    for lane in doc.lanes:
        h = max(m.MIN_LANE_HEIGHT, m.LANE_PAD_TOP + stack_height[lane.id] + m.LANE_PAD_BOTTOM)
        bands.append(lane_band(lane, y, h, width))
        lane_y[lane.id] = y
        y += h
    lanes_bottom = y
    height = lanes_bottom + m.BOTTOM_CHANNEL
    stages, steps = headers(doc, lanes_top)
    steps = with_column_heights(steps, lanes_bottom)

    old_cards = previous.cards if previous is not None else {}
    cards: dict[str, CardBox] = {}
    cells: dict[tuple[str, str], Cell] = {}
    band_of = {band.lane_id: band for band in bands}
    all_steps = [s.step_id for s in steps]
    for lane_id in lane_ids:
        band = band_of[lane_id]
        for step_id in all_steps:
            stack = stacks.get((lane_id, step_id), ())
            x = column_x(steps_index[step_id])
            cells[(lane_id, step_id)] = Cell(
                lane_id, step_id, Box(x, band.band.y, m.COLUMN_WIDTH, band.band.h), tuple(c.id for c in stack)
            )
            cy = band.band.y + m.LANE_PAD_TOP
            for card in stack:
                content = contents.get(card.id)
                old = old_cards.get(card.id)
                if (
                    content is None
                    and old is not None
                    and old.box.y == cy
                    and old.lane_id == lane_id
                    and old.step_id == step_id
                ):
                    cards[card.id] = old
                elif content is None and old is not None:
                    cards[card.id] = _moved(old, x + m.CARD_INSET_X, cy)
                else:
                    cards[card.id] = place_card(card, content, x + m.CARD_INSET_X, cy)  # type: ignore[arg-type]
                cy += cards[card.id].box.h + m.CARD_GAP
    ordered = {card.id: cards[card.id] for card in doc.cards}

    routes = _routes(doc, ordered, bands, steps_index, previous, changed, lanes_bottom)
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
        emotion=emotion_curve(doc, steps, lanes_top, width) if emotion_needed else None,
        cells=cells,
    )


def _is_customer(doc: Blueprint, card: Card) -> bool:
    return any(lane.id == card.lane and lane.kind == "customer" for lane in doc.lanes)


def _moved(old: CardBox, x: float, y: float) -> CardBox:
    from blueprint.layout.cards import shift_card

    return shift_card(old, x - old.box.x, y - old.box.y)


def _routes(
    doc: Blueprint,
    cards: dict[str, CardBox],
    bands: list,
    steps_index: dict[str, int],
    previous: Layout | None,
    changed: set[str],
    lanes_bottom: float,
) -> dict[str, Route]:
    channels = (*tuple(band.band.y + 3.0 for band in bands), lanes_bottom + 3.0)
    grid = RoutingGrid(tuple(column_x(i) for i in range(len(steps_index))), channels)
    columns: dict[int, list[tuple[float, str]]] = {}
    for card_id, box in cards.items():
        columns.setdefault(steps_index[box.step_id], []).append((box.box.y, card_id))
    order: dict[str, int] = {}
    for entries in columns.values():
        entries.sort()
        for i, (_, card_id) in enumerate(entries):
            order[card_id] = i
    functions = {card.id: card.function for card in doc.cards}
    reuse = _reusable(previous, cards, changed, channels, steps_index, order) if previous else None
    routes: dict[str, Route] = {}
    for link in doc.links:
        if reuse is not None:
            old = previous.routes.get(link.id)  # type: ignore[union-attr]
            if old is not None and reuse(link.source, link.target, old, link.label, link.kind):
                routes[link.id] = old
                continue
        s, t = cards[link.source], cards[link.target]
        fs, ft = functions[link.source], functions[link.target]
        routes[link.id] = make_route(
            link.id,
            link.source,
            link.target,
            End(s.box, steps_index[s.step_id], order[link.source]),
            End(t.box, steps_index[t.step_id], order[link.target]),
            grid,
            link.label,
            link.kind,
            fs is not None and ft is not None and fs != ft,
        )
    return routes


def _reusable(previous, cards, changed, channels, steps_index, order):  # type: ignore[no-untyped-def]
    """A test for whether a previous route is still exactly right: same cards in the same places, same
    column neighbours, same channels around it."""
    old_cards = previous.cards
    bottom = previous.height - m.BOTTOM_CHANNEL + 3.0
    old_channels = (*tuple(band.band.y + 3.0 for band in previous.lanes), bottom)
    first_moved_channel = next(
        (i for i, (a, b) in enumerate(zip(old_channels, channels, strict=False)) if a != b), len(channels)
    )
    limit = channels[first_moved_channel - 1] if first_moved_channel > 0 else float("-inf")
    touched_columns = set()
    for card_id in changed:
        for where in (old_cards.get(card_id), cards.get(card_id)):
            if where is not None:
                touched_columns.add(steps_index.get(where.step_id))

    def same(card_id: str) -> bool:
        old, new = old_cards.get(card_id), cards[card_id]
        return card_id not in changed and old is new and steps_index[new.step_id] not in touched_columns

    def check(source: str, target: str, old: Route, label: str, kind: str) -> bool:
        if old.source != source or old.target != target or old.label != label or old.kind != kind:
            return False
        if not (same(source) and same(target)):
            return False
        # channels at or above `limit` did not move; a route whose cards lie above it keeps its channel
        return max(cards[source].box.bottom, cards[target].box.bottom) < limit

    return check
