"""Mutators and time bounds for the loader's fuzz tests (and benchmarks/fuzz_long.py).

The tests that use them: tests/fileformat/test_fileformat_fuzz_mutations.py.

Each case runs under a time bound (a SIGALRM timer), so a hang fails the test instead of the suite.
Truncation at every 7th byte, byte flips, deleted keys, swapped types, huge numbers, NaN, deep nesting
and invalid UTF-8 are all tried; about three hundred cases in all. The long run is
benchmarks/fuzz_long.py.
"""

from __future__ import annotations

import contextlib
import json
import random
import signal
from collections.abc import Iterator
from typing import Any

from blueprint.fileformat import BlueprintFileError, loads


class CaseTimeout(Exception):
    """A fuzz case ran longer than its bound."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `CaseTimeout` in the main thread if the block runs longer than `seconds`."""

    def expire(signum: int, frame: Any) -> None:
        raise CaseTimeout(f"ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def outcome(data: bytes | str, seconds: float | None = 5) -> str:
    """'ok' or the error code; any other exception (or a hang) propagates and fails the test.

    `seconds=None` leaves the time bound to the caller (one bound around many small cases).
    """
    with time_limit(seconds) if seconds else contextlib.nullcontext():
        try:
            loads(data, file="fuzz.blueprint")
        except BlueprintFileError as error:
            assert "\n" not in str(error)
            return error.code
    return "ok"


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside parsed JSON."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _replace(raw: Any, path: tuple[Any, ...], new: Any, delete: bool = False) -> Any:
    raw = json.loads(json.dumps(raw))
    parent = raw
    for part in path[:-1]:
        parent = parent[part]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return raw


SWAPS: list[Any] = [None, True, 0, -1, 1.5, "", "x", [], {}, [None], {"id": 1}, 10**12, -(10**12)]


def structural_mutations(text: str, rng: random.Random, count: int) -> Iterator[str]:
    """Deleted keys, swapped types, huge numbers, NaN and nesting at random places of a sample."""
    raw = json.loads(text)
    paths = [p for p in _paths(raw) if p]
    for _ in range(count):
        path = rng.choice(paths)
        kind = rng.randrange(6)
        if kind == 0 and isinstance(path[-1], str):
            yield json.dumps(_replace(raw, path, None, delete=True))
        elif kind == 1:
            yield json.dumps(_replace(raw, path, rng.choice(SWAPS)))
        elif kind == 2:
            yield json.dumps(_replace(raw, path, "__NUM__")).replace(
                '"__NUM__"', rng.choice(["1e309", "9" * 400, "-1e308", "NaN", "Infinity", "1e-400"])
            )
        elif kind == 3:
            depth = rng.choice([15, 17, 200, 3000])
            yield json.dumps(_replace(raw, path, "__DEEP__")).replace('"__DEEP__"', "[" * depth + "]" * depth)
        elif kind == 4:
            yield json.dumps(_replace(raw, path, "y" * rng.choice([501, 20_001, 100_001])))
        else:
            yield json.dumps(_replace(raw, path, rng.choice(["\ud800", "a\u0000b", "<b>x</b>", "c1", "s1"])))


def byte_mutations(data: bytes, rng: random.Random, count: int) -> Iterator[bytes]:
    """Flipped bits, invalid UTF-8 and inserted or deleted bytes."""
    for _ in range(count):
        buf = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            if not buf:
                buf.extend(b"{")
            at = rng.randrange(len(buf))
            choice = rng.randrange(4)
            if choice == 0:
                buf[at] ^= 1 << rng.randrange(8)
            elif choice == 1:
                buf[at : at + 1] = rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xef\xbb\xbf"])
            elif choice == 2:
                del buf[at : at + rng.randint(1, 40)]
            else:
                buf[at:at] = rng.choice([b"{", b"[", b'"', b"\\", b",", b"}", b"]", b":", b"\\u"])
        yield bytes(buf)
