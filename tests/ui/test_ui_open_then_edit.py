"""Opening a big blueprint shows it first and does the rest after the paint (the label memo, the
Functions panel's hand-off count, the items out of sight); a designer who edits at once, before any
of that ran, gets the same canvas and panels as one who waited."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from blueprint.edit import MoveCard
from blueprint.fileformat import save
from blueprint.ui.canvas.scene import BlueprintScene
from blueprint.ui.main_window import MainWindow
from blueprint.ui.panels import functions as functions_module
from blueprint.ui.selection import Selection
from blueprint.ui.worker import run_on

import generated as _generator


def test_an_edit_right_after_opening_a_big_file_is_shown_as_a_fresh_canvas(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts: list[str] = []  # the hand-off counts started on a worker thread
    monkeypatch.setattr(
        functions_module, "run_on", lambda name, job: (counts.append(name), run_on(name, job))
    )
    path = tmp_path / "big.blueprint"
    save(_generator.generate(900), path)  # 900 cards, 1,350 links: counted and made after the paint
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    functions = window.panel("FunctionsPanel")
    assert functions is not None
    functions.raise_()  # in front of the Inspector it shares a tab with: it counts hand-offs
    qtbot.waitUntil(functions.isVisible)
    assert window.open_path(path)
    scene, document = window.scene, window.document
    assert functions.counts.text() == "Counting…"
    assert counts == []  # no snapshot taken and no thread sharing the interpreter with the paint
    assert not scene.complete  # the items right of the first view are made after the paint
    card = document.blueprint.cards[len(document.blueprint.cards) // 2]
    steps = [step.id for _, step in document.blueprint.all_steps()]
    there = steps[steps.index(card.step) + 1]
    window.canvas_editor.run(MoveCard(card.id, card.lane, there))  # before any turn of the event loop
    assert document.card(card.id).step == there
    assert scene.layout.cards[card.id].step_id == there
    qtbot.waitUntil(lambda: scene.complete and not scene.has_behind, timeout=20_000)
    window.canvas_editor.run(MoveCard(card.id, card.lane, card.step))  # and back, with the memo made
    qtbot.waitUntil(lambda: not scene.has_behind, timeout=20_000)
    fresh = BlueprintScene(document, Selection())
    while not fresh.complete:
        fresh._make_more()
    assert scene.layout == fresh.layout
    assert dict.keys(scene.cards) == dict.keys(fresh.cards)
    assert dict.keys(scene.links) == dict.keys(fresh.links)
    assert all(item.card_box is scene.layout.cards[i] for i, item in dict.items(scene.cards))
    assert all(item.route is scene.layout.routes[i] for i, item in dict.items(scene.links))
    fresh.detach()
    # the hand-offs are counted after the paint, for the document as edited
    qtbot.waitUntil(lambda: "received" in functions.counts.text(), timeout=20_000)
    assert counts
    assert functions.list.count() == len(document.blueprint.functions)
    window.undo_stack.setClean()  # closing asks nothing
