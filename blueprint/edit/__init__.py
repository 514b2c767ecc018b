"""The edit layer (no Qt): a Document that applies invertible operations and notifies observers."""

from blueprint.edit.change import Change
from blueprint.edit.clipboard import copy_cards, duplicate_cards, new_card, paste_cards, pasted_card_ids
from blueprint.edit.document import Document
from blueprint.edit.errors import EditError
from blueprint.edit.operations import *  # noqa: F403
from blueprint.edit.operations import __all__ as _operations
from blueprint.edit.view_names import view_name_problem

__all__ = [
    "Change",
    "Document",
    "EditError",
    "copy_cards",
    "duplicate_cards",
    "new_card",
    "paste_cards",
    "pasted_card_ids",
    "view_name_problem",
    *_operations,
]
