"""Peak memory and time of `blueprint export` to SVG and PNG for a blueprint at the card limit.

Each export runs as its own `blueprint export FILE -o OUT` process (as a user runs it), and its peak
resident memory is read from the operating system (`wait4`). The document is written compactly (the
size limit is on the file; 100,000 short cards take about 13 MB).

    python benchmarks/image_memory.py [--cards 100000] [--formats svg,png]

Target (issue 16): the SVG of 100,000 cards under 1 GB (Qt's SVG generator peaked at 1.8 GB).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

LANES = ["evidence", "customer", "frontstage", "backstage", "support"]


def compact_document(cards: int) -> dict[str, Any]:
    """`cards` cards over 4-step stages (50 cards a step), 50 functions, a link for every other card."""
    steps_needed = max(1, cards // 50)
    stages, steps = [], []
    for s in range((steps_needed + 3) // 4):
        stage_steps = [{"id": f"t{s}_{i}", "name": f"Step {s}.{i}"} for i in range(4)]
        steps += [step["id"] for step in stage_steps]
        stages.append({"id": f"s{s}", "name": f"Stage {s}", "steps": stage_steps})
    raw_cards = [
        {
            "id": f"c{i}",
            "lane": LANES[i % 5],
            "step": steps[(i // 50) % len(steps)],
            "title": f"Card number {i} does its part of the work",
            "description": "Checks the booking" if i % 3 == 0 else "",
            "function": f"f{i % 50}" if i % 5 > 1 else None,
        }
        for i in range(cards)
    ]
    links = [{"id": f"l{i}", "source": f"c{i}", "target": f"c{i + 5}"} for i in range(0, cards - 5, 2)]
    return {
        "format": "service-blueprint",
        "version": 1,
        "title": f"{cards} cards",
        "lanes": [{"id": kind, "name": kind.title(), "kind": kind} for kind in LANES],
        "stages": stages,
        "functions": [{"id": f"f{i}", "name": f"Team {i}"} for i in range(50)],
        "cards": raw_cards,
        "links": links,
    }


def measure(command: list[str]) -> tuple[int, float, float]:
    """(exit code, peak resident MB, wall seconds) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return process.returncode, usage.ru_maxrss * scale / 2**20, elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--formats", default="svg,png")
    args = parser.parse_args(argv)
    script = shutil.which("blueprint") or str(Path(sys.executable).parent / "blueprint")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "big.blueprint"
        source.write_text(json.dumps(compact_document(args.cards), separators=(",", ":")), encoding="utf-8")
        print(f"{args.cards:,} cards, file {source.stat().st_size / 2**20:.1f} MB")
        for kind in args.formats.split(","):
            out = Path(folder) / f"big.{kind}"
            code, peak, seconds = measure([script, "export", str(source), "-o", str(out)])
            size = out.stat().st_size / 2**20 if out.exists() else 0.0
            print(f"{kind}: exit {code}, peak {peak:,.0f} MB, {seconds:.1f} s, file {size:,.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
