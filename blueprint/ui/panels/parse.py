"""Reading what a person typed into a panel field (no Qt): minutes, tags, optional text."""

from __future__ import annotations

import math

from blueprint.edit import EditError


def parse_minutes(text: str, field: str, label: str) -> int | float | None:
    """ "" -> None, "5" -> 5, "2.5" or "2,5" -> 2.5; anything else is an EditError for `field`."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise EditError("number", f"{label} must be a number of minutes", field) from None
    if not math.isfinite(value):
        raise EditError("number", f"{label} must be a number of minutes", field)
    if value < 0:
        raise EditError("non_negative", f"{label} cannot be negative", field)
    return int(value) if value.is_integer() and "." not in text and "," not in text else value


def format_minutes(value: int | float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, empty ones dropped, duplicates kept once."""
    return list(dict.fromkeys(tag.strip() for tag in text.split(",") if tag.strip()))


def format_tags(tags: list[str]) -> str:
    return ", ".join(tags)


def optional(text: str) -> str | None:
    """Blank text means "not set"."""
    return text if text.strip() else None
