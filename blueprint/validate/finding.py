"""A finding: one problem a rule found, as a value the CLI, the editor and the PDF can all show."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]

#: Sort order of severities: errors first.
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

#: Grid position of something that is not in one cell: (step index, lane index, card order).
NOWHERE = (-1, -1, -1)


@dataclass(frozen=True)
class Finding:
    """A rule's verdict on some elements.

    `elements` are the ids (cards, links, lanes, steps, stages) involved, most important first.
    `position` (step index, lane index, card order) places the finding in the grid for sorting and for
    the editor to scroll to; -1 means "not in one column / row" (lanes, steps, the whole document).
    It is left out of equality and of the JSON.
    """

    code: str
    severity: Severity
    message: str
    elements: tuple[str, ...] = ()
    position: tuple[int, int, int] = field(default=NOWHERE, compare=False, repr=False)

    def sort_key(self) -> tuple[Any, ...]:
        """Severity (error, warning, info), then grid position, then code and elements."""
        return (SEVERITY_RANK[self.severity], self.position, self.code, self.elements)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "elements": list(self.elements),
        }
