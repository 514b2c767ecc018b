"""Format migrations: one small function per version step, run on the raw JSON before validation.

`MIGRATIONS[n]` turns a version-n document into a version-(n+1) document. To add version 2, write
`_v1_to_v2`, register it under 1, and raise `FORMAT_VERSION` in the model.
"""

from collections.abc import Callable
from typing import Any

from blueprint.model import FORMAT_VERSION

RawDocument = dict[str, Any]
Migration = Callable[[RawDocument], RawDocument]

#: The oldest version this program can migrate from.
OLDEST_VERSION = 0


def _v0_to_v1(raw: RawDocument) -> RawDocument:
    """Version 0 was the pre-release draft of the format: same shape, only the number changes."""
    return {**raw, "version": 1}


MIGRATIONS: dict[int, Migration] = {
    0: _v0_to_v1,
}


def migrate(raw: RawDocument, version: int) -> RawDocument:
    """Bring a raw document of `version` up to the current version, one step at a time."""
    while version < FORMAT_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
    return raw
