"""Building a new blueprint from another tool's table: stages, steps, functions by name, one standard
lane per kind used, cards, links and plans, each remembered with the row it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from blueprint.interchange.assembly import Ids, Origin, assemble, short_title
from blueprint.interchange.report import Imported, ImportReport, Notes, counts_of

#: The standard lanes (the classic template's ids and names), in zone order.
STANDARD_LANES = {
    "evidence": "Physical evidence",
    "customer": "Customer actions",
    "frontstage": "Frontstage",
    "backstage": "Backstage",
    "support": "Support processes",
}

#: A service layer as Blueprint Signal and we name it, and the short forms, ignoring case: lane kind.
LAYERS = {
    "customer actions": "customer",
    "visible staff / technology": "frontstage",
    "visible staff/technology": "frontstage",
    "backstage actions": "backstage",
    "support processes": "support",
    "physical / digital evidence": "evidence",
    "physical/digital evidence": "evidence",
    "customer": "customer",
    "frontstage": "frontstage",
    "front stage": "frontstage",
    "visible": "frontstage",
    "backstage": "backstage",
    "support": "support",
    "evidence": "evidence",
}
LAYER_NAMES = "Customer actions, Visible staff / technology, Backstage actions, Support processes, " + (
    "Physical / digital evidence (or customer, frontstage, backstage, support, evidence)"
)
#: Words that name a lane kind inside a longer lane name ("Physical evidence", "Front stage staff").
_KIND_WORDS = {
    "customer": "customer",
    "frontstage": "frontstage",
    "front-stage": "frontstage",
    "visible": "frontstage",
    "backstage": "backstage",
    "back-stage": "backstage",
    "support": "support",
    "evidence": "evidence",
}


def layer_kind(text: str) -> str | None:
    """The lane kind a service layer names: one of `LAYERS`, or else a name holding exactly one of
    the kinds' words (our CSV writes lane names such as "Physical evidence"); None when unknown."""
    key = " ".join(text.split()).casefold()
    if key in LAYERS:
        return LAYERS[key]
    spaced = key.replace("front stage", "frontstage").replace("back stage", "backstage")
    kinds = {_KIND_WORDS[w] for w in spaced.replace("/", " ").split() if w in _KIND_WORDS}
    return kinds.pop() if len(kinds) == 1 else None


def cut(text: str, most: int) -> str:
    """`text` within `most` characters, ending in an ellipsis when it was longer."""
    text = text.strip()
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def joined(*parts: str | None) -> str:
    """Texts as one description, a blank line between them (empty parts left out)."""
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


class Builder:
    """A new document, put together row by row (`finish` checks and assembles it)."""

    def __init__(self, source: str, layout: str, notes: Notes) -> None:
        self.source, self.layout, self.notes = source, layout, notes
        self.ids = Ids()
        self.ids.taken.update(STANDARD_LANES)
        self.kinds_used: set[str] = set()
        self.functions: dict[str, str] = {}
        self.raw: dict[str, Any] = {
            "format": "service-blueprint",
            "version": 2,
            "title": "",
            "description": "",
            "functions": [],
            "lanes": [],
            "stages": [],
            "cards": [],
            "links": [],
            "improvements": [],
            "views": [],
        }
        self.origins: dict[str, list[Origin]] = {
            kind: [] for kind in self.raw if isinstance(self.raw[kind], list)
        }
        self.origins.update(persona=[], metadata=[])

    def add(self, kind: str, element: dict[str, Any], origin: Origin) -> dict[str, Any]:
        self.raw[kind].append(element)
        self.origins[kind].append(origin)
        return element

    def stage(
        self, name: str, origin: Origin, reference: str | None = None, column: str = "Stage"
    ) -> dict[str, Any]:
        if len(name.strip()) > 200:
            self.notes.at(origin.sheet).add(
                f"a stage name of {len(name.strip()):,} characters; cut to 200", origin.row, column
            )
        element = {
            "id": self.ids.derived(reference or name, "stage"),
            "name": cut(name, 200),
            "phase": None,
            "job": "",
            "steps": [],
        }
        return self.add("stages", element, origin)

    def step(self, stage: dict[str, Any], name: str, origin: Origin | None = None) -> str:
        if origin is not None and len(name.strip()) > 200:
            self.notes.at(origin.sheet).add(
                f"a step name of {len(name.strip()):,} characters; cut to 200", origin.row, "Step"
            )
        step_id = self.ids.fresh("step")
        stage["steps"].append({"id": step_id, "name": cut(name, 200) or "(untitled)"})
        return step_id

    def function(self, name: str | None, row: int | None = None, column: str | None = None) -> str | None:
        """The id of the function called `name` (trimmed), made on first use; None for a blank name."""
        if not name or not name.strip():
            return None
        name = " ".join(name.split())
        found = self.functions.get(name)
        if found is None:
            if len(name) > 100:
                self.notes.add(f"a function name of {len(name)} characters; cut to 100", row, column)
            found = self.functions[name] = self.ids.derived(name.lower(), "function")
            self.add("functions", {"id": found, "name": cut(name, 100), "kind": "team"}, Origin("", None))
        return found

    def card(self, kind: str, step: str, title: str, origin: Origin, **fields: Any) -> dict[str, Any]:
        """A card in the standard lane of `kind`; a title over 500 characters is cut, and kept whole at
        the start of the description."""
        self.kinds_used.add(kind)
        whole = title.strip()
        short = cut(whole, 500)
        description = joined(whole if short != whole else None, fields.pop("description", ""))
        element = {"id": self.ids.fresh("card"), "lane": kind, "step": step, "title": short}
        element.update(description=description, **fields)
        return self.add("cards", element, origin)

    def finish(self, title: str) -> Imported:
        self.raw["title"] = short_title(cut(title, 10_000) or "Imported blueprint", self.notes, None, None)
        self.raw["lanes"] = [
            {"id": kind, "name": name, "kind": kind}
            for kind, name in STANDARD_LANES.items()
            if kind in self.kinds_used
        ]
        self.origins["lanes"] = [Origin("", None)] * len(self.raw["lanes"])
        keep = []
        for stage, origin in zip(self.raw["stages"], self.origins["stages"], strict=True):
            if not stage["steps"]:  # a stage whose every row was left out, or that no row names
                self.notes.at(origin.sheet).add(
                    "no row was imported into this stage (a stage needs at least one step); "
                    "the stage was left out",
                    origin.row,
                )
            keep.append(bool(stage["steps"]))
        self.raw["stages"] = [s for s, k in zip(self.raw["stages"], keep, strict=True) if k]
        self.origins["stages"] = [o for o, k in zip(self.origins["stages"], keep, strict=True) if k]
        doc = assemble(self.raw, self.origins, self.notes, self.source)
        report = ImportReport(Path(self.source).name, self.layout, counts_of(doc), tuple(self.notes.items))
        return Imported(doc, report)


def file_title(source: str) -> str:
    """The document's title for an imported file: its name without the suffix."""
    return Path(source).stem.strip() or "Imported blueprint"
