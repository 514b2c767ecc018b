"""The main window's status bar: counts, findings, zoom, and one-line messages that stay readable.

A message (e.g. why an edit was refused) is held for its few seconds: menus send an empty status tip
when they close or when the pointer leaves an item with a tip, which would otherwise wipe it at once.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QLabel, QMainWindow

from blueprint.ui.findings_digest import digest

MESSAGE_MS = 6000
CHECKING = "Checking…"
STALE = " (checking…)"  # after the last check's counts, while an edit waits for its check
HINT = "Double-click a cell to add a card; right-click a card, a lane name or a header for more"


class StatusBarMixin:
    """Status bar of MainWindow (`self` is the window: document, undo_stack, view, scene, findings_watch)."""

    _held_text = ""
    _held_until = 0.0

    def _build_status_bar(self) -> None:
        bar = self.statusBar()  # type: ignore[attr-defined]
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.counts_label.setToolTip("Cards and links in the blueprint")
        self.findings_label = QLabel(CHECKING)
        self.findings_label.setObjectName("findingsLabel")
        self.findings_label.setToolTip("Hand-off findings (see the Findings panel)")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setToolTip("Zoom (Ctrl+wheel, Ctrl+plus, Ctrl+minus; Ctrl+0 fits the window)")
        for label in (self.counts_label, self.findings_label, self.zoom_label):
            bar.addPermanentWidget(label)
        self._show_zoom(self.view.zoom)  # type: ignore[attr-defined]

    def _update_counts(self, *_: object) -> None:
        bp = self.document.blueprint  # type: ignore[attr-defined]
        cards, links = len(bp.cards), len(bp.links)
        self.counts_label.setText(f"{cards} card{'s' * (cards != 1)} · {links} link{'s' * (links != 1)}")
        bar = self.statusBar()  # type: ignore[attr-defined]
        if cards == 0:
            bar.showMessage(HINT)
        elif bar.currentMessage() == HINT:
            bar.clearMessage()

    def _on_checking(self) -> None:
        """Another document: nothing is known of its findings until its first check is done."""
        self.findings_label.setText(CHECKING)

    def _on_stale(self) -> None:
        """An edit: the counts shown are the last check's until the next one is done."""
        text = self.findings_label.text()
        if text != CHECKING and not text.endswith(STALE):
            self.findings_label.setText(text + STALE)

    def _on_findings(self, findings: list) -> None:  # type: ignore[type-arg]
        made = self.findings_watch.digest  # type: ignore[attr-defined]
        if made is None or made.findings is not findings:  # not digested: worked out here
            made = digest(findings, self.scene.layout.cards)  # type: ignore[attr-defined]
        self.scene.show_badges(made.badges, made.badge_changes, made.base_badges)  # type: ignore[attr-defined]
        counts = made.counts
        if not findings:
            self.findings_label.setText("No findings")
        else:
            plural = {"error": "errors", "warning": "warnings", "info": "info"}
            parts = [f"{n} {plural[k] if n != 1 else k}" for k, n in counts.items() if n]
            self.findings_label.setText("Findings: " + ", ".join(parts))

    def show_message(self, text: str, ms: int = MESSAGE_MS) -> None:
        """A one-line message in the status bar for a few seconds (e.g. why an edit was refused)."""
        self._held_text = text
        self._held_until = time.monotonic() + ms / 1000
        self.statusBar().showMessage(text, ms)  # type: ignore[attr-defined]
        QTimer.singleShot(0, self._show_held_if_blank)  # a menu still open clears the bar as it closes

    def _show_held_if_blank(self) -> None:
        held = self.held_message()
        if held and not self.statusBar().currentMessage():  # type: ignore[attr-defined]
            remaining = max(1, round((self._held_until - time.monotonic()) * 1000))
            self.statusBar().showMessage(held, remaining)  # type: ignore[attr-defined]

    def held_message(self) -> str:
        """The message still within its seconds ("" when none)."""
        return self._held_text if time.monotonic() < self._held_until else ""

    def _show_zoom(self, factor: float) -> None:
        self.zoom_label.setText(f"{round(factor * 100)}%")

    def event(self, event: QEvent) -> bool:
        """An empty status tip (a menu closing) brings the held message back instead of a blank bar."""
        tip = isinstance(event, QStatusTipEvent) and event.type() == QEvent.Type.StatusTip
        if tip and not event.tip() and self.held_message():
            self.statusBar().clearMessage()  # type: ignore[attr-defined]
            self._show_held_if_blank()
            return True
        return QMainWindow.event(self, event)  # type: ignore[arg-type]
