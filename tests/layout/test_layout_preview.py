"""preview: after a lane-shifting edit, a layout exact where the views look (and the previous one
elsewhere), made without touching the previous layout the exact relayout still starts from."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from blueprint.layout import Layout, compute_layout, prepare_for_edits, relayout
from blueprint.layout.plates import plate_rect
from blueprint.layout.preview import Sight, preview, within_sight
from blueprint.layout.shapes import Route
from blueprint.model import Blueprint, Card, unique_id

import generated as _generator
from builders import IndexOf
from strategies import blueprints


def _sight_around(layout: Layout, card_id: str, w: float = 1400.0, h: float = 900.0) -> Sight:
    b = layout.cards[card_id].box
    cx, cy = b.x + b.w / 2, b.y + b.h / 2
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _assert_same(got: Layout, want: Layout, sight: Sight, labels: bool = True) -> None:
    """Field by field, so a failure names what differs. Everything in sight is exact: the lanes,
    headers and size, every card and cell, every route's points, and (with `labels`) every label
    whose plate meets the sight (a label out of sight on a long route may be placed among fewer
    neighbours). Without `labels`, labels may differ anywhere (a chain of labels crowded into one
    column, each stepping aside for the next, can reach in from beyond the routes the preview
    looks at; the exact layout that follows puts them right)."""
    assert got.lanes == want.lanes
    assert (got.width, got.height, got.steps, got.lines, got.emotion) == (
        want.width,
        want.height,
        want.steps,
        want.lines,
        want.emotion,
    )
    assert got.renewed_cards == want.renewed_cards
    assert got.cards == want.cards
    assert got.cells == want.cells
    assert got.routes.keys() == want.routes.keys()
    for link_id, route in want.routes.items():
        mine = got.routes[link_id]
        assert mine.points == route.points, link_id
        if mine != route:
            assert not labels or not (_label_in(mine, sight) or _label_in(route, sight)), link_id
            assert link_id in (got.renewed_routes or ()) or link_id in (want.renewed_routes or ())
        else:
            assert (link_id in (got.renewed_routes or ())) == (link_id in (want.renewed_routes or ()))


def _label_in(route: Route, sight: Sight) -> bool:
    if route.label_pos is None:
        return False
    x0, y0, x1, y1 = plate_rect(route.label_pos, route.label_vertical, route.label_text)
    return x0 <= sight[2] and x1 >= sight[0] and y0 <= sight[3] and y1 >= sight[1]


def _lane_shifting_moves(doc: Blueprint, count: int) -> list[tuple[str, str, str]]:
    """(card, lane, step) moves of cards spread through the file, each a step on, that change some
    lane's height (found by laying the document out; the document is left as it was)."""
    steps = [step.id for _, step in doc.all_steps()]
    base = compute_layout(doc)
    found: list[tuple[str, str, str]] = []
    for k in range(1, 40):
        card = doc.cards[len(doc.cards) * k // 40]
        home = card.step
        card.step = steps[(steps.index(home) + 1) % len(steps)]
        moved = compute_layout(doc)
        if [b.band for b in moved.lanes] != [b.band for b in base.lanes]:
            found.append((card.id, card.lane, card.step))
        card.step = home
        if len(found) == count:
            break
    return found


def test_a_lane_shifting_move_is_exact_in_sight_and_leaves_the_previous_layout_as_it_was() -> None:
    doc = _generator.generate(600)
    moves = _lane_shifting_moves(doc, 4)
    assert len(moves) == 4, "too few lane-shifting moves: the test lost its point"
    previous = compute_layout(doc)
    prepare_for_edits(previous)  # as the editor does when idle: the memo and the lane-pair index
    for card_id, _lane, step in moves:
        card = doc.cards_by_id()[card_id]
        sight = _sight_around(previous, card_id)
        home = card.step
        card.step = step
        before = (dict(previous.cards), dict(previous.routes), dict(previous.cells))
        memo, state = previous.label_memo.memo, previous.edit_state  # type: ignore[union-attr]
        shown = preview(doc, previous, {card_id}, sight, index=IndexOf(doc))
        assert (previous.cards, previous.routes, previous.cells) == before
        assert previous.label_memo.memo is memo and previous.edit_state is state  # type: ignore[union-attr]
        exact = relayout(doc, previous, {card_id}, index=IndexOf(doc), same_frame=True)
        assert exact == compute_layout(doc)
        want = within_sight(previous, exact, sight)
        assert shown is not None and want is not None
        assert want.renewed_cards and want.renewed_routes, "nothing in sight moved: the test lost its point"
        _assert_same(shown, want, sight)
        assert shown.edit_state is None
        previous = exact
        card.step = home  # and back, from the exact layout
        previous = relayout(doc, previous, {card_id}, index=IndexOf(doc), same_frame=True)


def test_a_move_that_changes_no_lanes_height_has_no_preview() -> None:
    doc = _generator.generate(300)
    previous = compute_layout(doc)
    card = doc.cards[0]
    card.title = card.title + "!"  # same lines, same height
    assert preview(doc, previous, {card.id}, (0.0, 0.0, 1e6, 1e6), index=IndexOf(doc)) is None


@given(blueprints(), st.data())
def test_a_preview_is_the_exact_layout_cut_to_the_sight(doc: Blueprint, data: st.DataObject) -> None:
    if not doc.lanes or not doc.stages or not doc.cards:
        return
    previous = compute_layout(doc)
    lanes = [lane.id for lane in doc.lanes]
    steps = [step.id for _, step in doc.all_steps()]
    card = data.draw(st.sampled_from(doc.cards))
    changed = {card.id}  # as the editor names an edit: the cards, and the links that went with one
    edit = data.draw(st.sampled_from(["move", "retitle", "add", "remove"]))
    if edit == "move":
        card.lane = data.draw(st.sampled_from(lanes))
        card.step = data.draw(st.sampled_from(steps))
    elif edit == "retitle":
        card.title = data.draw(st.sampled_from(["x", "A much longer title " * 8]))
        card.description = data.draw(st.sampled_from(["", "words " * 60]))
    elif edit == "add":
        new = Card(
            id=unique_id("new-card", doc.all_ids()),
            lane=data.draw(st.sampled_from(lanes)),
            step=data.draw(st.sampled_from(steps)),
            title="New " * data.draw(st.integers(1, 30)),
        )
        doc.cards.insert(data.draw(st.integers(0, len(doc.cards))), new)
        changed = {new.id}
    else:
        doc.cards.remove(card)
        changed |= {link.id for link in doc.links if card.id in (link.source, link.target)}
        doc.links[:] = [link for link in doc.links if card.id not in (link.source, link.target)]
    x = data.draw(st.floats(0, max(previous.width, 1.0)))
    y = data.draw(st.floats(0, max(previous.height, 1.0)))
    sight = (x - 400, y - 300, x + 400, y + 300)
    shown = preview(doc, previous, changed, sight, index=IndexOf(doc))
    exact = relayout(doc, previous, changed, index=IndexOf(doc), same_frame=True)
    assert exact == compute_layout(doc)
    want = within_sight(previous, exact, sight)
    if shown is None:
        assert [b.band for b in exact.lanes] == [b.band for b in previous.lanes]
    else:
        assert want is not None
        _assert_same(shown, want, sight, labels=False)


def test_a_card_added_to_and_deleted_from_a_lanes_tallest_cell_is_exact_in_sight() -> None:
    """Both change the lane's height: the added card, and the deleted one with its links, are in the
    preview wherever they are; everything in sight is the exact layout's."""
    doc = _generator.generate(600)
    previous = compute_layout(doc)
    prepare_for_edits(previous)
    lane = next(lane.id for lane in doc.lanes if lane.kind == "frontstage")
    tallest = max(
        (cell for cell in previous.cells.values() if cell.lane_id == lane),
        key=lambda cell: len(cell.card_ids),
    )
    new = Card(
        id=unique_id("new-card", doc.all_ids()), lane=lane, step=tallest.step_id, title="Checks the ID"
    )
    doc.cards.append(new)
    sight = _sight_around(previous, tallest.card_ids[-1])
    shown = preview(doc, previous, {new.id}, sight, index=IndexOf(doc))
    exact = relayout(doc, previous, {new.id}, index=IndexOf(doc), same_frame=True)
    want = within_sight(previous, exact, sight)
    assert shown is not None and want is not None, "the lane did not grow: the test lost its point"
    assert new.id in shown.cards and new.id in (shown.renewed_cards or ())
    _assert_same(shown, want, sight)

    previous = exact
    gone = doc.cards_by_id()[tallest.card_ids[0]]
    links = {link.id for link in doc.links if gone.id in (link.source, link.target)}
    doc.cards.remove(gone)
    doc.links[:] = [link for link in doc.links if link.id not in links]
    doc.cards.remove(new)  # the lane is back to its height less one card
    changed = {gone.id, new.id, *links}
    shown = preview(doc, previous, changed, sight, index=IndexOf(doc))
    exact = relayout(doc, previous, changed, index=IndexOf(doc), same_frame=True)
    assert exact == compute_layout(doc)
    want = within_sight(previous, exact, sight)
    assert shown is not None and want is not None
    assert gone.id not in shown.cards and not links & shown.routes.keys()
    assert links and links <= (shown.renewed_routes or set())
    _assert_same(shown, want, sight)
