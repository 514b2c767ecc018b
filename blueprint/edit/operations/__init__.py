"""Every edit of a blueprint as a small invertible operation (`apply(bp)` returns the inverse)."""

from blueprint.edit.operations.base import Batch, Operation
from blueprint.edit.operations.cards import AddCard, MoveCard, RemoveCards, SetCardFields
from blueprint.edit.operations.document_fields import SetDocumentFields
from blueprint.edit.operations.functions import AddFunction, RemoveFunction, SetFunctionFields
from blueprint.edit.operations.lanes import AddLane, MoveLane, RemoveLane, SetLaneFields
from blueprint.edit.operations.links import AddLink, RemoveLinks, SetLinkFields
from blueprint.edit.operations.plans import (
    AddImprovement,
    AddView,
    MoveImprovement,
    RemoveImprovements,
    RemoveView,
    SetImprovementFields,
    SetViewFields,
)
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
    "AddImprovement",
    "AddLane",
    "AddLink",
    "AddStage",
    "AddStep",
    "AddView",
    "Batch",
    "Extract",
    "MoveCard",
    "MoveImprovement",
    "MoveLane",
    "MoveStage",
    "MoveStep",
    "Operation",
    "RemoveCards",
    "RemoveFunction",
    "RemoveImprovements",
    "RemoveLane",
    "RemoveLinks",
    "RemoveStage",
    "RemoveStep",
    "RemoveView",
    "Restore",
    "SetCardFields",
    "SetDocumentFields",
    "SetFunctionFields",
    "SetImprovementFields",
    "SetLaneFields",
    "SetLinkFields",
    "SetStageFields",
    "SetStepFields",
    "SetViewFields",
]
