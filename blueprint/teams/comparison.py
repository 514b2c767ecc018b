"""Everything the editor's Compare With shows, worked out once and without Qt: the changes from the
older version to the newer one in words, how each card and link is marked on the canvas, the document
to draw (the newer version with the removed cards and links back as ghosts) and the line of measures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from blueprint.model import Blueprint
from blueprint.teams.diff import Change, diff_documents
from blueprint.teams.difftext import diff_lines
from blueprint.teams.measures import Measure, compared, measures_of
from blueprint.teams.union import union_of

Mark = Literal["added", "changed", "removed"]
#: Elements drawn on the canvas, whose changes are marked there.
DRAWN = frozenset({"card", "link"})


@dataclass(frozen=True)
class Comparison:
    """`rows` pair each change with its line of text; `marks` say how to draw each changed card or
    link (a moved one counts as changed); `drawn` is the document the canvas shows."""

    old: Blueprint
    new: Blueprint
    rows: tuple[tuple[Change, str], ...]
    marks: dict[str, Mark]
    drawn: Blueprint
    measures: tuple[Measure, ...]

    @property
    def same(self) -> bool:
        return not self.rows


def compare(old: Blueprint, new: Blueprint) -> Comparison:
    diff = diff_documents(old, new)
    union = union_of(old, new)
    marks: dict[str, Mark] = {}
    for change in diff.changes:
        if change.element in DRAWN and change.id is not None:
            if change.change == "removed":
                if change.id in union.ghosts:
                    marks[change.id] = "removed"
            else:
                marks[change.id] = "added" if change.change == "added" else "changed"
    rows = tuple(zip(diff.changes, diff_lines(diff), strict=True))
    return Comparison(
        old, new, rows, marks, union.blueprint, tuple(compared(measures_of(old), measures_of(new)))
    )
