"""The hand-off report: per function its neighbours, counts and stages, plus the matrix.

One value object feeds `blueprint handoffs`, the PDF appendix and the editor's Functions panel, so they
always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from blueprint.graph.cards import build_graph, release_graph
from blueprint.graph.functions import downstream_functions, function_graph, handoff_matrix, upstream_functions
from blueprint.model import Blueprint


@dataclass(frozen=True)
class FunctionHandoffs:
    """What one function receives and passes on."""

    id: str
    name: str
    kind: str
    upstream: tuple[str, ...]
    downstream: tuple[str, ...]
    handoffs_in: int
    handoffs_out: int
    stages: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "upstream": list(self.upstream),
            "downstream": list(self.downstream),
            "handoffs_in": self.handoffs_in,
            "handoffs_out": self.handoffs_out,
            "stages": list(self.stages),
        }


@dataclass(frozen=True)
class HandoffReport:
    """Every function (display order) and the sparse matrix `{from: {to: n}}` of hand-off counts."""

    functions: tuple[FunctionHandoffs, ...]
    matrix: dict[str, dict[str, int]]

    def function(self, function_id: str) -> FunctionHandoffs:
        for entry in self.functions:
            if entry.id == function_id:
                return entry
        raise KeyError(function_id)

    def count(self, source: str, target: str) -> int:
        """Hand-offs from `source` to `target` (0 when there are none)."""
        return self.matrix.get(source, {}).get(target, 0)

    def to_json(self) -> dict[str, Any]:
        """The object `blueprint handoffs --format json` prints."""
        return {
            "functions": [entry.to_json() for entry in self.functions],
            "matrix": {source: dict(row) for source, row in self.matrix.items()},
        }


def handoff_report(doc: Blueprint, graph: nx.MultiDiGraph | None = None) -> HandoffReport:
    """The hand-off report of `doc` (pass `graph` from `build_graph` to reuse it)."""
    graph = build_graph(doc) if graph is None else graph
    functions = function_graph(doc, graph)
    stage_index = {stage.id: i for i, stage in enumerate(doc.stages)}
    stages_of: dict[str, set[str]] = {f.id: set() for f in doc.functions}
    for _, data in graph.nodes(data=True):
        if data["function"] is not None:
            stages_of[data["function"]].add(data["stage"])
    entries = tuple(
        FunctionHandoffs(
            id=f.id,
            name=f.name,
            kind=f.kind,
            upstream=tuple(upstream_functions(functions, f.id)),
            downstream=tuple(downstream_functions(functions, f.id)),
            handoffs_in=int(functions.in_degree(f.id, weight="weight")),
            handoffs_out=int(functions.out_degree(f.id, weight="weight")),
            stages=tuple(sorted(stages_of[f.id], key=stage_index.__getitem__)),
        )
        for f in doc.functions
    )
    report = HandoffReport(functions=entries, matrix=handoff_matrix(functions))
    release_graph(functions)  # (its degree views refer back to it, a cycle: see `release_graph`)
    return report
