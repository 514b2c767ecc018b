"""After an edit the status bar says the findings it shows are being checked again, until they are."""

from __future__ import annotations

from blueprint.edit import SetCardFields

from builders import blueprint_with, card
from ui_gestures import open_window


def test_the_findings_count_says_checking_between_an_edit_and_its_check(qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders"),
            card("c2", "frontstage", 0, "Takes the order", function="team-a"),
        ],
        links=[("c1", "c2")],
    )
    window = open_window(qtbot, doc)
    watch = window.findings_watch
    qtbot.waitUntil(lambda: watch.is_idle() and watch.has_result(), timeout=5000)
    settled = window.findings_label.text()
    assert "checking" not in settled.lower()
    with qtbot.waitSignal(watch.updated, timeout=5000):
        window.document.apply(SetCardFields("c2", {"function": None}))  # unowned work: a new finding
        assert window.findings_label.text() == settled + " (checking…)"
    qtbot.waitUntil(watch.is_idle, timeout=5000)
    assert "checking" not in window.findings_label.text().lower()
    assert window.findings_label.text() != settled
