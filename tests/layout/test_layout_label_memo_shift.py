"""After a move that changes a lane's height (hundreds of routes move with the lanes below it), the
label memo moves the labels that went with their lane instead of placing them again, and relayout
still gives exactly what a full layout gives, move after move."""

from __future__ import annotations

from blueprint.layout import compute_layout, label_memo, relayout

import generated as _generator


def test_lane_shifting_moves_keep_a_full_layouts_labels() -> None:
    doc = _generator.generate(1200)
    steps = [step.id for _, step in doc.all_steps()]
    shifted: list[int] = []
    original = label_memo.Memo.shift_all

    def counting_shift(self: label_memo.Memo, routes: dict, renewed: set[str]) -> None:  # type: ignore[type-arg]
        shifted.append(sum(1 for i in renewed if i in routes and routes[i].shifted_by))
        original(self, routes, renewed)

    label_memo.Memo.shift_all = counting_shift  # type: ignore[method-assign]
    try:
        previous = compute_layout(doc)
        lane_shifts = 0
        # Cards a fifth, two fifths... into the file, each moved a step on and back, then on again.
        for k in (1, 2, 3, 4):
            moved = doc.cards[len(doc.cards) * k // 5]
            home = moved.step
            away = steps[(steps.index(home) + 1) % len(steps)]
            for step in (away, home, away):
                moved.step = step
                incremental = relayout(doc, previous, {moved.id})
                assert incremental == compute_layout(doc)
                if [b.band.y for b in incremental.lanes] != [b.band.y for b in previous.lanes]:
                    lane_shifts += 1
                previous = incremental
    finally:
        label_memo.Memo.shift_all = original  # type: ignore[method-assign]
    assert lane_shifts > 0, "no move changed a lane's height: the test lost its point"
    assert sum(shifted) > 0, "no label was moved with its lane in the memo"
    memo = previous.label_memo.memo  # type: ignore[union-attr]
    assert memo is not None and memo.routes is previous.routes
    for link_id, route in previous.routes.items():  # the moved plates are where the labels are
        if link_id not in memo.stale:
            assert memo.plates.get(link_id) == label_memo._plate_of(route)


def test_a_layout_prepared_for_edits_is_edited_without_building_its_memo_again() -> None:
    from blueprint.layout import prepare_for_edits

    doc = _generator.generate(300)
    layout = compute_layout(doc)
    prepare_for_edits(layout)
    built: list[int] = []
    original = label_memo.Memo.__init__

    def counting_init(self: label_memo.Memo, routes: dict) -> None:  # type: ignore[type-arg]
        built.append(1)
        original(self, routes)

    label_memo.Memo.__init__ = counting_init  # type: ignore[method-assign]
    try:
        moved = doc.cards[len(doc.cards) // 2]
        steps = [step.id for _, step in doc.all_steps()]
        moved.step = steps[(steps.index(moved.step) + 1) % len(steps)]
        first = relayout(doc, layout, {moved.id})
        prepare_for_edits(first)  # already in step: nothing to build
        assert first == compute_layout(doc)
        second = relayout(doc, layout, {moved.id})  # the same previous again: its memo moved on
        assert second == first
    finally:
        label_memo.Memo.__init__ = original  # type: ignore[method-assign]
    assert len(built) == 1, "only the second relayout from the same layout builds a memo"


def test_preparing_after_a_lane_shifting_move_brings_the_memo_and_the_lane_index_up_to_date() -> None:
    from blueprint.layout import prepare_for_edits

    doc = _generator.generate(1200)
    layout = compute_layout(doc)
    prepare_for_edits(layout)
    assert layout.edit_state.lanes.routes is layout.routes  # type: ignore[union-attr]
    steps = [step.id for _, step in doc.all_steps()]
    for card in doc.cards[len(doc.cards) // 3 :]:  # the first move that changes a lane's height
        home = card.step
        card.step = steps[(steps.index(home) + 1) % len(steps)]
        moved = relayout(doc, layout, {card.id})
        memo = moved.label_memo.memo  # type: ignore[union-attr]
        if [b.band.h for b in moved.lanes] != [b.band.h for b in layout.lanes] and memo.stale:
            break  # a lane changed height and the full pass left the re-routed labels stale
        card.step = home
        layout = relayout(doc, moved, {card.id})
    else:
        raise AssertionError("no move ran the full label pass: the test lost its point")
    prepare_for_edits(moved)
    assert not memo.stale and moved.label_memo.memo is memo  # type: ignore[union-attr]
    for link_id, route in moved.routes.items():
        assert memo.plates.get(link_id) == label_memo._plate_of(route)
    card.step = home
    assert relayout(doc, moved, {card.id}) == compute_layout(doc)
