"""The open document: owns the blueprint, applies operations, tells observers what changed.

The canvas and the panels subscribe here and never change the model themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from blueprint.edit.card_index import CardIndex
from blueprint.edit.change import Change
from blueprint.edit.operations.base import Operation, apply_op
from blueprint.edit.snapshot import Snapshots
from blueprint.fileformat import DiskState
from blueprint.model import Blueprint, Card, Improvement, Link

Observer = Callable[[Change], None]
Recorder = Callable[[Operation], None]
Preparer = Callable[[], None]


class Document:
    """A blueprint being edited, with cheap look-ups kept up to date."""

    def __init__(
        self,
        blueprint: Blueprint,
        path: Path | None = None,
        *,
        disk: DiskState | None = None,
        source: bytes | None = None,
    ) -> None:
        self.blueprint = blueprint
        self.path = path
        #: The file at `path` as it was read or last saved (Save asks before replacing another change).
        self.disk = disk
        #: Text that loads as the blueprint this document started from (the file as read or last saved):
        #: crash recovery copies it, and journals the edits made since, instead of writing the whole
        #: document again. None when there is no such text (a template, a repaired file).
        self.source = source
        self._observers: list[Observer] = []
        self._recorders: list[Recorder] = []
        self._preparers: list[Preparer] = []
        #: Cards and links by id, card positions, cells and each card's links, kept by the operations.
        self.cards = CardIndex(blueprint)
        self._edits = 0  # operations applied so far
        self._snapshots = Snapshots()
        self._snapshot: tuple[int, Blueprint] | None = None
        #: Ids of the cards and links edited since the last snapshot; whether anything else was.
        self._touched: set[str] = set()
        self._frame_touched = True

    # --- editing ------------------------------------------------------------------------------------

    def apply(self, op: Operation) -> Operation:
        """Apply `op` (EditError leaves everything unchanged), notify observers, return the inverse."""
        for preparer in list(self._preparers):  # work beside the editor that reads the blueprint ends
            preparer()
        inverse = apply_op(op, self.blueprint, self.cards)
        self._edits += 1
        for recorder in list(self._recorders):  # first: crash recovery writes the edit down at once
            recorder(op)
        change = op.affects() | inverse.affects()
        self._touched |= change.ids
        if change.structural or change.kinds - {"card", "link"}:
            self._frame_touched = True
        for observer in list(self._observers):
            observer(change)
        return inverse

    def subscribe(self, observer: Observer) -> Callable[[], None]:
        """Call `observer(change)` after every applied operation; returns the unsubscribe function."""
        self._observers.append(observer)

        def unsubscribe() -> None:
            if observer in self._observers:
                self._observers.remove(observer)

        return unsubscribe

    def before_apply(self, preparer: Preparer) -> Callable[[], None]:
        """Call `preparer()` at the start of every `apply`, before the blueprint changes; returns the
        function that stops it. The canvas works out the exact layout of a lane-shifting edit on a
        worker thread that reads the blueprint (`ui/canvas/pending.py`): the next edit waits for it
        here rather than change the blueprint under it."""
        self._preparers.append(preparer)

        def stop() -> None:
            if preparer in self._preparers:
                self._preparers.remove(preparer)

        return stop

    def record(self, recorder: Recorder) -> Callable[[], None]:
        """Call `recorder(op)` with every operation applied from now on (undo and redo included), in
        order, before any observer; returns the function that stops it."""
        self._recorders.append(recorder)

        def stop() -> None:
            if recorder in self._recorders:
                self._recorders.remove(recorder)

        return stop

    def snapshot(self) -> Blueprint:
        """A frozen copy of the blueprint as it is now, for work beside the editor (the findings and the
        hand-off counts run on worker threads). Everyone who asks before the next edit gets the same
        copy, and each copy shares with the last one every element no edit touched."""
        if self._snapshot is None or self._snapshot[0] != self._edits:
            touched = [e for i in self._touched if (e := self.card(i) or self.link(i)) is not None]
            copy = self._snapshots.take(self.blueprint, touched, self._frame_touched)
            self._snapshot = (self._edits, copy)
            self._touched, self._frame_touched = set(), False
        return self._snapshot[1]

    # --- look-ups -----------------------------------------------------------------------------------

    def card(self, card_id: str) -> Card | None:
        return self.cards.card(card_id)

    def cell(self, lane_id: str, step_id: str) -> list[str]:
        """Ids of the cards of a cell, top to bottom (do not modify)."""
        return self.cards.cell(lane_id, step_id)

    def link(self, link_id: str) -> Link | None:
        return self.cards.link(link_id)

    def links_of(self, card_id: str) -> list[Link]:
        """Links that start or end at the card, in file order."""
        return list(self.cards.links_of(card_id))

    def kind_of(self, element_id: str) -> str | None:
        """ "card", "link", "lane", "stage", "step", "function", "improvement" or None for an unknown
        id."""
        if self.card(element_id) is not None:
            return "card"
        if self.link(element_id) is not None:
            return "link"
        bp = self.blueprint
        if any(lane.id == element_id for lane in bp.lanes):
            return "lane"
        for stage in bp.stages:
            if stage.id == element_id:
                return "stage"
            if any(step.id == element_id for step in stage.steps):
                return "step"
        if any(function.id == element_id for function in bp.functions):
            return "function"
        if any(plan.id == element_id for plan in bp.improvements):
            return "improvement"
        return None

    def improvement(self, improvement_id: str) -> Improvement | None:
        return next((plan for plan in self.blueprint.improvements if plan.id == improvement_id), None)
