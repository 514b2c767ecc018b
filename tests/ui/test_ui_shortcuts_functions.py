"""Shortcuts are never ambiguous (Qt ignores an ambiguous one), and a function typed twice is one function."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from blueprint.edit import Document
from blueprint.ui.actions import without
from blueprint.ui.canvas.editing import CanvasEditor
from blueprint.ui.main_window import MainWindow

from builders import blueprint_with, card


def test_x11_delete_binding_loses_ctrl_d_to_duplicate() -> None:
    x11_delete = [QKeySequence("Del"), QKeySequence("Ctrl+D")]
    assert [k.toString() for k in without(x11_delete, [QKeySequence("Ctrl+D")])] == ["Del"]


def test_no_two_actions_share_a_shortcut(qtbot: QtBot) -> None:
    window = MainWindow(Document(blueprint_with()))
    qtbot.addWidget(window)
    seen: dict[str, str] = {}
    for action in window.actions.all():
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} is both {seen[text]!r} and {action.text()!r}"
            seen[text] = action.text()
    assert "Ctrl+D" in seen
    window.undo_stack.setClean()


def test_a_new_function_with_an_existing_name_reuses_it(qtbot: QtBot) -> None:
    doc = Document(blueprint_with(cards=[card("c1", "frontstage", 0), card("c2", "backstage", 1)]))
    window = MainWindow(doc)
    qtbot.addWidget(window)
    editor: CanvasEditor = window.canvas_editor
    first = editor.new_function_for(["c1"], "Web shop")
    again = editor.new_function_for(["c2"], "  web SHOP ")
    assert first == again
    names = [f.name for f in window.document.blueprint.functions]
    assert names.count("Web shop") == 1 and "web SHOP" not in names
    assert window.document.blueprint.cards_by_id()["c2"].function == first
    window.undo_stack.setClean()


def test_reversing_a_backwards_link_fixes_bp106_and_undo_restores_it(qtbot: QtBot) -> None:
    from blueprint.fileformat import dumps
    from blueprint.validate import validate

    doc = Document(
        blueprint_with(
            cards=[
                card("c1", "frontstage", 0, function="team-a"),
                card("c2", "backstage", 2, function="team-b"),
            ],
            links=[("c2", "c1", {"label": "order"})],
        )
    )
    window = MainWindow(doc)
    qtbot.addWidget(window)
    before = dumps(window.document.blueprint)
    assert "BP106" in {f.code for f in validate(window.document.blueprint)}
    assert window.canvas_editor.reverse_link("l0")
    link = window.document.blueprint.links[0]
    assert (link.id, link.source, link.target, link.label) == ("l0", "c1", "c2", "order")
    assert "BP106" not in {f.code for f in validate(window.document.blueprint)}
    window.undo_stack.undo()
    assert dumps(window.document.blueprint) == before
    window.undo_stack.setClean()


def test_export_warnings_in_the_editor_name_the_dialogs_options() -> None:
    from blueprint.ui.exporting import in_dialog_words

    said = in_dialog_words("card text would print at 5.3 pt: use --fit tile, or a larger --page-size")
    assert said == "card text would print at 5.3 pt: use Fit: tile pages, or a larger page size"
