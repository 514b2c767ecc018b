"""The Findings panel: a link's finding selects the link alone (the Inspector shows the link), and many
findings of one rule (BP108 in a fresh template) sit under one collapsed row."""

from __future__ import annotations

from PySide6.QtCore import Qt

from blueprint.resources import load_template

from builders import blueprint_with, card
from ui_gestures import cell_centre, double_click, key, look, open_window


def click_row(qtbot, tree, item) -> None:  # type: ignore[no-untyped-def]
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())


def test_clicking_a_link_finding_selects_the_link_only_and_the_inspector_shows_it(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[
            card("c1", "customer", 0, "Orders"),
            card("c2", "frontstage", 0, "Takes the order", function="team-a"),
            card("c3", "backstage", 0, "Cooks", function="team-b"),
        ],
        links=[("c1", "c2"), ("c2", "c3"), ("c3", "c2", {"label": "dish"})],
    )
    window = open_window(qtbot, doc)
    window.findings_watch.run_now()
    panel = window.panel("FindingsPanel")
    inspector = window.panel("InspectorPanel")
    row = next(r for r in panel.rows() if r.text(0).startswith("BP111"))
    finding = row.data(0, Qt.ItemDataRole.UserRole)
    assert finding.elements == ("l1", "c2", "c3")
    click_row(qtbot, panel.tree, row)
    assert window.selection.ids == ("l1",)
    assert inspector.pages.currentWidget() is inspector.link_form
    assert window.scene.links["l1"].isVisible()


def test_a_card_finding_still_selects_its_cards(qtbot):  # type: ignore[no-untyped-def]
    doc = blueprint_with(
        cards=[card("c1", "customer", 0, "Orders"), card("c2", "frontstage", 0, "Takes", fail_point={})],
    )
    window = open_window(qtbot, doc)
    window.findings_watch.run_now()
    panel = window.panel("FindingsPanel")
    row = next(r for r in panel.rows() if r.text(0).startswith("BP109"))
    click_row(qtbot, panel.tree, row)
    assert window.selection.ids == ("c2",)
    assert window.panel("InspectorPanel").pages.currentWidget() is window.panel("InspectorPanel").card_form


def test_journey_gaps_of_a_fresh_template_sit_under_one_collapsed_row(qtbot):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, load_template("eight-stage"))
    steps = [step.id for _, step in window.document.blueprint.all_steps()]
    double_click(qtbot, window, cell_centre(window, "customer", steps[0]))
    editor = window.view.inplace
    qtbot.keyClicks(editor.edit, "Searches for a bike")
    key(qtbot, editor.edit, Qt.Key.Key_Return)
    findings = window.findings_watch.run_now()
    gaps = [f for f in findings if f.code == "BP108"]
    assert len(gaps) == len(steps) - 1 >= 3  # the rule is unchanged: one finding per step
    panel = window.panel("FindingsPanel")
    warnings = next(
        panel.tree.topLevelItem(i)
        for i in range(panel.tree.topLevelItemCount())
        if panel.tree.topLevelItem(i).text(0).startswith("Warnings")
    )
    [rule] = [warnings.child(i) for i in range(warnings.childCount()) if "BP108" in warnings.child(i).text(0)]
    assert rule.text(0) == f"BP108 Journey gap × {len(gaps)}"
    assert rule.childCount() == len(gaps) and not rule.isExpanded()
    look(window, "polish-findings-grouped")
    click_row(qtbot, panel.tree, rule)
    assert rule.isExpanded()
    click_row(qtbot, panel.tree, rule.child(2))
    assert window.selection.ids == (gaps[2].elements[0],)
    inspector = window.panel("InspectorPanel")
    assert inspector.pages.currentWidget() is inspector.step_form
    # a refresh (another edit) keeps the group open
    window.undo_stack.undo()
    window.undo_stack.redo()
    window.findings_watch.run_now()
    [rule] = [r for r in panel.rows() if r.parent() is not None and "BP108" in r.text(0)][:1]
    assert rule.parent().isExpanded()
    look(window, "polish-findings-open")
