"""The longest turns of the editor's event loop while the findings of an edit are re-checked and shown.

    QT_QPA_PLATFORM=offscreen python benchmarks/findings_pauses.py FILE [--repeats K] [--profile]

Opens FILE in the main window as `editor_child.open_view` does, lets the first check finish, then
for each kind of edit (rename, change function, add, delete, link, and the three sample moves there
and back) pushes it as the editor does, and turns the event loop (as `editor_child.Quiet` does) until
the watches are idle: prints, per edit, the longest turn (wall clock, and the UI thread's CPU time in
that turn, its waits for the interpreter (voluntary context switches) and preemptions, whether the
canvas, the Findings list or the window painted in it) and when the findings were shown; and every
garbage collection over 10 ms, with its thread. With `--profile`, cProfile runs on the UI thread for
each turn and the turns over 20 ms are added up and printed (cProfile slows them: read it for the
shares, not the figures; `--sort calls` keeps only the turns that waited for the interpreter). The
speed check is printed first and last.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from editor_child import PaintCounter, open_view, watch_collections  # noqa: E402
from run import speed_check  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--no-time-shown", action="store_true", help="the customer's time not shown")
    parser.add_argument("--sort", default="cumulative", help="cumulative; calls: only turns that waited")
    parser.add_argument("--kinds", default="rename,function,add,delete,link,move")
    args = parser.parse_args()
    print(f"speed check {speed_check() * 1000:.0f} ms", flush=True)
    from edits import KINDS
    from stages import move_for, sample_moves

    from blueprint.edit.operations.cards import MoveCard

    app, window, _view, scene, editor = open_view(args.file)
    watches = [window.findings_watch, window.timing.watch]
    if args.no_time_shown:
        window.timing.watch.updated.disconnect(window.timing.show)
    painted = {
        "canvas": PaintCounter(_view.viewport()),
        "findings": PaintCounter(window.panel("FindingsPanel").tree.viewport()),
        "window": PaintCounter(window),
    }
    shown: list[float] = []
    window.findings_watch.updated.connect(lambda _f: shown.append(time.perf_counter()))
    total: pstats.Stats | None = None
    long_turns = 0

    def repaint() -> float:
        """The edit's own turn (its repaint), as `editor_child.measure_edits` times it."""
        started = time.thread_time()
        app.processEvents()
        return time.thread_time() - started

    def settle(label: str | None, edit: float = 0.0) -> None:
        nonlocal total, long_turns
        edited = time.perf_counter()
        shown.clear()
        longest, cpu, switches = 0.0, 0.0, (0, 0)
        what: list[str] = []
        turns = 0
        while True:
            profile = cProfile.Profile() if args.profile else None
            usage = resource.getrusage(resource.RUSAGE_THREAD)
            paints = {name: counter.count for name, counter in painted.items()}
            started, thread = time.perf_counter(), time.thread_time()
            if profile is not None:
                profile.enable()
            app.processEvents()
            if profile is not None:
                profile.disable()
            took = time.perf_counter() - started
            turns += 1
            if took > longest:
                longest, cpu = took, time.thread_time() - thread
                after = resource.getrusage(resource.RUSAGE_THREAD)
                switches = (after.ru_nvcsw - usage.ru_nvcsw, after.ru_nivcsw - usage.ru_nivcsw)
                what = [name for name, counter in painted.items() if counter.count != paints[name]]
                what += [w.__class__.__name__ for w in watches if not w._running]
            if profile is not None and took > 0.020 and args.sort == "calls":
                after = resource.getrusage(resource.RUSAGE_THREAD)
                if after.ru_nvcsw - usage.ru_nvcsw < 50:  # only the turns that waited for the interpreter
                    profile = None
            if profile is not None and took > 0.020:
                long_turns += 1
                profile.create_stats()
                if total is None:
                    total = pstats.Stats(profile)
                else:
                    total.add(profile)
            if all(w.is_idle() for w in watches) and turns > 2:
                break
            time.sleep(0.005)
        if label is not None:
            for name, generation, took in collections:
                print(f"    collection of generation {generation} on {name}: {took * 1000:.0f} ms")
            collections.clear()
            after = f"{shown[-1] - edited:.2f} s" if shown else "-"
            print(
                f"{label:<28} edit {edit * 1000:5.1f} ms, then longest turn {longest * 1000:6.1f} ms "
                f"(CPU {cpu * 1000:5.1f}; waits {switches[0]}, preempted {switches[1]}; {what}), "
                f"shown after {after}",
                flush=True,
            )

    collections: list[tuple[str, int, float]] = []
    # collections over 10 ms, and on which thread
    watch_collections(
        0.010, lambda thread, generation, start, end: collections.append((thread, generation, end - start))
    )
    settle(None)
    document = editor.document
    kinds = [k.strip() for k in args.kinds.split(",")]
    for kind in KINDS:
        if kind.key not in kinds:
            continue
        for run in range(args.repeats + 1):
            op, _near = kind.make(document, run)
            editor.run(op)
            edit = repaint()
            settle(f"{kind.key} #{run}", edit)
            editor.stack.undo()
            edit = repaint()
            settle(f"  undo {kind.key} #{run}", edit)
    if "move" in kinds:
        moves = sample_moves(document.blueprint)
        for i in range(2 * len(moves)):
            move, step = move_for(moves, i)
            heights = [band.band.h for band in scene.layout.lanes]
            editor.run(MoveCard(move.card_id, move.lane_id, step))
            edit = repaint()
            shifting = heights != [band.band.h for band in scene.layout.lanes]
            settle(f"move #{i}{' (lanes shift)' if shifting else ''}", edit)
    print(f"speed check {speed_check() * 1000:.0f} ms", flush=True)
    if total is not None:
        out = io.StringIO()
        total.stream = out  # type: ignore[attr-defined]
        total.sort_stats(args.sort).print_stats(45)
        print(f"{long_turns} turns over 20 ms profiled")
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
