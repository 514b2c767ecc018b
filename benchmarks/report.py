"""The results table (markdown, so the terminal and benchmarks/README.md show the same thing)."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

START, END = "<!-- results:start -->", "<!-- results:end -->"
LIBRARIES = ["pydantic", "networkx", "reportlab", "rl-accel", "PySide6-Essentials"]


@dataclass
class Cell:
    """One figure of the table: a value in `unit` (s or MB), or why there is none."""

    value: float | None = None
    unit: str = "s"
    floor: float | None = None
    note: str = ""
    parts: dict[str, float] = field(default_factory=dict)  # where the time went, in seconds
    kinds: dict[str, Cell] = field(default_factory=dict)  # the same figure for each kind of run

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor

    def text(self) -> str:
        if self.value is None:
            return self.note or "n/a"
        ratio = f" ({self.ratio:.2f}x)" if self.ratio is not None else ""
        return f"{figure(self.value, self.unit)}{ratio}"


def figure(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if value < 1:
        return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


@dataclass
class Row:
    name: str
    cells: dict[int, Cell]
    target: str = ""
    verdict: str = ""


def table(rows: list[Row], sizes: list[int]) -> str:
    head = ["stage", *(f"N = {n:,}" for n in sizes), "target at N = 5,000", "met?"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        cells = [row.cells[n].text() if n in row.cells else "" for n in sizes]
        lines.append("| " + " | ".join([row.name, *cells, row.target, row.verdict]) + " |")
    return "\n".join(lines)


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def machine() -> str:
    """Where the figures were measured: date, CPUs, Python and library versions."""
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
        model = re.search(r"Model name:\s*(.+)", lscpu)
        cpu = model.group(1).strip() if model else platform.processor()
    except OSError:
        cpu = platform.processor()
    libraries = ", ".join(f"{name} {_version(name)}" for name in LIBRARIES)
    return (
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs ({cpu}), Python {sys.version.split()[0]}; {libraries}."
    )


def machine_details() -> str:
    """`nproc` and the head of `lscpu`, as a fenced block."""
    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True, check=False).stdout.strip()
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return ""
    head = "\n".join(lscpu.splitlines()[:12])
    return f"```text\n$ nproc\n{nproc}\n$ lscpu | head -12\n{head}\n```"


def write_readme(readme: Path, text: str) -> None:
    """Replace the results section of `readme` (between the markers) with `text`."""
    old = readme.read_text(encoding="utf-8") if readme.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    if START not in old:
        old += f"\n{START}\n{END}\n"
    before, rest = old.split(START, 1)
    after = rest.split(END, 1)[1] if END in rest else ""
    readme.write_text(f"{before}{START}\n{text}\n{END}{after}", encoding="utf-8")
