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


def median_time(fn: Callable[[], object], repeats: int, warmup: int = 1) -> Measurement:
    """Run `fn` `warmup` times untimed, then `repeats` times timed; garbage is collected before each."""
    for _ in range(warmup):
        fn()
    runs = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return Measurement(tuple(runs))
