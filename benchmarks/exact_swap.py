"""What a lane-shifting move costs on each side of the preview (issue 17; run by hand, not by run.py).

    QT_QPA_PLATFORM=offscreen python benchmarks/exact_swap.py FILE [--rounds 3]

Opens FILE as `editor_child.open_view` does and moves the cards of `stages.sample_moves` there and
back. For each move that changes a lane's height it prints medians of: the move to the repaint (CPU
time of the process), the preview in it (`layout/preview.py`, UI thread), the exact relayout on the
worker thread (its thread's CPU time), the turn that makes the exact layout the one shown (UI thread
CPU: `BlueprintScene.finish_layout` when the worker's word arrives), the wall time from the edit to
the exact layout shown, and the longest turn of the event loop from the move until the editor is
quiet again (`editor_child.Quiet`: the exact layout, the findings re-check), each with its largest.
On a branch without the preview only the move and the longest turn are printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from editor_child import Quiet, open_view, timed_into
    from run import speed_check
    from stages import move_for, sample_moves

    import blueprint.ui.canvas.scene as scene_module
    from blueprint.edit.operations.cards import MoveCard

    print(f"speed check {speed_check() * 1000:.0f} ms", flush=True)
    app, window, view, scene, editor = open_view(args.file)
    quiet = Quiet(app, window)
    parts: dict[str, float] = {}
    swapped_at: list[float] = []

    def timed(name, fn, clock=time.thread_time):  # type: ignore[no-untyped-def]
        return timed_into(parts, name, fn, clock)

    deferred = hasattr(scene_module, "preview")
    if deferred:
        import blueprint.ui.canvas.pending as pending_module

        scene_module.preview = timed("preview", scene_module.preview)
        pending_module.relayout = timed("exact relayout (worker)", pending_module.relayout)
        arrived = scene._exact_arrived

        def on_arrival(pending):  # type: ignore[no-untyped-def]
            started = time.thread_time()
            arrived(pending)
            if pending is not None and scene._exact is None:
                parts["exact shown (UI turn)"] = time.thread_time() - started
                swapped_at.append(time.perf_counter())

        scene._exact_arrived = on_arrival
    moves = sample_moves(editor.document.blueprint)
    runs: list[dict[str, float]] = []
    for i in range(2 * len(moves) * args.rounds):
        move, step = move_for(moves, i)
        if i % 2 == 0:
            view.centerOn(scene.cards[move.card_id])
        quiet.settle()
        heights = [band.band.h for band in scene.layout.lanes]
        parts.clear()
        swapped_at.clear()
        wall = time.perf_counter()
        start = time.process_time()
        editor.run(MoveCard(move.card_id, move.lane_id, step))
        app.processEvents()
        parts["move"] = time.process_time() - start
        quiet.edited()
        shifting = heights != [band.band.h for band in scene.layout.lanes]
        longest, _ = quiet.settle()
        parts["longest turn after"] = longest
        if swapped_at:
            parts["edit to exact shown (wall)"] = swapped_at[0] - wall
        if i >= 2 and shifting:
            runs.append(dict(parts))
    names = sorted({n for r in runs for n in r})
    print(f"shifting ({len(runs)} moves), medians in ms:")
    for name in names:
        values = sorted(r.get(name, 0.0) * 1000 for r in runs)
        print(f"  {name}: {statistics.median(values):.1f} (max {values[-1]:.1f})")
    print(f"speed check {speed_check() * 1000:.0f} ms", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
