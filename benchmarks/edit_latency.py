"""Editor latency: one edit operation at N cards, and typing while the findings are re-checked.

    .venv/bin/python benchmarks/edit_latency.py [N]      # default 5,000 cards; about 20 seconds

Prints the median apply time of MoveCard and SetCardFields (and their undo), and for 20 typed
characters in the Inspector with a FindingsWatch on the same document: the UI thread's time per
key, the snapshot the debounce takes on the UI thread, and key latency while validation runs on the
worker thread.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from blueprint.edit import Document, MoveCard, SetCardFields  # noqa: E402
from blueprint.edit.snapshot import snapshot  # noqa: E402
from blueprint.fileformat import dumps  # noqa: E402


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.3f} ms (max {max(samples) * 1000:.3f})"


def time_operations(doc: Document) -> None:
    bp = doc.blueprint
    lanes = [lane.id for lane in bp.lanes]
    steps = [step.id for _, step in bp.all_steps()]
    moves, undos, sets = [], [], []
    doc.cards.invalidate()
    t = time.perf_counter()
    doc.cards.card(bp.cards[0].id)
    print(f"card index rebuild (after an add/remove, once): {(time.perf_counter() - t) * 1000:.2f} ms")
    for i in range(200):
        card = bp.cards[(i * 37) % len(bp.cards)]
        op = MoveCard(card.id, lanes[i % len(lanes)], steps[(i * 7) % len(steps)], 0)
        t = time.perf_counter()
        inverse = doc.apply(op)
        moves.append(time.perf_counter() - t)
        t = time.perf_counter()
        doc.apply(inverse)
        undos.append(time.perf_counter() - t)
        t = time.perf_counter()
        doc.apply(SetCardFields(card.id, {"title": f"Title {i}", "channel": "app"}))
        sets.append(time.perf_counter() - t)
    print(f"MoveCard apply:       {median_ms(moves)}")
    print(f"MoveCard undo:        {median_ms(undos)}")
    print(f"SetCardFields apply:  {median_ms(sets)}")
    snaps = []
    for _ in range(10):
        t = time.perf_counter()
        snapshot(bp)
        snaps.append(time.perf_counter() - t)
    print(f"snapshot (UI thread): {median_ms(snaps)}")


def time_typing(doc: Document) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent, QUndoStack
    from PySide6.QtWidgets import QApplication

    from blueprint.ui.findings_watch import FindingsWatch
    from blueprint.ui.panels import FindingsPanel, InspectorPanel
    from blueprint.ui.selection import Selection

    app = QApplication.instance() or QApplication([])
    selection, stack = Selection(), QUndoStack()
    watch = FindingsWatch(doc)
    inspector = InspectorPanel(doc, stack, selection)
    findings = FindingsPanel(doc, watch, selection)
    inspector.show()
    findings.show()
    t = time.perf_counter()
    while not (watch.is_idle() and watch.findings):
        app.processEvents()
    print(f"first check: {time.perf_counter() - t:.3f} s, {len(watch.findings)} findings")
    card_id = doc.blueprint.cards[100].id
    selection.set([card_id])
    title = inspector.card_form.title
    title.setFocus()

    def key(char: str) -> float:
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(title, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
        app.processEvents()
        return time.perf_counter() - start

    typed = [key(c) for c in "abcdefghijklmnopqrst"]  # typed faster than the debounce: no check yet
    print(f"typing 20 characters: {sum(typed) * 1000:.1f} ms of UI time, per key {median_ms(typed)}")
    # Let the debounce fire (timing what it costs the UI thread), then keep typing while the worker checks.
    fired: list[float] = []
    start_check = watch._start

    def timed_start() -> None:
        t0 = time.perf_counter()
        start_check()
        fired.append(time.perf_counter() - t0)

    watch._timer.timeout.disconnect()
    watch._timer.timeout.connect(timed_start)
    while not watch._running:
        app.processEvents()
    during = []
    while watch._running:
        during.append(key("x"))
    print(f"debounce fire on UI thread (snapshot + thread start): {fired[0] * 1000:.1f} ms")
    print(f"keys typed while validating: {len(during)}, per key {median_ms(during) if during else 'n/a'}")
    while not watch.is_idle():
        app.processEvents()
    assert "abcdefghijklmnopqrst" + "x" * len(during) in doc.card(card_id).title
    assert stack.count() == 1, "typing in one field is one undo step"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    doc = Document(generate(n))
    print(f"{len(doc.blueprint.cards)} cards, {len(doc.blueprint.links)} links")
    before = dumps(doc.blueprint)
    time_operations(doc)
    assert dumps(doc.blueprint) != before
    time_typing(doc)


if __name__ == "__main__":
    main()
