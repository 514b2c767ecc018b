"""Hand-off checks: rules BP101-BP113 and BP201 over the card graph, as sorted `Finding` values.

`validate(doc)` is the entry point; `RULES` is the registry (code -> `RuleInfo` with title, severity).
"""

# Importing the rule modules registers their rules (in code order below).
from blueprint.validate import (  # noqa: F401  (imported for registration)
    rules_flow,
    rules_journey,
    rules_lanes,
    rules_ownership,
    rules_reach,
    rules_time,
    rules_touchpoints,
)
from blueprint.validate.context import Context
from blueprint.validate.engine import validate
from blueprint.validate.finding import SEVERITY_RANK, Finding, Severity
from blueprint.validate.registry import RULES, Hit, RuleInfo, rule

# Present the registry in code order whatever the import order.
_ordered = dict(sorted(RULES.items()))
RULES.clear()
RULES.update(_ordered)

__all__ = ["RULES", "SEVERITY_RANK", "Context", "Finding", "Hit", "RuleInfo", "Severity", "rule", "validate"]
