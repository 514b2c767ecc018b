"""The Functions and Findings panels driven as a person would, checked against the document model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QColorDialog, QMessageBox

from blueprint.edit import Document, SetCardFields
from blueprint.fileformat import dumps, load
from blueprint.ui.findings_watch import FindingsWatch
from blueprint.ui.panels import FindingsPanel, FunctionsPanel, InspectorPanel
from blueprint.ui.selection import Selection

from builders import blueprint_with, card
from ui_gestures import wheel


@pytest.fixture
def document() -> Document:
    return Document(
        blueprint_with(
            cards=[
                card("c1", "customer", 0, "Orders"),
                card("c2", "frontstage", 0, "Takes order", function="team-a"),
                card("c3", "backstage", 1, "Cooks", function="team-b"),
                card("c4", "backstage", 2, "Packs", function="team-b"),
                card("c5", "frontstage", 2, "Hands over", function="team-a"),
            ],
            links=[
                ("c1", "c2"),
                ("c2", "c3", {"label": "ticket"}),
                ("c3", "c4"),
                ("c4", "c5", {"label": "bag"}),
            ],
        )
    )


@pytest.fixture
def functions(qtbot, document: Document) -> FunctionsPanel:
    panel = FunctionsPanel(document, QUndoStack(), Selection())
    qtbot.addWidget(panel)
    panel.resize(420, 500)
    panel.show()
    return panel


def click_row(qtbot, view, item) -> None:
    rect = view.visualItemRect(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_add_and_rename_a_function(qtbot, functions: FunctionsPanel, document: Document) -> None:
    qtbot.mouseClick(functions.add_button, Qt.MouseButton.LeftButton)
    added = document.blueprint.functions[-1]
    assert added.name == "New function" and functions.current_id() == added.id
    qtbot.keyClicks(functions.name, "Drive-through")  # the new name is selected: typing replaces it
    assert document.blueprint.functions[-1].name == "Drive-through"
    assert functions.undo_stack.count() == 2  # add, then one merged rename
    functions.undo_stack.undo()
    assert document.blueprint.functions[-1].name == "New function"
    assert functions.list.item(functions.list.count() - 1).text() == "New function"


def test_recolour_a_function(qtbot, functions: FunctionsPanel, document: Document, monkeypatch) -> None:
    monkeypatch.setattr(QColorDialog, "getColor", staticmethod(lambda *args: QColor("#2e7d32")))
    click_row(qtbot, functions.list, functions.list.item(1))
    assert functions.current_id() == "team-b"
    qtbot.mouseClick(functions.colour_button, Qt.MouseButton.LeftButton)
    assert document.blueprint.functions_by_id()["team-b"].color == "#2E7D32"


def test_remove_asks_naming_the_cards_and_undo_gives_them_back(
    qtbot, functions: FunctionsPanel, document: Document, monkeypatch
) -> None:
    asked = []

    def answer(parent, title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    before = dumps(document.blueprint)
    click_row(qtbot, functions.list, functions.list.item(0))
    qtbot.mouseClick(functions.remove_button, Qt.MouseButton.LeftButton)
    assert asked == ["Remove 'Team A'? It owns 2 cards; they will have no function."]
    assert "team-a" not in document.blueprint.functions_by_id()
    assert document.card("c2").function is None
    functions.undo_stack.undo()
    assert dumps(document.blueprint) == before


def test_shows_upstream_and_downstream_functions(qtbot, functions: FunctionsPanel) -> None:
    click_row(qtbot, functions.list, functions.list.item(1))
    assert functions.upstream.text() == "Team A (1)"
    assert functions.downstream.text() == "Team A (1)"
    click_row(qtbot, functions.list, functions.list.item(2))
    assert functions.upstream.text() == "nobody" and functions.counts.text() == "0 received, 0 passed on"


def test_clicking_a_finding_selects_and_centres_its_cards(qtbot, repo) -> None:
    document = Document(load(repo / "samples" / "broken-handoffs.blueprint"))
    selection = Selection()
    watch = FindingsWatch(document, delay_ms=20)
    panel = FindingsPanel(document, watch, selection)
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.show()
    qtbot.waitUntil(lambda: watch.is_idle() and bool(watch.findings), timeout=5000)
    assert panel.windowTitle() == f"Findings ({len(watch.findings)})"
    group = panel.tree.topLevelItem(0)
    assert group.text(0).startswith("Errors (")
    item = group.child(0)
    finding = item.data(0, Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(selection.centre_requested) as centred:
        click_row(qtbot, panel.tree, item)
    assert selection.ids == tuple(dict.fromkeys(finding.elements))
    assert centred.args == [selection.ids]


def test_findings_follow_edits_made_in_the_inspector(qtbot) -> None:
    document = Document(blueprint_with(cards=[card("c1", "frontstage", 0, "Greets", function="team-a")]))
    selection, stack = Selection(), QUndoStack()
    watch = FindingsWatch(document, delay_ms=20)
    findings = FindingsPanel(document, watch, selection)
    inspector = InspectorPanel(document, stack, selection)
    for panel in (findings, inspector):
        qtbot.addWidget(panel)
        panel.show()
    qtbot.waitUntil(watch.is_idle, timeout=5000)
    before = {f.code for f in watch.findings}
    selection.set(["c1"])
    inspector.card_form.function.setFocus()
    qtbot.keyClick(inspector.card_form.function, Qt.Key.Key_Home)  # "No function"
    assert document.card("c1").function is None
    qtbot.waitUntil(lambda: watch.is_idle() and {f.code for f in watch.findings} != before, timeout=5000)
    unowned = [f for f in watch.findings if "c1" in f.elements and f.code not in before]
    assert unowned, "removing the owner of a frontstage card must raise a finding"
    assert "c1" in watch.findings_by_element()
    document.apply(SetCardFields("c1", {"function": "team-a"}))
    qtbot.waitUntil(lambda: watch.is_idle() and {f.code for f in watch.findings} == before, timeout=5000)


def test_kind_combo_and_select_cards(qtbot, functions: FunctionsPanel, document: Document) -> None:
    click_row(qtbot, functions.list, functions.list.item(1))
    functions.kind.setFocus()
    qtbot.keyClick(functions.kind, Qt.Key.Key_End)
    assert document.blueprint.functions_by_id()["team-b"].kind == "partner"
    with qtbot.waitSignal(functions.selection.centre_requested):
        qtbot.mouseClick(functions.cards_button, Qt.MouseButton.LeftButton)
    assert functions.selection.ids == ("c3", "c4")


def test_the_wheel_over_the_kind_box_changes_nothing(
    qtbot, functions: FunctionsPanel, document: Document
) -> None:
    """A wheel turned with the pointer passing over the Kind box changed the function's kind."""
    click_row(qtbot, functions.list, functions.list.item(1))
    functions.list.setFocus()
    wheel(functions.kind, -1)
    wheel(functions.kind, -1)
    assert document.blueprint.functions_by_id()["team-b"].kind == "team"
    assert functions.undo_stack.count() == 0


