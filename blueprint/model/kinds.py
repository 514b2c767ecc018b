"""The closed vocabularies of the format (lane kinds, zones, phases, severities...)."""

from enum import StrEnum


class LaneKind(StrEnum):
    EVIDENCE = "evidence"
    CUSTOMER = "customer"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT = "support"
    NOTES = "notes"


class Zone(StrEnum):
    """The bands separated by the three lines of a blueprint, top to bottom."""

    CUSTOMER_SIDE = "customer-side"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT = "support"
    ANYWHERE = "anywhere"


ZONE_OF_LANE: dict[LaneKind, Zone] = {
    LaneKind.EVIDENCE: Zone.CUSTOMER_SIDE,
    LaneKind.CUSTOMER: Zone.CUSTOMER_SIDE,
    LaneKind.FRONTSTAGE: Zone.FRONTSTAGE,
    LaneKind.BACKSTAGE: Zone.BACKSTAGE,
    LaneKind.SUPPORT: Zone.SUPPORT,
    LaneKind.NOTES: Zone.ANYWHERE,
}

#: Zone order from top to bottom; `ANYWHERE` (notes lanes) is not ranked.
ZONE_RANK: dict[Zone, int] = {
    Zone.CUSTOMER_SIDE: 0,
    Zone.FRONTSTAGE: 1,
    Zone.BACKSTAGE: 2,
    Zone.SUPPORT: 3,
}

#: Lanes whose cards are work of the company (they should have an owner function).
COMPANY_LANES = frozenset({LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE, LaneKind.SUPPORT})
#: Lanes whose cards take part in the flow of work (notes and evidence do not need links).
FLOW_LANES = frozenset({LaneKind.CUSTOMER, LaneKind.FRONTSTAGE, LaneKind.BACKSTAGE, LaneKind.SUPPORT})
#: Lanes the customer can see.
CUSTOMER_SIDE_LANES = frozenset({LaneKind.EVIDENCE, LaneKind.CUSTOMER})


class FunctionKind(StrEnum):
    TEAM = "team"
    ROLE = "role"
    SYSTEM = "system"
    PARTNER = "partner"


class Phase(StrEnum):
    PRE_PURCHASE = "pre-purchase"
    PURCHASE = "purchase"
    POST_PURCHASE = "post-purchase"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class EvidenceStatus(StrEnum):
    OBSERVED = "observed"
    ASSUMED = "assumed"
    PROPOSED = "proposed"


class LinkKind(StrEnum):
    FLOW = "flow"
    LOOP = "loop"
