"""Which turn of the event loop is the long one after a lane-shifting move, and what ran beside it.

    QT_QPA_PLATFORM=offscreen python benchmarks/pause_turns.py FILE [--moves N] [--over MS] [--profile]

Opens FILE as `editor_child.open_view` does, lets the first check finish, then makes the sample moves
(`stages.sample_moves`, there and back, the view centred as `editor_child.measure_move` does, after
the edit's repaint) and turns the event loop as `editor_child.Quiet.settle` does until the watches
are idle and the exact layout is in. For every turn over `--over` ms (wall clock) it prints when it
began (ms after the edit), its wall and UI-thread CPU time, its waits for the interpreter, the CPU
the other threads of the process took meanwhile (/proc, in clock ticks), what the UI thread did in
it (the exact layout's swap, a catch-up chunk, a findings result shown, a paint) and what the
workers were doing meanwhile (the exact layout, the findings and customer's-time checks), and the
collections over 5 ms with their threads. With `--profile`, the UI thread's top functions of each
long turn (cProfile: read it for shares, not figures); with `--garbage`, at the end, how many
objects were frozen and how much cyclic garbage a collection of everything finds then (what
freezing kept alive).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import os
import pstats
import resource
import sys
import threading
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from editor_child import open_view, watch_collections  # noqa: E402
from run import speed_check  # noqa: E402

#: (name, start, end) of work on any thread, perf_counter seconds; end None while it runs.
spans: list[list] = []


def span(name: str):  # type: ignore[no-untyped-def]
    """A decorator factory: record each call of the wrapped function as a span called `name`."""

    def wrap(function):  # type: ignore[no-untyped-def]
        def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
            entry = [name, time.perf_counter(), None, threading.current_thread().name]
            spans.append(entry)
            try:
                return function(*args, **kwargs)
            finally:
                entry[2] = time.perf_counter()

        wrapped.__name__ = getattr(function, "__name__", name)
        return wrapped

    return wrap


def thread_cpu() -> dict[str, float]:
    """CPU seconds of each thread of this process (by name where Python knows it), from /proc."""
    names = {t.native_id: t.name for t in threading.enumerate()}
    tick = os.sysconf("SC_CLK_TCK")
    out: dict[str, float] = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        name = names.get(int(tid), f"thread {tid}")
        out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return out


def run_delay() -> float:
    """Seconds this thread has spent runnable but waiting for a core (/proc schedstat): on a machine
    other processes load, the part of a turn's wall time that is theirs, not the editor's."""
    with open("/proc/thread-self/schedstat") as f:
        return int(f.read().split()[1]) / 1e9


def instrument() -> None:
    from blueprint.ui import findings_watch, worker
    from blueprint.ui.canvas import pending, scene

    pending._Outcome.run = span("exact relayout (worker)")(pending._Outcome.run)
    pending._arrived = span("exact arrived (UI)")(pending._arrived)
    pending._Relay.__init__.__globals__["_arrived"] = pending._arrived
    scene.BlueprintScene.finish_layout = span("finish_layout (UI)")(scene.BlueprintScene.finish_layout)
    scene.BlueprintScene._catch_up = span("catch-up chunk (UI)")(scene.BlueprintScene._catch_up)
    scene.BlueprintScene._look_at = span("look at a new sight (UI)")(scene.BlueprintScene._look_at)
    pending.PendingLayout.wait = span("wait for the exact layout (UI)")(pending.PendingLayout.wait)
    from blueprint.ui.canvas import view

    view.BlueprintView.paintEvent = span("canvas paint (UI)")(view.BlueprintView.paintEvent)
    findings_watch.FindingsWatch._work = span("check (worker)")(findings_watch.FindingsWatch._work)
    findings_watch.FindingsWatch._start = span("snapshot+submit (UI)")(findings_watch.FindingsWatch._start)
    findings_watch.FindingsWatch._publish = span("publish (UI)")(findings_watch.FindingsWatch._publish)
    worker.Beside._ended = span("job ended, collector resumed (UI)")(worker.Beside._ended)
    worker.keep_out_of_collections = span("gc.freeze (worker)")(worker.keep_out_of_collections)
    findings_watch.keep_out_of_collections = worker.keep_out_of_collections


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--moves", type=int, default=6)
    parser.add_argument("--over", type=float, default=30.0)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--as-benchmark", action="store_true", help="wait as editor_child.Quiet does")
    parser.add_argument(
        "--garbage", action="store_true", help="at the end: the cyclic garbage kept frozen meanwhile"
    )
    args = parser.parse_args()
    print(f"speed check {speed_check() * 1000:.0f} ms", flush=True)
    instrument()
    from stages import move_for, sample_moves

    from blueprint.edit.operations.cards import MoveCard

    app, window, _view, scene, editor = open_view(args.file)
    watches = [window.findings_watch, window.timing.watch]
    if args.as_benchmark:  # `editor_child.Quiet` waits for the findings and the exact layout only
        watches = [window.findings_watch]

    def collected(thread: str, generation: int, start: float, end: float) -> None:
        spans.append([f"gc gen {generation}", start, end, thread])

    watch_collections(0.005, collected)

    def settle(label: str | None) -> None:
        edited = time.perf_counter()
        spans.clear()
        turns: list[tuple[float, float, float, int, int, pstats.Stats | None, dict[str, float]]] = []
        count = 0
        longest = [0.0, 0.0, 0.0, 0.0]  # wall less run-queue wait, wall, CPU, run-queue wait
        while True:
            profile = cProfile.Profile() if args.profile else None
            usage = resource.getrusage(resource.RUSAGE_THREAD)
            threads = thread_cpu()
            delayed = run_delay()
            started, thread = time.perf_counter(), time.thread_time()
            if profile is not None:
                profile.enable()
            app.processEvents()
            if profile is not None:
                profile.disable()
            took = time.perf_counter() - started
            cpu = time.thread_time() - thread
            queued = run_delay() - delayed
            count += 1
            if took - queued > longest[0]:
                longest[:] = [took - queued, took, cpu, queued]
            if took * 1000 > args.over:
                after = resource.getrusage(resource.RUSAGE_THREAD)
                stats = None
                if profile is not None:
                    profile.create_stats()
                    stats = pstats.Stats(profile)
                now_threads = thread_cpu()
                others = {
                    name: spent - threads.get(name, 0.0)
                    for name, spent in now_threads.items()
                    if name != "MainThread" and spent - threads.get(name, 0.0) > 0
                }
                turns.append(
                    (
                        started,
                        took,
                        cpu,
                        after.ru_nvcsw - usage.ru_nvcsw,
                        after.ru_nivcsw - usage.ru_nivcsw,
                        stats,
                        others,
                    )
                )
            pending = bool(getattr(scene, "exact_pending", False))
            if all(w.is_idle() for w in watches) and not pending and count > 2:
                break
            time.sleep(0.005)
        if label is None:
            return
        print(
            f"{label}: {count} turns; longest {1000 * longest[0]:.1f} ms without waiting for a core"
            f" (wall {1000 * longest[1]:.1f}, CPU {1000 * longest[2]:.1f},"
            f" run queue {1000 * longest[3]:.1f})",
            flush=True,
        )
        summary.append((label, *longest))
        for start, took, cpu, waits, pre, stats, others in turns:
            end = start + took
            beside = ", ".join(f"{name} {1000 * spent:.0f}" for name, spent in others.items())
            print(
                f"  turn at {1000 * (start - edited):7.1f} ms: wall {1000 * took:6.1f},"
                f" CPU {1000 * cpu:5.1f} ms, waits {waits}, preempted {pre};"
                f" other threads' CPU (ms, 10 ms ticks): {beside or '-'}"
            )
            for name, s, e, thread in spans:
                e2 = e if e is not None else time.perf_counter()
                if s < end and e2 > start:
                    print(
                        f"      {name:<36} {1000 * (s - edited):7.1f} .. {1000 * (e2 - edited):7.1f} ms"
                        f" ({1000 * (e2 - s):6.1f} ms) [{thread}]"
                    )
            if stats is not None:
                out = io.StringIO()
                stats.stream = out  # type: ignore[attr-defined]
                stats.sort_stats("tottime").print_stats(12)
                text = out.getvalue()
                print("\n".join("        " + line for line in text.splitlines()[6:]))
        print("  all spans:")
        for name, s, e, thread in spans:
            if e is not None and e - s > 0.003:
                print(
                    f"      {name:<36} {1000 * (s - edited):7.1f} .. {1000 * (e - edited):7.1f} ms [{thread}]"
                )

    summary: list[tuple[str, float, float, float, float]] = []
    settle(None)
    document = editor.document
    moves = sample_moves(document.blueprint)
    label = None
    for i in range(args.moves + 1):
        move, step = move_for(moves, i)
        if i % 2 == 0:  # as `editor_child.measure_move`: the view centred on the next card to move
            _view.centerOn(scene.cards[move.card_id])
        settle(label)
        if i == args.moves:
            break
        heights = [band.band.h for band in scene.layout.lanes]
        editor.run(MoveCard(move.card_id, move.lane_id, step))
        app.processEvents()  # the edit's repaint (timed by the move row, not the pause)
        shifting = heights != [band.band.h for band in scene.layout.lanes]
        label = f"move #{i}{' (lanes shift)' if shifting else ''}"
    print("longest turn after each move, ms (without waiting for a core / wall / CPU):")
    for label, net, wall, cpu, _queued in summary:
        print(f"  {label:<24} {1000 * net:6.1f} / {1000 * wall:6.1f} / {1000 * cpu:5.1f}")
    if args.garbage:  # what a collection of everything finds once nothing is frozen
        frozen = gc.get_freeze_count()
        gc.unfreeze()
        gc.set_debug(gc.DEBUG_SAVEALL)
        found = gc.collect()
        kinds = Counter(type(o).__qualname__ for o in gc.garbage).most_common(8)
        gc.set_debug(0)
        gc.garbage.clear()
        print(f"frozen {frozen} objects; unreachable among all: {found} ({kinds})", flush=True)
    print(f"speed check {speed_check() * 1000:.0f} ms", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