def test_an_empty_function_name_is_refused(qtbot, functions: FunctionsPanel, document: Document) -> None:
    click_row(qtbot, functions.list, functions.list.item(0))
    qtbot.mouseClick(functions.name, Qt.MouseButton.LeftButton)
    qtbot.keyClick(functions.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(functions.name, Qt.Key.Key_Delete)
    assert functions.error.text() == "Name cannot be empty" and not functions.error.isHidden()
    assert document.blueprint.functions[0].name == "Team A"


def test_hand_offs_are_counted_when_the_panel_shows(qtbot, document: Document) -> None:
    panel = FunctionsPanel(document, QUndoStack(), Selection())
    qtbot.addWidget(panel)
    panel.list.setCurrentRow(1)
    assert panel.upstream.text() == ""  # hidden (e.g. tabbed behind the Inspector): nothing counted
    panel.show()
    assert panel.upstream.text() == "Team A (1)"
    document.apply(SetCardFields("c3", {"function": "team-c"}))
    qtbot.waitUntil(lambda: panel.upstream.text() == "Team C (1)", timeout=3000)


def test_every_control_has_a_tooltip(qtbot, document: Document) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QCalendarWidget,
        QComboBox,
        QDateEdit,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTreeWidget,
    )

    selection, stack = Selection(), QUndoStack()
    watch = FindingsWatch(document, delay_ms=20)
    panels = [
        InspectorPanel(document, stack, selection),
        FunctionsPanel(document, stack, selection),
        FindingsPanel(document, watch, selection),
    ]
    controls = (QAbstractButton, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QTreeWidget)
    found = 0
    for panel in panels:
        qtbot.addWidget(panel)
        children = [c for kind in controls for c in panel.widget().findChildren(kind)]
        for control in children:
            if isinstance(control, QLineEdit) and isinstance(control.parent(), QComboBox | QDateEdit):
                continue
            if _inside(control, QCalendarWidget):  # Qt's own calendar (the due date's pop-up)
                continue
            found += 1
            assert control.toolTip(), f"{type(control).__name__} {control.objectName()!r} has no tooltip"
    assert found > 30


def _inside(widget, kind) -> bool:  # type: ignore[no-untyped-def]
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, kind):
            return True
        parent = parent.parentWidget()
    return False
