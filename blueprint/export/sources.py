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


def appendix_sources(doc: Blueprint, whole: Blueprint | None = None) -> AppendixSources:
    """Findings and hand-offs of `doc`. When `doc` is an audience view of `whole` (lanes left out),
    the findings are those of `whole` that involve a card or link the view shows, or no card or
    link at all: checking the view alone would report hand-offs into the hidden lanes as broken."""
    try:
        from blueprint.validate import validate

        findings: list[Any] | None = list(validate(whole if whole is not None else doc))
        if whole is not None and whole is not doc and findings:
            findings = shown_findings(findings, doc, whole)
    except ImportError:
        findings = None
    try:
        from blueprint.graph import handoff_report

        handoffs = handoff_report(doc)
    except ImportError:
        handoffs = None
    try:
        from blueprint.graph.timing import customer_time

        # the whole blueprint's: hiding a lane does not change how long the customer waits
        timing = customer_time(whole if whole is not None else doc)
    except ImportError:
        timing = None
    return AppendixSources(findings, handoffs, timing)


def shown_findings(findings: list[Any], doc: Blueprint, whole: Blueprint) -> list[Any]:
    """The findings of `whole` that a view of it (`doc`) can show (see `appendix_sources`)."""
    drawn = {card.id for card in whole.cards} | {link.id for link in whole.links}
    shown = {card.id for card in doc.cards} | {link.id for link in doc.links}
    kept = []
    for finding in findings:
        parts = [e for e in finding.elements if e in drawn]
        if not parts or any(e in shown for e in parts):
            kept.append(finding)
    return kept
