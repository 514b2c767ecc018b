"""Where an edit's time goes, and what of it grows with the document (issue 17, "an edit's cost does
not grow with the document").

    QT_QPA_PLATFORM=offscreen python benchmarks/edit_growth.py FILE [--runs 6] [--kinds rename,move]
        [--profile rename,move] [--top 40]

Opens FILE in the real main window (as `editor_child.open_view`, 1400 x 900), then pushes each kind
of edit of `edits.py` (and "move", a card move of `stages.sample_moves`) as the benchmark does, timed
to the repaint with CPU time, undone untimed, with the editor let settle between. Each figure is split
into: `run` (the undo stack, the document, the scene's update), `events` (the event loop until the
repaint), and `gc0`-`gc2` (the cycle collector's collections, by generation, wherever they ran).
A `paint` column shows only where wrapping the view class's paintEvent takes effect (with PySide6
6.11 it does not: Qt's paint is inside `events`).
`--profile KINDS` prints a cProfile of each such kind's timed
runs (run and events).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from editor_child import PaintCounter, Quiet, open_view  # noqa: E402

now = time.process_time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--runs", type=int, default=6)
    parser.add_argument("--kinds", default="move,add,delete,rename,link,function")
    parser.add_argument("--profile", default="")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()

    from edits import KINDS
    from stages import move_for, sample_moves

    from blueprint.edit.operations.cards import MoveCard

    app, window, view, scene, editor = open_view(args.file)
    quiet = Quiet(app, window)
    paints = PaintCounter(view.viewport())
    document = editor.document

    parts: dict[str, float] = {}
    view_class = type(view)
    original_paint = view_class.paintEvent

    def paint_event(self, event):  # type: ignore[no-untyped-def]
        started = now()
        try:
            original_paint(self, event)
        finally:
            parts["paint"] = parts.get("paint", 0.0) + now() - started

    view_class.paintEvent = paint_event  # type: ignore[method-assign]

    gc_started: list[float] = [0.0]

    def gc_timing(phase: str, info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            gc_started[0] = now()
        else:
            key = f"gc{info['generation']}"
            parts[key] = parts.get(key, 0.0) + now() - gc_started[0]

    gc.callbacks.append(gc_timing)

    moves = sample_moves(document.blueprint)
    kinds = {kind.key: kind for kind in KINDS}
    wanted = [k for k in args.kinds.split(",") if k]
    profiled = [k for k in args.profile.split(",") if k]
    for key in wanted:
        profiler = cProfile.Profile() if key in profiled else None
        figures: dict[str, list[float]] = {}
        for run in range(args.runs + 1):
            if key == "move":
                move, step = move_for(moves, run)
                op = MoveCard(move.card_id, move.lane_id, step)
                near = move.card_id
            else:
                op, near = kinds[key].make(document, run)
            item = scene.cards.get(near)
            if item is not None:
                view.centerOn(item)
            quiet.settle()
            parts.clear()
            before = paints.count
            profiling = profiler is not None and run > 0
            if profiling:
                profiler.enable()
            start = now()
            if not editor.run(op):
                print(f"{key}: refused")
                return 1
            ran = now()
            app.processEvents()
            end = now()
            if profiling:
                profiler.disable()
            quiet.edited()
            assert paints.count > before, "no repaint"
            quiet.settle()
            if key != "move":
                editor.stack.undo()
            if run:
                row = {"total": end - start, "run": ran - start, "events": end - ran, **parts}
                for name, value in row.items():
                    figures.setdefault(name, []).append(value)
        first = ("total", "run", "events", "paint")
        names = [*first, *sorted(name for name in figures if name not in first)]
        shown = "  ".join(
            f"{name} {statistics.median(figures[name]) * 1000:.1f}" for name in names if name in figures
        )
        print(f"{key:9s} {shown}", flush=True)
        if profiler is not None:
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(args.top)
            stats.sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
