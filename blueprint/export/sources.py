"""Adapter to the validation, hand-off and timing modules for the appendix (kept apart so the PDF still
exports if either is missing or fails on an odd document)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from blueprint.model import Blueprint


@dataclass(frozen=True)
class AppendixSources:
    findings: list[Any] | None
    handoffs: Any | None
    timing: Any | None = None  # graph.timing.Timing: the customer's time


def appendix_sources(doc: Blueprint) -> AppendixSources:
    try:
        from blueprint.validate import validate

        findings: list[Any] | None = list(validate(doc))
    except ImportError:
        findings = None
    try:
        from blueprint.graph import handoff_report

        handoffs = handoff_report(doc)
    except ImportError:
        handoffs = None
    try:
        from blueprint.graph.timing import customer_time

        timing = customer_time(doc)
    except ImportError:
        timing = None
    return AppendixSources(findings, handoffs, timing)
