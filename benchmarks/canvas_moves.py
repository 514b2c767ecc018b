"""Where a card move's canvas time goes at 5,000 cards (issue 17; run by hand, not by run.py).

    QT_QPA_PLATFORM=offscreen python benchmarks/canvas_moves.py FILE [--rounds 4] [--profile OUT]

Opens FILE as `editor_child.open_view` does, moves the cards of `stages.sample_moves` there and back,
and prints per kind of move (lane-shifting or not) the medians of CPU time of the whole move (to the
repaint), of the scene's relayout, of its item updates (grid, cards, links) and of the repaint.
With --profile, cProfile of the lane-shifting moves' scene work (relayout excluded) goes to OUT.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

now = time.process_time


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--profile", type=Path)
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

    def timed(name, fn):  # type: ignore[no-untyped-def]
        return timed_into(parts, name, fn, now)

    scene_module.relayout = timed("relayout", scene_module.relayout)
    for name in ("_update_grid", "_update_cards", "_update_links", "_sync_selection"):
        if hasattr(scene, name):
            setattr(scene, name, timed(name, getattr(scene, name)))
    profiler = cProfile.Profile() if args.profile else None
    moves = sample_moves(editor.document.blueprint)
    kinds: dict[str, list[dict[str, float]]] = {"steady": [], "shifting": []}
    total = 2 * len(moves) * args.rounds
    for i in range(total):
        move, step = move_for(moves, i)
        if i % 2 == 0:
            view.centerOn(scene.cards[move.card_id])
        quiet.settle()
        heights = [band.band.h for band in scene.layout.lanes]
        parts.clear()
        if profiler is not None:
            profiler.enable()
        start = now()
        editor.run(MoveCard(move.card_id, move.lane_id, step))
        ran = now()
        app.processEvents()
        end = now()
        if profiler is not None:
            profiler.disable()
        quiet.edited()
        parts["repaint"] = end - ran
        parts["move"] = end - start
        if hasattr(scene, "catch_up"):  # the items out of sight, told after the paint (behind.py)
            parts["behind"] = float(len(scene._behind))
            started = now()
            scene.catch_up()
            parts["caught up later"] = now() - started
        if i >= 2:
            shifting = heights != [band.band.h for band in scene.layout.lanes]
            kinds["shifting" if shifting else "steady"].append(dict(parts))
    for kind, runs in kinds.items():
        if not runs:
            continue
        names = sorted({n for r in runs for n in r})
        text = ", ".join(
            f"{n} {statistics.median(r.get(n, 0.0) for r in runs) * (1 if n == 'behind' else 1000):.1f}"
            for n in names
        )
        print(f"{kind} ({len(runs)} moves): {text} (ms; 'behind': items left out of sight)")
    print(f"speed check {speed_check() * 1000:.0f} ms", flush=True)
    if profiler is not None:
        profiler.dump_stats(str(args.profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
