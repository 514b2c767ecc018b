"""The shape every edit shares: a small dataclass whose `apply` changes the blueprint and returns its
inverse. Undo is applying the inverse; nothing else ever changes the model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError

from blueprint.edit.card_index import CardIndex
from blueprint.edit.change import Change
from blueprint.edit.errors import EditError, error_from_validation
from blueprint.model import Blueprint


@dataclass
class Operation:
    """One invertible edit. `text` overrides the plain English name shown in the undo menu."""

    text: str = field(default="", kw_only=True)

    #: True when the operation adds or removes elements (indexes of the document must be rebuilt).
    reshapes: ClassVar[bool] = False

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        """Change `bp` and return the operation that undoes it; raise EditError and change nothing."""
        raise NotImplementedError

    def affects(self) -> Change:
        """Kinds and ids this operation touches (known without the blueprint)."""
        raise NotImplementedError

    def describe(self, bp: Blueprint, index: CardIndex | None = None) -> str:
        """Name for the undo menu, e.g. "Move card 'Orders'" (call before applying); with the
        document's `index`, a card's title is found without a pass over every card."""
        return self.text or self.default_text(bp)

    def default_text(self, bp: Blueprint) -> str:
        return "Edit"


@dataclass
class Batch(Operation):
    """Several operations as one undo step; if one fails, those already applied are rolled back."""

    ops: list[Operation] = field(default_factory=list)

    @property
    def reshapes(self) -> bool:  # type: ignore[override]
        return any(op.reshapes for op in self.ops)

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        inverses: list[Operation] = []
        try:
            for op in self.ops:
                inverses.append(apply_op(op, bp, index))
        except EditError:
            for inverse in reversed(inverses):
                apply_op(inverse, bp, index)
            raise
        return Batch(list(reversed(inverses)), text=self.text)

    def affects(self) -> Change:
        result = Change()
        for op in self.ops:
            result = result | op.affects()
        return result

    def default_text(self, bp: Blueprint) -> str:
        return self.ops[0].describe(bp) if len(self.ops) == 1 else f"{len(self.ops)} edits"


def apply_op(op: Operation, bp: Blueprint, index: CardIndex | None) -> Operation:
    """Apply `op`, keeping `index` valid: an operation that adds or removes elements invalidates it."""
    inverse = op.apply(bp, index)
    if index is not None and (op.reshapes or inverse.reshapes):
        index.invalidate()
    return inverse


def quoted(name: str, limit: int = 30) -> str:
    """A name for the undo menu, shortened: 'Orders a coffee'."""
    name = " ".join(name.split())
    return f"'{name[: limit - 1]}…'" if len(name) > limit else f"'{name}'"


def find(items: list[Any], element_id: str, what: str) -> tuple[int, Any]:
    """Position and element with `element_id` in `items`; EditError when it does not exist."""
    for i, item in enumerate(items):
        if item.id == element_id:
            return i, item
    raise EditError("unknown-id", f"There is no {what} '{element_id}'")


def validated_fields(
    element: BaseModel, changes: dict[str, Any], locked: frozenset[str] = frozenset({"id"})
) -> dict[str, Any]:
    """`changes` validated against the element's model; values as the model stores them."""
    fields = type(element).model_fields
    for name in changes:
        if name not in fields:
            raise EditError("unknown-field", f"'{name}' is not a field of {type(element).__name__}", name)
        if name in locked:
            raise EditError("locked-field", f"'{name}' cannot be changed here", name)
    try:
        new = type(element).model_validate({**dict(element), **changes})
    except ValidationError as error:
        raise error_from_validation(error, set(changes)) from None
    return {name: getattr(new, name) for name in changes}


def set_fields(element: BaseModel, values: dict[str, Any]) -> dict[str, Any]:
    """Assign already-validated `values`; return the old values (the inverse's changes)."""
    old = {name: getattr(element, name) for name in values}
    for name, value in values.items():
        setattr(element, name, value)
    return old


def check_free_id(bp: Blueprint, element_id: str, index: CardIndex | None = None) -> None:
    """EditError when `element_id` is in use; the document's `index`, when given, answers without
    building the set of every id."""
    if index.id_taken(element_id) if index is not None else element_id in bp.all_ids():
        raise EditError("duplicate-id", f"The id '{element_id}' is already used")


Check = Callable[[Blueprint, dict[str, Any]], None]
