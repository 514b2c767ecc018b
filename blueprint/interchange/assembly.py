"""Putting an imported document together: fresh ids, and every element made valid or left out with a
line in the report.

The importers build the raw document (the `.blueprint` file's dict) row by row. `assemble` validates it
whole; only when that fails (a rare, hand-edited table) are the elements checked one by one, each
problem mended where it can be (a text cut to its length, an unknown word left empty) or the element
left out, always with a note naming the sheet, row and column it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel, ValidationError

from blueprint.fileformat import BlueprintFileError
from blueprint.fileformat.limits import file_limits
from blueprint.fileformat.messages import first_problem
from blueprint.interchange.report import Notes
from blueprint.model import (
    Blueprint,
    Card,
    Function,
    Improvement,
    Lane,
    Link,
    Metadata,
    Persona,
    Stage,
    View,
    fresh_id,
    is_valid_id,
)

#: The name given to an element whose required name or title is empty (as "Open and repair" does).
UNTITLED = "(untitled)"
_MODELS: dict[str, type[BaseModel]] = {
    "functions": Function,
    "lanes": Lane,
    "stages": Stage,
    "cards": Card,
    "links": Link,
    "improvements": Improvement,
    "views": View,
    "metadata": Metadata,
    "persona": Persona,
}
_NAMES = {"name", "title"}
_NOUN = {
    "functions": "function",
    "lanes": "lane",
    "stages": "stage",
    "cards": "card",
    "links": "link",
    "improvements": "improvement",
    "views": "view",
    "metadata": "field",
    "persona": "persona",
}


@dataclass(frozen=True)
class Origin:
    """Where an element came from, and which column holds each of its fields (by JSON path)."""

    sheet: str
    row: int | None
    columns: dict[str, str] = field(default_factory=dict)
    #: For an element spread over rows (the Blueprint sheet's fields): the row of each field.
    rows: dict[str, int] = field(default_factory=dict)

    def row_of(self, path: str) -> int | None:
        return self.rows.get(path.split(".")[0].split("[")[0], self.row)

    def column(self, path: str) -> str | None:
        while path:
            found = self.columns.get(path)
            if found:
                return found
            path = re.sub(r"(\.[^.\[]*|\[\d+\])$", "", path) if ("." in path or "[" in path) else ""
        return self.columns.get("")


class Ids:
    """Ids in use across the document (they are unique across it): fresh ones for blank, invalid or
    repeated ids, each change but the blank one noted.

    `random`: fresh ids are random (`card-7f3a9c`, as the editor makes them) rather than counted. Our
    workbook is a copy of a document, edited and imported back; a row a designer added there is a
    new element as if added in the editor, and two colleagues adding rows to copies of one workbook
    must not both make `card-1` (a merge matches elements by id). A table of another tool makes a
    new document, whose counted ids are shorter to read and the same on every import."""

    def __init__(self, random: bool = False) -> None:
        self.random = random
        self.taken: set[str] = set()
        self.first: dict[str, str] = {}
        self._counters: dict[str, int] = {}

    def claim(self, wanted: str | None, prefix: str, notes: Notes, row: int, column: str = "Id") -> str:
        wanted = wanted.strip() if wanted else ""
        if wanted and is_valid_id(wanted) and wanted not in self.taken:
            self.taken.add(wanted)
            self.first[wanted] = f"{notes.sheet}, row {row}"
            return wanted
        fresh = self.fresh(prefix)
        if wanted and wanted in self.taken:
            notes.add(
                f"id '{wanted}' is used already ({self.first[wanted]}); this one gets '{fresh}'", row, column
            )
        elif wanted:
            notes.add(
                f"'{wanted[:40]}' is not a valid id (1 to 64 letters, digits, '_', '.', ':' or '-'); "
                f"it gets '{fresh}'",
                row,
                column,
            )
        return fresh

    def fresh(self, prefix: str) -> str:
        """`prefix-N`, N counting up per prefix (or random hex digits, see the class)."""
        if self.random:
            made = fresh_id(prefix, self.taken)
            self.taken.add(made)
            return made
        n = self._counters.get(prefix, 0) + 1
        while f"{prefix}-{n}" in self.taken:
            n += 1
        self._counters[prefix] = n
        self.taken.add(f"{prefix}-{n}")
        return f"{prefix}-{n}"

    def derived(self, text: str, prefix: str) -> str:
        """An id made from `text` (a name or another tool's reference), or a fresh one; never noted."""
        slug = re.sub(r"[^A-Za-z0-9_.:-]+", "-", text.strip()).strip("-")[:48]
        if slug and is_valid_id(slug) and slug not in self.taken:
            self.taken.add(slug)
            return slug
        return self.fresh(slug.lower() if slug and is_valid_id(f"{slug}-1") else prefix)


def _set(raw: dict[str, Any], path: str, value: Any) -> None:
    """Set `raw` at a JSON path like `fail_point.note` or `tags[2]` (None at a list index drops it)."""
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    target: Any = raw
    for part in parts[:-1]:
        target = target[int(part[1:-1])] if part.startswith("[") else target[part]
    last = parts[-1]
    if last.startswith("["):
        if value is None:
            del target[int(last[1:-1])]
        else:
            target[int(last[1:-1])] = value
    else:
        target[last] = value


def _get(raw: dict[str, Any], path: str) -> Any:
    target: Any = raw
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        target = target[int(part[1:-1])] if part.startswith("[") else target.get(part)
        if target is None:
            return None
    return target


def _mend(
    model: type[BaseModel], raw: dict[str, Any], path: str, code: str, error: ValidationError
) -> str | None:
    """Change `raw` so the problem at `path` goes away; say what was done (None: it cannot be mended)."""
    value = _get(raw, path)
    leaf = path.rsplit(".", 1)[-1]
    if code == "string_too_long" and isinstance(value, str):
        limit = next((e.get("ctx", {}).get("max_length") for e in error.errors() if e["type"] == code), None)
        if isinstance(limit, int) and limit > 1:
            _set(raw, path, value.strip()[: limit - 1] + "…")
            return f"cut to {limit} characters"
    if leaf in _NAMES and (value is None or (isinstance(value, str) and not value.strip())):
        _set(raw, path, UNTITLED)
        return f"named '{UNTITLED}'"
    if re.search(r"\[\d+\]$", path):
        _set(raw, path, None)
        return "left out"
    top = path.split(".")[0].split("[")[0]
    info = model.model_fields.get(top)
    if info is not None and not info.is_required() and "." not in path:
        raw[top] = info.get_default(call_default_factory=True)
        return "left empty"
    if "." in path and top in ("fail_point", "wait_point"):
        inner = _get(raw, top)
        sub = path.split(".", 1)[1]
        if isinstance(inner, dict) and sub in ("note", "owner", "minutes"):
            inner[sub] = "" if sub == "note" else None
            return "left empty"
    return None


def valid_element(kind: str, raw: dict[str, Any], origin: Origin, notes: Notes) -> dict[str, Any] | None:
    """`raw` as a valid element (mended as needed, each change noted), or None when it cannot be."""
    model = _MODELS[kind]
    cut: dict[str, tuple[int, str]] = {}  # a text cut once, by path: its note's index, its length
    for _ in range(20):
        try:
            return model.model_validate(raw).model_dump(mode="json", by_alias=True)
        except ValidationError as error:
            path, code, message = first_problem(error)
            length = re.match(r"is too long \((\d+) characters", message)
            done = _mend(model, raw, path, code, error)
            column, row = origin.column(path), origin.row_of(path)
            notes.at(origin.sheet)
            if done is None:
                notes.add(f"{message}; the {_NOUN[kind]} was left out", row, column)
                return None
            if length and path in cut:
                # a text over two limits (a title: 10,000 characters, then 500 after trimming) is
                # cut twice: one line, with the length it had and the limit it was cut to
                index, first = cut[path]
                message = message.replace(f"({length.group(1)} characters", f"({first} characters", 1)
                notes.items[index] = replace(notes.items[index], message=f"{message}; {done}")
                continue
            if length:
                cut[path] = (len(notes.items), length.group(1))
            notes.add(f"{message}; {done}", row, column)
    notes.at(origin.sheet).add(f"could not be read; the {_NOUN[kind]} was left out", origin.row)
    return None


_ELEMENTS = ("functions", "lanes", "stages", "cards", "links", "improvements", "views")


def short_title(title: str, notes: Notes, row: int | None, column: str | None) -> str:
    """A document title within its 200 characters (cut, with a note, when longer)."""
    if len(title.strip()) <= 200:
        return title
    notes.add(f"the title has {len(title.strip()):,} characters (at most 200); cut to 200", row, column)
    return title.strip()[:199] + "…"


def _keep(raw: dict[str, Any], origins: dict[str, list[Origin]], kind: str, keep: list[bool]) -> None:
    raw[kind] = [e for e, k in zip(raw[kind], keep, strict=True) if k]
    origins[kind] = [o for o, k in zip(origins[kind], keep, strict=True) if k]


def check_references(raw: dict[str, Any], origins: dict[str, list[Origin]], notes: Notes) -> None:
    """Leave out what names a missing element (a card in no known lane, a link to a missing card), and
    clear or drop references that may go (a missing function, a plan's missing target), with notes."""

    def note(origin: Origin, path: str, message: str) -> None:
        notes.at(origin.sheet).add(message, origin.row, origin.column(path))

    lanes = {lane["id"] for lane in raw["lanes"]}
    steps = {step["id"] for stage in raw["stages"] for step in stage["steps"]}
    functions = {function["id"] for function in raw["functions"]}
    keep = []
    for card, origin in zip(raw["cards"], origins["cards"], strict=True):
        ok = True
        for end, known in (("lane", lanes), ("step", steps)):
            if card.get(end) not in known:
                what = f"no {end} '{card[end]}'" if card.get(end) else f"no {end} given"
                note(origin, end, f"{what}; the card was left out")
                ok = False
                break
        if ok and card.get("function") is not None and card["function"] not in functions:
            note(origin, "function", f"no function '{card['function']}'; the card is left without one")
            card["function"] = None
        fail = card.get("fail_point")
        if ok and fail and fail.get("owner") is not None and fail["owner"] not in functions:
            note(origin, "fail_point.owner", f"no function '{fail['owner']}'; the fail point has no owner")
            fail["owner"] = None
        keep.append(ok)
    _keep(raw, origins, "cards", keep)
    cards = {card["id"] for card in raw["cards"]}
    keep = []
    for link, origin in zip(raw["links"], origins["links"], strict=True):
        missing = next((end for end in ("source", "target") if link.get(end) not in cards), None)
        if missing:
            what = f"no card '{link[missing]}'" if link.get(missing) else "no card given"
            note(origin, missing, f"{what}; the link was left out")
        elif link["source"] == link["target"]:
            note(origin, "target", f"a link from card '{link['source']}' to itself; the link was left out")
        keep.append(missing is None and link["source"] != link["target"])
    _keep(raw, origins, "links", keep)
    targets = cards | {link["id"] for link in raw["links"]}
    keep = []
    for plan, origin in zip(raw["improvements"], origins["improvements"], strict=True):
        gone = [t for t in plan["targets"] if t not in targets]
        if gone:
            listed = ", ".join(f"'{t}'" for t in gone[:5]) + (" ..." if len(gone) > 5 else "")
            note(origin, "targets", f"no card or link {listed}; left out of the targets")
            plan["targets"] = [t for t in plan["targets"] if t in targets]
        if not plan["targets"]:
            note(origin, "targets", "the improvement targets no card or link; it was left out")
        if plan.get("owner") is not None and plan["owner"] not in functions:
            note(origin, "owner", f"no function '{plan['owner']}'; the improvement has no owner")
            plan["owner"] = None
        keep.append(bool(plan["targets"]))
    _keep(raw, origins, "improvements", keep)
    for view, origin in zip(raw["views"], origins["views"], strict=True):
        for path, known, noun in (("hidden_lanes", lanes, "lane"), ("focus", functions, "function")):
            gone = [x for x in view[path] if x not in known]
            if gone:
                note(origin, path, f"no {noun} {', '.join(repr(x) for x in gone[:5])}; left out")
                view[path] = [x for x in view[path] if x in known]


def check_counts(raw: dict[str, Any], source: str) -> None:
    """Refuse a document the `.blueprint` reader would refuse for its size (150,000 cards)."""
    most = file_limits().counts
    counts = {kind: len(raw.get(kind, [])) for kind in most if kind != "steps"}
    counts["steps"] = sum(len(stage["steps"]) for stage in raw.get("stages", []))
    for kind, count in counts.items():
        if count > most[kind]:
            raise BlueprintFileError(
                f"refused: it would make {count:,} {kind} (this program opens at most {most[kind]:,})",
                file=source,
                code="too-many",
            )


def assemble(raw: dict[str, Any], origins: dict[str, list[Origin]], notes: Notes, source: str) -> Blueprint:
    """The document from `raw` (the importers' dict, ids unique). `origins[kind][i]` is where
    `raw[kind][i]` came from."""
    check_counts(raw, source)
    check_references(raw, origins, notes)
    try:
        return Blueprint.model_validate(raw)
    except ValidationError:
        pass
    for key, empty in (("metadata", {}), ("persona", None)):
        if raw.get(key) is not None:
            valid = valid_element(key, raw[key], origins[key][0], notes)
            raw[key] = empty if valid is None else valid
    for kind in _ELEMENTS:
        kept, kept_origins = [], []
        for element, origin in zip(raw.get(kind, []), origins.get(kind, []), strict=True):
            valid = valid_element(kind, element, origin, notes)
            if valid is not None:
                kept.append(valid)
                kept_origins.append(origin)
        raw[kind], origins[kind] = kept, kept_origins
    check_references(raw, origins, notes)
    try:
        return Blueprint.model_validate(raw)
    except ValidationError as error:
        path, _, message = first_problem(error)
        raise BlueprintFileError(
            f"could not be imported: {path}: {message}", file=source, code="import"
        ) from None
