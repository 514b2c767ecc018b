"""Element ids: one pattern shared by every element, so ids stay safe in files, URLs and CSV."""

import re
from typing import Annotated

from pydantic import StringConstraints

ID_PATTERN = r"^[A-Za-z0-9_.:-]{1,64}$"
ID_RE = re.compile(ID_PATTERN)

ElementId = Annotated[str, StringConstraints(pattern=ID_PATTERN)]


def is_valid_id(text: str) -> bool:
    """True when `text` can be used as an element id."""
    return bool(ID_RE.fullmatch(text))


def unique_id(prefix: str, taken: set[str] | frozenset[str]) -> str:
    """A fresh id `prefix-N` not in `taken` (N counts up from 1)."""
    base = re.sub(r"[^A-Za-z0-9_.:-]", "-", prefix)[:50] or "id"
    n = 1
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
