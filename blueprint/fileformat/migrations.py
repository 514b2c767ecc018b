"""Format migrations: one small function per version step, run on the raw JSON before validation.

`MIGRATIONS[n]` turns a version-n document into a version-(n+1) document. To add a version, write
`_vN_to_vN1`, register it under N, and raise `FORMAT_VERSION` in the model. Migrations never change
their input (they return a new raw document) and leave anything they do not understand to validation.
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


def _one_line(tags: Any) -> Any:
    """Version 2 allows no line break in a tag; a version-1 tag keeps its words on one line."""
    if not isinstance(tags, list):
        return tags
    return [" ".join(tag.splitlines()) if isinstance(tag, str) else tag for tag in tags]


def _v1_to_v2(raw: RawDocument) -> RawDocument:
    """Version 2 adds improvement plans, views, `metadata.language` and `fail_point.owner` (defaults:
    none). A version-1 tag with a line break is joined into one line (version 2 refuses it)."""
    out = {**raw, "version": 2}
    out.setdefault("improvements", [])
    out.setdefault("views", [])
    metadata = out.get("metadata")
    if isinstance(metadata, dict):
        metadata = {**metadata, "tags": _one_line(metadata["tags"])} if "tags" in metadata else dict(metadata)
        metadata.setdefault("language", None)
        out["metadata"] = metadata
    cards = out.get("cards")
    if isinstance(cards, list):
        out["cards"] = [_card_v2(card) if isinstance(card, dict) else card for card in cards]
    return out


def _card_v2(card: dict[str, Any]) -> dict[str, Any]:
    card = dict(card)
    if isinstance(card.get("fail_point"), dict):
        card["fail_point"] = {**card["fail_point"]}
        card["fail_point"].setdefault("owner", None)
    if "tags" in card:
        card["tags"] = _one_line(card["tags"])
    return card


MIGRATIONS: dict[int, Migration] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
}


def migrate(raw: RawDocument, version: int) -> RawDocument:
    """Bring a raw document of `version` up to the current version, one step at a time."""
    while version < FORMAT_VERSION:
        raw = MIGRATIONS[version](raw)
        version += 1
    return raw
