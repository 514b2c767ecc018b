"""File > Compare With...: another version of the blueprint against the open one, read-only (see
`mode`). The comparison itself is worked out without Qt in `blueprint.teams.comparison`."""

from blueprint.ui.compare.mode import CompareMode

__all__ = ["CompareMode"]
