"""Whether fields merged from both sides still make a valid element (a card's tolerance at least its
duration, say): each side's element is valid, a mixture need not be."""

from __future__ import annotations

from pydantic import BaseModel, ValidationError

from blueprint.fileformat.messages import first_problem
from blueprint.model import Card, Function, Improvement, Lane, Link, Metadata, Persona, Stage, Step, View
from blueprint.model.blueprint import _title
from blueprint.teams.elements import Fields

MODELS: dict[str, type[BaseModel]] = {
    "function": Function,
    "lane": Lane,
    "stage": Stage,
    "step": Step,
    "card": Card,
    "link": Link,
    "improvement": Improvement,
    "view": View,
}
_PLACEHOLDER_STEP = {"id": "placeholder", "name": "placeholder"}


def misfit(kind: str, element_id: str | None, data: Fields) -> str | None:
    """Why the element with `data` is not valid (one line), or None when it is."""
    try:
        if kind == "blueprint":
            _title(data["title"])
            if data.get("persona") is not None:
                Persona.model_validate(data["persona"])
            Metadata.model_validate(data["metadata"])
            return None
        fields = {"id": element_id, **data}
        if kind == "step":
            fields.pop("stage", None)
        if kind == "stage":
            fields["steps"] = [_PLACEHOLDER_STEP]
        MODELS[kind].model_validate(fields)
    except ValidationError as error:
        path, _code, message = first_problem(error)
        return f"{path}: {message}" if path else message
    except (ValueError, KeyError) as error:
        return str(error)
    return None
