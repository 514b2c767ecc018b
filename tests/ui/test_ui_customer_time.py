"""The customer's time in the editor, with the spec's example: "Receives the drink" takes 8.5 min
against a tolerance of 5. The Inspector shows the time and the chain (a click on a chain card selects
it), the card carries a clock badge, the status bar the journey's time; an edit brings them up to
date (worked out on a worker thread, as the findings are)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from builders import drink_blueprint
from ui_gestures import card_centre, click, look, open_window, type_text


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    w = open_window(qtbot, drink_blueprint(tolerance_minutes=5))
    qtbot.waitUntil(lambda: w.timing.watch.has_result(), timeout=5000)
    return w


def test_the_inspector_shows_the_time_and_the_chain_of_a_customer_card(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c9"))
    form = window.panel("InspectorPanel").card_form
    shown = form.customer_time
    assert shown.isVisibleTo(form)
    assert shown.summary.text() == "Customer's time here: 8.5 min (tolerance 5 min)"
    assert shown.chain.ids() == ["c3", "c4", "c5", "c9"]
    assert shown.chain.buttons["c4"].full_text() == "4 min + 2 min wait · Makes the drink"
    assert "3.5 min over the tolerance of 5 min" in shown.note.text()
    button = shown.chain.buttons["c4"]
    # laid out (as a person sees it) before the click
    qtbot.waitUntil(lambda: shown.height() >= shown.sizeHint().height() and button.isVisible())
    look(window, "customer-time")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.selection.ids == ("c4",)  # a chain card's title selects it
    assert not form.customer_time.isVisibleTo(form)  # not a customer card: no time here


def test_a_card_over_its_tolerance_has_a_badge_and_the_status_bar_the_journey(qtbot, window):  # type: ignore[no-untyped-def]
    assert window.scene.cards["c9"].over_tolerance == "3.5 min over the tolerance of 5 min"
    assert window.scene.cards["c1"].over_tolerance == ""
    assert window.timing.label.text() == "Customer's time: 9.5 min"
    assert "Slower than the customer accepts" in window.scene.cards["c9"]._tooltip()


def test_an_edit_brings_the_time_up_to_date(qtbot, window):  # type: ignore[no-untyped-def]
    click(qtbot, window, card_centre(window, "c9"))
    form = window.panel("InspectorPanel").card_form
    form.tolerance.setFocus()
    form.tolerance.selectAll()
    type_text(form.tolerance, "10")
    assert window.document.card("c9").tolerance_minutes == 10
    qtbot.waitUntil(lambda: window.scene.cards["c9"].over_tolerance == "", timeout=5000)
    assert form.customer_time.summary.text() == "Customer's time here: 8.5 min (tolerance 10 min)"
    click(qtbot, window, card_centre(window, "c4"))
    form.duration.setFocus()
    form.duration.selectAll()
    qtbot.keyClick(form.duration, Qt.Key.Key_Backspace)  # "Makes the drink": duration not known
    assert window.document.card("c4").duration_minutes is None
    qtbot.waitUntil(lambda: "incomplete" in window.timing.label.text(), timeout=5000)
    assert window.timing.label.text() == "Customer's time: 5.5 min (incomplete)"
    click(qtbot, window, card_centre(window, "c9"))
    assert form.customer_time.summary.text() == "Customer's time here: at least 4.5 min (tolerance 10 min)"
    assert form.customer_time.chain.buttons["c4"].full_text() == "? min + 2 min wait · Makes the drink"
