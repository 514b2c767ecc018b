"""The Findings panel shows the current finding's whole message under the list, never folds the errors
away, and explains a rule ("What does BP106 mean?") from docs/rules.md as installed."""

from __future__ import annotations

from conftest import REPO
from PySide6.QtCore import Qt

import blueprint.ui.dialogs.rules_help as rules_help
from blueprint.fileformat import load
from blueprint.ui.access_keys import shown_text
from blueprint.ui.dialogs.rules_help import RulesHelp
from blueprint.validate import RULES

from ui_gestures import look, open_window


def test_whole_message_errors_open_and_what_a_rule_means(qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, load(REPO / "samples" / "broken-handoffs.blueprint"))
    window.findings_watch.run_now()
    panel = window.panel("FindingsPanel")
    errors = panel._groups["error"]
    panel.tree.collapseItem(errors)
    assert errors.isExpanded(), "errors are never folded away"
    row = next(r for r in panel.rows() if r.text(0).startswith("BP106"))
    finding = row.data(0, Qt.ItemDataRole.UserRole)
    panel.tree.setCurrentItem(row)
    assert panel.detail.text() == f"BP106 Backwards flow (error): {finding.message}"
    assert finding.message.endswith("reverse it, or mark it as a loop if going back is deliberate")
    lines = panel.detail.height() // panel.detail.fontMetrics().lineSpacing()
    needed = panel.detail.fontMetrics().boundingRect(
        0, 0, panel.detail.width(), 10_000, Qt.TextFlag.TextWordWrap, panel.detail.text()
    )
    assert needed.height() <= panel.detail.height() and lines >= 2, "the whole message shows"
    assert panel.explain.isVisible() and panel.explain.text() == "What does BP106 mean?"
    look(window, "findings-detail")
    menu = panel.menu_for(row)
    entry = next(a for a in menu.actions() if shown_text(a.text()) == "What does BP106 mean?")
    entry.trigger()
    help_window = window.findChild(RulesHelp, "rulesHelp")
    assert help_window.isVisible() and "BP106" in help_window.windowTitle()
    qtbot.wait(10)  # laid out at its size: the rule's heading is at the top
    assert help_window.browser.textCursor().selectedText().startswith("BP106 Backwards flow")
    top = help_window.browser.cursorForPosition(help_window.browser.viewport().rect().topLeft()).block()
    assert top.text().startswith("BP106")
    look(help_window, "findings-rule-help")
    text = help_window.browser.toPlainText()
    for code, rule in RULES.items():  # every rule the editor reports has its explanation
        assert f"{code} {rule.title}" in text, code
    monkeypatch.setattr(
        rules_help, "rules_text", lambda: "# Rules\n\n### BP999 Brand new (info)\nExplained.\n"
    )
    panel.explain.click()  # the text is read when asked, so a new rule's explanation shows at once
    assert (
        help_window.browser.toPlainText().startswith("Rules") and "BP999" in help_window.browser.toPlainText()
    )
    help_window.close()
