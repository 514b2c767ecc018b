"""The Inspector for a screen reader and for a scrolled form: every field is named by its label (the
label's buddy and the field's accessible name), and a form of another kind starts at its top."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from builders import blueprint_with, card
from ui_gestures import card_centre, click, look, open_window


def test_every_inspector_field_is_named_by_its_label(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, blueprint_with(cards=[card("c1", "customer", 0, "Orders")]))
    inspector = window.panel("InspectorPanel")
    forms = [
        inspector.card_form,
        inspector.link_form,
        inspector.lane_form,
        inspector.stage_form,
        inspector.step_form,
        inspector.document_form,
        inspector.cards_form,
    ]
    checked = 0
    for form in forms:
        buddies = {label.buddy(): label.text() for label in form.findChildren(QLabel) if label.buddy()}
        for key, widget in form.widgets.items():
            assert widget in buddies, f"{type(form).__name__}.{key} has no label pointing at it"
            assert widget.accessibleName() == buddies[widget] != "", key
            # what a screen reader asks: the field is labelled by its label (on Linux a combo box's
            # own name is its value, so the relation is what names it)
            reader = QAccessible.queryAccessibleInterface(widget)
            labels = [
                other.text(QAccessible.Text.Name) for other, _ in reader.relations(QAccessible.Relation.Label)
            ]
            assert buddies[widget] in labels, (key, labels)
            checked += 1
    assert checked >= 30
    title = inspector.card_form.title
    assert QAccessible.queryAccessibleInterface(title).text(QAccessible.Text.Name) == "Title"


def test_a_form_of_another_kind_starts_at_its_top(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders"),
            card("c2", "frontstage", 0, "Takes it", function="team-a"),
        ],
        links=[("c1", "c2")],
    )
    window = open_window(qtbot, doc)
    window.resize(1400, 560)  # a short window: the card's form scrolls
    inspector = window.panel("InspectorPanel")
    click(qtbot, window, card_centre(window, "c1"))
    bar = inspector.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # down at the tags
    window.selection.set(["l0"])
    assert inspector.pages.currentWidget() is inspector.link_form
    assert bar.value() == 0
    label_field = inspector.link_form.label
    assert not label_field.visibleRegion().isEmpty(), "the link's Label field is in sight"
    look(window, "inspector-link-at-top")
