"""What the editor shows of a list of findings, worked out beside the editor (no Qt here).

At 40,000 cards a re-check finds about 9,000 findings. Grouping them by element, working out each
card's badge and laying out the Findings panel's rows took 150-300 ms on the UI thread each time a
result arrived, most of it to find that almost nothing had changed. A `Digest` is made on the worker
thread, right after the checks, from the findings and the digest shown before (its `base`): it
holds the per-element index, the badges, the panel's rows, and what differs from the base's (the
badges to tell again, the rows to add, remove or change), so the UI thread only applies those.

Consumers compare `Digest.base_*` with what they show (by identity): when they are not the same
object (another document, a consumer that started late), they fall back to showing the whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

#: Severities in the panel's order, with their group's heading.
SEVERITIES = [("error", "Errors"), ("warning", "Warnings"), ("info", "Info")]
RANK = {"error": 0, "warning": 1, "info": 2}
#: This many findings of one rule in one severity are listed under one collapsed row ("BP108 … × 14").
GROUP_AT = 4

#: A card's badge: the worst severity of its findings, how many, and their lines for the tooltip.
Badge = tuple[str, int, tuple[str, ...]]
#: One row under a severity group: ("row", finding) for a finding listed alone, ("rule", code) for the
#: row that holds several findings of one rule (their rows are its children).
Entry = tuple[str, Any]


def severity_of(finding: Any) -> str:
    return str(getattr(finding, "severity", "info"))


@dataclass(frozen=True, eq=False)
class Section:
    """One severity group of the panel: its rows in order, and each rule row's findings."""

    severity: str
    count: int
    entries: tuple[Entry, ...]
    rules: dict[str, tuple[Any, ...]]


#: The panel's rows: the sections present, in the order of `SEVERITIES`.
Plan = tuple[Section, ...]


@dataclass(frozen=True)
class Step:
    """One change to the panel's rows, in the order they are applied.

    kind: "drop" (the severity group goes), "group" (a new severity group, empty, at `index` among
    the top-level rows), "count" (the group's or rule row's count changed: `count`), "remove" (`n`
    rows from `index`), "insert" (`entries` at `index`), "change" (the row at `index` shows
    `entries[0]`'s finding now). `code` names the rule row whose children are meant (None: the
    group's own rows)."""

    kind: str
    severity: str
    code: str | None = None
    index: int = 0
    n: int = 0
    count: int = 0
    entries: tuple[Entry, ...] = ()
    #: For an "insert" of ("rule", code) entries: each such rule's findings.
    rules: dict[str, tuple[Any, ...]] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Digest:
    """The findings with everything the editor shows of them; `base_*` are the objects of the digest
    it was compared with (None for none), the changes are against those."""

    findings: list[Any]
    by_element: dict[str, list[Any]]
    badges: dict[str, Badge]
    counts: dict[str, int]
    longest: str
    plan: Plan
    base_badges: dict[str, Badge] | None = None
    badge_changes: tuple[str, ...] = ()
    base_plan: Plan | None = None
    steps: tuple[Step, ...] = ()


def by_element(findings: Sequence[Any]) -> dict[str, list[Any]]:
    """Findings of each element id (a finding appears under every id it names, once)."""
    index: dict[str, list[Any]] = {}
    for finding in findings:
        for element_id in dict.fromkeys(getattr(finding, "elements", ())):
            index.setdefault(element_id, []).append(finding)
    return index


def badges_of(index: dict[str, list[Any]], cards: Any) -> dict[str, Badge]:
    """Each card's badge (`cards`: the card ids, a set or a dict) from the per-element index."""
    found: dict[str, Badge] = {}
    for element_id, findings in index.items():
        if element_id in cards and findings:
            worst = min((severity_of(f) for f in findings), key=lambda s: RANK.get(s, 3))
            lines = tuple(f"{getattr(f, 'code', '')}: {getattr(f, 'message', '')}" for f in findings)
            found[element_id] = (worst, len(findings), lines)
    return found


def changed_keys(old: dict[str, Any], new: dict[str, Any]) -> tuple[str, ...]:
    """The keys whose value differs between the two dicts (added and removed ones too)."""
    return tuple(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))


