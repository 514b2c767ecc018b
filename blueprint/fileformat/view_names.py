"""Two saved views of one name, read from a file: the later one is read under a name of its own.

Views are chosen by name (View > Views, the export dialog, `blueprint export --view NAME`), so the
editor never lets two share one (`blueprint/edit/view_names.py`, the same rule: names compared with
runs of spaces as one and without regard to case). A file written elsewhere (by hand, by another
tool, by a merge of two branches that each saved a view "Kitchen") may still hold two. Refusing the
whole file for that would keep a designer from their work over a detail, and reading it as it is
would leave one of the two views out of reach by name; so the later view is read as "Kitchen (2)"
(the first free number), nothing else changes, and the reading says so in a note naming the file
and the view, which the editor shows as the file opens. Saving writes the new name.
"""

from __future__ import annotations

from dataclasses import dataclass

from blueprint.fileformat.errors import _one_line
from blueprint.model import Blueprint

#: The longest view name the format allows (spec: 1 to 200 characters).
MAX_NAME_CHARS = 200


@dataclass(frozen=True)
class ReadingNote:
    """Something the reader changed so that the document can be used as it is meant, said once:
    a code, the JSON path of what changed, a plain message, and the file (when known)."""

    code: str
    path: str
    message: str
    file: str | None = None

    def one_line(self) -> str:
        """`FILE: PATH: message`, as a `BlueprintFileError` reads."""
        return ": ".join(_one_line(part) for part in (self.file, self.path, self.message) if part)

    def with_file(self, file: str) -> ReadingNote:
        return ReadingNote(self.code, self.path, self.message, file)


def name_key(name: str) -> str:
    """What makes two view names the same name (the editor's rule)."""
    return " ".join(name.split()).casefold()


def distinct_view_names(doc: Blueprint) -> list[ReadingNote]:
    """Rename, in place, each view whose name an earlier view has, to "Name (2)" (or the first free
    number); one note per renamed view. A document whose views' names differ is left alone."""
    keys = [name_key(view.name) for view in doc.views]
    if len(set(keys)) == len(keys):
        return []
    taken = set(keys)
    first: dict[str, int] = {}
    notes: list[ReadingNote] = []
    for i, view in enumerate(doc.views):
        earlier = first.setdefault(keys[i], i)
        if earlier == i:
            continue
        new = free_name(view.name, taken)
        taken.add(name_key(new))
        notes.append(
            ReadingNote(
                "repeated-view-name",
                f"views[{i}].name",
                f"the view '{view.name}' has the name of an earlier view (views[{earlier}]), and views "
                f"are chosen by name: it is read as '{new}' (saving keeps that name)",
            )
        )
        view.name = new
    return notes


def free_name(name: str, taken: set[str]) -> str:
    """`name` with the first number that makes it free: "Kitchen (2)", "Kitchen (3)"... (`taken`
    holds `name_key`s); cut to make room for the number within the longest name allowed."""
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = name[: MAX_NAME_CHARS - len(suffix)].rstrip() + suffix
        if name_key(candidate) not in taken:
            return candidate
        number += 1
