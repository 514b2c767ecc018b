"""Two designers, one file: compare two versions of a blueprint, and merge two designers' changes.

Qt-free, above the model and the checks: `diff_documents` lists what changed element by element,
`merge_documents` is the three-way merge behind `blueprint merge` (git's merge driver), `text_form` is
the text `git diff` shows, `new_findings` serves `validate --baseline`, `measures` the editor's
Compare With.
"""

from blueprint.teams.conflicts import Conflict, conflict_line
from blueprint.teams.diff import Change, Diff, diff_documents
from blueprint.teams.difftext import diff_lines
from blueprint.teams.merge import MergeResult, merge_documents

__all__ = [
    "Change",
    "Conflict",
    "Diff",
    "MergeResult",
    "conflict_line",
    "diff_documents",
    "diff_lines",
    "merge_documents",
]