def plan_of(findings: Sequence[Any]) -> Plan:
    """The panel's rows: per severity, the findings of each rule in order of their first finding,
    listed alone when fewer than GROUP_AT, else under one rule row."""
    sections = []
    for severity, _heading in SEVERITIES:
        by_code: dict[str, list[Any]] = {}
        count = 0
        for finding in findings:
            if severity_of(finding) == severity:
                by_code.setdefault(str(getattr(finding, "code", "")), []).append(finding)
                count += 1
        if not count:
            continue
        entries: list[Entry] = []
        rules: dict[str, tuple[Any, ...]] = {}
        for code, same in by_code.items():
            if len(same) < GROUP_AT:
                entries += [("row", finding) for finding in same]
            else:
                entries.append(("rule", code))
                rules[code] = tuple(same)
        sections.append(Section(severity, count, tuple(entries), rules))
    return tuple(sections)


def _key(entry: Entry) -> tuple[str, Any]:
    """What makes two rows the same row (a finding's row by the finding; a rule's by its code)."""
    return entry


def _sequence_steps(
    severity: str, code: str | None, old: Sequence[Entry], new: Sequence[Entry], rules: dict[str, tuple]
) -> list[Step]:
    """The steps that turn the rows `old` into `new` (from the end, so indexes stay right)."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)  # type: ignore[arg-type]
    steps: list[Step] = []
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        changes = 0
        if tag == "replace":  # rows that stay rows are shown again in place (a renamed card's finding)
            while (
                i1 + changes < i2
                and j1 + changes < j2
                and old[i1 + changes][0] == "row"
                and new[j1 + changes][0] == "row"
            ):
                changes += 1
        if i2 - i1 > changes:
            steps.append(Step("remove", severity, code, index=i1 + changes, n=i2 - i1 - changes))
        if j2 - j1 > changes:
            inserted = tuple(new[j1 + changes : j2])
            mine = {e[1]: rules[e[1]] for e in inserted if e[0] == "rule"}
            steps.append(Step("insert", severity, code, index=i1 + changes, entries=inserted, rules=mine))
        for k in range(changes):
            steps.append(Step("change", severity, code, index=i1 + k, entries=(new[j1 + k],)))
    return steps


def plan_steps(old: Plan, new: Plan) -> list[Step]:
    """The steps that turn the panel's rows from `old` into `new`."""
    steps: list[Step] = []
    before = {section.severity: section for section in old}
    after = {section.severity: section for section in new}
    for section in old:
        if section.severity not in after:
            steps.append(Step("drop", section.severity))
    for place, section in enumerate(new):
        severity = section.severity
        was = before.get(severity)
        if was is None:
            steps.append(Step("group", severity, index=place, count=section.count))
            steps.append(
                Step("insert", severity, None, 0, entries=section.entries, rules=dict(section.rules))
            )
            continue
        if was.count != section.count:
            steps.append(Step("count", severity, count=section.count))
        # the rule rows kept: their own children first (the group's indexes do not move meanwhile)
        for code, findings in section.rules.items():
            had = was.rules.get(code)
            if had is None or had == findings:
                continue
            if len(had) != len(findings):
                steps.append(Step("count", severity, code, count=len(findings)))
            rows = [("row", f) for f in findings]
            steps += _sequence_steps(severity, code, [("row", f) for f in had], rows, {})
        if was.entries != section.entries:
            steps += _sequence_steps(severity, None, was.entries, section.entries, section.rules)
    return steps


def digest(findings: list[Any], cards: Any, base: Digest | None = None) -> Digest:
    """Everything the editor shows of `findings` (`cards`: the document's card ids), with what
    differs from `base`'s."""
    index = by_element(findings)
    badges = badges_of(index, cards)
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        severity = severity_of(finding)
        counts[severity] = counts.get(severity, 0) + 1
    longest = max((str(getattr(f, "message", "")) for f in findings), key=len, default="")
    plan = plan_of(findings)
    if base is None:
        return Digest(findings, index, badges, counts, longest, plan)
    return Digest(
        findings,
        index,
        badges,
        counts,
        longest,
        plan,
        base_badges=base.badges,
        badge_changes=changed_keys(base.badges, badges),
        base_plan=base.plan,
        steps=tuple(plan_steps(base.plan, plan)),
    )
