"""Limits on what a file may hold, so that a hostile or broken file cannot exhaust the machine.

They are far above any real blueprint (a large bank blueprint has a few thousand cards) and are
documented in README.md and docs/safety.md. Size, nesting and the number of JSON values are checked on
the raw text before it is parsed; string lengths and numbers while it is parsed; element counts before
the model is built.

What the program writes it must read: the size limit leaves room for the canonical (indented) text of a
blueprint at the element limits with ordinary text in it (100,000 cards, 200,000 links and 20,000 steps
come to about 90 MB), and `save` refuses, before writing anything, a document whose file would break a
limit (`writer.check_readable`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

MAX_FILE_BYTES = 128 * 1024 * 1024
MAX_NESTING_DEPTH = 16
#: JSON values (roughly: commas outside strings) in one file; 100,000 full cards need about 2.5 million.
MAX_JSON_VALUES = 5_000_000
#: Characters in any one string (the longest field of the spec, a card description, allows 20,000).
MAX_STRING_CHARS = 100_000
#: Characters in an object key (every key of the format is under 20).
MAX_KEY_CHARS = 100
#: Largest magnitude of any number (minutes, emotion, version): 10^12 minutes is 1.9 million years.
MAX_NUMBER = 10**12
MAX_COUNTS: dict[str, int] = {
    "functions": 5_000,
    "lanes": 200,
    "stages": 5_000,
    "steps": 20_000,
    "cards": 100_000,
    "links": 200_000,
}


@dataclass(frozen=True)
class SizeLimits:
    """The limits that grow with a document: its bytes, its JSON values and its element counts."""

    file_bytes: int
    json_values: int
    counts: Mapping[str, int]

    @property
    def megabytes(self) -> int:
        return self.file_bytes // (1024 * 1024)


#: What a `.blueprint` file (or standard input) may hold.
FILE_LIMITS = SizeLimits(MAX_FILE_BYTES, MAX_JSON_VALUES, MAX_COUNTS)

#: What a recovery copy may hold: whatever the editor had open, which can be more than a file may hold
#: (pasting grows a document past the limits; `save` then refuses, and the recovery copy is all there
#: is). Still bounded, because the recovery folder is read as untrusted input too.
RECOVERY_LIMITS = SizeLimits(
    8 * MAX_FILE_BYTES, 8 * MAX_JSON_VALUES, {name: 8 * count for name, count in MAX_COUNTS.items()}
)


def file_limits() -> SizeLimits:
    """The limits of a file, looked up when used (so that tests can try them at small sizes)."""
    return FILE_LIMITS
