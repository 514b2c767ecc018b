"""Limits on what a file may hold, so that a hostile or broken file cannot exhaust the machine.

They are far above any real blueprint (a large bank blueprint has a few thousand cards) and are
documented in README.md and docs/safety.md. Size, nesting and the number of JSON values are checked on
the raw text before it is parsed; string lengths and numbers while it is parsed; element counts before
the model is built.
"""

MAX_FILE_BYTES = 32 * 1024 * 1024
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
