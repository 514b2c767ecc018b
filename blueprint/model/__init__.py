"""The document model: pure data, no Qt. Everything else builds on it."""

from blueprint.model.blueprint import FORMAT_NAME, FORMAT_VERSION, Blueprint
from blueprint.model.elements import (
    OPEN_STATUSES,
    Card,
    FailPoint,
    Function,
    Improvement,
    Lane,
    Link,
    Metadata,
    Persona,
    Stage,
    Step,
    View,
    WaitPoint,
)
from blueprint.model.ids import ID_PATTERN, fresh_id, is_valid_id, unique_id
from blueprint.model.integrity import Problem, integrity_problems
from blueprint.model.kinds import (
    COMPANY_LANES,
    CUSTOMER_SIDE_LANES,
    FLOW_LANES,
    ZONE_OF_LANE,
    ZONE_RANK,
    LaneKind,
    Zone,
)

__all__ = [
    "COMPANY_LANES",
    "CUSTOMER_SIDE_LANES",
    "FLOW_LANES",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ID_PATTERN",
    "OPEN_STATUSES",
    "ZONE_OF_LANE",
    "ZONE_RANK",
    "Blueprint",
    "Card",
    "FailPoint",
    "Function",
    "Improvement",
    "Lane",
    "LaneKind",
    "Link",
    "Metadata",
    "Persona",
    "Problem",
    "Stage",
    "Step",
    "View",
    "WaitPoint",
    "Zone",
    "fresh_id",
    "integrity_problems",
    "is_valid_id",
    "unique_id",
]
