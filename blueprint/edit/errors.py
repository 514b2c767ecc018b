"""Why an edit was refused: a value the Inspector can show beside the field, never a traceback."""

from __future__ import annotations

from pydantic import ValidationError

FIELD_LABELS = {
    "title": "Title",
    "name": "Name",
    "duration_minutes": "Duration",
    "tolerance_minutes": "Tolerance",
    "emotion": "Emotion",
    "channel": "Channel",
    "color": "Colour",
    "label": "Label",
}


class EditError(ValueError):
    """An operation that cannot be applied; the document is left unchanged.

    `field` names the field at fault (or "" when the whole operation is at fault), `code` is stable
    for tests, `message` is one plain English line.
    """

    def __init__(self, code: str, message: str, field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


def error_from_validation(error: ValidationError, changed: set[str] | None = None) -> EditError:
    """The first problem of a pydantic error as an EditError, phrased for a person."""
    first = error.errors()[0]
    loc = first.get("loc") or ()
    ctx = first.get("ctx") or {}
    field = str(loc[0]) if loc else str(ctx.get("path", ""))
    if not field and changed and len(changed) == 1:
        field = next(iter(changed))
    label = FIELD_LABELS.get(field, field.replace("_", " ").capitalize() or "Value")
    kind = first["type"]
    if (kind == "string_too_short" and ctx.get("min_length") == 1) or kind == "blank":
        message = f"{label} cannot be empty"
    elif kind == "string_too_long":
        message = f"{label} is too long (at most {ctx.get('max_length')} characters)"
    elif kind == "tolerance":
        message = "Tolerance must be at least the duration"
        field = field or "tolerance_minutes"
    else:
        message = f"{label}: {first['msg']}"
    return EditError(kind, message, field)
