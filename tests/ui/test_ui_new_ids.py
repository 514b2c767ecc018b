"""Every element the editor makes gets a fresh random id (`step-7f3a9c`), never a counted one that a
colleague's copy of the file would also make (`step-1`)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

import blueprint.ui.improvements as improvements_module
from blueprint.edit import Document
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.improvements import plan_improvement
from blueprint.ui.selection import Selection

from builders import blueprint_with, card
from ui_gestures import open_window


@pytest.mark.usefixtures("qapp")
def test_the_canvas_makes_random_ids_for_every_kind() -> None:
    document = Document(blueprint_with(cards=[card("a", "customer", 0), card("b", "frontstage", 1)]))
    editor = CanvasEditor(document, QUndoStack(), Selection())
    made = {
        "card": editor.add_card("customer", "step1", "Waits"),
        "link": editor.add_link("a", "b"),
        "step": editor.insert_step("step0", after=True),
        "stage": editor.insert_stage("stage", after=True),
        "support": editor.insert_lane("support", "support", after=True),
        "kitchen": editor.new_function_for(["a"], "Kitchen"),
    }
    for prefix, element_id in made.items():
        assert element_id is not None and re.fullmatch(rf"{prefix}-[0-9a-f]{{6}}", element_id), element_id
    new_stage = document.blueprint.stages[-1]
    assert re.fullmatch(r"step-[0-9a-f]{6}", new_stage.steps[0].id)


def test_plans_views_and_functions_made_in_the_window_get_random_ids(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(qtbot, blueprint_with(cards=[card("a", "customer", 0)]))
    monkeypatch.setattr(improvements_module.QInputDialog, "getText", lambda *a, **k: ("Faster", True))
    plan = plan_improvement(window, window.document, window.undo_stack, window.selection, ["a"])
    view = window.views.save_current_as("For the kitchen")
    functions = next(p for p in window.panels if p.objectName() == "functions")
    functions.add_function()
    function = window.document.blueprint.functions[-1].id
    made = {"plan": plan, "view": view, "function": function}
    for prefix, element_id in made.items():
        assert element_id is not None and re.fullmatch(rf"{prefix}-[0-9a-f]{{6}}", element_id), element_id
