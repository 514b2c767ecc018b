"""Changes and elements in a designer's words: names instead of ids, fields by what they mean.

`card "Takes the order" (Order › Pays, Frontstage): function Barista -> Cashier`. Names come from the
newer version, or the older one for what was removed. The diff text, the conflict lines of a merge,
the text form that `git diff` shows and the editor's Changes panel all speak through this module.
"""

from __future__ import annotations

import re
from typing import Any

from blueprint.teams.elements import Fields, Tables, title_of

#: How a field path reads; anything else reads as its name with spaces.
LABELS: dict[str, str] = {
    "duration_minutes": "duration",
    "tolerance_minutes": "tolerance",
    "fail_point": "fail point",
    "fail_point.note": "fail point note",
    "fail_point.severity": "fail point severity",
    "fail_point.owner": "fail point owner",
    "wait_point": "wait point",
    "wait_point.note": "wait point note",
    "wait_point.minutes": "wait",
    "color": "colour",
    "hidden_lanes": "hidden lanes",
    "$schema": "schema",
    "metadata.author": "author",
    "metadata.created": "created",
    "metadata.modified": "modified",
    "metadata.language": "language",
    "metadata.tags": "tags",
    "persona.name": "persona",
    "persona.description": "persona description",
}
#: Fields whose values are ids, by kind of element: (field path, kind of the element named).
REFERENCES: dict[str, dict[str, str]] = {
    "card": {"lane": "lane", "step": "step", "function": "function", "fail_point.owner": "function"},
    "step": {"stage": "stage"},
    "link": {"source": "card", "target": "card"},
    "improvement": {"targets": "card", "owner": "function"},
    "view": {"hidden_lanes": "lane", "focus": "function"},
}
MINUTE_FIELDS = frozenset({"duration_minutes", "tolerance_minutes", "wait_point.minutes"})
_SPACES = re.compile(r"\s+")
#: Characters a terminal would act on (escape sequences, other controls, bidi overrides): a hostile
#: title must not rewrite what `git merge` or `git diff` shows. They are shown as \uXXXX.
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SHORT = 60


def one_line(text: str) -> str:
    """`text` on one line (runs of white space as one space), with no character a terminal acts on."""
    text = _SPACES.sub(" ", text).strip()
    return _UNPRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def label(path: str, kind: str = "") -> str:
    if kind == "link" and path in ("source", "target"):
        return {"source": "from", "target": "to"}[path]
    return LABELS.get(path, path.replace("_", " ").replace(".", " "))


def quoted(text: str, limit: int | None = SHORT) -> str:
    """A text on one line, shortened to `limit` characters (None: whole), in double quotes."""
    one = one_line(text)
    return f'"{one[: limit - 1]}…"' if limit is not None and len(one) > limit else f'"{one}"'


def changed_texts(old: str, new: str, limit: int = SHORT) -> tuple[str, str]:
    """Two versions of a text, quoted and shortened so that where they differ shows: when the first
    difference lies beyond `limit`, both start a little before it."""
    a, b = one_line(old), one_line(new)
    same = 0
    while same < min(len(a), len(b)) and a[same] == b[same]:
        same += 1
    if same < limit - 10:
        return quoted(a, limit), quoted(b, limit)
    start = same - 20
    return '"…' + quoted(a[start:], limit)[1:], '"…' + quoted(b[start:], limit)[1:]


