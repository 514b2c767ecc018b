"""The one place rules are registered: `@rule(code, title, severity)` on a plain function.

A rule function takes the shared `Context` and yields `Hit`s; the registry turns them into `Finding`s
with the rule's code and severity, so a rule cannot get its own code or severity wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from blueprint.validate.finding import NOWHERE, Finding, Severity

if TYPE_CHECKING:
    from blueprint.validate.context import Context


class Hit(NamedTuple):
    """What a rule reports: the message, the ids involved and where in the grid it is."""

    message: str
    elements: tuple[str, ...]
    position: tuple[int, int, int] = NOWHERE


Check = Callable[["Context"], Iterable[Hit]]


@dataclass(frozen=True)
class RuleInfo:
    """A registered rule: its code, short title, severity, one-line explanation and check function."""

    code: str
    title: str
    severity: Severity
    summary: str
    check: Check

    def run(self, context: Context) -> Iterator[Finding]:
        for hit in self.check(context):
            yield Finding(self.code, self.severity, hit.message, hit.elements, hit.position)


#: Every rule, by code, in code order once all rule modules are imported (see `blueprint.validate`).
RULES: dict[str, RuleInfo] = {}


def rule(code: str, title: str, severity: Severity) -> Callable[[Check], Check]:
    """Register the decorated function as rule `code`; its docstring's first line is the summary."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule {code} is registered twice")
        summary = (check.__doc__ or title).strip().splitlines()[0]
        RULES[code] = RuleInfo(code, title, severity, summary, check)
        return check

    return register
