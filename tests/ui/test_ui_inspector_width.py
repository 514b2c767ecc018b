"""New-user review: the Inspector stays as wide as its dock whatever the elements are called."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QScrollArea

from builders import blueprint_with, card
from ui_gestures import card_centre, click, look, open_window

LONG = "Confirms the reservation with the guest by telephone and sends a written confirmation by email"


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, LONG),
            card("c2", "frontstage", 1, LONG + " again, once more"),
        ],
        links=[("c1", "c2")],
    )
    return open_window(qtbot, doc)


def link_point(window, link_id: str) -> QPointF:  # type: ignore[no-untyped-def]
    """The middle of the longest segment of the link's route (a place a person would click)."""
    points = window.scene.layout.routes[link_id].points
    (ax, ay), (bx, by) = max(
        itertools.pairwise(points), key=lambda p: abs(p[1][0] - p[0][0]) + abs(p[1][1] - p[0][1])
    )
    return QPointF((ax + bx) / 2, (ay + by) / 2)


def fits(inspector) -> bool:  # type: ignore[no-untyped-def]
    scroll = inspector.widget()
    assert isinstance(scroll, QScrollArea)
    room = scroll.viewport().width()
    pages = inspector.pages
    return pages.minimumSizeHint().width() <= room and pages.width() <= room


def test_a_long_link_heading_is_cut_and_later_forms_fit_the_dock(qtbot, window):  # type: ignore[no-untyped-def]
    inspector = window.panel("InspectorPanel")
    inspector.raise_()
    click(qtbot, window, link_point(window, "l0"))
    assert window.selection.ids == ("l0",)
    qtbot.wait(20)
    heading = inspector.link_form.heading
    source, target = heading.shown_rest().split(" → ")
    assert source.endswith("…") and target.endswith("…"), "both names are cut to the dock"
    assert LONG.startswith(source[:-1]) and target.startswith("Confirms")
    assert LONG in heading.toolTip(), "the full names are in the tooltip"
    assert fits(inspector)
    click(qtbot, window, card_centre(window, "c1"))
    assert window.selection.ids == ("c1",)
    qtbot.wait(20)
    assert inspector.current_form is inspector.card_form
    assert fits(inspector)
    title = inspector.card_form.title
    right = title.mapTo(inspector, title.rect().topRight()).x()
    assert right <= inspector.width(), "the title field ends inside the dock"
    look(window, "review-fix-inspector")


def test_no_form_grows_from_long_names_or_messages(qtbot, window):  # type: ignore[no-untyped-def]
    inspector = window.panel("InspectorPanel")
    inspector.link_form.heading.set_heading("Link", LONG * 3)
    inspector.card_form.show_error("title", LONG.replace(" ", "") + " is refused")
    for form in (inspector.link_form, inspector.card_form, inspector.lane_form, inspector.document_form):
        assert form.minimumSizeHint().width() < 300, type(form).__name__
