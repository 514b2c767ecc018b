"""Successive snapshots share the elements an edit did not touch and copy the ones it did; each
snapshot equals the document when taken and stays so whatever is edited afterwards."""

from __future__ import annotations

from blueprint.edit import Document, MoveCard, RemoveStep, SetCardFields
from blueprint.edit.snapshot import Snapshots
from blueprint.fileformat import dumps

from builders import blueprint_with, card


def _document() -> Document:
    cards = [
        card("c1", "customer", 0, "Orders"),
        card("c2", "frontstage", 0, "Takes the order"),
        card("c3", "backstage", 1, "Cooks"),
    ]
    return Document(blueprint_with(cards=cards, links=[("c1", "c2"), ("c2", "c3")], steps=3))


def test_each_snapshot_equals_the_document_and_later_edits_leave_it_alone() -> None:
    doc, snapshots = _document(), Snapshots()
    first = snapshots.take(doc.blueprint)
    first_text = dumps(first)
    assert first_text == dumps(doc.blueprint)
    doc.apply(SetCardFields("c1", {"title": "Changed", "tags": ["x"]}))
    doc.apply(MoveCard("c2", "support", "step2", 0))
    second = snapshots.take(doc.blueprint)
    second_text = dumps(second)
    assert second_text == dumps(doc.blueprint) != first_text
    doc.apply(RemoveStep("step1"))
    third = snapshots.take(doc.blueprint)
    assert dumps(third) == dumps(doc.blueprint)
    assert dumps(first) == first_text and dumps(second) == second_text


def test_untouched_elements_are_shared_and_edited_ones_copied_again() -> None:
    doc, snapshots = _document(), Snapshots()
    first = snapshots.take(doc.blueprint)
    doc.apply(SetCardFields("c3", {"title": "Cooks the order"}))
    second = snapshots.take(doc.blueprint)
    by_id = {c.id: c for c in first.cards}
    assert [c is by_id[c.id] for c in second.cards] == [True, True, False]
    assert all(a is b for a, b in zip(first.links, second.links, strict=True))
    assert second.cards[2].title == "Cooks the order" and by_id["c3"].title == "Cooks"
    assert all(copy is not original for copy, original in zip(second.cards, doc.blueprint.cards, strict=True))


def test_the_findings_panel_keeps_its_rows_when_an_edit_leaves_the_findings_as_they_were(qtbot, repo) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from blueprint.fileformat import load
    from blueprint.ui.findings_watch import FindingsWatch
    from blueprint.ui.panels import FindingsPanel
    from blueprint.ui.selection import Selection

    document = Document(load(repo / "samples" / "broken-handoffs.blueprint"))
    watch = FindingsWatch(document, delay_ms=20)
    panel = FindingsPanel(document, watch, Selection())
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: watch.is_idle() and bool(watch.findings), timeout=5000)
    first_row = panel.tree.topLevelItem(0)
    first_row.setText(1, "marked")  # a rebuilt tree would not have this
    card_id = document.blueprint.cards[0].id
    with qtbot.waitSignal(watch.updated, timeout=5000):
        document.apply(SetCardFields(card_id, {"description": "Only the description changes"}))
    assert panel.tree.topLevelItem(0).text(1) == "marked"
    owned = next(c for c in document.blueprint.cards if c.function is not None and c.lane == "backstage")
    with qtbot.waitSignal(watch.updated, timeout=5000):
        document.apply(SetCardFields(owned.id, {"function": None}))  # unowned work: a new finding
    qtbot.waitUntil(watch.is_idle, timeout=5000)
    shown = [row.data(0, Qt.ItemDataRole.UserRole) for row in panel.rows()]
    assert any(owned.id in finding.elements for finding in shown)  # the new finding's row was added
    assert panel.tree.topLevelItem(0).text(1) == "marked"  # in place: the other rows were kept


def test_the_document_hands_out_one_snapshot_per_edit() -> None:
    doc = _document()
    first = doc.snapshot()
    assert doc.snapshot() is first  # nothing changed: the same copy for the findings and the counts
    doc.apply(SetCardFields("c2", {"title": "Takes the order at the till"}))
    second = doc.snapshot()
    assert second is not first and second.cards[1].title == "Takes the order at the till"
    assert first.cards[1].title == "Takes the order" and second.cards[0] is first.cards[0]


def test_the_documents_snapshots_copy_only_what_its_edits_named_and_still_equal_it() -> None:
    from blueprint.edit import AddCard, AddLink, RemoveCards, SetLaneFields, new_card
    from blueprint.model import Link

    doc = _document()
    first = doc.snapshot()
    doc.apply(SetCardFields("c3", {"title": "Cooks the order"}))
    doc.apply(AddCard(new_card(doc, "support", "step1", "Restocks")))
    doc.apply(AddLink(Link(id="l9", source="c1", target="c3")))
    second = doc.snapshot()
    assert dumps(second) == dumps(doc.blueprint)
    assert second.cards[1] is first.cards[1] and second.lanes is first.lanes  # untouched: shared
    doc.apply(RemoveCards(("c2",)))
    doc.apply(SetLaneFields("support", {"name": "Kitchen support"}))
    third = doc.snapshot()
    assert dumps(third) == dumps(doc.blueprint)
    assert dumps(second) != dumps(third) and all(c.id != "c2" for c in third.cards)
