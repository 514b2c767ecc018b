"""Element ids: one pattern shared by every element, so ids stay safe in files, URLs and CSV."""

import re
import secrets
from collections.abc import Collection
from typing import Annotated

from pydantic import StringConstraints

ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,64}$"
ID_RE = re.compile(ID_PATTERN)

ElementId = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def is_valid_id(text: str) -> bool:
    """True when `text` can be used as an element id."""
    return bool(ID_RE.fullmatch(text))


#: Random hex digits after the prefix of a new element's id: 16.7 million ids per prefix.
FRESH_HEX_DIGITS = 6


def fresh_id(prefix: str, taken: Collection[str]) -> str:
    """A new element's id: `prefix-` and six random hex digits (`card-7f3a9c`), not in `taken`.

    Why random: counted ids (`card-1`) are handed out again once the element that had one is
    deleted, and two designers adding a card to copies of one file both make `card-1`; a three-way
    merge matches elements by id, so it would take them for one card (or report a clash).
    """
    base = _base(prefix)
    while True:
        candidate = f"{base}-{secrets.token_hex(FRESH_HEX_DIGITS // 2)}"
        if candidate not in taken:
            return candidate


def unique_id(prefix: str, taken: set[str] | frozenset[str]) -> str:
    """A fresh id `prefix-N` not in `taken` (N counts up from 1): deterministic, for ids derived from
    the input (a repair, a merge's renamed clash); the editor's new elements use `fresh_id`."""
    base = _base(prefix)
    n = 1
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _base(prefix: str) -> str:
    """`prefix` with the characters an id cannot hold made dashes, short enough for a suffix."""
    return re.sub(r"[^A-Za-z0-9_.:-]", "-", prefix)[:50] or "id"
