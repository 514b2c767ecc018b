"""The save times a file carries: `metadata.created` when a document is first saved, `metadata.modified`
every time it is saved (ISO 8601, UTC, to the second). Set by whoever saves a document for a person
(the editor); `save()` itself writes what it is given, so a file's bytes depend only on the document."""

from __future__ import annotations

from datetime import UTC, datetime

from blueprint.model import Blueprint


def now_text(moment: datetime | None = None) -> str:
    """`moment` (else now) as "2026-11-01T09:00:00Z"."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def stamped(doc: Blueprint, moment: datetime | None = None) -> Blueprint:
    """A copy of `doc` (sharing everything but its metadata) with the save times set."""
    when = now_text(moment)
    metadata = doc.metadata.model_copy(update={"created": doc.metadata.created or when, "modified": when})
    return doc.model_copy(update={"metadata": metadata})
