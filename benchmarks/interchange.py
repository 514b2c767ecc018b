"""Spreadsheets in and out, whole-process: `blueprint export -o OUT.xlsx` and `blueprint import` of the
5,000-card blueprint, each against a whole-process `load` of the same file, with peak memory.

    .venv/bin/python benchmarks/interchange.py                  # N = 5,000, 3 runs each (about a minute)
    .venv/bin/python benchmarks/interchange.py --sizes 500,5000 --repeats 5

Each figure is the median of fresh processes (the console script, as a designer runs it), timed from
start to exit: elapsed time, and the CPU time of the process (user + system, from `wait4`), which other
programs on this shared machine inflate less. Peak memory is the process's `ru_maxrss`. The floor is
`python -c "load(FILE)"` in a fresh process: starting Python, importing the program and reading the
blueprint, which an export cannot avoid (an import writes one instead). Targets (the issue): each under
3 s and 500 MB at 5,000 cards, judged on CPU time as run.py judges (elapsed time on this shared
machine is mostly other people's work). A speed check (run.py's fixed loop) is printed before and after, since
every figure on this machine moves with it (about 85 ms at rest).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from run import speed_check  # noqa: E402

from blueprint.fileformat import save  # noqa: E402

SCRIPT = Path(sys.executable).parent / "blueprint"
TARGET_SECONDS = 3.0
TARGET_MB = 500


def run_once(command: list[str]) -> tuple[float, float, float]:
    """(elapsed s, CPU s, peak MB) of one fresh process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(
            f"failed: {' '.join(command)}: {process.stderr.read().decode() if process.stderr else ''}"
        )
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(command: list[str], repeats: int) -> tuple[float, float, float]:
    runs = [run_once(command) for _ in range(repeats)]
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
        max(r[2] for r in runs),
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="5000", help="card counts, comma-separated (default 5000)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    before = speed_check()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in [int(s) for s in args.sizes.split(",")]:
            source = Path(folder) / f"g{n}.blueprint"
            save(generate(n), source, backup=False)
            workbook, back = Path(folder) / f"g{n}.xlsx", Path(folder) / f"g{n}-back.blueprint"
            load = [sys.executable, "-c", f"from blueprint.fileformat import load; load({str(source)!r})"]
            floor = measure(load, args.repeats)
            export = measure([str(SCRIPT), "export", str(source), "-o", str(workbook)], args.repeats)
            imported = measure([str(SCRIPT), "import", str(workbook), "-o", str(back)], args.repeats)
            exact = back.read_bytes() == source.read_bytes()
            size = workbook.stat().st_size / 1024
            rows.append((n, "load (floor)", floor, None, ""))
            rows.append((n, f"export -o .xlsx ({size:,.0f} KB)", export, floor, ""))
            rows.append((n, "import .xlsx", imported, floor, "same file" if exact else "DIFFERS"))
    after = speed_check()
    print(f"speed check: {before * 1000:.0f} ms before, {after * 1000:.0f} ms after (about 85 ms at rest)")
    print()
    print("| cards | whole process | elapsed | CPU | x load (CPU) | peak memory | target | met (CPU) |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | --- | --- |")
    for n, name, (elapsed, cpu, peak), floor, note in rows:
        ratio = f"{cpu / floor[1]:.1f}x" if floor else ""
        target = "" if floor is None else f"< {TARGET_SECONDS:g} s, < {TARGET_MB} MB"
        met = "" if floor is None else ("yes" if cpu < TARGET_SECONDS and peak < TARGET_MB else "no")
        extra = f" ({note})" if note else ""
        figures = f"{elapsed:.2f} s | {cpu:.2f} s | {ratio} | {peak:.0f} MB"
        print(f"| {n:,} | {name}{extra} | {figures} | {target} | {met} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
