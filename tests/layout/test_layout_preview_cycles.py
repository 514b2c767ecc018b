"""A preview makes no reference cycles: the editor freezes what is alive out of the cycle collector
after a check or an exact layout (`ui/worker.keep_out_of_collections`, `canvas/pending.py`), and
cyclic garbage alive then stays for good. A preview's frame held the whole previous layout in one."""

from __future__ import annotations

import gc

from blueprint.layout import compute_layout, prepare_for_edits
from blueprint.layout.preview import preview

import generated as _generator
from builders import IndexOf


def test_a_preview_leaves_no_cyclic_garbage() -> None:
    doc = _generator.generate(600)
    steps = [step.id for _, step in doc.all_steps()]
    previous = compute_layout(doc)
    prepare_for_edits(previous)
    made = 0
    gc.collect()
    gc.disable()
    try:
        for k in range(1, 40):  # cards through the file, each a step on: the lane-shifting ones
            card = doc.cards[len(doc.cards) * k // 40]
            home = card.step
            card.step = steps[(steps.index(home) + 1) % len(steps)]
            box = previous.cards[card.id].box
            sight = (box.x - 700, box.y - 450, box.x + 700, box.y + 450)
            shown = preview(doc, previous, {card.id}, sight, index=IndexOf(doc))
            made += shown is not None
            del shown
            card.step = home
        assert gc.collect() == 0
    finally:
        gc.enable()
    assert made >= 3, "too few previews: the test lost its point"
