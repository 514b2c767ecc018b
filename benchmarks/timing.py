"""Timing helpers: warm up, then the median of several runs (medians shrug off a noisy neighbour)."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


class NotBuilt(Exception):
    """The stage's module or function does not exist yet: the table says "n/a (not built yet)"."""


@dataclass(frozen=True)
class Measurement:
    """Seconds of each timed run (warm-up excluded); `value` is their median."""

    runs: tuple[float, ...]
    unit: str = "s"

    @property
    def value(self) -> float:
        return statistics.median(self.runs)


def clock_of(name: str) -> Callable[[], float]:
    """`cpu`: this process's CPU time (other programs on a shared machine do not inflate it, but time
    spent waiting for the disk is not counted); `wall`: elapsed time."""
    return {"cpu": time.process_time, "wall": time.perf_counter}[name]


def median_time(fn: Callable[[], object], repeats: int, warmup: int = 1, clock: str = "cpu") -> Measurement:
    """Run `fn` `warmup` times untimed, then `repeats` times timed; garbage is collected before each."""
    now = clock_of(clock)
    for _ in range(warmup):
        fn()
    runs = []
    for _ in range(repeats):
        gc.collect()
        start = now()
        fn()
        runs.append(now() - start)
    return Measurement(tuple(runs))


def interleaved_times(
    fns: list[Callable[[], object]], repeats: int, warmup: int = 1, clock: str = "cpu"
) -> list[Measurement]:
    """Like `median_time` for several callables run in turn (a, b, a, b...), so that a stage and its
    floor meet the same interference from the rest of the machine and their ratio stays honest."""
    now = clock_of(clock)
    for _ in range(warmup):
        for fn in fns:
            fn()
    runs: list[list[float]] = [[] for _ in fns]
    for _ in range(repeats):
        for fn, out in zip(fns, runs, strict=True):
            gc.collect()
            start = now()
            fn()
            out.append(now() - start)
    return [Measurement(tuple(r)) for r in runs]