class Names:
    """Names of elements in one or two versions (the newer first), for putting ids into words."""

    def __init__(self, *versions: Tables, limit: int | None = SHORT) -> None:
        self.versions = versions
        self.limit = limit  # texts longer than this are shortened (None: never)

    def data(self, kind: str, element_id: str) -> Fields | None:
        for tables in self.versions:
            found = tables.elements[kind].get(element_id)
            if found is not None:
                return found
        return None

    def name(self, kind: str, element_id: str) -> str:
        """The element's name; a step with its stage (`Order › Pays`); a link by its ends."""
        data = self.data(kind, element_id)
        if data is None:
            return element_id
        if kind == "step":
            return f"{self.name('stage', data['stage'])} › {one_line(data['name'])}"
        if kind == "link":
            return self.link_words(data)
        return one_line(title_of(kind, data))

    def quoted_name(self, kind: str, element_id: str) -> str:
        """A name in quotes (a link's words quote their own parts), or the id when it is unknown."""
        if not self.data(kind, element_id):
            return element_id
        return (
            self.name(kind, element_id) if kind == "link" else quoted(self.name(kind, element_id), self.limit)
        )

    def target_name(self, element_id: str) -> str:
        """A plan's target: a card or a link."""
        return self.quoted_name("card" if self.data("card", element_id) else "link", element_id)

    def where(self, kind: str, data: Fields) -> str:
        """Where a card is: `(Order › Pays, Frontstage)`; a step's stage; nothing for other kinds."""
        if kind == "card":
            return f" ({self.name('step', data['step'])}, {self.name('lane', data['lane'])})"
        if kind == "step":
            return f" ({self.name('stage', data['stage'])})"
        return ""

    def element(self, kind: str, element_id: str | None, data: Fields) -> str:
        """`card "Takes the order" (Order › Pays, Frontstage)`, `link "A" → "B"`, `blueprint`."""
        if kind == "blueprint":
            return "blueprint"
        if kind == "link":
            return f"link {self.link_words(data)}"
        return f"{kind} {quoted(title_of(kind, data), self.limit)}{self.where(kind, data)}"

    def link_words(self, data: Fields) -> str:
        """`"hands over" ("Takes the order" → "Makes the coffee")`, or just the ends."""
        ends = f"{self.quoted_name('card', data['source'])} → {self.quoted_name('card', data['target'])}"
        return f"{quoted(data['label'], self.limit)} ({ends})" if data.get("label") else ends

    def value(self, kind: str, path: str, value: Any) -> str:
        """A field's value in words: names for ids, minutes with their unit, texts quoted."""
        refers = REFERENCES.get(kind, {}).get(path)
        if kind == "card" and path == "cell" and isinstance(value, list | tuple) and len(value) == 2:
            return f"{self.name('step', value[1])}, {self.name('lane', value[0])}"
        if kind == "link" and path == "ends" and isinstance(value, list | tuple) and len(value) == 2:
            return f"{self.quoted_name('card', value[0])} → {self.quoted_name('card', value[1])}"
        if value is None or value == [] or value == "":
            return "(none)"
        if refers is not None:
            if isinstance(value, list):
                if kind == "improvement":
                    return ", ".join(self.target_name(v) for v in value)
                return ", ".join(self.name(refers, v) for v in value)
            return self.name(refers, value)
        if path in MINUTE_FIELDS and isinstance(value, int | float):
            return f"{_number(value)} min"
        if isinstance(value, bool):
            return "yes" if value else "no"
        if isinstance(value, int | float):
            return _number(value)
        if isinstance(value, str):
            return quoted(value, self.limit) if _is_text(kind, path) else value
        if isinstance(value, list):
            return ", ".join(quoted(str(v), self.limit) for v in value)
        if isinstance(value, dict):
            parts = [
                f"{label(name)} {self.value(kind, f'{path}.{name}', v)}"
                for name, v in value.items()
                if v not in (None, "", [])
            ]
            return "(" + ", ".join(parts) + ")" if parts else "(empty)"
        return str(value)

    def change(self, kind: str, path: str, old: Any, new: Any) -> str:
        """`function Barista -> Cashier`; two long texts shortened around where they differ."""
        if isinstance(old, str) and isinstance(new, str) and _is_text(kind, path) and self.limit:
            before, after = changed_texts(old, new, self.limit)
        else:
            before, after = self.value(kind, path, old), self.value(kind, path, new)
        return f"{label(path, kind)} {before} -> {after}"


#: Text fields (quoted in words); other strings are choices (kind, severity, status) or dates.
_TEXTS = frozenset(
    {
        "title",
        "name",
        "description",
        "job",
        "label",
        "note",
        "channel",
        "measure",
        "target",
        "author",
        "persona",
        "$schema",
    }
)


def _is_text(kind: str, path: str) -> bool:
    last = path.rsplit(".", 1)[-1]
    return last in _TEXTS and not (kind == "link" and path == "target")


def _number(value: float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
