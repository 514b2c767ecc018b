"""relayout places again only the link labels an edit can reach (`label_memo`), and still gives exactly
what a full layout gives: chains of card moves on the samples and on a crowded blueprint."""

from __future__ import annotations

import random
from pathlib import Path

from blueprint.fileformat import load
from blueprint.layout import compute_layout, label_memo, relayout
from blueprint.model import Blueprint

from builders import blueprint_with, card


def _moves_match_a_full_layout(doc: Blueprint, seed: int, moves: int) -> int:
    """Move random cards to random steps and lanes, relayouting from the last layout each time; return
    how many moved labels the chain saw (so a test knows labels did collide)."""
    rng = random.Random(seed)
    steps = [step.id for _, step in doc.all_steps()]
    lanes = [lane.id for lane in doc.lanes]
    previous = compute_layout(doc)
    seen_moved = sum(route.label_moved for route in previous.routes.values())
    for _ in range(moves):
        target = rng.choice(doc.cards)
        target.step = rng.choice(steps)
        if rng.random() < 0.3:
            target.lane = rng.choice(lanes)
        incremental = relayout(doc, previous, {target.id})
        assert incremental == compute_layout(doc)
        renewed = incremental.renewed_routes or frozenset()
        for link_id, route in incremental.routes.items():
            assert previous.routes.get(link_id) is route or link_id in renewed
        seen_moved += sum(route.label_moved for route in incremental.routes.values())
        previous = incremental
    return seen_moved


def test_card_moves_on_a_sample_give_a_full_layouts_labels(sample_path: Path) -> None:
    doc = load(sample_path)
    if len(doc.cards) < 2:
        return
    _moves_match_a_full_layout(doc, seed=len(doc.cards), moves=12)


def test_card_moves_among_crowded_labels_give_a_full_layouts_labels() -> None:
    cards = [
        card(f"c{i}", ("backstage", "frontstage", "support")[i % 3], i % 4, f"Card {i}") for i in range(24)
    ]
    links = [(f"c{i}", f"c{(i * 7 + 3) % 24}") for i in range(24)] + [
        (f"c{i}", f"c{i + 3}") for i in range(21)
    ]
    doc = blueprint_with(cards=cards, links=links, steps=4)
    for i, link in enumerate(doc.links):
        link.label = ("handed over", "damaged box: repack", "order confirmed by phone")[i % 3]
    calls = []
    original = label_memo._refresh
    label_memo._refresh = lambda memo, routes: (calls.append(1), original(memo, routes))[1]  # type: ignore[assignment]
    try:
        seen_moved = _moves_match_a_full_layout(doc, seed=7, moves=40)
    finally:
        label_memo._refresh = original  # type: ignore[assignment]
    assert seen_moved > 0, "labels collided, so the moves re-placed moved labels"
    assert calls, "the labels were placed again incrementally, not only by full passes"
