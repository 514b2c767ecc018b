"""How every stage of the program scales: one command prints the table, with ratios to floors.

    .venv/bin/python benchmarks/run.py                 # N = 500, 2,000, 5,000; about 5 minutes
    .venv/bin/python benchmarks/run.py --readme        # the same, and rewrite benchmarks/README.md
    .venv/bin/python benchmarks/run.py --sizes 200 --only load,layout --repeats 3

Files come from generate.py (deterministic), written to a temporary folder. In-process stages are
timed after a warm-up run, as the median of several runs; the editor stages (scene build, card move,
peak memory) run the real editor classes offscreen in a fresh child process per measurement, so one
stage's memory and caches cannot flatter or burden another.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import floors  # noqa: E402
import stages  # noqa: E402
from generate import generate  # noqa: E402
from report import Cell, Row, figure, machine, machine_details, table, write_readme  # noqa: E402
from timing import NotBuilt, interleaved_times  # noqa: E402

from blueprint.fileformat import save  # noqa: E402

#: The parts of a card move, in the order they happen.
PART_ORDER = ["relayout", "item updates", "repaint"]
#: The two kinds of card move, reported apart (the median of all moves hides the slower kind).
MOVE_KINDS = {
    "steady": "  moves that keep every lane's height",
    "shifting": "  moves that change a lane's height (every lane below moves)",
}
#: The issue's targets are for blueprints of this many cards.
TARGET_CARDS = 5000
CLOCKS = {
    "cpu": "CPU time of the measuring process (time.process_time)",
    "wall": "elapsed wall-clock time (time.perf_counter)",
}
Prepare = Callable[[stages.Case], Callable[[], object]]


@dataclass
class Stage:
    """One row of the table; `child` names an editor_child.py mode instead of an in-process stage."""

    key: str
    name: str
    prepare: Prepare | None = None
    child: str = ""
    slow: bool = False
    floor: str = ""  # key of the floor row this stage is compared with
    target: str = ""
    limit: float | None = None  # target at the largest N, in the cell's unit (or a ratio to the floor)
    by_ratio: bool = False


FLOORS: dict[str, tuple[str, Prepare]] = {
    "load": ("floor: json.loads + model_validate", lambda c: lambda: floors.load_floor(c.path)),
    "validate": ("floor: networkx pass", lambda c: lambda: floors.validate_floor(c.doc)),
    "pdf": ("floor: reportlab bare canvas, same shapes", stages.prepare_pdf_floor),
}

STAGES = [
    Stage(
        "load", "load", stages.prepare_load, floor="load", target="<= 1.5x floor", limit=1.5, by_ratio=True
    ),
    Stage("save", "save", stages.prepare_save),
    Stage(
        "validate",
        "validate (all rules)",
        stages.prepare_validate,
        floor="validate",
        target="< 150 ms",
        limit=0.150,
    ),
    Stage("handoffs", "hand-off report", stages.prepare_handoffs),
    Stage("layout", "layout", stages.prepare_layout, target="< 150 ms", limit=0.150),
    Stage("relayout", "relayout after one card move", stages.prepare_relayout),
    Stage(
        "pdf",
        "PDF export (one A3 page, no appendix)",
        stages.prepare_pdf,
        slow=True,
        floor="pdf",
        target="<= 2x floor",
        limit=2.0,
        by_ratio=True,
    ),
    Stage("pdf-default", "PDF export, default options (A3, appendix)", stages.prepare_pdf_default, slow=True),
    Stage("scene", "scene build (offscreen)", child="scene", slow=True, target="< 1.5 s", limit=1.5),
    Stage("move", "card move (op + relayout + repaint)", child="move", target="< 30 ms", limit=0.030),
    Stage("memory", "editor peak memory (open + paint)", child="memory", target="< 500 MB", limit=500),
]


def speed_check() -> float:
    """CPU seconds of a fixed pure-Python loop (best of 5): this machine is a virtual one whose host
    lends its cores to others too, and then every figure, CPU time included, grows with this one."""

    def loop() -> int:
        total = 0
        for i in range(3_000_000):
            total += i * i
        return total

    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        loop()
        best = min(best, time.process_time() - started)
    return best


def repeats_for(n: int, slow: bool, override: int | None) -> int:
    if override:
        return override
    if slow:
        return 5 if n <= 2000 else 3
    return 15 if n <= 500 else 11 if n <= 2000 else 9


def time_in_process(
    prepare: Prepare, case: stages.Case, repeats: int, clock: str, floor: Prepare | None = None
) -> tuple[Cell, Cell | None]:
    """The stage's cell and, when it has a floor, the floor's cell (timed in turn with the stage)."""
    try:
        fns = [prepare(case)]
        if floor is not None:
            fns.append(floor(case))
    except NotBuilt:
        return Cell(note="n/a (not built yet)"), None
    try:
        measured = interleaved_times(fns, repeats, clock=clock)
    except NotBuilt:
        return Cell(note="n/a (not built yet)"), None
    except Exception as error:  # a stage being written may crash; the table says so and goes on
        return Cell(note=f"failed: {type(error).__name__}: {str(error)[:60]}"), None
    cells = [Cell(m.value) for m in measured]
    if floor is None:
        return cells[0], None
    cells[0].floor = cells[1].value
    return cells[0], cells[1]


def time_in_child(mode: str, case: stages.Case, repeats: int, clock: str) -> Cell:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [
        sys.executable,
        str(HERE / "editor_child.py"),
        mode,
        str(case.path),
        "--repeats",
        str(repeats),
        "--clock",
        clock,
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600, check=False)
    except subprocess.TimeoutExpired:
        return Cell(note="failed: over 10 minutes")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return Cell(note=f"failed: {last[:80]}")
    result = json.loads(lines[-1])
    if result["status"] == "n/a":
        return Cell(note="n/a (not built yet)")
    if result["status"] != "ok":
        return Cell(note=f"failed: {result.get('why', '')[:80]}")
    if mode == "memory":
        cell = Cell(result["maxrss_kb"] / 1024, unit="MB")
        cell.parts = {"open": result["runs"][0]} if result["runs"] else {}
        return cell
    cell = Cell(sorted(result["runs"])[len(result["runs"]) // 2])
    cell.parts = result.get("parts", {})
    pauses = result.get("pauses") or []
    if pauses:
        cell.kinds["pause"] = Cell(sorted(pauses)[len(pauses) // 2])
    cell.kinds |= {
        kind: Cell(sorted(runs)[len(runs) // 2]) if runs else Cell(note="none")
        for kind, runs in result.get("kinds", {}).items()
    }
    return cell


def verdict(stage: Stage, cell: Cell | None) -> str:
    if stage.limit is None or cell is None:
        return ""
    if cell.value is None:
        return "n/a"
    value = cell.ratio if stage.by_ratio else cell.value
    if value is None:
        return "n/a"
    return "met" if value <= stage.limit else "MISSED"


def run(sizes: list[int], only: set[str] | None, repeats: int | None, workdir: Path, clock: str) -> list[Row]:
    chosen = [s for s in STAGES if only is None or s.key in only]
    floor_keys = [s.floor for s in chosen if s.floor]
    floor_rows = {key: Row(FLOORS[key][0], {}) for key in floor_keys}
    rows = {s.key: Row(s.name, {}, s.target) for s in chosen}
    for n in sizes:
        path = workdir / f"generated-{n}.blueprint"
        save(generate(n), path)
        case = stages.Case(n, path, workdir)
        for stage in chosen:
            started = time.perf_counter()
            count = repeats_for(n, stage.slow, repeats)
            if stage.child:
                cell = time_in_child(stage.child, case, count, clock)
            else:
                floor = FLOORS[stage.floor][1] if stage.floor else None
                cell, floor_cell = time_in_process(stage.prepare, case, count, clock, floor)  # type: ignore[arg-type]
                if stage.floor:
                    floor_rows[stage.floor].cells[n] = floor_cell or Cell(note="n/a")
            rows[stage.key].cells[n] = cell
            print(
                f"  N={n:>6} {stage.name:<40} {cell.text():<28} ({time.perf_counter() - started:.1f} s)",
                file=sys.stderr,
                flush=True,
            )
    out: list[Row] = []
    for stage in chosen:
        row = rows[stage.key]
        row.verdict = verdict(stage, row.cells.get(TARGET_CARDS))
        out.append(row)
        opened = {n: Cell(c.parts["open"]) for n, c in row.cells.items() if "open" in c.parts}
        if opened:
            out.append(Row("open a file in the editor (to first paint, one run)", opened))
            continue
        for kind, name in MOVE_KINDS.items():
            cells = {n: c.kinds[kind] for n, c in row.cells.items() if kind in c.kinds}
            if cells:
                kind_row = Row(name, cells, stage.target)
                kind_row.verdict = verdict(stage, cells.get(TARGET_CARDS))
                out.append(kind_row)
        pauses = {n: c.kinds["pause"] for n, c in row.cells.items() if "pause" in c.kinds}
        if pauses:
            out.append(Row("  then the longest UI pause while findings are re-checked", pauses))
        parts = {n: c.parts for n, c in row.cells.items() if c.parts}
        if parts:
            names = sorted({name for p in parts.values() for name in p}, key=PART_ORDER.index)
            text = {n: " / ".join(figure(p.get(name, 0.0), "s") for name in names) for n, p in parts.items()}
            out.append(Row(f"  of which {' / '.join(names)}", {n: Cell(note=t) for n, t in text.items()}))
        if stage.floor:
            out.append(floor_rows[stage.floor])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark every stage of Service Blueprint Studio.")
    parser.add_argument("--sizes", default="500,2000,5000", help="card counts, comma-separated")
    parser.add_argument("--only", help="stage keys, comma-separated: " + ",".join(s.key for s in STAGES))
    parser.add_argument("--repeats", type=int, help="timed runs per figure (default depends on N)")
    parser.add_argument(
        "--readme", action="store_true", help="also rewrite the table in benchmarks/README.md"
    )
    parser.add_argument(
        "--clock",
        choices=["cpu", "wall"],
        default="cpu",
        help="cpu: CPU time of the measuring process (default; other programs on the machine do not "
        "inflate it); wall: elapsed time",
    )
    args = parser.parse_args(argv)
    sizes = [int(n) for n in args.sizes.split(",")]
    only = set(args.only.split(",")) if args.only else None
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="blueprint-bench-") as folder:
        load_before, speed_before = os.getloadavg()[0], speed_check()
        rows = run(sizes, only, args.repeats, Path(folder), args.clock)
        speed_after = speed_check()
    text = (
        f"{machine()} Whole run: {time.perf_counter() - started:.0f} s; load average {load_before:.1f} "
        f"before, {os.getloadavg()[0]:.1f} after; speed check {speed_before * 1000:.0f} ms before, "
        f"{speed_after * 1000:.0f} ms after (a fixed pure-Python loop; about 85 ms on this machine at rest). "
        f"Clock: {CLOCKS[args.clock]}.\n\n"
        f"{table(rows, sizes)}\n\n"
        "Times are medians after a warm-up run"
        + (
            "; (1.23x) is the ratio to the floor row below it, measured in the same run on the same file."
            if any(stage.floor for stage in STAGES if only is None or stage.key in only)
            else "."
        )
        + (f" Targets are judged at N = {TARGET_CARDS:,}." if TARGET_CARDS not in sizes else "")
    )
    print(text)
    if args.readme:
        write_readme(HERE / "README.md", f"{text}\n\n{machine_details()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
