"""Limits on what a file may hold, so that a hostile or broken file cannot exhaust the machine.

They are far above any real blueprint (a large bank blueprint has a few thousand cards) and are
documented in README.md.
"""

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_NESTING_DEPTH = 16
MAX_COUNTS: dict[str, int] = {
    "functions": 5_000,
    "lanes": 200,
    "stages": 5_000,
    "steps": 20_000,
    "cards": 100_000,
    "links": 200_000,
}
