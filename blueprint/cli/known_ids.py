"""The one line for an id the document does not have (`--function`, `--view`): it names the known ids,
the first ten of them, so the person can correct the call without opening the file."""

from __future__ import annotations

from collections.abc import Sequence

SHOWN = 10


def unknown_id(what: str, given: str, known: Sequence[str]) -> str:
    """e.g. "unknown function 'fd' (the functions are: web, pms, frontdesk)"."""
    if not known:
        return f"unknown {what} {given!r} (the blueprint has no {what}s)"
    listed = ", ".join(known[:SHOWN])
    more = f", … {len(known) - SHOWN} more" if len(known) > SHOWN else ""
    return f"unknown {what} {given!r} (the {what}s are: {listed}{more})"
