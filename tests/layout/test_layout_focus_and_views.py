"""The focus state (what a focus fades and stresses) and the view-filtered document (hidden lanes
leave the drawing): the inputs every output and the canvas draw from."""

from __future__ import annotations

from blueprint.layout import compute_layout
from blueprint.layout.audience import Audience, shown_blueprint
from blueprint.layout.focus import focus_state

from builders import sharing_blueprint


def test_focus_fades_other_functions_but_never_the_customer_and_stresses_its_hand_offs() -> None:
    layout = compute_layout(sharing_blueprint())
    focus = focus_state(layout, ["team-a"])
    assert focus is not None
    assert focus.faded_cards == {"b0", "s0"}  # team-b's and team-c's; customer cards stay
    assert focus.strong_routes == {"l1", "l2"}  # team-a -> team-b and back
    assert focus.faded_routes == set()  # c0 -> f0 and f1 -> c1 join cards at full strength
    other = focus_state(layout, ["team-c"])
    assert other is not None and other.faded_routes == {"l0", "l1", "l2", "l3"} and not other.strong_routes


def test_no_focus_is_the_plain_drawing() -> None:
    assert focus_state(compute_layout(sharing_blueprint()), []) is None


def test_hidden_lanes_leave_the_document_drawn_with_their_cards_links_and_plan_targets() -> None:
    doc = sharing_blueprint()
    shown = shown_blueprint(doc, ["backstage", "customer"])
    assert [lane.id for lane in shown.lanes] == ["evidence", "frontstage", "support"]
    assert {card.id for card in shown.cards} == {"f0", "f1", "s0"}
    assert shown.links == []  # every link touched a hidden card
    assert shown.improvements == []  # its only target (c1) is hidden
    assert len(doc.cards) == 6 and len(doc.lanes) == 5  # the document itself is untouched
    layout = compute_layout(shown)
    assert [band.lane_id for band in layout.lanes] == ["evidence", "frontstage", "support"]
    assert shown_blueprint(doc, []) is doc


def test_an_audience_forgets_lanes_and_functions_the_document_lost() -> None:
    doc = sharing_blueprint()
    audience = Audience(frozenset({"support", "gone"}), ("team-a", "nobody"))
    assert audience.within(doc) == Audience(frozenset({"support"}), ("team-a",))
    assert Audience.of_view(doc.views[0]) == Audience(frozenset({"support"}), ("team-a",))
