"""The samples' timing tells the stories their descriptions tell: the café's chains can be checked by
hand, the timed samples give every customer card minutes, and their worst fail points have plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint.fileformat import load
from blueprint.graph.timing import customer_time
from blueprint.validate import validate

TIMED = ["cafe-order-ahead", "hotel-stay", "smartphone-store"]


def test_the_cafe_pickup_adds_up_by_hand(repo: Path) -> None:
    doc = load(repo / "samples" / "cafe-order-ahead.blueprint")
    timing = customer_time(doc)
    pickup = timing.card("cu.picks")
    assert pickup is not None
    assert pickup.chain == (
        "fr.checkout",  # 0.5
        "bk.auth",  # 0.2 + 0.3 wait
        "bk.estimate",  # 0.2
        "fr.confirm",  # 0.3
        "bk.ticket",  # 0.5 + 6 wait at rush hour
        "fr.makes",  # 3
        "fr.shelf",  # 0.5
        "cu.picks",  # 0.5
    )
    cards = doc.cards_by_id()
    by_hand = sum(
        (cards[i].duration_minutes or 0) + (cards[i].wait_point.minutes if cards[i].wait_point else 0)
        for i in pickup.chain
    )
    assert (pickup.minutes, by_hand, pickup.wait_minutes, pickup.tolerance_minutes) == (12, 12, 6.3, 10)
    assert pickup.over and not pickup.incomplete
    assert (timing.minutes, timing.incomplete) == (27.2, False)
    assert [t.card_id for t in timing.over] == ["cu.picks"]  # the one moment over, on purpose


@pytest.mark.parametrize("name", TIMED)
def test_timed_samples_plan_their_worst_fail_points(repo: Path, name: str) -> None:
    doc = load(repo / "samples" / f"{name}.blueprint")
    timing = customer_time(doc)
    assert timing.over, "a timed sample shows a moment slower than the customer accepts"
    targeted = {t for plan in doc.improvements if plan.is_open for t in plan.targets}
    worst = max(
        ("low", "medium", "high").index(card.fail_point.severity) for card in doc.cards if card.fail_point
    )
    for card in doc.cards:
        if card.fail_point and ("low", "medium", "high").index(card.fail_point.severity) == worst:
            assert card.id in targeted, f"{card.id}: a worst fail point without an open plan"
    assert "BP113" not in {f.code for f in validate(doc)}
