"""The customer's time of the open document, kept up to date beside the editor, and shown: the badge on
customer cards over their tolerance, the journey's time in the status bar, the time and chain at the
card the Inspector shows.

The sums follow every chain of flow links back from each customer card; at 5,000 cards that is more
than an edit may cost on the UI thread, so it runs as the findings do (`FindingsWatch`): after the
edits pause, on a worker thread, from a snapshot of the document, a result the document has moved on
from being dropped. The cards over their tolerance, and which of them changed since the last result,
are worked out there too (`OverDigest`): at 40,000 cards that was 20-40 ms on the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from blueprint.edit import Document
from blueprint.export.time_words import over_by, total
from blueprint.graph import build_graph, release_graph
from blueprint.graph.timing import Timing, customer_time
from blueprint.model import Blueprint
from blueprint.ui.after_paint import after_paint
from blueprint.ui.findings_digest import changed_keys
from blueprint.ui.findings_watch import FindingsWatch

if TYPE_CHECKING:
    from blueprint.ui.main_window import MainWindow

WORKING = "Customer's time: …"
LABEL_TIP = (
    "The customer's time over the whole journey: the time at each customer card added up (the longest "
    "chain of work that leads to it, with waits). Incomplete: some card of a chain has no duration."
)


@dataclass(frozen=True, eq=False)
class OverDigest:
    """The customer cards over their tolerance (id -> "3.5 min over the tolerance of 5 min") of a
    Timing, and those that differ from `base_over`'s (the last result's)."""

    timing: Timing
    over: dict[str, str]
    base_over: dict[str, str] | None = None
    changes: tuple[str, ...] = ()


class TimingWatch(FindingsWatch):
    """`timing` is the Timing of the document (None until the first computation is done)."""

    def __init__(self, document: Document, parent: QObject | None = None, delay_ms: int = 300) -> None:
        super().__init__(document, parent, delay_ms, validator=_customer_time)

    @property
    def timing(self) -> Timing | None:
        return self.findings if self.has_result() else None  # type: ignore[return-value]

    def make_digest(self, findings: Any, blueprint: Blueprint, base: Any) -> OverDigest:
        """On the worker thread: the cards over their tolerance, against the last result's."""
        over = over_tolerance(findings)
        if not isinstance(base, OverDigest):
            return OverDigest(findings, over)
        return OverDigest(findings, over, base.over, changed_keys(base.over, over))


def _customer_time(bp: Blueprint) -> Timing:
    """`customer_time`, its graph let go of a card at a time (`release_graph`: the UI thread may run
    meanwhile; freed at once it held the interpreter for about 50 ms at 40,000 cards)."""
    graph = build_graph(bp)
    try:
        return customer_time(bp, graph)
    finally:
        release_graph(graph)


def over_tolerance(timing: Timing) -> dict[str, str]:
    """The customer cards over their tolerance, with the words for their badge's tooltip."""
    return {t.card_id: over_by(t) for t in timing.cards if t.over}


class TimingDisplay(QObject):
    """Connects a window's TimingWatch to its canvas, Inspector and status bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.watch = TimingWatch(window.document, self)
        self.label = QLabel(WORKING)
        self.label.setObjectName("timeLabel")
        self.label.setToolTip(LABEL_TIP)
        window.statusBar().insertPermanentWidget(0, self.label)
        self.watch.updated.connect(self.show)
        self.watch.checking.connect(self._forget)

    def set_document(self, document: Document) -> None:
        """Follow another document; its first sums wait until it is painted (as the findings do)."""
        self.watch.set_document(document, start=False)
        after_paint(self.window.view.viewport(), self.watch.start_due)

    def stop(self) -> None:
        self.watch.stop()

    def _forget(self) -> None:
        """Another document: nothing is known of its time until its first result."""
        self.label.setText(WORKING)
        inspector = self.window.panel("InspectorPanel")
        if inspector is not None:
            inspector.set_timing(None)  # type: ignore[attr-defined]

    def show(self, timing: Timing) -> None:
        """A new result: badges on the cards over their tolerance, the journey, the Inspector."""
        window = self.window
        made = self.watch.digest
        if isinstance(made, OverDigest) and made.timing is timing:
            window.scene.set_over_tolerance(made.over, made.changes, made.base_over)
        else:
            window.scene.set_over_tolerance(over_tolerance(timing))
        self.label.setVisible(bool(timing.cards))
        self.label.setText(f"Customer's time: {total(timing.minutes, timing.incomplete)}")
        inspector = window.panel("InspectorPanel")
        if inspector is not None:
            inspector.set_timing(timing)  # type: ignore[attr-defined]
