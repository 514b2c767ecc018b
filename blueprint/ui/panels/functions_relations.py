"""Plain text of a function's hand-offs for the Functions panel (no Qt)."""

from __future__ import annotations

from blueprint.graph import HandoffReport


def relations_text(report: HandoffReport, function_id: str, names: dict[str, str]) -> tuple[str, str]:
    """("Receives work from" text, "Hands work to" text), each "Name (n), Name (n)" or "nobody"."""
    try:
        entry = report.function(function_id)
    except KeyError:
        return "nobody", "nobody"
    upstream = [f"{names.get(f, f)} ({report.count(f, function_id)})" for f in entry.upstream]
    downstream = [f"{names.get(f, f)} ({report.count(function_id, f)})" for f in entry.downstream]
    return ", ".join(upstream) or "nobody", ", ".join(downstream) or "nobody"


def handoff_counts(report: HandoffReport, function_id: str) -> tuple[int, int]:
    try:
        entry = report.function(function_id)
    except KeyError:
        return 0, 0
    return entry.handoffs_in, entry.handoffs_out
