"""The networkx views of a blueprint: the card graph, the function graph and the queries over them.

No Qt; pure functions of the document (safe to run off the editor's UI thread on a snapshot).
"""

from blueprint.graph.cards import build_graph, flow_graph, is_handoff, release_graph
from blueprint.graph.functions import (
    downstream_functions,
    function_graph,
    handoff_matrix,
    upstream_functions,
)
from blueprint.graph.handoffs import FunctionHandoffs, HandoffReport, handoff_report
from blueprint.graph.paths import (
    PathTiming,
    customer_cards,
    customer_timings,
    handoffs_behind,
    longest_path_to,
    step_dependencies,
    upstream_cards,
)
from blueprint.graph.timing import CardTime, StageTime, Timing, customer_time

__all__ = [
    "CardTime",
    "FunctionHandoffs",
    "HandoffReport",
    "PathTiming",
    "StageTime",
    "Timing",
    "build_graph",
    "customer_cards",
    "customer_time",
    "customer_timings",
    "downstream_functions",
    "flow_graph",
    "function_graph",
    "handoff_matrix",
    "handoff_report",
    "handoffs_behind",
    "is_handoff",
    "longest_path_to",
    "release_graph",
    "step_dependencies",
    "upstream_cards",
    "upstream_functions",
]
