"""A big blueprint's long-lived objects are frozen out of full collections; replacing the document
unfreezes them first, and a small blueprint is left to the collector as usual."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from blueprint.edit import Document
from blueprint.ui import heap

from builders import blueprint_with, card


@pytest.fixture(autouse=True)
def _unfrozen_afterwards() -> Iterator[None]:
    yield
    gc.unfreeze()


def _document(cards: int) -> Document:
    return Document(
        blueprint_with(cards=[card(f"c{i}", "frontstage", i % 3, f"Card {i}") for i in range(cards)])
    )


def test_a_big_document_is_frozen_and_a_small_one_unfreezes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heap, "BIG", 20)
    assert heap.settle(_document(25)) is True
    assert gc.get_freeze_count() > 0
    assert heap.settle(_document(5)) is False
    assert gc.get_freeze_count() == 0


def test_the_window_settles_after_each_document_it_shows(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject, Signal

    class Window(QObject):
        document_replaced = Signal()

        def __init__(self) -> None:
            super().__init__()
            self.document = _document(5)

    settled: list[int] = []
    monkeypatch.setattr(heap, "settle", lambda document: settled.append(len(document.blueprint.cards)))
    window = Window()
    heap.keep_pauses_short(window)
    qtbot.waitUntil(lambda: settled == [5])
    window.document = _document(7)
    window.document_replaced.emit()
    qtbot.waitUntil(lambda: settled == [5, 7])
