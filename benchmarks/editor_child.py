"""One editor measurement in a fresh process (run by run.py; prints one JSON line).

    QT_QPA_PLATFORM=offscreen python benchmarks/editor_child.py MODE FILE [--repeats K]   # MODE: see below

- scene: building the canvas scene (layout included) for the loaded document; first build is warm-up.
- move: cards moved to a neighbouring step and back (three cards, see `stages.sample_moves`; the
  first two moves are warm-up), as the canvas does it (an operation
  pushed on the undo stack; the scene re-lays out and updates its items), then the event loop runs
  until the view has repainted what changed. The main window is 1400 x 900, the view centred on the
  card; before each move the debounced findings re-check of the previous one is let finish. Also
  reports how long after each move the re-checked findings were shown (debounce included) and the
  longest single turn of the event loop meanwhile (the longest the editor did not answer).
- edits: every other kind of edit (`edits.KINDS`: add, delete, rename, link, change function), each
  pushed as the editor does and timed to the repaint, then undone untimed; as for `move`.
- drag: a card dragged continuously: a mouse move every 16 ms for 2 s (wall clock), counting the
  frames the view painted against the moves sent.
- memory: the file opened in the real main window (or, before it exists, a view on the scene),
  shown and painted; peak resident memory of the whole process (ru_maxrss), and the time from
  `open_path` to the first paint of the window (one run: the process must be fresh for the memory).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
#: The clock of every measurement (set from --clock).
now = time.process_time


def emit(result: dict[str, Any]) -> None:
    result["maxrss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps(result), flush=True)


def not_built(why: str) -> int:
    emit({"status": "n/a", "why": why})
    return 0


def editor_parts():  # -> (ensure_app, Document, Selection, BlueprintScene, BlueprintView, CanvasEditor)
    from blueprint.edit import Document
    from blueprint.ui.app import ensure_app
    from blueprint.ui.canvas.editing import CanvasEditor
    from blueprint.ui.canvas.scene import BlueprintScene
    from blueprint.ui.canvas.view import BlueprintView
    from blueprint.ui.selection import Selection

    return ensure_app, Document, Selection, BlueprintScene, BlueprintView, CanvasEditor


def open_view(path: Path, timing: dict[str, float] | None = None):  # -> (app, window, view, scene, editor)
    """The editor on `path`, shown 1400 x 900: the main window when it exists, else a bare view.
    `timing["open"]` gets the time from asking the shown window to open the file to its first paint."""
    ensure_app, Document, Selection, BlueprintScene, BlueprintView, CanvasEditor = editor_parts()
    app = ensure_app()
    try:
        from blueprint.ui.main_window import MainWindow
    except ImportError:
        MainWindow = None
    if MainWindow is not None:
        window = MainWindow()
        try:  # as the editor does (`open_editor`): long-lived objects frozen once the file is open
            from blueprint.ui.heap import keep_pauses_short

            keep_pauses_short(window)
        except ImportError:
            pass
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        started = now()
        window.open_path(path)
        app.processEvents()
        window.repaint()
        if timing is not None:
            timing["open"] = now() - started
        view = window.findChild(BlueprintView)
        complete(app, view.scene())
        return app, window, view, view.scene(), view.editor
    from PySide6.QtGui import QUndoStack

    from blueprint.fileformat import load

    document = Document(load(path), path)
    selection = Selection()
    scene = BlueprintScene(document, selection)
    editor = CanvasEditor(document, QUndoStack(), selection)
    view = BlueprintView(scene, editor)
    view.resize(1400, 900)
    view.show()
    app.processEvents()
    return app, view, view, scene, editor


def complete(app, scene) -> None:  # type: ignore[no-untyped-def]
    """Let a big blueprint's scene make the items it makes after the first paint (see `_AT_ONCE` in
    the scene), so that what is measured next meets the whole scene."""
    while not getattr(scene, "complete", True):
        app.processEvents()


def measure_scene(path: Path, repeats: int) -> dict[str, Any]:
    ensure_app, Document, Selection, BlueprintScene, *_ = editor_parts()
    from blueprint.fileformat import load

    ensure_app()
    blueprint = load(path)
    runs = []
    for i in range(repeats + 1):
        document, selection = Document(blueprint, path), Selection()
        start = now()
        scene = BlueprintScene(document, selection)
        while not getattr(scene, "complete", True):  # the items made after a first paint, too
            scene._make_more()
        elapsed = now() - start
        items = len(scene.items())
        scene.detach()
        del scene
        if i:
            runs.append(elapsed)
    return {"status": "ok", "runs": runs, "items": items}


class PaintCounter:
    """Counts paint events of a widget (to show that the move was repainted)."""

    def __init__(self, widget) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self.filter = Filter()
        widget.installEventFilter(self.filter)


def measure_move(path: Path, repeats: int) -> dict[str, Any]:
    from blueprint.edit.operations.cards import MoveCard

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from stages import move_for, sample_moves

    app, window, view, scene, editor = open_view(path)
    moves = sample_moves(editor.document.blueprint)
    quiet = Quiet(app, window)

    paints = PaintCounter(view.viewport())
    parts = Breakdown(scene)
    runs: list[float] = []
    pauses: list[float] = []  # the longest turn of the event loop in the checks after each move
    rechecks: list[float] = []  # from the end of a move to its findings shown (wall clock)
    steady_moves: list[float] = []  # moves that left every lane's height as it was
    lane_moves: list[float] = []  # moves that changed a lane's height: every lane below it moves
    total = 2 * len(moves) * max(1, -(-(repeats + 2) // (2 * len(moves))))  # every card comes back
    for i in range(total):
        move, step = move_for(moves, i)
        if i % 2 == 0:
            view.centerOn(scene.cards[move.card_id])
        pause, shown = quiet.settle()
        if i >= 3:  # the pause after the previous move (measured ones only)
            pauses.append(pause)
            if shown is not None:
                rechecks.append(shown)
        card_id = move.card_id
        before = paints.count
        heights = [band.band.h for band in scene.layout.lanes]
        parts.start()
        start = now()
        if not editor.run(MoveCard(card_id, move.lane_id, step)):
            return {"status": "failed", "why": "the move was refused"}
        painting = now()
        app.processEvents()
        elapsed = now() - start
        quiet.edited()
        parts.add("repaint", now() - painting)
        if editor.document.card(card_id).step != step:
            return {"status": "failed", "why": "the card did not move"}
        if paints.count == before:
            return {"status": "failed", "why": "the view did not repaint after the move"}
        if i >= 2:
            runs.append(elapsed)
            parts.keep()
            shifting = heights != [band.band.h for band in scene.layout.lanes]
            (lane_moves if shifting else steady_moves).append(elapsed)
    return {
        "status": "ok",
        "runs": runs,
        "paints": paints.count,
        "parts": parts.medians(),
        "kinds": {"steady": steady_moves, "shifting": lane_moves},
        "pauses": pauses,
        "rechecks": rechecks,
    }


class Quiet:
    """Lets the debounced findings re-check of the last edit (worker thread) finish, and the exact
    layout of a lane-shifting edit shown from a preview (`canvas/pending.py`) replace it, so each edit
    starts from a quiet editor: the edit's latency is measured, not the background work it schedules.
    Measures meanwhile the longest single turn of the event loop (the longest the editor stopped
    answering while that work ran: the exact layout's turn, snapshot and results on the UI thread,
    collections) and how long after the edit the new findings were shown (wall clock, the 300 ms
    debounce included)."""

    def __init__(self, app, window) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.window = window
        self.watch = getattr(window, "findings_watch", None)
        self.edited_at: float | None = None
        self.shown_at: float | None = None
        if self.watch is not None:
            self.watch.updated.connect(self._shown)

    def _shown(self, _findings: object) -> None:
        self.shown_at = time.perf_counter()

    def _layout_pending(self) -> bool:
        """The canvas shows a preview whose exact layout is still to come (the window's scene now: a
        file opened since may have replaced it; a bare view's own)."""
        scene = getattr(self.window, "scene", None)
        if callable(scene):
            scene = scene()
        return bool(getattr(scene, "exact_pending", False))

    def edited(self) -> None:
        self.edited_at, self.shown_at = time.perf_counter(), None

    def settle(self, limit: float = 120.0) -> tuple[float, float | None]:
        """(longest turn of the event loop, seconds from the edit to its findings shown or None)."""
        deadline = time.monotonic() + limit
        longest = 0.0

        def turn() -> None:
            nonlocal longest
            started = time.perf_counter()
            self.app.processEvents()
            longest = max(longest, time.perf_counter() - started)

        turn()
        watch = self.watch
        while (
            (watch is not None and not watch.is_idle()) or self._layout_pending()
        ) and time.monotonic() < deadline:
            time.sleep(0.005)
            turn()
        turn()
        shown = None
        if self.edited_at is not None and self.shown_at is not None:
            shown = self.shown_at - self.edited_at
        self.edited_at = None
        return longest, shown


def measure_edits(path: Path, repeats: int) -> dict[str, Any]:
    """Each kind of `edits.KINDS`, pushed as the editor pushes it and timed to the repaint; undone
    (untimed) before the next, so the document stays the same. The first run of each kind is warm-up."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from edits import KINDS

    app, window, view, scene, editor = open_view(path)
    quiet = Quiet(app, window)
    paints = PaintCounter(view.viewport())
    document = editor.document
    kinds: dict[str, list[float]] = {kind.key: [] for kind in KINDS}
    pauses: list[float] = []
    for kind in KINDS:
        for run in range(repeats + 1):
            op, near = kind.make(document, run)
            item = scene.cards.get(near)
            if item is not None:
                view.centerOn(item)
            quiet.settle()
            before = paints.count
            start = now()
            if not editor.run(op):
                return {"status": "failed", "why": f"{kind.key}: the edit was refused"}
            app.processEvents()
            elapsed = now() - start
            quiet.edited()
            if paints.count == before:
                return {"status": "failed", "why": f"{kind.key}: the view did not repaint"}
            pause, _ = quiet.settle()
            editor.stack.undo()
            if run:
                kinds[kind.key].append(elapsed)
                pauses.append(pause)
    runs = sorted(t for times in kinds.values() for t in times)
    return {"status": "ok", "runs": runs, "kinds": kinds, "pauses": pauses}


def measure_drag(path: Path, seconds: float = 2.0, every_ms: int = 16) -> dict[str, Any]:
    """A card dragged to and fro over its neighbouring cells for `seconds` (wall clock): a mouse move
    every `every_ms` (a QTimer, as a mouse sends them), counting the paints of the view against the
    moves sent. The drop at the end is not part of it (it is one move, measured by the move rows)."""
    from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from stages import sample_moves

    app, window, view, scene, editor = open_view(path)
    quiet = Quiet(app, window)
    move = sample_moves(editor.document.blueprint)[1]
    view.centerOn(scene.cards[move.card_id])
    quiet.settle()
    viewport = view.viewport()
    box = scene.layout.cards[move.card_id].box
    start = view.mapFromScene(QPointF(box.x + box.w / 2, box.y + box.h / 2))

    def send(kind: QEvent.Type, x: float, y: float, buttons: Qt.MouseButton) -> None:
        point = QPointF(x, y)
        event = QMouseEvent(
            kind,
            point,
            viewport.mapToGlobal(point),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    left = Qt.MouseButton.LeftButton
    send(QEvent.Type.MouseButtonPress, start.x(), start.y(), left)
    app.processEvents()
    paints = PaintCounter(viewport)
    sent = 0
    began = time.perf_counter()
    longest = 0.0

    def tick() -> None:
        nonlocal sent
        phase = (sent % 60) / 60  # to the next column and back in a second, a little up and down
        dx = 140 * (1 - abs(1 - 2 * phase)) * view.zoom
        send(QEvent.Type.MouseMove, start.x() + 6 + dx, start.y() + 3 * ((sent % 7) - 3), left)
        sent += 1

    timer = QTimer()
    timer.setInterval(every_ms)
    timer.timeout.connect(tick)
    timer.start()
    while time.perf_counter() - began < seconds:
        turn = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - turn)
        time.sleep(0.001)
    timer.stop()
    painted = paints.count
    view.cancel_gesture()
    app.processEvents()
    return {
        "status": "ok",
        "runs": [time.perf_counter() - began],
        "moves": sent,
        "due": int(seconds * 1000 / every_ms),  # the moves a mouse sends in that time
        "frames": painted,
        "longest": longest,
    }


def timed_into(parts: dict[str, float], name: str, fn, clock=None):  # type: ignore[no-untyped-def]
    """`fn`, adding the time of each call (by `clock`, the measuring clock by default) to
    `parts[name]`: how the scripts and `Breakdown` split a move into its parts."""
    tick = clock or now

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        started = tick()
        try:
            return fn(*args, **kwargs)
        finally:
            parts[name] = parts.get(name, 0.0) + tick() - started

    return timed


class Breakdown:
    """Where a move's time goes: the scene's relayout call, its item updates, and the repaint.

    Wraps the scene's own functions in this process only (nothing in the package changes); a part
    whose function has been renamed is simply left out."""

    def __init__(self, scene) -> None:  # type: ignore[no-untyped-def]
        import blueprint.ui.canvas.scene as scene_module

        self.current: dict[str, float] = {}
        self.kept: list[dict[str, float]] = []
        if hasattr(scene_module, "relayout"):
            scene_module.relayout = self._timed("relayout", scene_module.relayout)
        for name in ("_update_cards", "_update_links"):
            if hasattr(scene, name):
                setattr(scene, name, self._timed("item updates", getattr(scene, name)))

    def _timed(self, part: str, fn):  # type: ignore[no-untyped-def]
        return timed_into(self.current, part, fn)  # (`current` is emptied in place, never replaced)

    def start(self) -> None:
        self.current.clear()

    def add(self, part: str, seconds: float) -> None:
        self.current[part] = self.current.get(part, 0.0) + seconds

    def keep(self) -> None:
        self.kept.append(dict(self.current))

    def medians(self) -> dict[str, float]:
        names = {name for run in self.kept for name in run}
        return {name: sorted(run.get(name, 0.0) for run in self.kept)[len(self.kept) // 2] for name in names}


def watch_collections(over: float, record) -> None:  # type: ignore[no-untyped-def]
    """From now on, `record(thread_name, generation, start, end)` (perf_counter seconds) for each
    cycle collection longer than `over` seconds, on whichever thread it runs (a collection holds the
    interpreter throughout, so one on a worker stops the UI thread too)."""
    import gc
    import threading

    began: dict[int, float] = {}

    def watch(phase: str, info: dict) -> None:  # type: ignore[type-arg]
        thread = threading.get_ident()
        if phase == "start":
            began[thread] = time.perf_counter()
        elif thread in began:
            start, end = began.pop(thread), time.perf_counter()
            if end - start > over:
                record(threading.current_thread().name, info["generation"], start, end)

    gc.callbacks.append(watch)


def measure_memory(path: Path) -> dict[str, Any]:
    timing: dict[str, float] = {}
    _app, window, _view, scene, _editor = open_view(path, timing)
    window.grab()  # paint the whole window once more, off screen
    return {"status": "ok", "runs": [timing["open"]] if timing else [], "items": len(scene.items())}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["scene", "move", "edits", "drag", "memory"])
    parser.add_argument("file", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu")
    args = parser.parse_args()
    global now
    now = time.process_time if args.clock == "cpu" else time.perf_counter
    try:
        editor_parts()
    except ImportError as error:
        return not_built(str(error))
    if args.mode == "scene":
        emit(measure_scene(args.file, args.repeats))
    elif args.mode == "move":
        emit(measure_move(args.file, args.repeats))
    elif args.mode == "edits":
        emit(measure_edits(args.file, args.repeats))
    elif args.mode == "drag":
        emit(measure_drag(args.file))
    else:
        emit(measure_memory(args.file))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
