"""Every edit of a blueprint as a small invertible operation (`apply(bp)` returns the inverse)."""

from blueprint.edit.operations.base import Batch, Operation
from blueprint.edit.operations.cards import AddCard, MoveCard, RemoveCards, SetCardFields
from blueprint.edit.operations.document_fields import SetDocumentFields
from blueprint.edit.operations.functions import AddFunction, RemoveFunction, SetFunctionFields
from blueprint.edit.operations.lanes import AddLane, MoveLane, RemoveLane, SetLaneFields
from blueprint.edit.operations.links import AddLink, RemoveLinks, SetLinkFields
from blueprint.edit.operations.removal import Extract, Restore
from blueprint.edit.operations.stages import (
    AddStage,
    AddStep,
    MoveStage,
    MoveStep,
    RemoveStage,
    RemoveStep,
    SetStageFields,
    SetStepFields,
)

__all__ = [
    "AddCard",
    "AddFunction",
    "AddLane",
    "AddLink",
    "AddStage",
    "AddStep",
    "Batch",
    "Extract",
    "MoveCard",
    "MoveLane",
    "MoveStage",
    "MoveStep",
    "Operation",
    "RemoveCards",
    "RemoveFunction",
    "RemoveLane",
    "RemoveLinks",
    "RemoveStage",
    "RemoveStep",
    "Restore",
    "SetCardFields",
    "SetDocumentFields",
    "SetFunctionFields",
    "SetLaneFields",
    "SetLinkFields",
    "SetStageFields",
    "SetStepFields",
]
