"""What an applied operation touched, so observers redraw only what changed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

KINDS = frozenset({"card", "link", "lane", "stage", "step", "function", "document", "improvement", "view"})


@dataclass(frozen=True)
class Change:
    """Kinds and ids of the elements an operation touched.

    `structural` means lanes, stages or steps were added, removed or moved: the whole layout must be
    recomputed. Card and link changes alone are never structural.
    """

    kinds: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    structural: bool = False

    def __or__(self, other: Change) -> Change:
        return Change(self.kinds | other.kinds, self.ids | other.ids, self.structural or other.structural)


def change(kinds: Iterable[str], ids: Iterable[str] = (), structural: bool = False) -> Change:
    return Change(frozenset(kinds), frozenset(ids), structural)
