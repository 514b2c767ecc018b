"""Findings as the `blueprint validate` command prints them: text for people, JSON for programs.

The JSON shape is the spec's:
`{"files": [{"file", "findings": [{"code", "severity", "message", "elements"}], "summary": {...}}]}`,
with `{"file", "error"}` for a file that could not be read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from blueprint.safetext import for_terminal
from blueprint.validate.finding import Finding
from blueprint.validate.registry import RULES

_SUMMARY_KEYS = {"error": "errors", "warning": "warnings", "info": "info"}


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    """`{"errors": N, "warnings": N, "info": N}`."""
    counts = dict.fromkeys(_SUMMARY_KEYS.values(), 0)
    for finding in findings:
        counts[_SUMMARY_KEYS[finding.severity]] += 1
    return counts


def summary_line(findings: Sequence[Finding]) -> str:
    """`1 error, 2 warnings, 0 info`: plain English (scripts should read `--format json`)."""
    counts = summary(findings)
    errors, warnings = counts["errors"], counts["warnings"]
    return (
        f"{errors} error{'' if errors == 1 else 's'}, {warnings} warning{'' if warnings == 1 else 's'}, "
        f"{counts['info']} info"
    )


def finding_line(finding: Finding) -> str:
    """`warning BP103 Orphan card: "Sends the SMS" (Deliver › Finds the card, Backstage) has no links...`"""
    title = RULES[finding.code].title if finding.code in RULES else finding.code
    return f"{finding.severity} {finding.code} {title}: {finding.message}"


def file_text(path: str, findings: Sequence[Finding], summary: str | None = None) -> str:
    """One file's block: the path, one indented line per finding, the summary line (`summary` in place
    of the counts, e.g. for a run with a baseline). Titles quoted in the findings come from the file:
    their control characters are shown escaped (`for_terminal`)."""
    lines = [
        for_terminal(path),
        *(f"  {for_terminal(finding_line(finding))}" for finding in findings),
        f"  {summary if summary is not None else summary_line(findings)}",
    ]
    return "\n".join(lines)


def file_json(path: str, findings: Sequence[Finding]) -> dict[str, Any]:
    return {"file": path, "findings": [f.to_json() for f in findings], "summary": summary(findings)}


def unreadable_json(path: str, message: str) -> dict[str, Any]:
    return {"file": path, "error": message}
