"""Function operations. Removing a function clears the cards it owned; undo gives them back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from blueprint.edit.card_index import CardIndex
from blueprint.edit.change import Change, change
from blueprint.edit.operations.base import (
    Operation,
    check_free_id,
    find,
    quoted,
    set_fields,
    validated_fields,
)
from blueprint.edit.operations.references import after_release, release
from blueprint.model import Blueprint, Function


@dataclass
class AddFunction(Operation):
    """Insert `function` at `index` (None: at the end); `owned` cards get it as their function."""

    function: Function
    index: int | None = None
    owned: tuple[str, ...] = field(default=())

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        check_free_id(bp, self.function.id)
        owned = set(self.owned)
        bp.functions.insert(len(bp.functions) if self.index is None else self.index, self.function)
        for card in bp.cards:
            if card.id in owned:
                card.function = self.function.id
        return RemoveFunction(self.function.id, text=self.text)

    def affects(self) -> Change:
        return change(["function", "card"] if self.owned else ["function"], [self.function.id, *self.owned])

    def default_text(self, bp: Blueprint) -> str:
        return f"Add function {quoted(self.function.name)}"


@dataclass
class RemoveFunction(Operation):
    function_id: str

    reshapes = True

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        at, function = find(bp.functions, self.function_id, "function")

        def remove() -> Operation:
            owned = []
            for card in bp.cards:
                if card.function == self.function_id:
                    card.function = None
                    owned.append(card.id)
            bp.functions.pop(at)
            return AddFunction(function, at, tuple(owned), text=self.text)

        return after_release(bp, index, release(bp, functions=(self.function_id,)), remove, self.describe(bp))

    def affects(self) -> Change:
        return change(["function"], [self.function_id])

    def default_text(self, bp: Blueprint) -> str:
        names = {f.id: f.name for f in bp.functions}
        return f"Remove function {quoted(names.get(self.function_id, self.function_id))}"


@dataclass
class SetFunctionFields(Operation):
    """Rename, recolour or re-kind a function, or edit its description."""

    function_id: str
    changes: dict[str, Any]

    def apply(self, bp: Blueprint, index: CardIndex | None = None) -> Operation:
        _, function = find(bp.functions, self.function_id, "function")
        values = validated_fields(function, self.changes)
        return SetFunctionFields(self.function_id, set_fields(function, values), text=self.text)

    def affects(self) -> Change:
        return change(["function"], [self.function_id])

    def default_text(self, bp: Blueprint) -> str:
        if set(self.changes) == {"color"}:
            return "Recolour function"
        return "Rename function" if set(self.changes) == {"name"} else "Edit function"
