"""The blueprint's own fields: title, description, persona and metadata."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from blueprint.edit.card_index import CardIndex
from blueprint.edit.change import Change, change
from blueprint.edit.errors import EditError, error_from_validation
from blueprint.edit.operations.base import Operation, set_fields
from blueprint.model import Blueprint, Metadata, Persona

EDITABLE = frozenset({"title", "description", "persona", "metadata"})


@dataclass
class SetDocumentFields(Operation):
    """Change `title`, `description`, `persona` (Persona, dict or None) or `metadata` (Metadata or dict)."""

    changes: dict[str, Any]

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        values = {name: _validated(name, value) for name, value in self.changes.items()}
        return SetDocumentFields(set_fields(bp, values), text=self.text)

    def affects(self) -> Change:
        return change(["document"], [])

    def default_text(self, bp: Blueprint) -> str:
        return f"Edit blueprint {', '.join(self.changes)}"


def _validated(name: str, value: Any) -> Any:
    if name not in EDITABLE:
        raise EditError("locked-field", f"'{name}' cannot be changed here", name)
    try:
        if name == "title":
            if not isinstance(value, str):
                raise EditError("type", "Title must be text", name)
            if not 1 <= len(value.strip()) <= 200:
                raise EditError("title_length", "Title must have 1 to 200 characters", name)
            return value
        if name == "description":
            if not isinstance(value, str):
                raise EditError("type", "Description must be text", name)
            return value
        if name == "persona":
            return None if value is None else Persona.model_validate(value)
        return Metadata.model_validate(value)
    except ValidationError as error:
        raised = error_from_validation(error)
        raised.field = f"{name}.{raised.field}" if raised.field else name
        raise raised from None
