"""Orders of elements: which moved between two versions, and a three-way merge of an order.

Ids in an order are unique, so the longest common order of two versions is a longest increasing
subsequence (O(n log n), fine for 5,000 cards). Elements outside it are the fewest that "moved".
A merged order starts from OURS; THEIRS's insertions and THEIRS's moves (of elements OURS did not
move) are put back just before the element that follows them in THEIRS, which keeps them next to the
neighbours THEIRS gave them. An element both sides moved keeps OURS's place.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence


def longest_common_order(old: Sequence[str], new: Sequence[str]) -> set[str]:
    """The largest set of ids present in both whose relative order is the same in both."""
    position = {element_id: i for i, element_id in enumerate(old)}
    common = [element_id for element_id in new if element_id in position]
    tails: list[int] = []  # tails[k]: position (in old) ending the best run of length k + 1
    tail_index: list[int] = []  # index in `common` of that element
    previous: list[int] = [-1] * len(common)
    for i, element_id in enumerate(common):
        value = position[element_id]
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[k] = value
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k > 0 else -1
    kept: set[str] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        kept.add(common[i])
        i = previous[i]
    return kept


def moved(old: Sequence[str], new: Sequence[str]) -> set[str]:
    """Ids present in both that left the longest common order: the fewest that explain the change."""
    both = set(old).intersection(new)
    return both - longest_common_order(old, new)


class _Chain:
    """A doubly linked order with O(1) insertion before an element (None: the end)."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.next: dict[str | None, str | None] = {}
        self.prev: dict[str | None, str | None] = {}
        last: str | None = None
        self.next[None] = None  # None is the head and the end at once (a ring)
        for element_id in ids:
            self._link(last, element_id)
            last = element_id
        self.prev[None] = last
        self.next[last] = None

    def _link(self, after: str | None, element_id: str) -> None:
        self.next[after] = element_id
        self.prev[element_id] = after

    def __contains__(self, element_id: object) -> bool:
        return element_id is not None and element_id in self.prev

    def remove(self, element_id: str) -> None:
        before, after = self.prev.pop(element_id), self.next.pop(element_id)
        self.next[before] = after
        self.prev[after] = before

    def insert_before(self, element_id: str, anchor: str | None) -> None:
        before = self.prev[anchor]
        self.next[before] = element_id
        self.prev[element_id] = before
        self.next[element_id] = anchor
        self.prev[anchor] = element_id

    def __iter__(self):  # type: ignore[no-untyped-def]
        element_id = self.next[None]
        while element_id is not None:
            yield element_id
            element_id = self.next[element_id]


def merge_order(
    base: Sequence[str], ours: Sequence[str], theirs: Sequence[str], keep: Collection[str]
) -> list[str]:
    """The merged order of the ids in `keep` (the elements the merge kept).

    OURS's order is the start. Elements THEIRS added and elements only THEIRS moved are each put just
    before the nearest element after them in THEIRS that is already placed (with none, at the end);
    an element OURS removed but the merge kept goes back to its place in BASE the same way.
    """
    keep = keep if isinstance(keep, set | frozenset | dict) else set(keep)
    moved_theirs = moved(base, theirs) - moved(base, ours) if theirs != base else set()
    chain = _Chain(i for i in ours if i in keep and i not in moved_theirs)
    in_base = set(base)
    _place(
        chain,
        theirs,
        {i for i in theirs if i in keep and i not in chain and (i not in in_base or i in moved_theirs)},
    )
    _place(chain, base, {i for i in base if i in keep and i not in chain})  # kept though OURS removed it
    for element_id in sorted(i for i in keep if i not in chain):  # in no order at all: at the end
        chain.insert_before(element_id, None)
    return list(chain)


def _place(chain: _Chain, reference: Sequence[str], pending: set[str]) -> None:
    """Insert each pending id just before the nearest later id of `reference` already in `chain`."""
    anchor: str | None = None
    for element_id in reversed(reference):
        if element_id in pending:
            chain.insert_before(element_id, anchor)
            anchor = element_id
        elif element_id in chain:
            anchor = element_id
