"""`validate --baseline OLD`: only the findings a change adds count.

A blueprint that already has known problems can still be checked in CI: a finding of FILE that OLD has
too (the same code about the same elements) is known, and left out of the report and the exit code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from blueprint.validate import Finding
from blueprint.validate.report import summary

FindingKey = tuple[str, frozenset[str]]


def finding_key(finding: Finding) -> FindingKey:
    """What makes two findings the same: the code, and the ids of the elements (in any order)."""
    return finding.code, frozenset(finding.elements)


def new_findings(findings: Sequence[Finding], baseline: Iterable[Finding]) -> list[Finding]:
    """The findings that the baseline does not have, in their order."""
    known = {finding_key(finding) for finding in baseline}
    return [finding for finding in findings if finding_key(finding) not in known]


def baseline_summary_line(new: Sequence[Finding], known: int) -> str:
    """`1 new error, 0 new warnings, 0 new info; 3 known from the baseline, not counted`: with a
    baseline the summary says that it counts new findings only, and how many it left out."""
    counts = summary(new)
    errors, warnings = counts["errors"], counts["warnings"]
    left_out = f"{known} known from the baseline, not counted" if known else "none known from the baseline"
    return (
        f"{errors} new error{'' if errors == 1 else 's'}, "
        f"{warnings} new warning{'' if warnings == 1 else 's'}, {counts['info']} new info; {left_out}"
    )
